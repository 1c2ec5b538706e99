import { canonicalEpc, canonicalLotClass } from '@shian/domain';
import type { EpcisEventType } from '../db/schema-trace.ts';

/**
 * What the trace (追溯) reads of one stored EPCIS event: the indexed columns of `epcis_events` and, from the
 * event as captured (`doc`), the quantity lists, the ILMD lot, source and destination lists and business
 * transactions. Pure: no I/O, so the graph steps built on it are unit-testable.
 */
export interface TraceEventRow {
  id: number;
  eventId: string;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: Date;
  eventTimeZoneOffset: string;
  readPoint: string | null;
  bizLocation: string | null;
  parentId: string | null;
  epcList: string[];
  childEpcs: string[];
  inputEpcs: string[];
  outputEpcs: string[];
  anyClasses: string[];
  destinations: string[];
  /** The capturing enterprise. */
  enterpriseId: string | null;
  errorReason: string | null;
  doc: unknown;
}

/** The role an identifier or quantity plays in its event (the "what" dimension). */
export type WhatRole = 'epc' | 'child' | 'input' | 'output';

/** A class-level quantity (quantityElement): a canonical class, a quantity and its UN/ECE Rec 20 unit (null: a count). */
export interface ClassQuantity {
  role: WhatRole;
  epcClass: string;
  quantity: number;
  uom: string | null;
}

/** A typed party or location of a sourceList / destinationList, or a bizTransaction. */
export interface TypedRef {
  type: string;
  id: string;
}

export interface EventDoc {
  quantities: ClassQuantity[];
  /** The lot number of the ILMD (`cbvmda:lotNumber`), when the event carries one. */
  ilmdLot: string | null;
  /** Every identifier as written in the event, per role (before canonicalisation). */
  rawIds: { role: WhatRole; id: string }[];
  sources: TypedRef[];
  destinations: TypedRef[];
  bizTransactions: TypedRef[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const QUANTITY_LISTS: readonly [string, WhatRole][] = [
  ['quantityList', 'epc'],
  ['childQuantityList', 'child'],
  ['inputQuantityList', 'input'],
  ['outputQuantityList', 'output'],
];
const EPC_LISTS: readonly [string, WhatRole][] = [
  ['epcList', 'epc'],
  ['childEPCs', 'child'],
  ['inputEPCList', 'input'],
  ['outputEPCList', 'output'],
];

/** The last segment of a CBV value in any spelling: `shipping`, `cbv:BizStep-shipping`, `https://ref.gs1.org/cbv/BizStep-shipping`, `urn:epcglobal:cbv:bizstep:shipping`. */
export function cbvWord(value: string | null): string | null {
  if (value === null) return null;
  const dash = value.lastIndexOf('-');
  const colon = value.lastIndexOf(':');
  const slash = value.lastIndexOf('/');
  const cut = Math.max(dash, colon, slash);
  return cut < 0 ? value : value.slice(cut + 1);
}

function typedRefs(list: unknown, idKeys: readonly string[]): TypedRef[] {
  if (!Array.isArray(list)) return [];
  const refs: TypedRef[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const id = idKeys.map((k) => entry[k]).find((v): v is string => typeof v === 'string');
    if (id === undefined) continue;
    refs.push({ type: typeof entry.type === 'string' ? (cbvWord(entry.type) ?? '') : '', id });
  }
  return refs;
}

/** The ILMD's lot number under any of its spellings (`cbvmda:lotNumber`, `lotNumber`, the full URI). */
function ilmdLotOf(ilmd: unknown): string | null {
  if (!isRecord(ilmd)) return null;
  for (const [key, value] of Object.entries(ilmd)) {
    if (/(^|[:/#])lotNumber$/.test(key) && typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** Reads the parts of a captured event the trace needs. Tolerant: anything missing or malformed is simply absent. */
export function readEventDoc(doc: unknown): EventDoc {
  const d = isRecord(doc) ? doc : {};
  const quantities: ClassQuantity[] = [];
  for (const [key, role] of QUANTITY_LISTS) {
    const list = d[key];
    if (!Array.isArray(list)) continue;
    for (const q of list) {
      if (!isRecord(q) || typeof q.epcClass !== 'string') continue;
      const quantity = typeof q.quantity === 'number' ? q.quantity : Number(q.quantity ?? 1);
      quantities.push({ role, epcClass: canonicalEpc(q.epcClass).epc, quantity: Number.isFinite(quantity) ? quantity : 0, uom: typeof q.uom === 'string' ? q.uom : null });
    }
  }
  const rawIds: { role: WhatRole; id: string }[] = [];
  for (const [key, role] of EPC_LISTS) for (const id of strings(d[key])) rawIds.push({ role, id });
  return {
    quantities,
    ilmdLot: ilmdLotOf(d.ilmd),
    rawIds,
    sources: typedRefs(d.sourceList, ['source']),
    destinations: typedRefs(d.destinationList, ['destination']),
    bizTransactions: typedRefs(d.bizTransactionList, ['bizTransaction']),
  };
}

/**
 * The lot (class) of the items an event names, as far as the event itself says: an item written with its lot
 * (`…/01/g/10/L/21/s`) belongs to `…/01/g/10/L`; an event with ILMD (commissioning, a transformation's
 * outputs) gives its lot to every item it commissions (epcList) or outputs. Keys: canonical item identifiers.
 */
export function lotsNamedBy(event: TraceEventRow, doc: EventDoc): Map<string, string> {
  const lots = new Map<string, string>();
  for (const { id } of doc.rawIds) {
    const c = canonicalEpc(id);
    if (c.kind === 'sgtin' && c.classKey) lots.set(c.epc, c.classKey);
  }
  if (doc.ilmdLot !== null) {
    const commissioned = event.eventType === 'TransformationEvent' ? event.outputEpcs : event.action === 'ADD' ? event.epcList : [];
    for (const epc of commissioned) {
      const c = canonicalEpc(epc);
      if (c.kind !== 'sgtin' || c.gtin === null || lots.has(c.epc)) continue;
      try {
        lots.set(c.epc, canonicalLotClass(c.gtin, doc.ilmdLot));
      } catch {
        // An ILMD lot outside the GS1 character set names no class the platform can index.
      }
    }
  }
  return lots;
}

/** `{ gtin, lot }` of a canonical lot class (`https://id.gs1.org/01/{gtin}/10/{lot}`), or of a GTIN class (lot null). */
export function classParts(classKey: string): { gtin: string | null; lot: string | null } {
  const c = canonicalEpc(classKey);
  return { gtin: c.gtin, lot: c.lot };
}
