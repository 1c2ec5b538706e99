import { sql, type QueryCreator, type RawBuilder } from 'kysely';
import { AppError, FIELD_MESSAGES, assertCan, interpolate, type Actor, type ErrorDetail, type Locale } from '@shian/domain';
import { scopeCondition } from '../../access/scope.ts';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../db/transaction.ts';
import { eventFilters } from './event-filters.ts';
import { PAGE_TOKEN_TTL_MS, queryFingerprint, readPageToken, signPageToken, type PageKey } from './page-token.ts';
import { DEFAULT_PER_PAGE, parseEventQuery, type EventQuery, type QueryProblem, type RawQueryValue } from './query-params.ts';
import { EVENT_TYPES } from './query-vocabulary.ts';

/**
 * The EPCIS query interface (查询) over `epcis_events`: the SimpleEventQuery of `GET /epcis/events`, one event
 * by its eventID, the event types. Every read is narrowed to what the actor may see (`scopeCondition`: an
 * enterprise the events it captured, a regulator those of its jurisdiction, the public nothing). Events come
 * back as captured (the standard's `GS1-EPC-Format: Never_Translates`), with their recordTime and eventID.
 */

/** An event as stored: the document captured, with `recordTime` and `eventID`. */
export type EventDocument = Record<string, unknown>;

/** One page of a query's events. */
export interface EventPage {
  events: EventDocument[];
  /** Present when more events follow; pass it back as `nextPageToken` with the same parameters. */
  nextPageToken: string | null;
  nextPageTokenExpires: Date | null;
  perPage: number;
}

/** What a query needs besides its parameters. */
export interface EventQueryOptions {
  /** The secret that signs page tokens (the platform's session secret). */
  pageTokenSecret: string;
  /** The language of the parameter problems. */
  locale: Locale;
  now?: Date;
}

/** Who a page token belongs to: a user, or an enterprise system's API key. */
const callerOf = (actor: Actor): string => `${actor.userId ?? '-'}/${actor.apiKeyId ?? '-'}`;

/** Problems in the caller's language, each naming its parameter. */
function detailsOf(problems: readonly QueryProblem[], locale: Locale): ErrorDetail[] {
  return problems.map((p) => ({ path: p.parameter, message: interpolate(FIELD_MESSAGES[p.message][locale], p.params ?? {}) }));
}

const parameterError = (details: ErrorDetail[]): AppError => new AppError('epcis.query_parameter', { details });

/** The order of a query: `orderBy` (default recordTime, so new events come last) and its direction. */
function orderOf(q: EventQuery): { column: 'event_time' | 'record_time'; direction: 'asc' | 'desc' } {
  const column = q.orderBy === 'eventTime' ? 'event_time' : 'record_time';
  const direction = q.orderDirection ? (q.orderDirection === 'ASC' ? 'asc' : 'desc') : q.orderBy ? 'desc' : 'asc';
  return { column, direction };
}

/**
 * True when a parameter names single items, units or lots (not every item of a GTIN): such a query matches
 * few events, found through the GIN indexes.
 */
function isSelective(q: EventQuery): boolean {
  const instances = [q.MATCH_epc, q.MATCH_parentID, q.MATCH_inputEPC, q.MATCH_outputEPC, q.MATCH_anyEPC];
  const classes = [q.MATCH_epcClass, q.MATCH_inputEPCClass, q.MATCH_outputEPCClass, q.MATCH_anyEPCClass];
  return instances.some((values) => values?.every((m) => m.kind !== 'gtin')) || classes.some((values) => values?.every((m) => m.lot !== null || m.gtin === null));
}

/**
 * Runs a SimpleEventQuery given as URL query parameters. Bad parameters, and a page token that is forged,
 * expired or belongs to other parameters, throw `epcis.query_parameter` (QueryParameterException) naming
 * each; more matches than `maxEventCount` throw `epcis.query_too_large` (QueryTooLargeException). Pages are
 * keyset pages on (order column, id).
 */
export async function queryEvents(ctx: Ctx, raw: Readonly<Record<string, RawQueryValue>>, options: EventQueryOptions): Promise<EventPage> {
  assertCan(ctx.actor, 'trace.read');
  const now = options.now ?? new Date();
  const { query, problems } = parseEventQuery(raw);
  const fingerprint = queryFingerprint(query, callerOf(ctx.actor));
  let after: PageKey | null = null;
  if (query.nextPageToken !== undefined) {
    const read = readPageToken(options.pageTokenSecret, query.nextPageToken, fingerprint, now);
    if (read.ok) after = read.key;
    else {
      const message = read.problem === 'expired' ? 'field.epcis_page_token_expired' : read.problem === 'mismatch' ? 'field.epcis_page_token_mismatch' : 'field.epcis_page_token_invalid';
      problems.push({ parameter: 'nextPageToken', message, params: { minutes: PAGE_TOKEN_TTL_MS / 60_000 } });
    }
  }
  if (problems.length > 0) throw parameterError(detailsOf(problems, options.locale));

  const filters: RawBuilder<boolean>[] = [scopeCondition(ctx.actor, 'epcisEvents'), ...eventFilters(query)];
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const sent = after?.sent ?? 0;

  if (query.maxEventCount !== undefined && after === null) {
    const max = query.maxEventCount;
    const { count } = await ctx.db
      .selectFrom((eb) => eb.selectFrom('epcisEvents').select(sql`1`.as('one')).where(sql<boolean>`${sql.join(filters, sql` AND `)}`).limit(max + 1).as('matching'))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) > max) throw new AppError('epcis.query_too_large', { params: { max } });
  }

  const remaining = query.eventCountLimit === undefined ? Infinity : query.eventCountLimit - sent;
  const pageSize = Math.min(perPage, remaining);
  if (pageSize <= 0) return { events: [], nextPageToken: null, nextPageTokenExpires: null, perPage };

  const { column, direction } = orderOf(query);
  const orderColumn = sql.raw(column);
  const keyset = after === null ? [] : [direction === 'asc' ? sql<boolean>`(${orderColumn}, id) > (${after.orderKey}::timestamptz, ${after.id})` : sql<boolean>`(${orderColumn}, id) < (${after.orderKey}::timestamptz, ${after.id})`];
  const matching = (db: QueryCreator<DB>) =>
    db
      .selectFrom('epcisEvents')
      .select(['id', 'doc', sql<string>`${orderColumn}::text`.as('orderKey'), sql<Date>`${orderColumn}`.as('orderAt')])
      .where(sql<boolean>`${sql.join([...filters, ...keyset], sql` AND `)}`);
  const order = sql`${sql.ref('orderAt')} ${sql.raw(direction)}, ${sql.ref('id')} ${sql.raw(direction)}`;
  // An identifier names few events, but the planner cannot know it (GIN statistics have no frequency for an
  // identifier seen in one or two events and assume 0.5 % of the table): given the chance it walks the
  // order index and filters, reading the whole table for a single item. Fenced in a materialised CTE, the
  // matches are found through the GIN index first and then sorted.
  const rows = isSelective(query)
    ? await ctx.db.with((cte) => cte('matching').materialized(), matching).selectFrom('matching').select(['id', 'doc', 'orderKey']).orderBy(order).limit(pageSize + 1).execute()
    : await matching(ctx.db).orderBy(order).limit(pageSize + 1).execute();

  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const more = rows.length > pageSize && sent + page.length < (query.eventCountLimit ?? Infinity);
  const next = more && last ? signPageToken(options.pageTokenSecret, { orderKey: last.orderKey, id: Number(last.id), sent: sent + page.length }, fingerprint, now) : null;
  return {
    // `doc` is the jsonb object capture stored.
    events: page.map((r) => r.doc as EventDocument),
    nextPageToken: next?.token ?? null,
    nextPageTokenExpires: next?.expiresAt ?? null,
    perPage,
  };
}

/**
 * One event by its eventID: the event as captured and, when an error declaration has retracted it, the
 * declaration-bearing copy too (same eventID), in the order they were recorded. Out of scope or unknown: 404.
 */
export async function findEventsById(ctx: Ctx, eventId: string): Promise<EventDocument[]> {
  assertCan(ctx.actor, 'trace.read');
  const rows = await ctx.db
    .selectFrom('epcisEvents')
    .select('doc')
    .where('eventId', '=', eventId)
    .where(scopeCondition(ctx.actor, 'epcisEvents'))
    .orderBy('recordTime')
    .orderBy('id')
    .execute();
  if (rows.length === 0) throw new AppError('resource.not_found');
  return rows.map((r) => r.doc as EventDocument);
}

/** The event types the repository serves: the standard's five (the platform stores no extension types). */
export function listEventTypes(ctx: Ctx): readonly string[] {
  assertCan(ctx.actor, 'trace.read');
  return EVENT_TYPES;
}
