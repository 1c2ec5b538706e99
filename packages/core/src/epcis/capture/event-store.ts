import { sql } from 'kysely';
import { canonicalLotClass, toGtin14 } from '@shian/domain';
import type { Trx } from '../../db/transaction.ts';
import { lotLookupKey } from './normalise-event.ts';

/**
 * Bulk reads of capture, one statement per chunk of events: the lots of issued codes, events already stored
 * under the same eventIDs, the enterprise's GTINs. Raw SQL is snake_case (the CamelCasePlugin rewrites only
 * the names of result columns). The insert itself is in `insert-events.ts`.
 */

/** Where the rows of one capture belong. */
export interface CaptureTarget {
  captureId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  recordTime: Date;
}

/**
 * Makes this transaction compress large values with LZ4 where the server has it (PostgreSQL 14+ built with
 * lz4; PGlite only has pglz): a 100 MB capture document compresses about three times faster than with pglz,
 * to the same size. Transaction-local; a no-op where LZ4 is missing.
 */
export async function preferFastCompression(db: Trx): Promise<void> {
  await sql`SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
    WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`.execute(db);
}

/** Of these GTIN-14s, those the platform has issued item codes for (one query on the batches' index). */
export async function findIssuedGtins(db: Trx, gtins: readonly string[]): Promise<Set<string>> {
  if (gtins.length === 0) return new Set();
  const rows = await db.selectFrom('traceCodeBatches').select('gtin').distinct().where('gtin', 'in', [...new Set(gtins)]).execute();
  return new Set(rows.map((r) => r.gtin));
}

/** An event already stored: whether it is an error declaration, who captured it, and its content. */
export interface StoredEvent {
  eventId: string;
  declared: boolean;
  enterpriseId: string | null;
  doc: Record<string, unknown>;
}

/** Stored events with any of these eventIDs (one query; the event_id index answers it). */
export async function findStoredEvents(db: Trx, eventIds: readonly string[]): Promise<StoredEvent[]> {
  if (eventIds.length === 0) return [];
  // The CamelCasePlugin renames the result columns (event_id → eventId).
  const result = await sql<StoredEvent>`
    SELECT event_id, error_reason IS NOT NULL AS declared, enterprise_id, doc
    FROM epcis_events WHERE event_id = ANY(${sql.val([...new Set(eventIds)])}::text[])`.execute(db);
  return result.rows;
}

/**
 * The lot class of items the platform issued codes for (trace_codes → trace_code_batches), in one query for
 * the whole document. Keys are {@link lotLookupKey}; unknown items are absent.
 */
export async function findIssuedLots(db: Trx, items: readonly { gtin: string; serial: string }[]): Promise<Map<string, string>> {
  const lots = new Map<string, string>();
  if (items.length === 0) return lots;
  const unique = new Map(items.map((i) => [lotLookupKey(i.gtin, i.serial), i]));
  const gtins = [...unique.values()].map((i) => i.gtin);
  const serials = [...unique.values()].map((i) => i.serial);
  const result = await sql<{ gtin: string; serial: string; lot: string }>`
    SELECT c.gtin, c.serial, b.lot
    FROM unnest(${sql.val(gtins)}::text[], ${sql.val(serials)}::text[]) AS i(gtin, serial)
    JOIN trace_codes c ON c.gtin = i.gtin AND c.serial = i.serial
    JOIN trace_code_batches b ON b.id = c.batch_id`.execute(db);
  for (const row of result.rows) {
    try {
      lots.set(lotLookupKey(row.gtin, row.serial), canonicalLotClass(row.gtin, row.lot));
    } catch {
      // A lot outside the GS1 character set cannot be a class key; the item keeps its GTIN class only.
    }
  }
  return lots;
}

/**
 * The GTIN-14s of an enterprise's registered products (商品条码), whatever length they were registered with;
 * a cancelled product's codes are not its to commission any more.
 */
export async function findEnterpriseGtins(db: Trx, enterpriseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('products').select('gtins').where('enterpriseId', '=', enterpriseId).where('status', '!=', 'cancelled').execute();
  const gtins = new Set<string>();
  for (const row of rows) {
    for (const gtin of row.gtins) {
      const g14 = toGtin14(gtin);
      if (g14) gtins.add(g14);
    }
  }
  return gtins;
}
