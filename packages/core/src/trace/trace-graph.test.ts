import { describe, expect, it } from 'vitest';
import { canonicalItem, canonicalLotClass, canonicalSscc, computeGtinCheckDigit } from '@shian/domain';
import { backwardEdges, inputLotsOf } from './trace-backward.ts';
import type { TraceEventRow } from './trace-event-doc.ts';
import { advanceForward, containmentOf, createForwardState } from './trace-graph.ts';
import { tallyDownstream, tallyTransformations, timelineOf } from './trace-tally.ts';

const body = '690123456789';
const GTIN = `0${body}${computeGtinCheckDigit(body)}`;
const L = canonicalLotClass(GTIN, 'L1');
const M = canonicalLotClass(GTIN, 'M1');
const can = (n: number) => canonicalItem(GTIN, `C${n}`);
const sscc = (n: number) => {
  const b = `0690123${String(n).padStart(10, '0')}`;
  return canonicalSscc(`${b}${computeGtinCheckDigit(b)}`);
};
const CASE1 = sscc(1);
const CASE2 = sscc(2);
const PALLET = sscc(9);
const LOC = (name: string) => `urn:shian:loc:${name}`;

let nextId = 1;
function event(partial: Partial<TraceEventRow> & { eventType: TraceEventRow['eventType']; at: string }): TraceEventRow {
  const id = nextId++;
  return {
    id,
    eventId: `ni:///event-${id}`,
    action: null,
    bizStep: null,
    disposition: null,
    eventTime: new Date(partial.at),
    eventTimeZoneOffset: '+08:00',
    readPoint: null,
    bizLocation: null,
    parentId: null,
    epcList: [],
    childEpcs: [],
    inputEpcs: [],
    outputEpcs: [],
    anyClasses: [],
    destinations: [],
    enterpriseId: null,
    errorReason: null,
    doc: {},
    ...partial,
  };
}

// The maker commissions cans 1–6 of lot L1 (ILMD), packs 1–3 in case 1 and 4–6 in case 2, both on a pallet,
// and ships the pallet to D; D receives, unpacks, ships case 1 on to S1 (received) and case 2 to S2 (never
// captured: only the destinationList names S2). A repacker turns can 6 into lot M1.
const commission = event({
  eventType: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'commissioning',
  at: '2026-03-01T08:00:00+08:00',
  epcList: [1, 2, 3, 4, 5, 6].map(can),
  enterpriseId: 'maker',
  bizLocation: LOC('maker-plant'),
  doc: { ilmd: { 'cbvmda:lotNumber': 'L1' } },
});
const packCase1 = event({ eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', at: '2026-03-01T09:00:00+08:00', parentId: CASE1, childEpcs: [1, 2, 3].map(can) });
const packCase2 = event({ eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', at: '2026-03-01T09:01:00+08:00', parentId: CASE2, childEpcs: [4, 5, 6].map(can) });
const palletise = event({ eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', at: '2026-03-01T10:00:00+08:00', parentId: PALLET, childEpcs: [CASE1, CASE2] });
const shipToD = event({ eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', at: '2026-03-02T08:00:00+08:00', epcList: [PALLET], enterpriseId: 'maker', destinations: [LOC('d-wh')] });
const receiveAtD = event({ eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', at: '2026-03-03T08:00:00+08:00', epcList: [PALLET], enterpriseId: 'D', bizLocation: LOC('d-wh') });
const unpallet = event({ eventType: 'AggregationEvent', action: 'DELETE', bizStep: 'unpacking', at: '2026-03-03T09:00:00+08:00', parentId: PALLET, childEpcs: [] });
const shipToS1 = event({ eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', at: '2026-03-04T08:00:00+08:00', epcList: [CASE1], enterpriseId: 'D', destinations: [LOC('s1')] });
const receiveAtS1 = event({ eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', at: '2026-03-05T08:00:00+08:00', epcList: [CASE1], enterpriseId: 'S1', bizLocation: LOC('s1') });
const shipToS2 = event({
  eventType: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: 'shipping',
  at: '2026-03-04T09:00:00+08:00',
  epcList: [CASE2],
  enterpriseId: 'D',
  destinations: [LOC('s2')],
  doc: { destinationList: [{ type: 'location', destination: LOC('s2') }] },
});
const repack = event({
  eventType: 'TransformationEvent',
  bizStep: 'repackaging',
  at: '2026-03-06T08:00:00+08:00',
  inputEpcs: [can(6)],
  outputEpcs: [canonicalItem(GTIN, 'R1'), canonicalItem(GTIN, 'R2')],
  enterpriseId: 'R',
  bizLocation: LOC('r-plant'),
  doc: { ilmd: { 'cbvmda:lotNumber': 'M1' } },
});
const sellM = event({ eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', at: '2026-03-07T08:00:00+08:00', epcList: [canonicalItem(GTIN, 'R1')], enterpriseId: 'S3', bizLocation: LOC('s3') });

const ALL = [commission, packCase1, packCase2, palletise, shipToD, receiveAtD, unpallet, shipToS1, receiveAtS1, shipToS2, repack, sellM];
const PLACES: Record<string, { premisesId: string; enterpriseId: string }> = {
  [LOC('d-wh')]: { premisesId: 'd-wh', enterpriseId: 'D' },
  [LOC('s1')]: { premisesId: 's1', enterpriseId: 'S1' },
  [LOC('s2')]: { premisesId: 's2', enterpriseId: 'S2' },
  [LOC('s3')]: { premisesId: 's3', enterpriseId: 'S3' },
};

/** Stands in for the SQL module: the events naming a frontier identifier or touching a frontier class. */
function fetch(frontier: { epcs: string[]; classes: string[] }): TraceEventRow[] {
  const epcs = new Set(frontier.epcs);
  const classes = new Set(frontier.classes);
  const raw = (e: TraceEventRow) => JSON.stringify(e.doc);
  return ALL.filter(
    (e) =>
      [...e.epcList, ...e.childEpcs, ...e.inputEpcs, ...e.outputEpcs, ...(e.parentId ? [e.parentId] : [])].some((id) => epcs.has(id)) ||
      [...classes].some((c) => e.anyClasses.includes(c) || raw(e).includes(`"${c.split('/10/')[1] ?? '\u0000'}"`)),
  );
}

function walk(follow: (row: TraceEventRow) => boolean = () => true) {
  const state = createForwardState({ classes: [L], items: new Map() });
  let frontier = { epcs: [] as string[], classes: [L] };
  let levels = 0;
  while (frontier.epcs.length + frontier.classes.length > 0) {
    frontier = advanceForward(state, fetch(frontier), follow);
    levels += 1;
  }
  return { state, levels };
}

describe('the forward step', () => {
  it('takes the lot through its items, cases and pallet, and through a transformation into its outputs', () => {
    const state = createForwardState({ classes: [L], items: new Map() });
    const first = advanceForward(state, [commission]);
    expect(new Set(first.epcs)).toEqual(new Set([1, 2, 3, 4, 5, 6].map(can)));
    const second = advanceForward(state, [packCase1, packCase2, palletise]);
    // Cases and the pallet in one batch: item → case → pallet is followed whole.
    expect(new Set(second.epcs)).toEqual(new Set([CASE1, CASE2, PALLET]));
    const third = advanceForward(state, [repack]);
    expect(third.classes).toEqual([M]);
    expect(new Set(third.epcs)).toEqual(new Set([canonicalItem(GTIN, 'R1'), canonicalItem(GTIN, 'R2')]));
    expect(state.members.get(canonicalItem(GTIN, 'R1'))).toBe(M);
  });

  it('does not follow a transformation the caller may not follow, but still lists it', () => {
    const { state } = walk((row) => row.enterpriseId !== 'R');
    expect(state.classes.has(M)).toBe(false);
    const [t] = tallyTransformations(state, (row) => row.enterpriseId !== 'R');
    expect(t).toMatchObject({ eventId: repack.eventId, inputItems: 1, followed: false, outputLots: [{ classKey: M, items: 2 }] });
    expect(tallyDownstream(state, (id) => PLACES[id]).map((d) => d.enterpriseId)).not.toContain('S3');
  });

  it('leaves out an event retracted by an error declaration', () => {
    const state = createForwardState({ classes: [L], items: new Map() });
    const declaration = { ...packCase2, id: 999, errorReason: 'did_not_occur' };
    advanceForward(state, [commission, packCase1, packCase2, declaration]);
    expect(state.tracked.has(CASE1)).toBe(true);
    expect(state.tracked.has(CASE2)).toBe(false);
  });

  it('opens containers as they were at the moment asked', () => {
    const { state } = walk();
    const contained = containmentOf(state);
    expect(contained([PALLET], receiveAtD.eventTime).size).toBe(6);
    // After the pallet was broken up it holds nothing; the cases still hold their cans.
    expect(contained([PALLET], shipToS1.eventTime).size).toBe(0);
    expect(contained([CASE1], shipToS1.eventTime)).toEqual(new Set([1, 2, 3].map(can)));
  });
});

describe('the tallies', () => {
  it('lists every enterprise downstream with the items it received, a shipment-only destination included', () => {
    const { state } = walk();
    const rows = tallyDownstream(state, (id) => PLACES[id]);
    const by = Object.fromEntries(rows.map((r) => [`${r.enterpriseId}:${r.basis}`, r]));
    expect(by['D:receiving']).toMatchObject({ items: 6, lots: [{ classKey: L, items: 6 }], locationId: LOC('d-wh'), premisesId: 'd-wh', eventCount: 1 });
    expect(by['S1:receiving']).toMatchObject({ items: 3, lots: [{ classKey: L, items: 3 }] });
    expect(by['S2:shipping']).toMatchObject({ items: 3, premisesId: 's2' });
    expect(by['S3:receiving']).toMatchObject({ items: 1, lots: [{ classKey: M, items: 1 }] });
    // S1 confirmed its receipt: D's shipment to it does not list it a second time.
    expect(rows.filter((r) => r.enterpriseId === 'S1')).toHaveLength(1);
  });

  it('sums class-level quantities of tracked lots per unit', () => {
    const state = createForwardState({ classes: [L], items: new Map() });
    const bulk = event({
      eventType: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      at: '2026-03-08T08:00:00+08:00',
      enterpriseId: 'W',
      anyClasses: [L],
      doc: { quantityList: [{ epcClass: L, quantity: 12.5, uom: 'KGM' }, { epcClass: M, quantity: 3 }] },
    });
    advanceForward(state, [bulk]);
    expect(tallyDownstream(state, () => undefined)).toMatchObject([{ enterpriseId: 'W', items: 0, quantities: [{ epcClass: L, quantity: 12.5, uom: 'KGM' }] }]);
  });

  it('counts the events of the timeline', () => {
    const { state } = walk();
    expect(timelineOf(state)).toMatchObject({ events: ALL.length, firstAt: commission.eventTime, lastAt: sellM.eventTime, byStep: { receiving: 3, shipping: 3 } });
  });
});

describe('the backward step', () => {
  it('finds the transformation that made a lot and groups its inputs by lot', () => {
    const [edge, ...rest] = backwardEdges(ALL, { classes: new Set([M]), items: new Set() });
    expect(rest).toHaveLength(0);
    expect(edge?.madeClasses).toEqual([M]);
    expect(edge?.inputItems).toEqual([can(6)]);
    if (!edge) return;
    expect(inputLotsOf(edge, new Map([[can(6), L]]))).toEqual([{ classKey: L, gtin: GTIN, lot: 'L1', items: 1, quantities: [] }]);
  });

  it('reads class-level inputs with their quantities', () => {
    const mix = event({
      eventType: 'TransformationEvent',
      at: '2026-03-09T08:00:00+08:00',
      doc: { inputQuantityList: [{ epcClass: L, quantity: 40, uom: 'KGM' }], outputQuantityList: [{ epcClass: M, quantity: 100 }] },
    });
    const [edge] = backwardEdges([mix], { classes: new Set([M]), items: new Set() });
    expect(edge && inputLotsOf(edge, new Map())).toEqual([{ classKey: L, gtin: GTIN, lot: 'L1', items: 0, quantities: [{ epcClass: L, uom: 'KGM', quantity: 40 }] }]);
  });
});
