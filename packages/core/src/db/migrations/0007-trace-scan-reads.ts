import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * What the public scan page (扫码查询) reads, made cheap to read:
 * - where each identified object (an item, a case, a pallet) has been: one row per object, premises (of the
 *   business location, else of the read point) and the parent it was packed into there, if any, written by
 *   capture beside the events. A scan reads an item's places and its parents' with a few probes of one index
 *   instead of searching every monthly partition of `epcis_events`. Rows of earlier events are derived here
 *   from the events themselves;
 * - room on the pages of `trace_codes` for the scan count each scan updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(
    db,
    `
    CREATE TABLE trace_epc_places (
      epc text NOT NULL,
      -- The premises of the business location (else of the read point); null on a row that only records a packing.
      premises_id uuid REFERENCES premises(id),
      -- The parent (case, pallet) an AggregationEvent ADD packed the object into there, and when.
      parent text,
      packed_at timestamptz,
      first_seen timestamptz NOT NULL,
      last_seen timestamptz NOT NULL
    );
    CREATE INDEX trace_epc_places_epc_idx ON trace_epc_places (epc);

    -- The rows the events themselves give, for the given objects (all when NULL): the one definition, used by
    -- this backfill and when an error declaration retracts an event. Retracted events do not count. A location
    -- is a premises by its GLN (sub-locations included) or by the platform's own URI (equality joins on unique
    -- keys). An SQL function the planner inlines, so a call with objects searches the GIN index of identifiers.
    CREATE FUNCTION trace_epc_places_derived(only_epcs text[])
    RETURNS TABLE (epc text, premises_id uuid, parent text, packed_at timestamptz, first_seen timestamptz, last_seen timestamptz)
    LANGUAGE sql STABLE AS $fn$
      SELECT m.epc, m.premises_id, m.parent, min(m.event_time) FILTER (WHERE m.parent IS NOT NULL), min(m.event_time), max(m.event_time)
      FROM (
        SELECT e.epc, coalesce(bg.id, bp.id, rg.id, rp.id) AS premises_id, ev.event_time,
          CASE WHEN ev.event_type = 'AggregationEvent' AND ev.action = 'ADD' AND e.epc = ANY(ev.child_epcs) THEN ev.parent_id END AS parent
        FROM epcis_events ev CROSS JOIN LATERAL unnest(ev.any_epcs) AS e(epc)
        LEFT JOIN premises bg ON bg.gln = CASE WHEN ev.biz_location LIKE 'https://id.gs1.org/414/%' THEN substr(ev.biz_location, 24, 13) END
        LEFT JOIN premises bp ON bp.id = CASE WHEN ev.biz_location ~ '^urn:shian:loc:[0-9a-fA-F-]{36}$' THEN substr(ev.biz_location, 15)::uuid END
        LEFT JOIN premises rg ON rg.gln = CASE WHEN ev.read_point LIKE 'https://id.gs1.org/414/%' THEN substr(ev.read_point, 24, 13) END
        LEFT JOIN premises rp ON rp.id = CASE WHEN ev.read_point ~ '^urn:shian:loc:[0-9a-fA-F-]{36}$' THEN substr(ev.read_point, 15)::uuid END
        WHERE (only_epcs IS NULL OR (ev.any_epcs && only_epcs AND e.epc = ANY(only_epcs))) AND ev.error_reason IS NULL
          AND NOT EXISTS (SELECT 1 FROM epcis_events d WHERE d.event_id = ev.event_id AND d.error_reason IS NOT NULL)
      ) m
      WHERE m.premises_id IS NOT NULL OR m.parent IS NOT NULL
      GROUP BY m.epc, m.premises_id, m.parent
    $fn$;

    INSERT INTO trace_epc_places SELECT * FROM trace_epc_places_derived(NULL);

    -- Every scan of the public page counts up its code's row: room on each page lets the update stay on the
    -- page (a heap-only tuple) instead of adding entries to both indexes of trace_codes.
    ALTER TABLE trace_codes SET (fillfactor = 85);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, 'ALTER TABLE trace_codes RESET (fillfactor);\nDROP FUNCTION trace_epc_places_derived(text[]);\nDROP TABLE trace_epc_places;');
}
