import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../db/transaction.ts';
import { copyField, copyLines } from '../../epcis/capture/copy-events.ts';
import type { EventRow } from '../../epcis/capture/normalise-event.ts';

/**
 * Where each identified object has been (`trace_epc_places`): per object, premises and the parent it was
 * packed into there, with the first and last time it was seen there. Capture writes the rows of a document's
 * events beside them, merged in memory first (a can commissioned and packed at the same factory is one row);
 * rows of other documents about the same object stay separate and are merged when read. An error
 * declaration makes the rows of the objects of the event it retracts derive again from the events
 * (`trace_epc_places_derived`, the one definition, in migration 0007).
 */
export interface EpcPlaceRow {
  epc: string;
  /** Null on a row that only records a packing (an aggregation without a location on the platform). */
  premisesId: string | null;
  parent: string | null;
  packedAt: Date | null;
  firstSeen: Date;
  lastSeen: Date;
}

interface Entry {
  epc: string;
  premisesId: string | null;
  parent: string | null;
  packedAt: number | null;
  first: number;
  last: number;
}

const SEP = '\u0000';

/** Collects the place rows of one capture's stored events. */
export class EpcPlaceCollector {
  readonly #entries = new Map<string, Entry>();
  /** Objects of events an error declaration in this capture retracts. */
  readonly retracted = new Set<string>();

  /**
   * Adds a stored event at `premisesId`: the premises of its business location, else of its read point; null
   * when neither is a premises of the platform (then only a packing it records is kept).
   */
  add(row: EventRow, premisesId: string | null): void {
    if (row.error_reason !== null) {
      for (const epc of row.any_epcs) this.retracted.add(epc);
      return;
    }
    const packing = row.event_type === 'AggregationEvent' && row.action === 'ADD' && row.parent_id !== null;
    if (premisesId === null && !packing) return;
    const at = Date.parse(row.event_time);
    const children = packing ? new Set(row.child_epcs) : null;
    for (const epc of row.any_epcs) {
      const parent = children?.has(epc) ? row.parent_id : null;
      if (premisesId === null && parent === null) continue;
      const key = `${epc}${SEP}${premisesId ?? ''}${SEP}${parent ?? ''}`;
      const entry = this.#entries.get(key);
      if (!entry) this.#entries.set(key, { epc, premisesId, parent, packedAt: parent === null ? null : at, first: at, last: at });
      else {
        if (at < entry.first) entry.first = at;
        if (at > entry.last) entry.last = at;
        if (entry.packedAt !== null && at < entry.packedAt) entry.packedAt = at;
      }
    }
  }

  /** The rows to store: an object's row without a parent is folded into its row with one at the same premises. */
  rows(): EpcPlaceRow[] {
    const packed = new Map<string, Entry>();
    for (const entry of this.#entries.values()) {
      const at = `${entry.epc}${SEP}${entry.premisesId ?? ''}`;
      if (entry.parent !== null && entry.premisesId !== null && !packed.has(at)) packed.set(at, entry);
    }
    const rows: EpcPlaceRow[] = [];
    const folded = new Set<Entry>();
    for (const entry of this.#entries.values()) {
      const into = entry.parent === null ? packed.get(`${entry.epc}${SEP}${entry.premisesId ?? ''}`) : undefined;
      if (!into) continue;
      into.first = Math.min(into.first, entry.first);
      into.last = Math.max(into.last, entry.last);
      folded.add(entry);
    }
    for (const entry of this.#entries.values()) {
      if (folded.has(entry)) continue;
      rows.push({ epc: entry.epc, premisesId: entry.premisesId, parent: entry.parent, packedAt: entry.packedAt === null ? null : new Date(entry.packedAt), firstSeen: new Date(entry.first), lastSeen: new Date(entry.last) });
    }
    return rows;
  }
}

const COPY_PLACES = 'COPY trace_epc_places (epc, premises_id, parent, packed_at, first_seen, last_seen) FROM STDIN';
const INSERT_ROWS = 2000;

/** Stores place rows: by COPY through `client` on a PostgreSQL server, by INSERT on PGlite (client null). */
export async function writeEpcPlaces(db: Trx, client: pg.ClientBase | null, rows: readonly EpcPlaceRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (client) {
    const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
    await copyLines(
      client,
      COPY_PLACES,
      rows.map((r) => `${[r.epc, r.premisesId, r.parent, iso(r.packedAt), iso(r.firstSeen), iso(r.lastSeen)].map(copyField).join('\t')}\n`),
    );
    return;
  }
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    await db.insertInto('traceEpcPlaces').values(rows.slice(start, start + INSERT_ROWS)).execute();
  }
}

/** Derives the rows of these objects again from their events (after an error declaration retracted one). */
export async function rebuildEpcPlaces(db: Db | Trx, epcs: Iterable<string>): Promise<void> {
  const list = [...new Set(epcs)];
  if (list.length === 0) return;
  await sql`DELETE FROM trace_epc_places WHERE epc = ANY(${list}::text[])`.execute(db);
  await sql`INSERT INTO trace_epc_places SELECT * FROM trace_epc_places_derived(${list}::text[])`.execute(db);
}
