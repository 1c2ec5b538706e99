import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { canonicalItem, canonicalLotClass, findJurisdiction } from '@shian/domain';
import type { Db } from '../../db/connect.ts';

/**
 * What the public scan page (扫码查询) shows about a code: the code and its batch, open recalls of the lot or
 * the serial, and the districts and streets the item (or a case or pallet it was packed into) has been at —
 * read on every scan — and the lot's facts: the product (registration or filing number), the maker and its
 * production licence, and the lot's release (出厂放行), which the scan page's reader keeps for half a minute.
 */

/** An open recall (召回) covering the lot or the serial. */
export interface ScanRecall {
  number: string;
  level: '1' | '2' | '3';
  reason: string;
  lot: string | null;
  createdAt: string;
}

/** Where the item has been, at city level: a street (or district) and the first time it was seen there. */
export interface ScanPlace {
  firstSeenAt: string;
  jurisdictionCode: string;
  districtZh: string | null;
  districtEn: string | null;
  streetZh: string | null;
  streetEn: string | null;
}

export interface ScanFacts {
  product: { id: string; name: string; registrationNumber: string; category: 'health_food' | 'infant_formula' | 'fsmp' };
  maker: { id: string; name: string; licenceNumber: string | null; jurisdictionCode: string };
  /** The batch of codes (item pages, and lot pages when codes were issued for the lot). */
  batch: { id: string; number: string; lot: string; productionDate: string; expiryDate: string; jurisdictionCode: string } | null;
  /** The item (item pages only): its position and the scans stored so far. */
  code: { serial: string; seq: number; scanCount: number; firstScannedAt: Date | null } | null;
  recalls: ScanRecall[];
  /** The maker's latest release inspection of the lot: `conformant`, `non_conformant` (or another CBV word), null when none. */
  release: { disposition: string | null; eventTime: string } | null;
  places: ScanPlace[];
}

export interface ScanKey {
  /** GTIN-14. */
  gtin: string;
  lot: string | null;
  serial: string | null;
}

/** The stored spellings of a GTIN-14: products keep the GTIN as registered (mostly GTIN-13). */
export function gtinSpellings(gtin14: string): string[] {
  const forms = [gtin14];
  if (gtin14.startsWith('0')) forms.push(gtin14.slice(1));
  if (gtin14.startsWith('00')) forms.push(gtin14.slice(2));
  if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6));
  return forms;
}

/**
 * The canonical lot class of a batch's lot, in SQL: `https://id.gs1.org/01/{gtin}/10/{lot}` with the lot
 * percent-encoded like `encodeURIComponent` encodes the GS1 AI 82 characters (`"%&+,/:;<=>?`).
 */
function lotClassSql(gtin: RawBuilder<unknown>, lot: RawBuilder<unknown>): RawBuilder<string> {
  let encoded: RawBuilder<unknown> = sql`replace(${lot}, '%', '%25')`;
  for (const ch of '"&+,/:;<=>?') encoded = sql`replace(${encoded}, ${ch}, ${`%${ch.charCodeAt(0).toString(16).toUpperCase()}`})`;
  return sql<string>`'https://id.gs1.org/01/' || ${gtin} || '/10/' || ${encoded}`;
}

/**
 * The release of the lot, as JSON: the decision of the maker's quality authorised person (质量安全受权人) in its
 * release record (出厂放行记录; the latest not corrected), shown as `conformant` (released) or `non_conformant`
 * (rejected); else the maker's latest release inspection (bizStep inspecting) of the lot class in its EPCIS
 * events, read from the partial index of inspecting events. An event retracted by an error declaration does
 * not count: the declaration repeats the event it retracts with the same eventID (EPCIS 2.0 §7.4.1.2), so the
 * same probe finds it. `coalesce` reads the events only when there is no release record.
 */
function releaseSql(productId: RawBuilder<unknown>, lot: RawBuilder<unknown>, lotClass: RawBuilder<unknown>, makerId: RawBuilder<unknown>, since: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`coalesce((SELECT json_build_object('disposition', CASE q.decision WHEN 'release' THEN 'conformant' ELSE 'non_conformant' END, 'eventTime', q.decided_at)
      FROM qa_release_records q
      WHERE q.lot = ${lot} AND q.product_id = ${productId} AND NOT EXISTS (SELECT 1 FROM qa_release_records c WHERE c.corrects_id = q.id)
      ORDER BY q.decided_at DESC LIMIT 1), (WITH inspections AS MATERIALIZED (
      SELECT ev.event_id, ev.disposition, ev.event_time, ev.error_reason FROM epcis_events ev
      WHERE ev.biz_step = 'inspecting' AND ev.any_classes @> ARRAY[${lotClass}]::text[] AND ev.enterprise_id = ${makerId}
        AND ev.record_time >= ${since}
    )
    SELECT json_build_object('disposition', i.disposition, 'eventTime', i.event_time) FROM inspections i
    WHERE i.error_reason IS NULL AND i.event_id NOT IN (SELECT r.event_id FROM inspections r WHERE r.error_reason IS NOT NULL)
    ORDER BY i.event_time DESC LIMIT 1))`;
}

/** Open recalls of a GTIN, narrowed to a lot and/or a serial, as a JSON array (null when none). */
function recallsSql(gtin: RawBuilder<unknown>, lot: RawBuilder<unknown>, serial: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT json_agg(json_build_object('number', r.number, 'level', r.level, 'reason', r.reason, 'lot', r.lot, 'createdAt', r.created_at) ORDER BY r.created_at)
    FROM recalls r
    WHERE r.status = 'open' AND r.gtin = ${gtin}
      AND (${lot}::text IS NULL AND ${serial}::text IS NULL OR r.lot = ${lot} OR r.serials @> ARRAY[${serial}]::text[]))`;
}

/**
 * Where an item has been: the premises of its own places (`trace_epc_places`, written by capture), and those
 * of the parents it was packed into (up to pallet level) from the packing on; each premises' jurisdiction and
 * the first visit there, first visit first (the names come from the jurisdiction tree in memory). A few
 * probes of one index, whatever the number of events stored. As JSON (null when none).
 */
function placesSql(item: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(WITH RECURSIVE chain AS (
      SELECT 0 AS depth, ${item}::text AS epc, NULL::timestamptz AS since
      UNION ALL
      SELECT c.depth + 1, p.parent, p.packed_at FROM chain c JOIN trace_epc_places p ON p.epc = c.epc
      WHERE c.depth < 2 AND p.parent IS NOT NULL
    ), placed AS (
      SELECT min(greatest(p.first_seen, c.since)) AS first_seen, pr.jurisdiction_code AS code
      FROM chain c JOIN trace_epc_places p ON p.epc = c.epc JOIN premises pr ON pr.id = p.premises_id
      WHERE c.since IS NULL OR p.last_seen >= c.since
      GROUP BY pr.jurisdiction_code
    )
    SELECT json_agg(json_build_object('firstSeenAt', p.first_seen, 'jurisdictionCode', p.code) ORDER BY p.first_seen) FROM placed p)`;
}

/** A place with the names of its street (when it is one) and district, from the jurisdiction tree. */
function namedPlace(place: { firstSeenAt: string; jurisdictionCode: string }): ScanPlace {
  const street = place.jurisdictionCode.length > 6 ? findJurisdiction(place.jurisdictionCode) : undefined;
  const district = findJurisdiction(place.jurisdictionCode.slice(0, 6));
  return {
    ...place,
    districtZh: district?.nameZh ?? null,
    districtEn: district?.nameEn ?? null,
    streetZh: street?.level === 'street' ? street.nameZh : null,
    streetEn: street?.level === 'street' ? street.nameEn : null,
  };
}

/** The lot's facts: product, maker, licence and release (what {@link ScanFactsReader} keeps for a while). */
interface LotRow {
  productId: string;
  productName: string;
  registrationNumber: string;
  category: ScanFacts['product']['category'];
  makerId: string;
  makerName: string;
  makerJurisdiction: string;
  licenceNumber: string | null;
  release: { disposition: string | null; eventTime: string } | null;
}

/** The batch's columns (null on a GTIN page without a lot). */
interface BatchColumns {
  batchId: string | null;
  batchNumber: string | null;
  lot: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  batchJurisdiction: string | null;
}

/** A lot or GTIN page: one statement with the batch and the lot's facts. */
interface ClassRow extends BatchColumns, LotRow {
  recalls: ScanRecall[] | null;
}

/** An item code, read on every scan: the code, its batch, the open recalls and the places (never kept). */
interface ItemRow extends BatchColumns {
  serial: string;
  seq: number;
  scanCount: number;
  firstScannedAt: Date | null;
  batchId: string;
  /** The earliest day of the batch (its production date or request date), `YYYY-MM-DD`. */
  firstDay: string;
  recalls: ScanRecall[] | null;
  places: { firstSeenAt: string; jurisdictionCode: string }[] | null;
}

const licenceSql = (makerId: RawBuilder<unknown>): RawBuilder<unknown> =>
  sql`(SELECT l.number FROM licences l WHERE l.enterprise_id = ${makerId} AND l.kind = 'SC' AND l.status = 'valid' ORDER BY l.valid_until DESC LIMIT 1)`;

/** The columns of the batch, aliased alike for both drivers. */
const BATCH_COLUMNS = sql`b.id AS "batchId", b.number AS "batchNumber", b.lot AS "lot", b.production_date AS "productionDate",
  b.expiry_date AS "expiryDate", b.jurisdiction_code AS "batchJurisdiction"`;

/** The product and maker columns, aliased alike for both drivers. */
const LOT_COLUMNS = sql`p.id AS "productId", p.name AS "productName", p.registration_number AS "registrationNumber", p.category AS "category",
  e.id AS "makerId", e.name AS "makerName", e.jurisdiction_code AS "makerJurisdiction", ${licenceSql(sql.ref('e.id'))} AS "licenceNumber"`;

/**
 * The earliest record time an item's events can have, as an SQL literal (a UTC month start, or -infinity when
 * unknown). Codes are drawn before the item is made and its lot inspected, so nothing about the item is
 * recorded before its batch was requested or its production date, whichever is first. A LITERAL on a month
 * boundary lets the planner drop whole monthly partitions of `epcis_events` (and, unlike a parameter, never
 * tempts it to combine the record-time index with the GIN probe).
 */
export type ScanBound = string;
export const NO_BOUND: ScanBound = '-infinity';

/** The month start (UTC) before a date: the bound of events about items of a batch made then. */
export function boundOf(firstDay: string): ScanBound {
  const day = new Date(`${firstDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return `${day.toISOString().slice(0, 7)}-01T00:00:00Z`;
}

const boundSql = (since: ScanBound): RawBuilder<unknown> => sql`${sql.lit(since)}::timestamptz`;

/** One item code: the code, its batch, open recalls and places in one statement; no row when never issued. */
function itemQuery(gtin: string, serial: string, item: string): RawBuilder<ItemRow> {
  return sql<ItemRow>`
    SELECT c.serial AS "serial", c.seq AS "seq", c.scan_count AS "scanCount", c.first_scanned_at AS "firstScannedAt", ${BATCH_COLUMNS},
      to_char(least(b.production_date, (b.created_at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS "firstDay",
      ${recallsSql(sql.ref('c.gtin'), sql.ref('b.lot'), sql.ref('c.serial'))} AS "recalls",
      ${placesSql(sql.val(item))} AS "places"
    FROM trace_codes c
    JOIN trace_code_batches b ON b.id = c.batch_id
    WHERE c.gtin = ${gtin} AND c.serial = ${serial}`;
}

/** A batch's lot facts: product, maker, licence, release (events read from `since` on). */
function lotQuery(batchId: string, since: ScanBound): RawBuilder<LotRow> {
  const lotClass = lotClassSql(sql.ref('b.gtin'), sql.ref('b.lot'));
  return sql<LotRow>`
    SELECT ${LOT_COLUMNS},
      ${releaseSql(sql.ref('p.id'), sql.ref('b.lot'), lotClass, sql.ref('e.id'), boundSql(since))} AS "release"
    FROM trace_code_batches b
    JOIN products p ON p.id = b.product_id
    JOIN enterprises e ON e.id = b.enterprise_id
    WHERE b.id = ${batchId}::uuid`;
}

/** A lot or a GTIN: the latest batch of the lot when there is one, else the product registered with the GTIN. */
function classQuery(gtin: string, lot: string | null): RawBuilder<ClassRow> {
  const lotValue = sql.val(lot);
  const release = lot === null ? sql`NULL::json` : releaseSql(sql.ref('p.id'), lotValue, sql.val(canonicalLotClass(gtin, lot)), sql.ref('e.id'), boundSql(NO_BOUND));
  return sql<ClassRow>`
    WITH batch AS (
      SELECT b.* FROM trace_code_batches b
      WHERE ${lotValue}::text IS NOT NULL AND b.gtin = ${gtin} AND b.lot = ${lotValue}
      ORDER BY b.created_at DESC LIMIT 1
    ), product AS (
      SELECT p.* FROM products p
      WHERE p.id = coalesce((SELECT product_id FROM batch), (
        SELECT q.id FROM products q WHERE q.gtins && ${sql.val(gtinSpellings(gtin))}::text[]
        ORDER BY (q.status = 'active') DESC, q.created_at LIMIT 1))
    )
    SELECT ${BATCH_COLUMNS}, ${LOT_COLUMNS},
      ${recallsSql(sql.val(gtin), lotValue, sql.val(null))} AS "recalls",
      ${release} AS "release"
    FROM product p
    JOIN enterprises e ON e.id = p.enterprise_id
    LEFT JOIN batch b ON true`;
}

/**
 * Runs a compiled statement and answers its rows. By default through Kysely; on PostgreSQL the resolver
 * passes one that uses named prepared statements (`prepared-statements.ts`), so that the plan is made once
 * per connection rather than once per scan.
 */
export type StatementRunner = <R>(query: CompiledQuery<R>) => Promise<R[]>;

/** The default runner: Kysely's executor (PGlite, or the platform's pool). */
export function kyselyRunner(db: Db): StatementRunner {
  return async <R>(query: CompiledQuery<R>): Promise<R[]> => [...(await db.executeQuery(query)).rows];
}

/** Stand-ins compiled into a statement once, swapped for each scan's values. */
const SLOT = { gtin: '\u0000gtin', serial: '\u0000serial', item: '\u0000item', batch: '\u0000batch' } as const;

/** Compiles a statement once per database and key, then binds it with each call's values. */
function templates<R>(build: (key: string) => RawBuilder<R>): (db: Db, key: string, values: Record<string, string>) => CompiledQuery<R> {
  const byDb = new WeakMap<Db, Map<string, CompiledQuery<R>>>();
  return (db, key, values) => {
    const compiled = byDb.get(db) ?? new Map<string, CompiledQuery<R>>();
    byDb.set(db, compiled);
    let template = compiled.get(key);
    if (!template) {
      template = build(key).compile(db);
      compiled.set(key, template);
    }
    return { ...template, parameters: template.parameters.map((p) => (typeof p === 'string' && p in values ? values[p] : p)) };
  };
}

const itemTemplate = templates(() => itemQuery(SLOT.gtin, SLOT.serial, SLOT.item));
const lotTemplate = templates((since) => lotQuery(SLOT.batch, since));

/** The statement of an item scan (bound and reused: the same text every time). */
export function compileItemQuery(db: Db, gtin: string, serial: string): CompiledQuery<ItemRow> {
  return itemTemplate(db, 'item', { [SLOT.gtin]: gtin, [SLOT.serial]: serial, [SLOT.item]: canonicalItem(gtin, serial) });
}

/** The statement of a batch's lot facts, its events bounded by the batch's first day (one text per month bound). */
export function compileLotQuery(db: Db, batchId: string, since: ScanBound): CompiledQuery<LotRow> {
  return lotTemplate(db, since, { [SLOT.batch]: batchId });
}

/** The lot facts of a batch in the shape of {@link ScanFacts}. */
interface LotFacts {
  product: ScanFacts['product'];
  maker: ScanFacts['maker'];
  release: ScanFacts['release'];
}

const lotFactsOf = (row: LotRow): LotFacts => ({
  product: { id: row.productId, name: row.productName, registrationNumber: row.registrationNumber, category: row.category },
  maker: { id: row.makerId, name: row.makerName, licenceNumber: row.licenceNumber, jurisdictionCode: row.makerJurisdiction },
  release: row.release,
});

function batchOf(row: BatchColumns): ScanFacts['batch'] {
  return row.batchId && row.batchNumber && row.lot && row.productionDate && row.expiryDate && row.batchJurisdiction
    ? { id: row.batchId, number: row.batchNumber, lot: row.lot, productionDate: row.productionDate, expiryDate: row.expiryDate, jurisdictionCode: row.batchJurisdiction }
    : null;
}

/** Reads a batch's lot facts (product, maker, licence, release). */
async function readLotFacts(db: Db, run: StatementRunner, item: ItemRow): Promise<LotFacts | null> {
  const [row] = await run(compileLotQuery(db, item.batchId, boundOf(item.firstDay)));
  return row ? lotFactsOf(row) : null;
}

/** An item's facts from its row and its lot's facts. */
const itemFacts = (item: ItemRow, lot: LotFacts): ScanFacts => ({
  ...lot,
  batch: batchOf(item),
  code: { serial: item.serial, seq: item.seq, scanCount: item.scanCount ?? 0, firstScannedAt: item.firstScannedAt },
  recalls: item.recalls ?? [],
  places: (item.places ?? []).map(namedPlace),
});

/**
 * The facts of a scanned code, or null when the platform never issued it (an item code) or knows no product
 * with the GTIN (a lot or GTIN code): a possible counterfeit. Nothing is kept: every call reads everything.
 */
export async function findScanFacts(db: Db, key: ScanKey, run: StatementRunner = kyselyRunner(db)): Promise<ScanFacts | null> {
  if (key.serial === null) {
    const [row] = await run(classQuery(key.gtin, key.lot).compile(db));
    if (!row) return null;
    return { ...lotFactsOf(row), batch: batchOf(row), code: null, recalls: row.recalls ?? [], places: [] };
  }
  const [item] = await run(compileItemQuery(db, key.gtin, key.serial));
  if (!item) return null;
  const lot = await readLotFacts(db, run, item);
  return lot ? itemFacts(item, lot) : null;
}

/** Reads scan facts for the public scan page, keeping each lot's facts for a short while. */
export interface ScanFactsReader {
  find(key: ScanKey): Promise<ScanFacts | null>;
}

/** How long the scan page keeps a lot's product, maker, licence and release (recalls are never kept). */
export const LOT_FACTS_TTL_MS = 30_000;

/**
 * The scan page's reader. An item scan is ONE statement (the code, its batch, the open recalls, the places);
 * the lot's facts — product, registration number, maker, licence and release result, the same for every item
 * of the lot and the costly part (the release may come from the maker's inspection events) — are read once per
 * lot and kept for {@link LOT_FACTS_TTL_MS}, so a new release decision or a corrected product name shows within
 * half a minute. A recall shows at once: it is read on every scan. Lot and GTIN pages are read whole each time.
 */
export function createScanFactsReader(db: Db, run: StatementRunner = kyselyRunner(db), options: { ttlMs?: number; maxLots?: number; now?: () => number } = {}): ScanFactsReader {
  const ttl = options.ttlMs ?? LOT_FACTS_TTL_MS;
  const maxLots = options.maxLots ?? 100_000;
  const now = options.now ?? Date.now;
  const lots = new Map<string, { facts: LotFacts; until: number }>();
  return {
    async find(key) {
      if (key.serial === null) return findScanFacts(db, key, run);
      const [item] = await run(compileItemQuery(db, key.gtin, key.serial));
      if (!item) return null;
      const kept = lots.get(item.batchId);
      if (kept && kept.until > now()) return itemFacts(item, kept.facts);
      const facts = await readLotFacts(db, run, item);
      if (!facts) return null;
      if (lots.size >= maxLots) lots.clear();
      lots.set(item.batchId, { facts, until: now() + ttl });
      return itemFacts(item, facts);
    },
  };
}
