import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { canonicalItem, canonicalLotClass, findJurisdiction } from '@shian/domain';
import type { Db } from '../../db/connect.ts';

/**
 * What the public scan page (扫码查询) shows about a code, read in ONE round trip: the code and its batch,
 * the product (registration or filing number), the maker and its production licence, open recalls of the lot
 * or the serial, the maker's release inspection (出厂检验) of the lot, and the districts and streets the item
 * (or a case or pallet it was packed into) has been at. Nothing here is cached: a recall shows at once.
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

/** A row as the single query returns it: every column aliased in camelCase, JSON columns parsed by the driver. */
interface FactsRow {
  serial: string | null;
  seq: number | null;
  scanCount: number | null;
  firstScannedAt: Date | null;
  batchId: string | null;
  batchNumber: string | null;
  lot: string | null;
  productionDate: string | null;
  expiryDate: string | null;
  batchJurisdiction: string | null;
  productId: string;
  productName: string;
  registrationNumber: string;
  category: ScanFacts['product']['category'];
  makerId: string;
  makerName: string;
  makerJurisdiction: string;
  licenceNumber: string | null;
  recalls: ScanRecall[] | null;
  release: { disposition: string | null; eventTime: string } | null;
  places: { firstSeenAt: string; jurisdictionCode: string }[] | null;
}

const licenceSql = (makerId: RawBuilder<unknown>): RawBuilder<unknown> =>
  sql`(SELECT l.number FROM licences l WHERE l.enterprise_id = ${makerId} AND l.kind = 'SC' AND l.status = 'valid' ORDER BY l.valid_until DESC LIMIT 1)`;

/** The columns of the batch, product and maker, aliased alike for both drivers. */
const COMMON_COLUMNS = sql`b.id AS "batchId", b.number AS "batchNumber", b.lot AS "lot", b.production_date AS "productionDate",
  b.expiry_date AS "expiryDate", b.jurisdiction_code AS "batchJurisdiction",
  p.id AS "productId", p.name AS "productName", p.registration_number AS "registrationNumber", p.category AS "category",
  e.id AS "makerId", e.name AS "makerName", e.jurisdiction_code AS "makerJurisdiction"`;

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

/** One item code: everything in one statement, or no row when the code was never issued. */
function itemQuery(gtin: string, serial: string, item: string, since: ScanBound): RawBuilder<FactsRow> {
  const lotClass = lotClassSql(sql.ref('b.gtin'), sql.ref('b.lot'));
  return sql<FactsRow>`
    SELECT c.serial AS "serial", c.seq AS "seq", c.scan_count AS "scanCount", c.first_scanned_at AS "firstScannedAt", ${COMMON_COLUMNS},
      ${licenceSql(sql.ref('e.id'))} AS "licenceNumber",
      ${recallsSql(sql.ref('c.gtin'), sql.ref('b.lot'), sql.ref('c.serial'))} AS "recalls",
      ${releaseSql(sql.ref('p.id'), sql.ref('b.lot'), lotClass, sql.ref('e.id'), boundSql(since))} AS "release",
      ${placesSql(sql.val(item))} AS "places"
    FROM trace_codes c
    JOIN trace_code_batches b ON b.id = c.batch_id
    JOIN products p ON p.id = b.product_id
    JOIN enterprises e ON e.id = b.enterprise_id
    WHERE c.gtin = ${gtin} AND c.serial = ${serial}`;
}

/** A lot or a GTIN: the latest batch of the lot when there is one, else the product registered with the GTIN. */
function classQuery(gtin: string, lot: string | null): RawBuilder<FactsRow> {
  const lotValue = sql.val(lot);
  const release = lot === null ? sql`NULL::json` : releaseSql(sql.ref('p.id'), lotValue, sql.val(canonicalLotClass(gtin, lot)), sql.ref('e.id'), boundSql(NO_BOUND));
  return sql<FactsRow>`
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
    SELECT NULL::text AS "serial", NULL::int AS "seq", NULL::int AS "scanCount", NULL::timestamptz AS "firstScannedAt", ${COMMON_COLUMNS},
      ${licenceSql(sql.ref('e.id'))} AS "licenceNumber",
      ${recallsSql(sql.val(gtin), lotValue, sql.val(null))} AS "recalls",
      ${release} AS "release",
      NULL::json AS "places"
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

/** Stand-ins compiled into the item statement once, swapped for each scan's values. */
const SLOT = { gtin: '\u0000gtin', serial: '\u0000serial', item: '\u0000item' } as const;
const compiledItemQueries = new WeakMap<Db, Map<ScanBound, CompiledQuery<FactsRow>>>();

/**
 * The one statement of {@link findScanFacts}, compiled. The item statement (every scan) is compiled once per
 * database and bound and reused with the scan's values; lot and GTIN pages are compiled each time.
 */
export function compileScanFactsQuery(db: Db, key: ScanKey, since: ScanBound = NO_BOUND): CompiledQuery<FactsRow> {
  if (key.serial === null) return classQuery(key.gtin, key.lot).compile(db);
  const byBound = compiledItemQueries.get(db) ?? new Map<ScanBound, CompiledQuery<FactsRow>>();
  compiledItemQueries.set(db, byBound);
  let template = byBound.get(since);
  if (!template) {
    template = itemQuery(SLOT.gtin, SLOT.serial, SLOT.item, since).compile(db);
    byBound.set(since, template);
  }
  const values: Record<string, string> = { [SLOT.gtin]: key.gtin, [SLOT.serial]: key.serial, [SLOT.item]: canonicalItem(key.gtin, key.serial) };
  return { ...template, parameters: template.parameters.map((p) => (typeof p === 'string' && p in values ? values[p] : p)) };
}

/**
 * The facts of a scanned code, or null when the platform never issued it (an item code) or knows no product
 * with the GTIN (a lot or GTIN code): a possible counterfeit. `since` bounds the events read (see
 * {@link ScanBound}); the scan page's reader finds it from the lot in the URL.
 */
export async function findScanFacts(db: Db, key: ScanKey, run: StatementRunner = kyselyRunner(db), since: ScanBound = NO_BOUND): Promise<ScanFacts | null> {
  const [row] = await run(compileScanFactsQuery(db, key, since));
  if (!row) return null;
  return {
    product: { id: row.productId, name: row.productName, registrationNumber: row.registrationNumber, category: row.category },
    maker: { id: row.makerId, name: row.makerName, licenceNumber: row.licenceNumber, jurisdictionCode: row.makerJurisdiction },
    batch:
      row.batchId && row.batchNumber && row.lot && row.productionDate && row.expiryDate && row.batchJurisdiction
        ? { id: row.batchId, number: row.batchNumber, lot: row.lot, productionDate: row.productionDate, expiryDate: row.expiryDate, jurisdictionCode: row.batchJurisdiction }
        : null,
    code: row.serial !== null && row.seq !== null ? { serial: row.serial, seq: row.seq, scanCount: row.scanCount ?? 0, firstScannedAt: row.firstScannedAt } : null,
    recalls: row.recalls ?? [],
    release: row.release,
    places: (row.places ?? []).map(namedPlace),
  };
}

/** The bound of a lot's items (the earliest of its batches' production dates and request dates), or none. */
async function lotBound(db: Db, run: StatementRunner, gtin: string, lot: string): Promise<ScanBound> {
  const query = sql<{ firstDay: string | null }>`
    SELECT to_char(min(least(b.production_date, (b.created_at AT TIME ZONE 'UTC')::date)), 'YYYY-MM-DD') AS "firstDay"
    FROM trace_code_batches b WHERE b.gtin = ${gtin} AND b.lot = ${lot}`.compile(db);
  const [row] = await run(query);
  return row?.firstDay ? boundOf(row.firstDay) : NO_BOUND;
}

/** Reads scan facts with the partition bound of the lot named in the URL, kept in memory (batches never change dates). */
export interface ScanFactsReader {
  find(key: ScanKey): Promise<ScanFacts | null>;
}

/**
 * The scan page's reader: {@link findScanFacts} with the bound of the URL's lot, looked up once per lot and
 * kept (a batch's dates never change, and a later batch of the same lot has the same production date). An
 * item whose URL carries no lot, or a lot the platform does not know, is read unbounded.
 */
export function createScanFactsReader(db: Db, run: StatementRunner = kyselyRunner(db), maxLots = 100_000): ScanFactsReader {
  const bounds = new Map<string, ScanBound>();
  return {
    async find(key) {
      let since = NO_BOUND;
      if (key.serial !== null && key.lot !== null) {
        const lotKey = `${key.gtin}/${key.lot}`;
        const known = bounds.get(lotKey);
        if (known !== undefined) since = known;
        else {
          since = await lotBound(db, run, key.gtin, key.lot);
          if (bounds.size >= maxLots) bounds.clear();
          // An unknown lot is looked up again next time: its batch may be requested meanwhile.
          if (since !== NO_BOUND) bounds.set(lotKey, since);
        }
      }
      const facts = await findScanFacts(db, key, run, since);
      // A label whose lot is not the code's own: the bound came from another batch, so read again unbounded.
      if (facts?.batch && since !== NO_BOUND && facts.batch.lot !== key.lot) return findScanFacts(db, key, run, NO_BOUND);
      return facts;
    },
  };
}
