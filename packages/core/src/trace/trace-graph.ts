import { cbvWord, lotsNamedBy, readEventDoc, type EventDoc, type TraceEventRow } from './trace-event-doc.ts';

/**
 * The forward trace (正向追踪) as a pure graph walk over identifier sets: the SQL module fetches, level by
 * level, every event that names a tracked identifier or class; {@link advanceForward} reads those events and
 * answers the next frontier. Items of a tracked lot are its members (counted in quantities); containers (an
 * SSCC pallet, a case) are tracked because members were aggregated into them; a transformation's outputs are
 * tracked because tracked items or lots went into it ("items of it went into these products").
 */
export interface ForwardState {
  /** Every event read so far, by row id, with its parsed document and the lots it names. */
  events: Map<number, TracedEvent>;
  /** Instance identifiers followed: members, their containers, transformation outputs. */
  tracked: Set<string>;
  /** Lot classes followed: the lot traced and the lots made from it. */
  classes: Set<string>;
  /** Items known to belong to a tracked lot (item → lot class), or traced by serial (→ its lot or null). */
  members: Map<string, string | null>;
  /** Transformations whose inputs held tracked items or lots, by row id. */
  transformations: Set<number>;
  /** Event IDs retracted by an error declaration (the original and the declaration are both left out). */
  retracted: Set<string>;
}

/** An event read by the walk. */
export interface TracedEvent {
  row: TraceEventRow;
  doc: EventDoc;
  /** The lot of each item the event names (see `lotsNamedBy`). */
  lots: Map<string, string>;
}

/** What the next level asks for: the identifiers and classes not asked about yet. */
export interface Frontier {
  epcs: string[];
  classes: string[];
}

/** Whether the walk may go on through a transformation's outputs (an enterprise sees only its own product's). */
export type FollowOutputs = (event: TraceEventRow) => boolean;

export function createForwardState(start: { classes: readonly string[]; items: ReadonlyMap<string, string | null> }): ForwardState {
  return {
    events: new Map(),
    tracked: new Set(start.items.keys()),
    classes: new Set(start.classes),
    members: new Map(start.items),
    transformations: new Set(),
    retracted: new Set(),
  };
}

/** The events that count: read, and neither an error declaration nor an event it retracts. */
export function liveEvents(state: ForwardState): TracedEvent[] {
  return [...state.events.values()].filter((e) => e.row.errorReason === null && !state.retracted.has(e.row.eventId));
}

const intersects = (ids: readonly string[], set: ReadonlySet<string>): boolean => ids.some((id) => set.has(id));

/**
 * One level of the forward walk: takes the events the last frontier found, and answers the identifiers and
 * classes they add. Repeats over every live event until nothing changes within the level, so the order in
 * which rows arrive does not matter (an item → case → pallet chain found in one batch is followed whole).
 */
export function advanceForward(state: ForwardState, rows: readonly TraceEventRow[], followOutputs: FollowOutputs = () => true): Frontier {
  const before = { epcs: new Set(state.tracked), classes: new Set(state.classes) };
  for (const row of rows) {
    if (state.events.has(row.id)) continue;
    const doc = readEventDoc(row.doc);
    state.events.set(row.id, { row, doc, lots: lotsNamedBy(row, doc) });
    if (row.errorReason !== null) state.retracted.add(row.eventId);
  }
  let changed = true;
  while (changed) {
    changed = false;
    const add = (set: Set<string>, id: string | null) => {
      if (id !== null && !set.has(id)) {
        set.add(id);
        changed = true;
      }
    };
    for (const { row, doc, lots } of liveEvents(state)) {
      // Items this event says belong to a tracked lot become members (and are tracked).
      for (const [item, lot] of lots) {
        if (state.classes.has(lot) && !state.members.has(item)) {
          state.members.set(item, lot);
          add(state.tracked, item);
        }
      }
      if (row.eventType === 'AggregationEvent' && row.action !== 'DELETE') {
        const childClasses = doc.quantities.filter((q) => q.role === 'child').map((q) => q.epcClass);
        if (intersects(row.childEpcs, state.tracked) || intersects(childClasses, state.classes)) add(state.tracked, row.parentId);
      }
      if (row.eventType === 'TransformationEvent') {
        const inputClasses = doc.quantities.filter((q) => q.role === 'input').map((q) => q.epcClass);
        if (!state.transformations.has(row.id) && (intersects(row.inputEpcs, state.tracked) || intersects(inputClasses, state.classes))) {
          state.transformations.add(row.id);
          changed = true;
        }
        if (state.transformations.has(row.id) && followOutputs(row)) {
          for (const q of doc.quantities) if (q.role === 'output') add(state.classes, q.epcClass);
          for (const epc of row.outputEpcs) add(state.classes, lots.get(epc) ?? null);
          for (const epc of row.outputEpcs) {
            add(state.tracked, epc);
            if (!state.members.has(epc)) state.members.set(epc, lots.get(epc) ?? null);
          }
        }
      }
    }
  }
  return { epcs: [...state.tracked].filter((id) => !before.epcs.has(id)), classes: [...state.classes].filter((c) => !before.classes.has(c)) };
}

/** Answers the member items inside some identifiers at an instant (see {@link containmentOf}). */
export type Containment = (ids: readonly string[], at: Date) => Set<string>;

/**
 * What containers (pallets, cases) held: the aggregation events of each parent up to the instant asked
 * (ADD and OBSERVE put children in, DELETE takes the named children out, or all when it names none), opened
 * recursively. The index is built once; each question answers the member items inside (members asked about
 * directly count too).
 */
export function containmentOf(state: ForwardState): Containment {
  const byParent = new Map<string, TraceEventRow[]>();
  for (const { row } of liveEvents(state)) {
    if (row.eventType !== 'AggregationEvent' || row.parentId === null) continue;
    byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || a.id - b.id);
  return (ids, at) => {
    const found = new Set<string>();
    const opened = new Set<string>();
    const open = (id: string): void => {
      if (state.members.has(id)) found.add(id);
      if (opened.has(id)) return;
      opened.add(id);
      const inside = new Set<string>();
      for (const e of byParent.get(id) ?? []) {
        if (e.eventTime > at) break;
        if (e.action === 'DELETE') {
          if (e.childEpcs.length === 0) inside.clear();
          else for (const c of e.childEpcs) inside.delete(c);
        } else for (const c of e.childEpcs) inside.add(c);
      }
      for (const child of inside) open(child);
    };
    for (const id of ids) open(id);
    return found;
  };
}

/** The CBV business step of an event as a bare word (`receiving`), whatever spelling it was captured in. */
export const stepOf = (row: TraceEventRow): string | null => cbvWord(row.bizStep);

/** The identifiers an event moves (what is shipped or received): its epcList, a parent and its children. */
export function movedIds(row: TraceEventRow): string[] {
  return [...row.epcList, ...(row.parentId === null ? [] : [row.parentId]), ...row.childEpcs];
}
