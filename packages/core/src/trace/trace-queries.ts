import { sql } from 'kysely';
import { canonicalGtin, canonicalItem, canonicalLotClass, districtOf } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';
import { lotsNamedBy, readEventDoc, type TraceEventRow } from './trace-event-doc.ts';

/**
 * The SQL of the trace (追溯): one batched query per level of the walk (identifier and class arrays against
 * the GIN indexes of `epcis_events`, cut into chunks so no statement carries an unbounded array), and the
 * look-ups that name what the walk found (lots, makers, enterprises, products, places).
 */
type Handle = Db | Trx;

/** Identifiers per statement: large enough for few round trips, small enough for a plan that uses the index. */
const CHUNK = 5000;

function chunks<T>(values: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

const EVENT_COLUMNS = [
  'id',
  'eventId',
  'eventType',
  'action',
  'bizStep',
  'disposition',
  'eventTime',
  'eventTimeZoneOffset',
  'readPoint',
  'bizLocation',
  'parentId',
  'epcList',
  'childEpcs',
  'inputEpcs',
  'outputEpcs',
  'anyClasses',
  'destinations',
  'enterpriseId',
  'errorReason',
  'doc',
] as const;

const toRow = (r: Omit<TraceEventRow, 'id'> & { id: number | string }): TraceEventRow => ({ ...r, id: Number(r.id) });

/** Every event naming one of `epcs` (any role) or touching one of `classes`, in batched statements. */
export async function fetchEventsNaming(db: Handle, frontier: { epcs: readonly string[]; classes: readonly string[] }, only?: 'TransformationEvent'): Promise<TraceEventRow[]> {
  const rows = new Map<number, TraceEventRow>();
  const run = async (column: 'anyEpcs' | 'anyClasses', values: string[]) => {
    let q = db.selectFrom('epcisEvents').select(EVENT_COLUMNS).where(sql<boolean>`${sql.ref(column)} && ${sql.val(values)}::text[]`);
    if (only) q = q.where('eventType', '=', only);
    for (const r of await q.execute()) rows.set(Number(r.id), toRow(r));
  };
  for (const part of chunks(frontier.epcs)) await run('anyEpcs', part);
  for (const part of chunks(frontier.classes)) await run('anyClasses', part);
  return [...rows.values()];
}

/**
 * Events that give a lot by ILMD only (commissioning, a transformation's outputs) to items written without
 * their lot: found through the GTIN class and an ILMD value equal to the lot, then checked by the doc reader.
 */
export async function fetchIlmdEventsOfLot(db: Handle, gtin: string, lot: string): Promise<TraceEventRow[]> {
  const rows = await db
    .selectFrom('epcisEvents')
    .select(EVENT_COLUMNS)
    .where(sql<boolean>`any_classes @> ${sql.val([canonicalGtin(gtin)])}::text[]`)
    .where('eventType', 'in', ['ObjectEvent', 'TransformationEvent'])
    .where(sql<boolean>`jsonb_path_exists(doc, '$.ilmd.* ? (@ == $lot)', jsonb_build_object('lot', ${lot}::text))`)
    .execute();
  return rows.map(toRow);
}

/** The item identifiers the platform issued for a lot (trace_code_batches), up to `limit`. */
export async function issuedItemsOfLot(db: Handle, gtin: string, lot: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('traceCodes')
    .innerJoin('traceCodeBatches', 'traceCodeBatches.id', 'traceCodes.batchId')
    .select(['traceCodes.gtin', 'traceCodes.serial'])
    .where('traceCodeBatches.gtin', '=', gtin)
    .where('traceCodeBatches.lot', '=', lot)
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    try {
      return [canonicalItem(r.gtin, r.serial)];
    } catch {
      return [];
    }
  });
}

/** The lot of each item, as far as the platform knows: its issued code's batch, or an event that names it with its lot. */
export async function lotsOfItems(db: Handle, items: readonly string[]): Promise<Map<string, string>> {
  const lots = new Map<string, string>();
  const wanted = new Set(items);
  for (const part of chunks(items)) {
    const rows = await db
      .selectFrom('epcisEvents')
      .select(EVENT_COLUMNS)
      .where(sql<boolean>`any_epcs && ${sql.val(part)}::text[]`)
      .where((eb) => eb.or([eb('eventType', '=', 'TransformationEvent'), eb.and([eb('eventType', '=', 'ObjectEvent'), eb('action', '=', 'ADD')])]))
      .where('errorReason', 'is', null)
      .execute();
    for (const r of rows) {
      const row = toRow(r);
      for (const [item, lot] of lotsNamedBy(row, readEventDoc(row.doc))) if (wanted.has(item) && !lots.has(item)) lots.set(item, lot);
    }
    const keys = part.map((item) => /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/21\/(.+)$/.exec(item)).filter((m) => m !== null);
    if (keys.length === 0) continue;
    const codes = await db
      .selectFrom('traceCodes')
      .innerJoin('traceCodeBatches', 'traceCodeBatches.id', 'traceCodes.batchId')
      .select(['traceCodes.gtin', 'traceCodes.serial', 'traceCodeBatches.lot'])
      .where(sql<boolean>`(trace_codes.gtin, trace_codes.serial) IN (${sql.join(keys.map((m) => sql`(${m[1]}, ${decodeURIComponent(m[2] ?? '')})`))})`)
      .execute();
    for (const c of codes) {
      try {
        const item = canonicalItem(c.gtin, c.serial);
        if (!lots.has(item)) lots.set(item, canonicalLotClass(c.gtin, c.lot));
      } catch {
        // A stored code outside the GS1 character set cannot be an event's identifier.
      }
    }
  }
  return lots;
}

/** The spellings a GTIN-14 may be registered under on a product (GTIN-8/12/13 are stored as entered). */
export function gtinSpellings(gtin14: string): string[] {
  return [gtin14, ...[13, 12, 8].filter((n) => /^0+$/.test(gtin14.slice(0, 14 - n))).map((n) => gtin14.slice(14 - n))];
}

export interface ProductRef {
  id: string;
  name: string;
  enterpriseId: string;
  jurisdictionCode: string;
  status: string;
}

/** Registered products by GTIN-14 (the registry stores GTIN-8/12/13/14 as entered). */
export async function productsByGtins(db: Handle, gtins: Iterable<string>): Promise<Map<string, ProductRef>> {
  const wanted = [...new Set(gtins)];
  const result = new Map<string, ProductRef>();
  if (wanted.length === 0) return result;
  const spellings = wanted.flatMap(gtinSpellings);
  const rows = await db
    .selectFrom('products')
    .select(['id', 'name', 'enterpriseId', 'jurisdictionCode', 'status', 'gtins'])
    .where(sql<boolean>`gtins && ${sql.val(spellings)}::text[]`)
    .orderBy(sql`status = 'active'`, 'desc')
    .orderBy('createdAt')
    .execute();
  for (const gtin of wanted) {
    const names = new Set(gtinSpellings(gtin));
    const row = rows.find((r) => r.gtins.some((g) => names.has(g)));
    if (row) result.set(gtin, { id: row.id, name: row.name, enterpriseId: row.enterpriseId, jurisdictionCode: row.jurisdictionCode, status: row.status });
  }
  return result;
}

/**
 * The maker (生产者) of each lot: the enterprise the platform issued the lot's codes to; else the one that
 * captured its commissioning (or the transformation that made it); else the owner of the registered product.
 */
export async function makersOfLots(db: Handle, lots: readonly { classKey: string; gtin: string; lot: string | null }[]): Promise<Map<string, string>> {
  const makers = new Map<string, string>();
  const withLot = lots.filter((l): l is { classKey: string; gtin: string; lot: string } => l.lot !== null);
  if (withLot.length > 0) {
    const batches = await db
      .selectFrom('traceCodeBatches')
      .select(['gtin', 'lot', 'enterpriseId'])
      .where(sql<boolean>`(gtin, lot) IN (${sql.join(withLot.map((l) => sql`(${l.gtin}, ${l.lot})`))})`)
      .orderBy('createdAt')
      .execute();
    for (const b of batches) {
      const key = canonicalLotClass(b.gtin, b.lot);
      if (!makers.has(key)) makers.set(key, b.enterpriseId);
    }
    const missing = withLot.filter((l) => !makers.has(l.classKey)).map((l) => l.classKey);
    if (missing.length > 0) {
      const made = await db
        .selectFrom('epcisEvents')
        .select(['anyClasses', 'enterpriseId', 'eventTime'])
        .where(sql<boolean>`any_classes && ${sql.val(missing)}::text[]`)
        .where('enterpriseId', 'is not', null)
        .where('errorReason', 'is', null)
        .where((eb) => eb.or([eb('eventType', '=', 'TransformationEvent'), eb.and([eb('eventType', '=', 'ObjectEvent'), eb('action', '=', 'ADD'), eb('bizStep', '=', 'commissioning')])]))
        .orderBy('eventTime')
        .execute();
      for (const m of made) for (const c of m.anyClasses) if (missing.includes(c) && !makers.has(c) && m.enterpriseId) makers.set(c, m.enterpriseId);
    }
  }
  const unknown = lots.filter((l) => !makers.has(l.classKey));
  const products = await productsByGtins(db, unknown.map((l) => l.gtin));
  for (const l of unknown) {
    const p = products.get(l.gtin);
    if (p) makers.set(l.classKey, p.enterpriseId);
  }
  return makers;
}

export interface EnterpriseRef {
  id: string;
  name: string;
  uscc: string;
  jurisdictionCode: string;
}

export async function enterprisesByIds(db: Handle, ids: Iterable<string | null>): Promise<Map<string, EnterpriseRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('enterprises').select(['id', 'name', 'uscc', 'jurisdictionCode']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** District names (区) by jurisdiction code, in both languages. */
export async function districtNames(db: Handle, codes: Iterable<string>): Promise<Map<string, { zh: string; en: string }>> {
  const districts = [...new Set([...codes].map((c) => districtOf(c)).filter((c): c is string => c !== null))];
  if (districts.length === 0) return new Map();
  const rows = await db.selectFrom('jurisdictions').select(['code', 'nameZh', 'nameEn']).where('code', 'in', districts).execute();
  const byDistrict = new Map(rows.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]));
  const result = new Map<string, { zh: string; en: string }>();
  for (const code of codes) {
    const name = byDistrict.get(districtOf(code) ?? '');
    if (name) result.set(code, name);
  }
  return result;
}
