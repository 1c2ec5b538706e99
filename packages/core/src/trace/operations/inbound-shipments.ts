import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Ctx } from '../../db/transaction.ts';
import { locationIdsOfEnterprise, premisesByLocationIds } from '../locations.ts';
import { readEventDoc, type TypedRef } from '../trace-event-doc.ts';
import { actingEnterprise, type ActingEnterprise } from './operation-context.ts';
import type { LotQuantity } from './operation-documents.ts';

/**
 * Shipments addressed to an enterprise (待收货). This is a deliberate, narrow exception to "an enterprise sees
 * only its own events": a receiver reads the shipping events of other enterprises whose destinationList names
 * it (its party `urn:shian:org:{uscc}`, or one of its premises' locations) — nothing else of the sender's — so
 * that it can receive them. No other enterprise sees them (the access matrix and the operation tests check).
 */

/** How many open shipments the inbound list shows (newest first). */
export const INBOUND_LIMIT = 200;

const DESADV_TYPES = new Set(['desadv']);

/** A shipment as its receiver sees it. */
export interface InboundShipment {
  /** The shipping event's eventID: what a receipt is made for. */
  eventId: string;
  /** The shipment's business transaction (desadv), repeated by its receipt; the eventID when the shipment carries none. */
  shipmentKey: string;
  eventTime: Date;
  sender: { enterpriseId: string | null; name: string };
  /** Where it left (the sender's location), where it goes (the receiver's premises, when it names one). */
  fromLocation: string | null;
  to: { locationId: string | null; premisesId: string | null; premisesName: string | null };
  items: string[];
  lots: LotQuantity[];
  reference: string | null;
}

/** The stored columns a shipment is read from. */
interface ShipmentRow {
  id: number;
  eventId: string;
  eventTime: Date;
  recordTime: Date;
  epcList: string[];
  enterpriseId: string | null;
  doc: unknown;
}

/** The shipment's desadv, or its eventID when it has none: the key its receipt refers to. */
export function shipmentKeyOf(eventId: string, bizTransactions: readonly TypedRef[]): string {
  return bizTransactions.find((t) => DESADV_TYPES.has(t.type))?.id ?? eventId;
}

/** The identifiers that make a destination this enterprise's: its party and every premises' location. */
async function ownDestinationIds(db: Db, enterprise: ActingEnterprise): Promise<string[]> {
  return [enterprise.partyId, ...(await locationIdsOfEnterprise(db, enterprise.id))];
}

/**
 * No receiving event of `enterpriseId` carries the shipment's key (its desadv, else its eventID), recorded since
 * the shipment: the same key `shipmentKeyOf` reads, in SQL, so that the newest page holds only open shipments.
 */
const notReceivedBy = (enterpriseId: string) => sql<boolean>`NOT EXISTS (
  SELECT 1 FROM epcis_events receipt
  WHERE receipt.enterprise_id = ${enterpriseId} AND receipt.biz_step = 'receiving' AND receipt.error_reason IS NULL
    AND receipt.record_time >= epcis_events.record_time
    AND receipt.doc->'bizTransactionList' @> jsonb_build_array(jsonb_build_object('bizTransaction', COALESCE(
      (SELECT t->>'bizTransaction' FROM jsonb_array_elements(
         CASE WHEN jsonb_typeof(epcis_events.doc->'bizTransactionList') = 'array' THEN epcis_events.doc->'bizTransactionList' ELSE '[]'::jsonb END) t
       WHERE t->>'type' ~ '(^|[-:/])desadv$' AND jsonb_typeof(t->'bizTransaction') = 'string' LIMIT 1),
      epcis_events.event_id))))`;

/** Shipping events naming one of `ids` as a destination, not retracted by an error declaration. */
async function shipmentsTo(db: Db, ids: readonly string[], filter: { eventId?: string; limit?: number; unreceivedBy?: string }): Promise<ShipmentRow[]> {
  let query = db
    .selectFrom('epcisEvents')
    .select(['id', 'eventId', 'eventTime', 'recordTime', 'epcList', 'enterpriseId', 'doc'])
    // A literal, so that the planner matches the partial index on shipments' destinations.
    .where(sql<boolean>`biz_step = 'shipping'`)
    .where('errorReason', 'is', null)
    .where(sql<boolean>`destinations && ${sql.val([...ids])}::text[]`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('epcisEvents as declaration').select('declaration.id').whereRef('declaration.eventId', '=', 'epcisEvents.eventId').where('declaration.errorReason', 'is not', null))),
    )
    .orderBy('eventTime', 'desc')
    .orderBy('id', 'desc');
  if (filter.eventId !== undefined) query = query.where('eventId', '=', filter.eventId);
  if (filter.unreceivedBy !== undefined) query = query.where(notReceivedBy(filter.unreceivedBy));
  return query.limit(filter.limit ?? INBOUND_LIMIT).execute();
}

/**
 * Which of `keys` the enterprise has already received (a receiving event of its own carrying the key). A receipt
 * is recorded after its shipment, so only receipts recorded since `since` (the shipment's record time) are read.
 */
async function receivedKeys(db: Db, enterpriseId: string, keys: readonly string[], since: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('epcisEvents')
    .select('doc')
    .where('enterpriseId', '=', enterpriseId)
    .where('recordTime', '>=', since)
    .where('bizStep', '=', 'receiving')
    .where('errorReason', 'is', null)
    .where((eb) => eb.or(keys.map((key) => sql<boolean>`doc->'bizTransactionList' @> ${JSON.stringify([{ bizTransaction: key }])}::jsonb`)))
    .execute();
  const wanted = new Set(keys);
  const received = new Set<string>();
  for (const row of rows) for (const t of readEventDoc(row.doc).bizTransactions) if (wanted.has(t.id)) received.add(t.id);
  return received;
}

async function present(db: Db, rows: readonly ShipmentRow[], ownIds: ReadonlySet<string>): Promise<InboundShipment[]> {
  const senderIds = [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
  const senders = senderIds.length ? await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', senderIds).execute() : [];
  const docs = rows.map((r) => ({ row: r, doc: readEventDoc(r.doc) }));
  const destinations = docs.flatMap(({ doc }) => doc.destinations.filter((d) => d.type === 'location' && ownIds.has(d.id)).map((d) => d.id));
  const premises = await premisesByLocationIds(db, destinations);
  return docs.map(({ row, doc }) => {
    const toLocation = doc.destinations.find((d) => d.type === 'location' && ownIds.has(d.id))?.id ?? null;
    const place = toLocation ? premises.get(toLocation) : undefined;
    const reference = (row.doc as Record<string, unknown> | null)?.['shian:reference'];
    return {
      eventId: row.eventId,
      shipmentKey: shipmentKeyOf(row.eventId, doc.bizTransactions),
      eventTime: row.eventTime,
      sender: { enterpriseId: row.enterpriseId, name: senders.find((s) => s.id === row.enterpriseId)?.name ?? '' },
      fromLocation: doc.sources.find((s) => s.type === 'location')?.id ?? null,
      to: { locationId: toLocation, premisesId: place?.premisesId ?? null, premisesName: place?.name ?? null },
      items: row.epcList,
      lots: doc.quantities.filter((q) => q.role === 'epc').map((q) => ({ epcClass: q.epcClass, quantity: q.quantity, uom: q.uom ?? 'EA' })),
      reference: typeof reference === 'string' ? reference : null,
    };
  });
}

/**
 * The shipments addressed to the actor's enterprise that it has not received yet (no receiving event of its
 * own with the same desadv), newest first, with the sender's name, the codes and the lot quantities.
 */
export async function listInboundShipments(ctx: Ctx): Promise<InboundShipment[]> {
  const enterprise = await actingEnterprise(ctx, 'trace.read');
  const ids = await ownDestinationIds(ctx.db, enterprise);
  const rows = await shipmentsTo(ctx.db, ids, { unreceivedBy: enterprise.id });
  return present(ctx.db, rows, new Set(ids));
}

/**
 * One shipment addressed to the enterprise, by its eventID, and whether it has been received already; null when
 * no shipment with that id names the enterprise as its destination (others' shipments do not exist for it).
 */
export async function findInboundShipment(db: Db, enterprise: ActingEnterprise, eventId: string): Promise<{ shipment: InboundShipment; doc: unknown; received: boolean } | null> {
  const ids = await ownDestinationIds(db, enterprise);
  const [row] = await shipmentsTo(db, ids, { eventId, limit: 1 });
  if (!row) return null;
  const [shipment] = await present(db, [row], new Set(ids));
  if (!shipment) return null;
  const received = (await receivedKeys(db, enterprise.id, [shipment.shipmentKey], row.recordTime)).has(shipment.shipmentKey);
  return { shipment, doc: row.doc, received };
}
