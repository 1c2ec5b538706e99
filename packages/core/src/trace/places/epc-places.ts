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
  /** Times as the events wrote them (ISO 8601 with their offset). */
  packedAt: string | null;
  firstSeen: string;
  lastSeen: string;
}

/** One object's row in the making: times kept as milliseconds beside the event's own text. */
interface Entry {
  premisesId: string | null;
  parent: string | null;
  packedAt: number;
  packedText: string | null;
  first: number;
  firstText: string;
  last: number;
  lastText: string;
}

/** Collects the place rows of one capture's stored events. */
export class EpcPlaceCollector {
  /** Per object, its entries (a handful at most): keyed by the identifier strings the events already hold. */
  readonly #byEpc = new Map<string, Entry[]>();
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
    const text = row.event_time;
    // A large aggregation's children are looked up in a set, a small one's in the array.
    const children = packing && row.child_epcs.length > 16 ? new Set(row.child_epcs) : row.child_epcs;
    const isChild = (epc: string): boolean => (children instanceof Set ? children.has(epc) : children.includes(epc));
    for (const epc of row.any_epcs) {
      const parent = packing && epc !== row.parent_id && isChild(epc) ? row.parent_id : null;
      if (premisesId === null && parent === null) continue;
      let entries = this.#byEpc.get(epc);
      if (!entries) {
        entries = [];
        this.#byEpc.set(epc, entries);
      }
      const entry = entries.find((e) => e.premisesId === premisesId && e.parent === parent);
      if (!entry) {
        entries.push({ premisesId, parent, packedAt: parent === null ? Infinity : at, packedText: parent === null ? null : text, first: at, firstText: text, last: at, lastText: text });
        continue;
      }
      if (at < entry.first) [entry.first, entry.firstText] = [at, text];
      if (at > entry.last) [entry.last, entry.lastText] = [at, text];
      if (entry.packedText !== null && at < entry.packedAt) [entry.packedAt, entry.packedText] = [at, text];
    }
  }

  /** The rows to store: an object's row without a parent is folded into its row with one at the same premises. */
  rows(): EpcPlaceRow[] {
    const rows: EpcPlaceRow[] = [];
    for (const [epc, entries] of this.#byEpc) {
      for (const entry of entries) {
        const into = entry.parent === null && entry.premisesId !== null ? entries.find((e) => e.parent !== null && e.premisesId === entry.premisesId) : undefined;
        if (into) {
          if (entry.first < into.first) [into.first, into.firstText] = [entry.first, entry.firstText];
          if (entry.last > into.last) [into.last, into.lastText] = [entry.last, entry.lastText];
        }
      }
      for (const entry of entries) {
        if (entry.parent === null && entry.premisesId !== null && entries.some((e) => e.parent !== null && e.premisesId === entry.premisesId)) continue;
        rows.push({ epc, premisesId: entry.premisesId, parent: entry.parent, packedAt: entry.packedText, firstSeen: entry.firstText, lastSeen: entry.lastText });
      }
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
    await copyLines(
      client,
      COPY_PLACES,
      (function* () {
        for (const r of rows) yield `${copyField(r.epc)}\t${copyField(r.premisesId)}\t${copyField(r.parent)}\t${copyField(r.packedAt)}\t${copyField(r.firstSeen)}\t${copyField(r.lastSeen)}\n`;
      })(),
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
