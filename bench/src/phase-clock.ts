import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Splits a use case's wall time into phases without touching product code: a Kysely plugin on the handle the
 * use case receives records when each query starts and ends, and which table it names first. The draw and
 * plan use cases both load the enterprise roster, then the inspector roster (whose last query reads
 * `recusals`), compute in memory, and then write in one transaction. So:
 *   roster  = from the call to the end of the recusals query;
 *   compute = from there to the start of the next query (the pure draw or plan, and building rows);
 *   persist = from there to the end of the call (every write, audit and commit).
 */
export interface QueryEvent {
  table: string;
  start: number;
  end: number;
}

export interface PhaseSplit {
  roster: number;
  compute: number;
  persist: number;
  /** The enterprise roster query alone, from start to result. */
  rosterQuery: number;
  persistQueries: number;
}

/** The first table a query names, depth first (the FROM of a select, the target of a write), or `raw`. */
function firstTable(node: unknown): string | null {
  if (typeof node !== 'object' || node === null) return null;
  if ('kind' in node && node.kind === 'TableNode' && 'table' in node) {
    const table = node.table;
    if (typeof table === 'object' && table !== null && 'identifier' in table) {
      const identifier = table.identifier;
      if (typeof identifier === 'object' && identifier !== null && 'name' in identifier && typeof identifier.name === 'string') return identifier.name;
    }
  }
  for (const value of Object.values(node)) {
    const found = Array.isArray(value) ? value.map(firstTable).find((t) => t !== null) : firstTable(value);
    if (found) return found;
  }
  return null;
}

export class PhaseClock implements KyselyPlugin {
  events: QueryEvent[] = [];
  readonly #open = new Map<object, { table: string; start: number }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#open.set(args.queryId, { table: firstTable(args.node) ?? 'raw', start: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const open = this.#open.get(args.queryId);
    if (open) this.events.push({ ...open, end: performance.now() });
    this.#open.delete(args.queryId);
    return args.result;
  }

  /** Times `task`, then splits it at the recusals query; null when the use case did not run as described. */
  async split<T>(task: () => Promise<T>): Promise<{ result: T; phases: PhaseSplit | null }> {
    this.events = [];
    const t0 = performance.now();
    const result = await task();
    const t1 = performance.now();
    const recusalsAt = this.events.findIndex((e) => e.table === 'recusals');
    const recusals = this.events[recusalsAt];
    const next = this.events[recusalsAt + 1];
    const roster = this.events.find((e) => e.table === 'enterprises');
    if (!recusals || !next || !roster) return { result, phases: null };
    return {
      result,
      phases: {
        roster: recusals.end - t0,
        compute: next.start - recusals.end,
        persist: t1 - next.start,
        rosterQuery: roster.end - roster.start,
        persistQueries: this.events.length - recusalsAt - 1,
      },
    };
  }
}
