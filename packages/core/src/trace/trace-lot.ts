import { AppError, actorScope, assertCan, canonicalItem, canonicalLotClass, toGtin14, type Action, type Actor } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Ctx, Trx } from '../db/transaction.ts';
import { premisesByLocationIds } from './locations.ts';
import { liveEvents } from './trace-graph.ts';
import { classParts } from './trace-event-doc.ts';
import { districtNames, enterprisesByIds, makersOfLots, productsByGtins } from './trace-queries.ts';
import { tallyDownstream, tallyTransformations, timelineOf } from './trace-tally.ts';
import { walkBackward, walkForward, type ForwardWalk, type LotStart } from './trace-walk.ts';
import { presentLotTrace, type LotTrace, type TraceNames } from './trace-present.ts';

/** What to trace: a product (GTIN) and its lot, or some of its serials, or both. */
export interface TraceLotInput {
  gtin: string;
  lot?: string | null | undefined;
  serials?: readonly string[] | undefined;
}

/** The lot to trace in canonical form, and its maker (生产者): the registered owner of the product, or of the lot's codes. */
export interface TraceSubject {
  start: LotStart;
  maker: { id: string; jurisdictionCode: string };
  product: { id: string; name: string } | null;
}

function invalid(path: string, message: string): AppError {
  return new AppError('request.invalid', { params: { count: 1 }, details: [{ path, message }] });
}

function lotClassOrThrow(gtin: string, lot: string): string {
  try {
    return canonicalLotClass(gtin, lot);
  } catch {
    throw invalid('lot', 'field.trace_lot_format');
  }
}

/** Reads the input into canonical identifiers and finds the maker; `resource.not_found` when the platform knows no maker of it. */
export async function resolveTraceSubject(db: Db | Trx, input: TraceLotInput): Promise<TraceSubject> {
  const gtin = toGtin14(input.gtin);
  if (gtin === null) throw invalid('gtin', 'field.gtin_format');
  const lot = input.lot ?? null;
  const classKey = lot === null ? null : lotClassOrThrow(gtin, lot);
  const items = new Map<string, string | null>();
  for (const [index, serial] of (input.serials ?? []).entries()) {
    try {
      items.set(canonicalItem(gtin, serial), classKey);
    } catch {
      throw invalid(`serials.${index}`, 'field.trace_serial_format');
    }
  }
  if (classKey === null && items.size === 0) throw invalid('lot', 'field.trace_lot_or_serials');
  const product = (await productsByGtins(db, [gtin])).get(gtin) ?? null;
  let makerId = product?.enterpriseId ?? null;
  if (classKey !== null) makerId = (await makersOfLots(db, [{ classKey, gtin, lot }])).get(classKey) ?? makerId;
  if (makerId === null) throw new AppError('resource.not_found');
  const maker = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', makerId).executeTakeFirst();
  if (!maker) throw new AppError('resource.not_found');
  return { start: { gtin, lot, classKey, items }, maker, product: product && product.enterpriseId === maker.id ? { id: product.id, name: product.name } : null };
}

/**
 * Who may trace: a regulator whose jurisdiction holds the maker, or the maker itself (a trace crosses
 * enterprises, which is its purpose, so nobody else may run it). Out of scope answers 404.
 */
export function assertMayTrace(actor: Actor, subject: TraceSubject, action: Action = 'trace.read'): void {
  assertCan(actor, action, { jurisdictionCode: subject.maker.jurisdictionCode, enterpriseId: subject.maker.id });
}

/**
 * An enterprise's own trace follows its own product only: a transformation captured by another enterprise is
 * listed (what the lot went into) but not followed to that enterprise's customers. Regulators follow all.
 */
export function followOutputsFor(actor: Actor) {
  const scope = actorScope(actor);
  return scope.kind === 'enterprise' ? (row: { enterpriseId: string | null }) => row.enterpriseId === scope.enterpriseId : () => true;
}

/** The trace of a subject already authorised: the forward walk (kept for the spreadsheet) and the answer. */
export interface LotTraceRun {
  subject: TraceSubject;
  walk: ForwardWalk;
  trace: LotTrace;
  names: TraceNames;
}

export async function runLotTrace(db: Db | Trx, actor: Actor, subject: TraceSubject): Promise<LotTraceRun> {
  const follow = followOutputsFor(actor);
  const walk = await walkForward(db, subject.start, follow);
  const { state } = walk;
  const backward = await walkBackward(db, subject.start);

  const live = liveEvents(state);
  const locationIds = new Set<string>();
  for (const { row } of live) for (const id of [row.bizLocation, row.readPoint, ...row.destinations]) if (id) locationIds.add(id);
  for (const input of backward.inputs) if (input.locationId) locationIds.add(input.locationId);
  const places = await premisesByLocationIds(db, locationIds);
  const downstream = tallyDownstream(state, (id) => places.get(id));
  const outputs = tallyTransformations(state, follow);

  const inputLots = backward.inputs.filter((i): i is typeof i & { classKey: string; gtin: string } => i.classKey !== null && i.gtin !== null);
  const makers = await makersOfLots(db, inputLots.map((i) => ({ classKey: i.classKey, gtin: i.gtin, lot: i.lot })));
  const gtins = new Set<string>([subject.start.gtin]);
  const addGtin = (classKey: string | null) => {
    const gtin = classKey === null ? null : classParts(classKey).gtin;
    if (gtin !== null) gtins.add(gtin);
  };
  for (const d of downstream) for (const l of [...d.lots, ...d.quantities.map((q) => ({ classKey: q.epcClass }))]) addGtin(l.classKey);
  for (const o of outputs) for (const l of [...o.outputLots, ...o.outputQuantities.map((q) => ({ classKey: q.epcClass }))]) addGtin(l.classKey);
  for (const i of backward.inputs) addGtin(i.classKey);
  for (const i of backward.inputs) addGtin(i.madeClass);
  const enterpriseIds = [
    subject.maker.id,
    ...downstream.map((d) => d.enterpriseId),
    ...outputs.map((o) => o.enterpriseId),
    ...backward.inputs.map((i) => i.transformerId),
    ...makers.values(),
    ...live.map((e) => e.row.enterpriseId),
    ...[...places.values()].map((p) => p.enterpriseId),
  ];
  const enterprises = await enterprisesByIds(db, enterpriseIds);
  const districts = await districtNames(db, [...[...enterprises.values()].map((e) => e.jurisdictionCode), ...[...places.values()].map((p) => p.jurisdictionCode)]);
  const names: TraceNames = {
    enterprises,
    districts: new Map([...districts].map(([code, n]) => [code, { code: code.slice(0, 6), nameZh: n.zh, nameEn: n.en }])),
    places,
    products: await productsByGtins(db, gtins),
    makers,
  };
  const trace = presentLotTrace({ subject, walk, downstream, outputs, backward, timeline: timelineOf(state), names });
  return { subject, walk, trace, names };
}

/**
 * Forward and backward trace of a lot (追溯): downstream enterprises and locations with quantities, what it
 * went into, its input lots and their makers, and its event timeline. Regulators in whose jurisdiction the
 * maker lies, and the maker itself, may run it (`trace.read`).
 */
export async function traceLot(ctx: Ctx, input: TraceLotInput): Promise<LotTrace> {
  assertCan(ctx.actor, 'trace.read');
  const subject = await resolveTraceSubject(ctx.db, input);
  assertMayTrace(ctx.actor, subject);
  return (await runLotTrace(ctx.db, ctx.actor, subject)).trace;
}
