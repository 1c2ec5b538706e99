import { canonicalEpc } from '@shian/domain';
import { containmentOf, liveEvents, movedIds, stepOf, type ForwardState, type TracedEvent } from './trace-graph.ts';
import type { ClassQuantity } from './trace-event-doc.ts';

/**
 * Tallies of a finished forward walk (pure): who downstream received how much of the traced lot and where,
 * what the lot went into, and the lot's event timeline. Locations are resolved by the caller (one query) and
 * handed in as a lookup.
 */

/** Where a location identifier lies on the platform: its premises and enterprise. */
export interface LocatedPremises {
  premisesId: string;
  enterpriseId: string;
}
export type Locate = (locationId: string) => LocatedPremises | undefined;

/** A quantity of a tracked class, summed per unit (null unit: a count of the class's units). */
export interface QuantityTally {
  epcClass: string;
  uom: string | null;
  quantity: number;
}

/** Members per lot (null: items traced by serial whose lot is unknown, or outputs without a lot). */
export interface LotCount {
  classKey: string | null;
  items: number;
}

/** One downstream enterprise at one location. */
export interface DownstreamTally {
  enterpriseId: string | null;
  locationId: string | null;
  premisesId: string | null;
  /** `receiving`: it captured the receipt; `shipping`: only a shipper's destinationList names it (never confirmed). */
  basis: 'receiving' | 'shipping';
  /** Distinct member items received (a pallet or case counts the members aggregated into it). */
  items: number;
  lots: LotCount[];
  quantities: QuantityTally[];
  firstAt: Date;
  lastAt: Date;
  eventCount: number;
}

/** A transformation the lot went into (repacking, processing): what went in, what came out. */
export interface TransformationTally {
  rowId: number;
  eventId: string;
  eventTime: Date;
  enterpriseId: string | null;
  locationId: string | null;
  inputItems: number;
  inputQuantities: QuantityTally[];
  /** Output lots with their item counts, and class-level output quantities. */
  outputLots: LotCount[];
  outputQuantities: QuantityTally[];
  /** False when the walk stopped at it (another maker's product, for an enterprise's own trace). */
  followed: boolean;
}

export interface Timeline {
  events: number;
  firstAt: Date | null;
  lastAt: Date | null;
  byStep: Record<string, number>;
}

function addQuantities(into: Map<string, QuantityTally>, quantities: readonly ClassQuantity[], classes: ReadonlySet<string>, roles: readonly string[]): void {
  for (const q of quantities) {
    if (!roles.includes(q.role) || !classes.has(q.epcClass)) continue;
    const key = `${q.epcClass}\u0000${q.uom ?? ''}`;
    const at = into.get(key) ?? { epcClass: q.epcClass, uom: q.uom, quantity: 0 };
    at.quantity += q.quantity;
    into.set(key, at);
  }
}

function countLots(state: ForwardState, items: Iterable<string>, lotOf: (item: string) => string | null = (item) => state.members.get(item) ?? null): LotCount[] {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(lotOf(item), (counts.get(lotOf(item)) ?? 0) + 1);
  return [...counts].map(([classKey, items]) => ({ classKey, items })).sort((a, b) => (a.classKey ?? '').localeCompare(b.classKey ?? ''));
}

interface Building {
  enterpriseId: string | null;
  locationId: string | null;
  premisesId: string | null;
  basis: 'receiving' | 'shipping';
  items: Set<string>;
  quantities: Map<string, QuantityTally>;
  times: number[];
}

const locationOf = (row: TracedEvent['row']): string | null => row.bizLocation ?? row.readPoint;

/**
 * Per receiving enterprise and location: the members received (a received pallet counts what was aggregated
 * into it at that moment) and the class quantities of tracked lots, first and last time. A destination a
 * shipment names whose enterprise never captured a receipt of the lot is listed with basis `shipping`.
 */
export function tallyDownstream(state: ForwardState, locate: Locate): DownstreamTally[] {
  const rows = new Map<string, Building>();
  const entry = (enterpriseId: string | null, locationId: string | null, basis: Building['basis']): Building => {
    const key = `${basis}|${enterpriseId ?? ''}|${locationId ?? ''}`;
    let b = rows.get(key);
    if (!b) {
      b = { enterpriseId, locationId, premisesId: locationId ? (locate(locationId)?.premisesId ?? null) : null, basis, items: new Set(), quantities: new Map(), times: [] };
      rows.set(key, b);
    }
    return b;
  };
  const live = liveEvents(state);
  const contained = containmentOf(state);
  const received = (e: TracedEvent) => ({ items: contained(movedIds(e.row), e.row.eventTime), quantities: e.doc.quantities });
  const receivers = new Set<string>();
  for (const e of live) {
    if (stepOf(e.row) !== 'receiving') continue;
    const { items, quantities } = received(e);
    const classQuantities = new Map<string, QuantityTally>();
    addQuantities(classQuantities, quantities, state.classes, ['epc', 'child']);
    if (items.size === 0 && classQuantities.size === 0) continue;
    const location = locationOf(e.row);
    const enterpriseId = e.row.enterpriseId ?? (location ? (locate(location)?.enterpriseId ?? null) : null);
    const b = entry(enterpriseId, location, 'receiving');
    for (const item of items) b.items.add(item);
    addQuantities(b.quantities, quantities, state.classes, ['epc', 'child']);
    b.times.push(e.row.eventTime.getTime());
    receivers.add(enterpriseId ?? `location:${location ?? ''}`);
  }
  for (const e of live) {
    if (stepOf(e.row) !== 'shipping') continue;
    // Typed location destinations when the document gives them; otherwise any destination that is a known place.
    const typed = e.doc.destinations.filter((d) => d.type === 'location').map((d) => canonicalEpc(d.id).epc);
    const candidates = typed.length > 0 ? typed : e.row.destinations;
    const { items, quantities } = received(e);
    const classQuantities = new Map<string, QuantityTally>();
    addQuantities(classQuantities, quantities, state.classes, ['epc', 'child']);
    if (items.size === 0 && classQuantities.size === 0) continue;
    for (const located of candidates) {
      const premises = locate(located);
      if (typed.length === 0 && !premises) continue; // an untyped id that is no known place: a party, not a location
      const enterpriseId = premises?.enterpriseId ?? null;
      if (receivers.has(enterpriseId ?? `location:${located}`)) continue;
      const b = entry(enterpriseId, located, 'shipping');
      for (const item of items) b.items.add(item);
      addQuantities(b.quantities, quantities, state.classes, ['epc', 'child']);
      b.times.push(e.row.eventTime.getTime());
    }
  }
  return [...rows.values()].map((b) => ({
    enterpriseId: b.enterpriseId,
    locationId: b.locationId,
    premisesId: b.premisesId,
    basis: b.basis,
    items: b.items.size,
    lots: countLots(state, b.items),
    quantities: [...b.quantities.values()],
    firstAt: new Date(b.times.reduce((a, t) => Math.min(a, t))),
    lastAt: new Date(b.times.reduce((a, t) => Math.max(a, t))),
    eventCount: b.times.length,
  }));
}

/** The transformations the lot went into, with inputs of the lot and the outputs made. */
export function tallyTransformations(state: ForwardState, followed: (row: TracedEvent['row']) => boolean): TransformationTally[] {
  const result: TransformationTally[] = [];
  const contained = containmentOf(state);
  for (const e of liveEvents(state)) {
    if (!state.transformations.has(e.row.id)) continue;
    const inputQuantities = new Map<string, QuantityTally>();
    addQuantities(inputQuantities, e.doc.quantities, state.classes, ['input']);
    const outputQuantities = new Map<string, QuantityTally>();
    const outputClasses = new Set(e.doc.quantities.filter((q) => q.role === 'output').map((q) => q.epcClass));
    addQuantities(outputQuantities, e.doc.quantities, outputClasses, ['output']);
    result.push({
      rowId: e.row.id,
      eventId: e.row.eventId,
      eventTime: e.row.eventTime,
      enterpriseId: e.row.enterpriseId,
      locationId: locationOf(e.row),
      inputItems: contained(e.row.inputEpcs, e.row.eventTime).size,
      inputQuantities: [...inputQuantities.values()],
      outputLots: countLots(state, new Set(e.row.outputEpcs), (item) => e.lots.get(item) ?? null),
      outputQuantities: [...outputQuantities.values()],
      followed: followed(e.row),
    });
  }
  return result.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
}

/** How many live events the trace read, when the first and last happened, and how many per business step. */
export function timelineOf(state: ForwardState): Timeline {
  const live = liveEvents(state);
  let first = Infinity;
  let last = -Infinity;
  const byStep: Record<string, number> = {};
  for (const e of live) {
    first = Math.min(first, e.row.eventTime.getTime());
    last = Math.max(last, e.row.eventTime.getTime());
    const step = stepOf(e.row) ?? 'none';
    byStep[step] = (byStep[step] ?? 0) + 1;
  }
  return {
    events: live.length,
    firstAt: live.length ? new Date(first) : null,
    lastAt: live.length ? new Date(last) : null,
    byStep,
  };
}
