import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';
import { backwardEdges, inputLotsOf, type InputLot } from './trace-backward.ts';
import { advanceForward, createForwardState, type FollowOutputs, type ForwardState } from './trace-graph.ts';
import { fetchEventsNaming, fetchIlmdEventsOfLot, issuedItemsOfLot, lotsOfItems } from './trace-queries.ts';

/**
 * The walks of the trace (追溯) with their guards: breadth-first over identifier sets, one batched query per
 * level (never one per event). A walk that reaches a guard stops and says it was cut short; what it found
 * up to there is still answered.
 */
export const TRACE_LIMITS = {
  /** Levels of the forward walk (item → case → pallet → transformation → … counts one level each). */
  forwardDepth: 30,
  /** Levels of the backward walk (transformation inputs of inputs …). */
  backwardDepth: 12,
  /** Identifiers followed before the walk stops. */
  trackedIds: 250_000,
  /** Events read before the walk stops. */
  events: 500_000,
  /** Issued codes of the lot taken as its known items (the rest show up through the events that name them). */
  seedItems: 50_000,
} as const;

type Handle = Db | Trx;

export interface LotStart {
  gtin: string;
  lot: string | null;
  /** The lot class when a lot is given. */
  classKey: string | null;
  /** Items traced by serial: canonical item identifier → its lot class (null when no lot was given). */
  items: ReadonlyMap<string, string | null>;
}

export interface ForwardWalk {
  state: ForwardState;
  levels: number;
  truncated: boolean;
}

/** The forward walk from a lot (and/or serials): every event downstream, the members, containers and outputs. */
export async function walkForward(db: Handle, start: LotStart, followOutputs: FollowOutputs): Promise<ForwardWalk> {
  const items = new Map(start.items);
  const seedRows = [];
  if (start.lot !== null && start.classKey !== null) {
    for (const item of await issuedItemsOfLot(db, start.gtin, start.lot, TRACE_LIMITS.seedItems)) if (!items.has(item)) items.set(item, start.classKey);
    seedRows.push(...(await fetchIlmdEventsOfLot(db, start.gtin, start.lot)));
  }
  const state = createForwardState({ classes: start.classKey ? [start.classKey] : [], items });
  let frontier = { epcs: [...state.tracked], classes: [...state.classes] };
  let levels = 0;
  let truncated = false;
  let rows = seedRows;
  while (frontier.epcs.length > 0 || frontier.classes.length > 0 || rows.length > 0) {
    if (levels >= TRACE_LIMITS.forwardDepth || state.tracked.size > TRACE_LIMITS.trackedIds || state.events.size > TRACE_LIMITS.events) {
      truncated = true;
      break;
    }
    rows = [...rows, ...(await fetchEventsNaming(db, frontier))];
    frontier = advanceForward(state, rows, followOutputs);
    rows = [];
    levels += 1;
  }
  return { state, levels, truncated };
}

/** One input lot found by the backward walk, with the transformation it went into and how far back it lies. */
export interface BackwardInput extends InputLot {
  depth: number;
  eventId: string;
  eventTime: Date;
  /** The enterprise that captured the transformation. */
  transformerId: string | null;
  locationId: string | null;
  /** The lot (or item) this input went into. */
  madeClass: string;
}

export interface BackwardWalk {
  inputs: BackwardInput[];
  truncated: boolean;
}

/** The backward walk: transformations that made the lot (or its items), their input lots, and theirs in turn. */
export async function walkBackward(db: Handle, lotStart: LotStart): Promise<BackwardWalk> {
  const start = { classes: lotStart.classKey ? [lotStart.classKey] : [], items: [...lotStart.items.keys()] };
  // A lot given by the ILMD of its transformation only: found through its GTIN class at the first level.
  let seed = lotStart.lot === null ? [] : (await fetchIlmdEventsOfLot(db, lotStart.gtin, lotStart.lot)).filter((r) => r.eventType === 'TransformationEvent');
  const seenClasses = new Set(start.classes);
  const seenItems = new Set(start.items);
  const seenEvents = new Set<number>();
  let target = { classes: new Set(start.classes), items: new Set(start.items) };
  const inputs: BackwardInput[] = [];
  let depth = 0;
  while (target.classes.size > 0 || target.items.size > 0) {
    if (depth >= TRACE_LIMITS.backwardDepth) return { inputs, truncated: true };
    depth += 1;
    const rows = [...seed, ...(await fetchEventsNaming(db, { epcs: [...target.items], classes: [...target.classes] }, 'TransformationEvent'))];
    seed = [];
    const edges = backwardEdges(rows, target).filter((e) => !seenEvents.has(e.row.id));
    for (const e of edges) seenEvents.add(e.row.id);
    const unknown = edges.flatMap((e) => e.inputItems.filter((item) => !e.inputLots.has(item)));
    const lots = unknown.length > 0 ? await lotsOfItems(db, unknown) : new Map<string, string>();
    const next = { classes: new Set<string>(), items: new Set<string>() };
    for (const edge of edges) {
      for (const input of inputLotsOf(edge, lots)) {
        inputs.push({
          ...input,
          depth,
          eventId: edge.row.eventId,
          eventTime: edge.row.eventTime,
          transformerId: edge.row.enterpriseId,
          locationId: edge.row.bizLocation ?? edge.row.readPoint,
          madeClass: edge.madeClasses[0] ?? '',
        });
        if (input.lot !== null && input.classKey !== null && !seenClasses.has(input.classKey)) {
          seenClasses.add(input.classKey);
          next.classes.add(input.classKey);
        }
      }
      for (const item of edge.inputItems) {
        if (!seenItems.has(item)) {
          seenItems.add(item);
          next.items.add(item);
        }
      }
    }
    target = next;
  }
  return { inputs, truncated: false };
}
