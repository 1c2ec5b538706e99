import type { Kysely } from 'kysely';
import { runDdl } from './run-ddl.ts';

/**
 * Where each identified object (an item, a case, a pallet) has been: one row per object, premises (of the
 * business location, else of the read point) and the parent it was packed into there (if any), written by capture beside the events. The public scan page reads
 * an item's places and its parents' with a few index probes on this one table instead of searching every
 * monthly partition of `epcis_events`. Rows of earlier events are derived here from the events themselves.
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
    -- this backfill and when an error declaration retracts an event. Retracted events do not count. An SQL
    -- function the planner inlines, so a call with objects searches the GIN index of identifiers.
    CREATE FUNCTION trace_epc_places_derived(only_epcs text[])
    RETURNS TABLE (epc text, premises_id uuid, parent text, packed_at timestamptz, first_seen timestamptz, last_seen timestamptz)
    LANGUAGE sql STABLE AS $fn$
      SELECT m.epc, m.premises_id, m.parent, min(m.event_time) FILTER (WHERE m.parent IS NOT NULL), min(m.event_time), max(m.event_time)
      FROM (
        SELECT e.epc, coalesce(bl.id, rp.id) AS premises_id, ev.event_time,
          CASE WHEN ev.event_type = 'AggregationEvent' AND ev.action = 'ADD' AND e.epc = ANY(ev.child_epcs) THEN ev.parent_id END AS parent
        FROM epcis_events ev CROSS JOIN LATERAL unnest(ev.any_epcs) AS e(epc)
        LEFT JOIN premises bl ON (ev.biz_location LIKE 'https://id.gs1.org/414/%' AND bl.gln = substr(ev.biz_location, 24, 13))
          OR (ev.biz_location ~ '^urn:shian:loc:[0-9a-fA-F-]{36}$' AND bl.id::text = lower(substr(ev.biz_location, 15)))
        LEFT JOIN premises rp ON (ev.read_point LIKE 'https://id.gs1.org/414/%' AND rp.gln = substr(ev.read_point, 24, 13))
          OR (ev.read_point ~ '^urn:shian:loc:[0-9a-fA-F-]{36}$' AND rp.id::text = lower(substr(ev.read_point, 15)))
        WHERE (only_epcs IS NULL OR (ev.any_epcs && only_epcs AND e.epc = ANY(only_epcs))) AND ev.error_reason IS NULL
          AND NOT EXISTS (SELECT 1 FROM epcis_events d WHERE d.event_id = ev.event_id AND d.error_reason IS NOT NULL)
      ) m
      WHERE m.premises_id IS NOT NULL OR m.parent IS NOT NULL
      GROUP BY m.epc, m.premises_id, m.parent
    $fn$;

    INSERT INTO trace_epc_places SELECT * FROM trace_epc_places_derived(NULL);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, 'DROP FUNCTION trace_epc_places_derived(text[]);\nDROP TABLE trace_epc_places;');
}
