/**
 * The EPCIS 2.0 documents the platform's own trace operations (追溯作业) send to capture: packing and
 * unpacking (装箱/拆箱, AggregationEvent), shipping (发货) and receiving (收货) (ObjectEvent OBSERVE). Pure: the
 * caller passes canonical identifiers, locations, parties, ids and the time, and gets a standard
 * `EPCISDocument` (JSON-LD) back, exactly what an enterprise's own system would send with its API key.
 */

/** The EPCIS 2.0 JSON-LD context every document names. */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** The namespace of the platform's extension fields (`shian:reference`: the sender's own delivery reference). */
export const SHIAN_NAMESPACE = 'urn:shian:epcis:';

/** The platform's business transaction id of a shipment (发货单): one per shipment, repeated by its receipt. */
export const DESADV_PREFIX = 'urn:shian:desadv:';

/** A container made on the platform for an enterprise without a GS1 company prefix (no SSCC of its own). */
export const PLATFORM_CONTAINER_PREFIX = 'urn:shian:pack:';

/** Times are written in Shanghai's offset (China has one time zone and no daylight saving). */
export const SHANGHAI_OFFSET = '+08:00';

/** A JSON object as the documents hold it. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A class-level quantity: a lot (`https://id.gs1.org/01/{gtin}/10/{lot}`), how many, in what unit (UN/ECE Rec 20). */
export interface LotQuantity {
  epcClass: string;
  quantity: number;
  uom: string;
}

/** One side of a transfer: the enterprise (owning party) and its premises (location); either may be unknown. */
export interface TransferParty {
  partyId: string | null;
  locationId: string | null;
}

/** What every built event shares. */
export interface EventBasics {
  /** `urn:uuid:…`: set by the platform, so the page can refer to the event at once. */
  eventId: string;
  eventTime: Date;
  /** The premises where it happens: readPoint and bizLocation. */
  locationId: string;
}

/** `2026-03-01T09:30:00.000+08:00`: the instant in Shanghai's local time, with its offset. */
export function shanghaiTime(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, -1)}${SHANGHAI_OFFSET}`;
}

function whenAndWhere(basics: EventBasics): JsonObject {
  return {
    eventTime: shanghaiTime(basics.eventTime),
    eventTimeZoneOffset: SHANGHAI_OFFSET,
    eventID: basics.eventId,
  };
}

const place = (locationId: string): JsonObject => ({ id: locationId });

/** A document holding `events`, created at `creationDate`. */
export function epcisDocument(events: readonly JsonObject[], creationDate: Date): JsonObject {
  return {
    '@context': [EPCIS_CONTEXT_URL, { shian: SHIAN_NAMESPACE }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: shanghaiTime(creationDate),
    epcisBody: { eventList: [...events] },
  };
}

/**
 * Packing (装箱, ADD: children into the parent, disposition in_progress) or unpacking (拆箱, DELETE: children
 * out of the parent; no children means all of them, as the standard reads an empty DELETE).
 */
export function aggregationEvent(basics: EventBasics & { action: 'ADD' | 'DELETE'; parentId: string; childEpcs: readonly string[] }): JsonObject {
  const event: JsonObject = {
    type: 'AggregationEvent',
    ...whenAndWhere(basics),
    parentID: basics.parentId,
    childEPCs: [...basics.childEpcs],
    action: basics.action,
    bizStep: basics.action === 'ADD' ? 'packing' : 'unpacking',
    disposition: 'in_progress',
    readPoint: place(basics.locationId),
    bizLocation: place(basics.locationId),
  };
  if (basics.childEpcs.length === 0) delete event.childEPCs;
  return event;
}

/** What a shipment or a receipt carries: items and containers by identifier, lots by quantity, the shipment's id. */
export interface TransferContent {
  epcs: readonly string[];
  quantities: readonly LotQuantity[];
  /** The shipment's `urn:shian:desadv:{uuid}`. */
  desadv: string;
  from: TransferParty;
  to: TransferParty;
  /** The sender's own reference (送货单号), kept as the extension field `shian:reference`. */
  reference?: string | null | undefined;
}

/** The typed entries of one side: the owning party, then the location. */
function sides(party: TransferParty): [string, string][] {
  const out: [string, string][] = [];
  if (party.partyId) out.push(['owning_party', party.partyId]);
  if (party.locationId) out.push(['location', party.locationId]);
  return out;
}

function transferEvent(basics: EventBasics, content: TransferContent, why: { bizStep: string; disposition: string }): JsonObject {
  const event: JsonObject = {
    type: 'ObjectEvent',
    ...whenAndWhere(basics),
    action: 'OBSERVE',
    bizStep: why.bizStep,
    disposition: why.disposition,
    readPoint: place(basics.locationId),
    bizLocation: place(basics.locationId),
    bizTransactionList: [{ type: 'desadv', bizTransaction: content.desadv }],
  };
  const sources = sides(content.from).map(([type, id]) => ({ type, source: id }));
  const destinations = sides(content.to).map(([type, id]) => ({ type, destination: id }));
  if (sources.length > 0) event.sourceList = sources;
  if (destinations.length > 0) event.destinationList = destinations;
  if (content.epcs.length > 0) event.epcList = [...content.epcs];
  if (content.quantities.length > 0) event.quantityList = content.quantities.map((q) => ({ epcClass: q.epcClass, quantity: q.quantity, uom: q.uom }));
  if (content.reference) event['shian:reference'] = content.reference;
  return event;
}

/** Shipping (发货): the goods leave the sender's premises for the receiver, in transit. */
export function shippingEvent(basics: EventBasics, content: TransferContent): JsonObject {
  return transferEvent(basics, content, { bizStep: 'shipping', disposition: 'in_transit' });
}

/**
 * Receiving (收货): the goods enter the receiver's stock at `basics.locationId`. The same desadv and the same
 * source and destination parties as the shipment (the destination location is where they actually arrived).
 */
export function receivingEvent(basics: EventBasics, content: TransferContent): JsonObject {
  return transferEvent(basics, content, { bizStep: 'receiving', disposition: 'in_progress' });
}
