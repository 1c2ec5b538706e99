import { sql } from 'kysely';
import { canonicalLotClass } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../db/transaction.ts';
import { premisesByLocationIds } from '../locations.ts';
import { cbvWord, readEventDoc } from '../trace-event-doc.ts';

/**
 * Stock (库存) as the trace operations need it, read from the captured events: is a scanned item or container
 * at one of the enterprise's premises now, and how many of a lot may it still ship. Only the enterprise's own
 * records are read (and, for a code without any event, whether the platform issued it to the enterprise).
 */

/** `in_stock`: at one of the enterprise's premises; `elsewhere`: known, but not there; `unknown`: never seen. */
export type ItemState = 'in_stock' | 'elsewhere' | 'unknown';

/** Dispositions after which goods are no longer stock anyone may move on. */
const GONE = new Set(['in_transit', 'destroyed', 'disposed', 'dispensed', 'retail_sold', 'stolen', 'recalled', 'expired']);

interface StockEvent {
  id: number;
  eventId: string;
  eventTime: Date;
  eventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  bizLocation: string | null;
  readPoint: string | null;
  parentId: string | null;
  childEpcs: string[];
  anyEpcs: string[];
  enterpriseId: string | null;
  errorReason: string | null;
}

/** Where the last event about an identifier leaves it: at a location, gone, or inside a container. */
type Whereabouts = { at: string | null; by: string | null } | { gone: true } | { inside: string };

function whereaboutsAfter(event: StockEvent, epc: string): Whereabouts {
  if (event.eventType === 'AggregationEvent' && event.parentId !== epc && event.childEpcs.includes(epc) && event.action !== 'DELETE' && event.parentId) {
    return { inside: event.parentId };
  }
  if (cbvWord(event.bizStep) === 'shipping' || GONE.has(cbvWord(event.disposition) ?? '')) return { gone: true };
  return { at: event.bizLocation ?? event.readPoint, by: event.enterpriseId };
}

const later = (a: StockEvent, b: StockEvent): boolean => a.eventTime.getTime() > b.eventTime.getTime() || (a.eventTime.getTime() === b.eventTime.getTime() && a.id > b.id);

/** Live events naming any of `epcs`: error declarations and the events they retract are left out. */
async function eventsNaming(db: Db | Trx, epcs: readonly string[]): Promise<StockEvent[]> {
  if (epcs.length === 0) return [];
  const rows = await db
    .selectFrom('epcisEvents')
    .select(['id', 'eventId', 'eventTime', 'eventType', 'action', 'bizStep', 'disposition', 'bizLocation', 'readPoint', 'parentId', 'childEpcs', 'anyEpcs', 'enterpriseId', 'errorReason'])
    .where(sql<boolean>`any_epcs && ${sql.val([...epcs])}::text[]`)
    .execute();
  const retracted = new Set(rows.filter((r) => r.errorReason !== null).map((r) => r.eventId));
  return rows.filter((r) => r.errorReason === null && !retracted.has(r.eventId));
}

/**
 * The state of each identifier for `enterpriseId`. The last event naming it decides: a shipment or a final
 * disposition (sold, destroyed, recalled…) takes it out of stock; packing puts it inside its container, whose
 * own state it then shares (item → case → pallet, up to six levels); any other event leaves it at its
 * bizLocation (or readPoint). A code with no event is in stock when the platform issued it to the enterprise.
 */
export async function itemStates(db: Db | Trx, enterpriseId: string, epcs: readonly string[]): Promise<Map<string, ItemState>> {
  const whereabouts = new Map<string, Whereabouts | null>();
  let pending = [...new Set(epcs)];
  for (let level = 0; level < 6 && pending.length > 0; level++) {
    const events = await eventsNaming(db, pending);
    const next: string[] = [];
    for (const epc of pending) {
      let last: StockEvent | null = null;
      for (const event of events) if (event.anyEpcs.includes(epc) && (last === null || later(event, last))) last = event;
      const where = last ? whereaboutsAfter(last, epc) : null;
      whereabouts.set(epc, where);
      if (where && 'inside' in where && !whereabouts.has(where.inside)) next.push(where.inside);
    }
    pending = [...new Set(next)];
  }

  const locations = new Set<string>();
  for (const where of whereabouts.values()) if (where && 'at' in where && where.at) locations.add(where.at);
  const premises = await premisesByLocationIds(db, locations);
  const issued = await issuedToEnterprise(db, enterpriseId, [...whereabouts].filter(([, where]) => where === null).map(([epc]) => epc));

  const stateOf = (epc: string, depth: number): ItemState => {
    const where = whereabouts.get(epc);
    if (where === undefined || depth > 6) return 'elsewhere';
    if (where === null) return issued.get(epc) ?? 'unknown';
    if ('gone' in where) return 'elsewhere';
    if ('inside' in where) {
      const container = stateOf(where.inside, depth + 1);
      return container === 'unknown' ? 'elsewhere' : container;
    }
    if (where.at === null) return where.by === enterpriseId ? 'in_stock' : 'elsewhere';
    return premises.get(where.at)?.enterpriseId === enterpriseId ? 'in_stock' : 'elsewhere';
  };
  return new Map(epcs.map((epc) => [epc, stateOf(epc, 0)]));
}

const ITEM = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/21\/(.+)$/;

/** For items without any event: in stock when issued to the enterprise (一物一码 labels), elsewhere when issued to another. */
async function issuedToEnterprise(db: Db | Trx, enterpriseId: string, epcs: readonly string[]): Promise<Map<string, ItemState>> {
  const items = epcs.flatMap((epc) => {
    const match = ITEM.exec(epc);
    return match?.[1] && match[2] ? [{ epc, gtin: match[1], serial: decodeURIComponent(match[2]) }] : [];
  });
  const result = new Map<string, ItemState>();
  if (items.length === 0) return result;
  const rows = await db
    .selectFrom('traceCodes')
    .innerJoin('traceCodeBatches', 'traceCodeBatches.id', 'traceCodes.batchId')
    .select(['traceCodes.gtin', 'traceCodes.serial', 'traceCodeBatches.enterpriseId'])
    .where((eb) => eb.or(items.map((i) => eb.and([eb('traceCodes.gtin', '=', i.gtin), eb('traceCodes.serial', '=', i.serial)]))))
    .execute();
  for (const item of items) {
    const row = rows.find((r) => r.gtin === item.gtin && r.serial === item.serial);
    if (row) result.set(item.epc, row.enterpriseId === enterpriseId ? 'in_stock' : 'elsewhere');
  }
  return result;
}

/** A lot the enterprise holds (批次库存): its canonical class and how many it may still ship, counted in EA. */
export interface LotBalance {
  epcClass: string;
  gtin: string;
  lot: string;
  available: number;
}

const STOCK_STEPS = ['shipping', 'receiving', 'commissioning'];

/**
 * Lot balances of an enterprise, counted by quantity (uom EA or none): the codes issued to it for the lot
 * (一物一码 batches) and the quantities it commissioned or received, less the quantities it shipped. Items
 * shipped by serial are not subtracted here: they are checked one by one (`itemStates`). With `classes`, only
 * those lots are read.
 */
export async function lotBalances(db: Db | Trx, enterpriseId: string, classes?: readonly string[]): Promise<Map<string, LotBalance>> {
  const balances = new Map<string, LotBalance>();
  const add = (gtin: string, lot: string, quantity: number) => {
    let epcClass: string;
    try {
      epcClass = canonicalLotClass(gtin, lot);
    } catch {
      return;
    }
    if (classes && !classes.includes(epcClass)) return;
    const balance = balances.get(epcClass) ?? { epcClass, gtin: gtin.padStart(14, '0'), lot, available: 0 };
    balance.available += quantity;
    balances.set(epcClass, balance);
  };
  let batches = db.selectFrom('traceCodeBatches').select(['gtin', 'lot', 'quantity']).where('enterpriseId', '=', enterpriseId).where('status', '<>', 'failed');
  if (classes) {
    const pairs = classes.flatMap((c) => {
      const match = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/(.+)$/.exec(c);
      return match?.[1] && match[2] ? [{ gtin: match[1], lot: decodeURIComponent(match[2]) }] : [];
    });
    if (pairs.length === 0) batches = batches.where(sql<boolean>`false`);
    else batches = batches.where((eb) => eb.or(pairs.map((p) => eb.and([eb('gtin', '=', p.gtin), eb('lot', '=', p.lot)]))));
  }
  for (const b of await batches.execute()) add(b.gtin, b.lot, b.quantity);

  let events = db
    .selectFrom('epcisEvents')
    .select(['eventId', 'bizStep', 'action', 'errorReason', 'doc'])
    .where('enterpriseId', '=', enterpriseId)
    .where('bizStep', 'in', STOCK_STEPS)
    .where(sql<boolean>`doc ? 'quantityList'`);
  if (classes) events = events.where(sql<boolean>`any_classes && ${sql.val([...classes])}::text[]`);
  const rows = await events.execute();
  const retracted = new Set(rows.filter((r) => r.errorReason !== null).map((r) => r.eventId));
  for (const row of rows) {
    if (row.errorReason !== null || retracted.has(row.eventId)) continue;
    if (row.bizStep === 'commissioning' && row.action !== 'ADD') continue;
    const sign = row.bizStep === 'shipping' ? -1 : 1;
    for (const q of readEventDoc(row.doc).quantities) {
      if (q.role !== 'epc' || (q.uom !== null && q.uom !== 'EA')) continue;
      const match = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/(.+)$/.exec(q.epcClass);
      if (match?.[1] && match[2]) add(match[1], decodeURIComponent(match[2]), sign * q.quantity);
    }
  }
  return balances;
}
