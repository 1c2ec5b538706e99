import { canonicalEpc } from '@shian/domain';
import { lotsNamedBy, readEventDoc, type TraceEventRow } from './trace-event-doc.ts';
import type { QuantityTally } from './trace-tally.ts';

/**
 * The backward trace (逆向追溯) step, pure: of the transformations fetched for a level, those whose outputs
 * hold the lots (or items) asked about, and what went into them — input classes with their quantities and
 * input items, whose lots the SQL module then resolves. The input lots are the next level.
 */
export interface BackwardEdge {
  row: TraceEventRow;
  /** The asked-about lots this transformation made. */
  madeClasses: string[];
  /** Class-level inputs (a lot, or a GTIN class without lot) with quantities per unit. */
  inputQuantities: QuantityTally[];
  /** Instance-level inputs: canonical item (or container) identifiers. */
  inputItems: string[];
  /** Input items whose lot the event itself names. */
  inputLots: Map<string, string>;
}

/** The transformations among `rows` whose outputs include one of `classes` (by class, or by an item of it) or one of `items`. */
export function backwardEdges(rows: readonly TraceEventRow[], target: { classes: ReadonlySet<string>; items: ReadonlySet<string> }): BackwardEdge[] {
  const retracted = new Set(rows.filter((r) => r.errorReason !== null).map((r) => r.eventId));
  const edges: BackwardEdge[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.eventType !== 'TransformationEvent' || row.errorReason !== null || retracted.has(row.eventId) || seen.has(row.id)) continue;
    seen.add(row.id);
    const doc = readEventDoc(row.doc);
    const lots = lotsNamedBy(row, doc);
    const made = new Set<string>();
    for (const q of doc.quantities) if (q.role === 'output' && target.classes.has(q.epcClass)) made.add(q.epcClass);
    for (const epc of row.outputEpcs) {
      const lot = lots.get(epc);
      if (lot !== undefined && target.classes.has(lot)) made.add(lot);
      else if (target.items.has(epc)) made.add(lot ?? epc);
    }
    if (made.size === 0) continue;
    const inputQuantities = new Map<string, QuantityTally>();
    for (const q of doc.quantities) {
      if (q.role !== 'input') continue;
      const key = `${q.epcClass}\u0000${q.uom ?? ''}`;
      const at = inputQuantities.get(key) ?? { epcClass: q.epcClass, uom: q.uom, quantity: 0 };
      at.quantity += q.quantity;
      inputQuantities.set(key, at);
    }
    const inputLots = new Map<string, string>();
    for (const epc of row.inputEpcs) {
      const lot = lots.get(epc);
      if (lot !== undefined) inputLots.set(epc, lot);
    }
    edges.push({ row, madeClasses: [...made], inputQuantities: [...inputQuantities.values()], inputItems: [...row.inputEpcs], inputLots });
  }
  return edges;
}

/** One input lot of one transformation: how many of its items and how much of it went in. */
export interface InputLot {
  /** The lot class (`…/01/g/10/l`), a GTIN class when no lot is known, or null for items of no known product. */
  classKey: string | null;
  gtin: string | null;
  lot: string | null;
  items: number;
  quantities: QuantityTally[];
}

/**
 * Groups a transformation's inputs by lot: class quantities under their class, input items under the lot
 * `lotOf` gives them (the event's own word first, then what the platform knows), else their GTIN class.
 */
export function inputLotsOf(edge: BackwardEdge, lotOf: ReadonlyMap<string, string>): InputLot[] {
  const groups = new Map<string | null, InputLot>();
  const group = (classKey: string | null): InputLot => {
    let g = groups.get(classKey);
    if (!g) {
      const c = classKey === null ? null : canonicalEpc(classKey);
      g = { classKey, gtin: c?.gtin ?? null, lot: c?.lot ?? null, items: 0, quantities: [] };
      groups.set(classKey, g);
    }
    return g;
  };
  for (const q of edge.inputQuantities) group(q.epcClass).quantities.push({ ...q });
  for (const item of edge.inputItems) {
    const known = edge.inputLots.get(item) ?? lotOf.get(item);
    const c = canonicalEpc(item);
    const classKey = known ?? (c.gtin === null ? null : `https://id.gs1.org/01/${c.gtin}`);
    group(classKey).items += 1;
  }
  return [...groups.values()];
}
