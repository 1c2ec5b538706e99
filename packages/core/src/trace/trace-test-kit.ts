import { canonicalItem, canonicalLotClass, type Actor } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import { captureDocument } from '../epcis/capture/capture-document.ts';
import { buildCapturingEnterprise, epcisDocument, itemLink, serials, ssccLink, type CapturingEnterprise } from '../epcis/capture/capture-test-kit.ts';

/**
 * A supply chain for trace and recall tests (tests only), captured through `captureDocument` as each
 * enterprise: the maker commissions 12 cans of lot L (ILMD only, identifiers without lot) and inspects them,
 * packs cans 1–9 into three cases and the cases onto a pallet (SSCCs), ships the pallet to distributor D and
 * cans 10–12 to repacker R. D receives, breaks the pallet, ships cases 1–2 to shop S1 and case 3 to shop S2,
 * which receive. R receives its cans and repacks cans 10–11 into four items of its own product, lot M, and
 * ships two of them to shop S3, which receives.
 */
type Json = Record<string, unknown>;

export interface TraceChain {
  maker: CapturingEnterprise;
  d: CapturingEnterprise;
  s1: CapturingEnterprise;
  s2: CapturingEnterprise;
  r: CapturingEnterprise;
  s3: CapturingEnterprise;
  /** An enterprise with nothing to do with the chain. */
  other: CapturingEnterprise;
  lot: string;
  lotClass: string;
  cans: string[];
  cases: string[];
  pallet: string;
  outputLot: string;
  outputLotClass: string;
  outputs: string[];
  /** Events captured in all. */
  eventCount: number;
}

const at = (day: number, hour: number) => ({ eventTime: `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000+08:00`, eventTimeZoneOffset: '+08:00' });

function object(e: CapturingEnterprise, when: Json, step: string, disposition: string, epcList: readonly string[], extra: Json = {}): Json {
  // A shipment leaves the premises: it has a read point and no business location.
  const where = step === 'shipping' ? { readPoint: { id: e.glnLocation } } : { readPoint: { id: e.glnLocation }, bizLocation: { id: e.glnLocation } };
  return { type: 'ObjectEvent', ...when, action: 'OBSERVE', bizStep: step, disposition, epcList, ...where, ...extra };
}

const ship = (from: CapturingEnterprise, to: CapturingEnterprise, when: Json, epcList: readonly string[], po: string): Json =>
  object(from, when, 'shipping', 'in_transit', epcList, {
    sourceList: [{ type: 'location', source: from.glnLocation }],
    destinationList: [{ type: 'location', destination: to.glnLocation }],
    bizTransactionList: [{ type: 'po', bizTransaction: `urn:shian:po:${po}` }, { type: 'desadv', bizTransaction: `urn:shian:desadv:${po}` }],
  });

const receive = (to: CapturingEnterprise, from: CapturingEnterprise, when: Json, epcList: readonly string[]): Json =>
  object(to, when, 'receiving', 'in_progress', epcList, { sourceList: [{ type: 'location', source: from.glnLocation }] });

const aggregate = (e: CapturingEnterprise, when: Json, action: 'ADD' | 'DELETE', parent: string, children: readonly string[]): Json => ({
  type: 'AggregationEvent',
  ...when,
  action,
  bizStep: action === 'ADD' ? 'packing' : 'unpacking',
  disposition: 'in_progress',
  parentID: parent,
  childEPCs: children,
  readPoint: { id: e.glnLocation },
});

async function capture(db: Db, actor: Actor, events: readonly Json[]): Promise<number> {
  const result = await captureDocument({ db, actor }, epcisDocument(events));
  if (result.status !== 'done') throw new Error(`capture failed: ${JSON.stringify(result.errors)}`);
  return result.captured;
}

/** Builds the chain; the maker lies in `makerDistrict` (浦东 by default), S1 in 黄浦, S2 in 徐汇. */
export async function buildTraceChain(db: Db, makerDistrict = '310115'): Promise<TraceChain> {
  const [maker, d, s1, s2, r, s3, other] = await Promise.all(
    [makerDistrict, '310115', '310101', '310104', '310115', '310106', '310115'].map((code) => buildCapturingEnterprise(db, code)),
  );
  if (!maker || !d || !s1 || !s2 || !r || !s3 || !other) throw new Error('chain enterprises missing');
  const lot = `L${serials(1)[0]}`.slice(0, 20);
  const cans = serials(12).map((s) => itemLink(maker.gtin, s));
  const cases = [ssccLink(), ssccLink(), ssccLink()];
  const pallet = ssccLink();
  const outputLot = `M${serials(1)[0]}`.slice(0, 20);
  const outputs = serials(4).map((s) => itemLink(r.gtin, s));
  let eventCount = 0;

  eventCount += await capture(db, maker.actor, [
    { ...object(maker, at(1, 8), 'commissioning', 'active', cans), action: 'ADD', ilmd: { 'cbvmda:lotNumber': lot, 'cbvmda:itemExpirationDate': '2027-08-31' } },
    object(maker, at(1, 9), 'inspecting', 'conformant', cans.slice(0, 3)),
    aggregate(maker, at(1, 10), 'ADD', cases[0] ?? '', cans.slice(0, 3)),
    aggregate(maker, at(1, 10), 'ADD', cases[1] ?? '', cans.slice(3, 6)),
    aggregate(maker, at(1, 10), 'ADD', cases[2] ?? '', cans.slice(6, 9)),
    aggregate(maker, at(1, 11), 'ADD', pallet, cases),
    ship(maker, d, at(2, 8), [pallet], 'PO-D-1'),
    ship(maker, r, at(2, 9), cans.slice(9, 12), 'PO-R-1'),
  ]);
  eventCount += await capture(db, d.actor, [
    receive(d, maker, at(3, 8), [pallet]),
    aggregate(d, at(3, 9), 'DELETE', pallet, cases),
    ship(d, s1, at(4, 8), cases.slice(0, 2), 'PO-S1-1'),
    ship(d, s2, at(4, 9), cases.slice(2, 3), 'PO-S2-1'),
  ]);
  eventCount += await capture(db, s1.actor, [receive(s1, d, at(5, 8), cases.slice(0, 2))]);
  eventCount += await capture(db, s2.actor, [receive(s2, d, at(5, 9), cases.slice(2, 3))]);
  eventCount += await capture(db, r.actor, [
    receive(r, maker, at(3, 10), cans.slice(9, 12)),
    {
      type: 'TransformationEvent',
      ...at(6, 8),
      bizStep: 'repackaging',
      disposition: 'active',
      inputEPCList: cans.slice(9, 11),
      outputEPCList: outputs,
      readPoint: { id: r.glnLocation },
      bizLocation: { id: r.glnLocation },
      ilmd: { 'cbvmda:lotNumber': outputLot },
    },
    ship(r, s3, at(7, 8), outputs.slice(0, 2), 'PO-S3-1'),
  ]);
  eventCount += await capture(db, s3.actor, [receive(s3, r, at(8, 8), outputs.slice(0, 2))]);

  return {
    maker,
    d,
    s1,
    s2,
    r,
    s3,
    other,
    lot,
    lotClass: canonicalLotClass(maker.gtin, lot),
    cans: cans.map((c) => canonicalItem(maker.gtin, c.split('/21/')[1] ?? '')),
    cases,
    pallet,
    outputLot,
    outputLotClass: canonicalLotClass(r.gtin, outputLot),
    outputs: outputs.map((o) => canonicalItem(r.gtin, o.split('/21/')[1] ?? '')),
    eventCount,
  };
}
