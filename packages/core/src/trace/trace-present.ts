import { canonicalEpc } from '@shian/domain';
import type { TraceEnterprise, TraceLocation, TraceLotRef, TraceLotCount, TraceQuantity, TraceDownstream, TraceOutput, TraceInput, LotTrace } from '@shian/domain';
export type { TraceEnterprise, TraceLocation, TraceLotRef, TraceLotCount, TraceQuantity, TraceDownstream, TraceOutput, TraceInput, LotTrace };
import type { PremisesLocation } from './locations.ts';
import { liveEvents, movedIds } from './trace-graph.ts';
import type { EnterpriseRef, ProductRef } from './trace-queries.ts';
import type { DownstreamTally, LotCount, QuantityTally, Timeline, TransformationTally } from './trace-tally.ts';
import type { BackwardWalk, ForwardWalk } from './trace-walk.ts';
import type { TraceSubject } from './trace-lot.ts';

/**

/** What the trace found, named. */
export interface TraceNames {
  enterprises: Map<string, EnterpriseRef>;
  districts: Map<string, { code: string; nameZh: string; nameEn: string }>;
  places: Map<string, PremisesLocation>;
  /** Products by GTIN-14. */
  products: Map<string, ProductRef>;
  /** Maker enterprise id by lot class. */
  makers: Map<string, string>;
}

export function enterpriseOf(names: TraceNames, id: string | null): TraceEnterprise | null {
  const e = id === null ? undefined : names.enterprises.get(id);
  return e ? { ...e, district: names.districts.get(e.jurisdictionCode) ?? null } : null;
}

export function locationOf(names: TraceNames, id: string | null): TraceLocation | null {
  if (id === null) return null;
  const p = names.places.get(id);
  return { id, premisesId: p?.premisesId ?? null, name: p?.name ?? null };
}

export function lotRef(names: TraceNames, classKey: string | null): TraceLotRef {
  const c = classKey === null ? null : canonicalEpc(classKey);
  const gtin = c?.gtin ?? null;
  return { classKey, gtin, lot: c?.lot ?? null, productName: gtin === null ? null : (names.products.get(gtin)?.name ?? null) };
}

const lotCounts = (names: TraceNames, lots: readonly LotCount[]): TraceLotCount[] => lots.map((l) => ({ ...lotRef(names, l.classKey), items: l.items }));
const quantities = (names: TraceNames, list: readonly QuantityTally[]): TraceQuantity[] =>
  list.map((q) => ({ ...lotRef(names, q.epcClass), uom: q.uom, quantity: q.quantity }));

export interface PresentInput {
  subject: TraceSubject;
  walk: ForwardWalk;
  downstream: DownstreamTally[];
  outputs: TransformationTally[];
  backward: BackwardWalk;
  timeline: Timeline;
  names: TraceNames;
}

export function presentLotTrace({ subject, walk, downstream, outputs, backward, timeline, names }: PresentInput): LotTrace {
  const { state } = walk;
  const named = new Set<string>();
  for (const { row } of liveEvents(state)) for (const id of [...movedIds(row), ...row.inputEpcs, ...row.outputEpcs]) named.add(id);
  const serials = [...subject.start.items.keys()].map((item) => canonicalEpc(item).serial ?? item);
  return {
    subject: {
      gtin: subject.start.gtin,
      lot: subject.start.lot,
      serials,
      classKey: subject.start.classKey,
      product: subject.product,
      maker: enterpriseOf(names, subject.maker.id),
    },
    computedAt: new Date().toISOString(),
    truncated: walk.truncated || backward.truncated,
    levels: walk.levels,
    trackedIds: [...state.tracked].filter((id) => named.has(id)).length,
    items: [...state.members.keys()].filter((id) => named.has(id)).length,
    timeline: { events: timeline.events, firstAt: timeline.firstAt?.toISOString() ?? null, lastAt: timeline.lastAt?.toISOString() ?? null, byStep: timeline.byStep },
    downstream: downstream
      .map((d) => ({
        enterprise: enterpriseOf(names, d.enterpriseId),
        location: locationOf(names, d.locationId),
        basis: d.basis,
        items: d.items,
        lots: lotCounts(names, d.lots),
        quantities: quantities(names, d.quantities),
        firstAt: d.firstAt.toISOString(),
        lastAt: d.lastAt.toISOString(),
        eventCount: d.eventCount,
      }))
      .sort((a, b) => a.firstAt.localeCompare(b.firstAt)),
    outputs: outputs.map((o) => ({
      eventId: o.eventId,
      eventTime: o.eventTime.toISOString(),
      enterprise: enterpriseOf(names, o.enterpriseId),
      location: locationOf(names, o.locationId),
      inputItems: o.inputItems,
      inputQuantities: quantities(names, o.inputQuantities),
      lots: lotCounts(names, o.outputLots),
      quantities: quantities(names, o.outputQuantities),
      followed: o.followed,
    })),
    inputs: backward.inputs.map((i) => ({
      depth: i.depth,
      eventId: i.eventId,
      eventTime: i.eventTime.toISOString(),
      transformer: enterpriseOf(names, i.transformerId),
      location: locationOf(names, i.locationId),
      madeInto: lotRef(names, i.madeClass),
      lot: lotRef(names, i.classKey),
      maker: enterpriseOf(names, i.classKey === null ? null : (names.makers.get(i.classKey) ?? null)),
      items: i.items,
      quantities: i.quantities.map((q) => ({ uom: q.uom, quantity: q.quantity })),
    })),
  };
}
