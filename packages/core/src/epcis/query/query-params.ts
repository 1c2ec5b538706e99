import type { EpcisEventType } from '../../db/schema-trace.ts';
import {
  decimal,
  epcClass,
  flag,
  instance,
  integer,
  location,
  oneOf,
  text,
  time,
  uri,
  vocabulary,
  type ValueProblem,
  type ValueReader,
} from './query-values.ts';
import { BIZ_STEPS, DISPOSITIONS, ERROR_REASONS, EVENT_TYPES, MEASUREMENT_TYPES } from './query-vocabulary.ts';

/**
 * The parameters of the standard's SimpleEventQuery over REST (EPCIS 2.0 §8.2.7.1 and the REST binding's
 * `GET /events`), read from a URL query string: list parameters are pipe-delimited
 * (`EQ_bizStep=shipping|receiving`), identifiers are canonicalised as capture stores them. Every bad
 * parameter is reported, not only the first (QueryParameterException). Pure: no I/O.
 */

/** The largest page a client may ask for (the standard leaves the bound to the implementation). */
export const MAX_PER_PAGE = 1000;
/** The page size without `perPage` (the standard's default). */
export const DEFAULT_PER_PAGE = 30;
const MAX_COUNT = 1_000_000_000;

interface ParameterSpec<T, M extends boolean> {
  /** Several values, pipe-delimited (and the parameter may be repeated). */
  list: M;
  read: ValueReader<T>;
}
const list = <T>(read: ValueReader<T>): ParameterSpec<T, true> => ({ list: true, read });
const one = <T>(read: ValueReader<T>): ParameterSpec<T, false> => ({ list: false, read });

/** Every parameter the platform answers, by its standard name. */
export const QUERY_PARAMETERS = {
  eventType: list(oneOf<EpcisEventType>(EVENT_TYPES)),
  GE_eventTime: one(time),
  LT_eventTime: one(time),
  GE_recordTime: one(time),
  LT_recordTime: one(time),
  EQ_action: list(oneOf(['ADD', 'OBSERVE', 'DELETE'] as const)),
  EQ_bizStep: list(vocabulary(BIZ_STEPS)),
  EQ_disposition: list(vocabulary(DISPOSITIONS)),
  EQ_persistentDisposition_set: list(vocabulary(DISPOSITIONS)),
  EQ_persistentDisposition_unset: list(vocabulary(DISPOSITIONS)),
  EQ_readPoint: list(location),
  WD_readPoint: list(location),
  EQ_bizLocation: list(location),
  WD_bizLocation: list(location),
  EQ_transformationID: list(uri),
  MATCH_epc: list(instance),
  MATCH_parentID: list(instance),
  MATCH_inputEPC: list(instance),
  MATCH_outputEPC: list(instance),
  MATCH_anyEPC: list(instance),
  MATCH_epcClass: list(epcClass),
  MATCH_inputEPCClass: list(epcClass),
  MATCH_outputEPCClass: list(epcClass),
  MATCH_anyEPCClass: list(epcClass),
  EQ_quantity: list(decimal),
  GT_quantity: one(decimal),
  GE_quantity: one(decimal),
  LT_quantity: one(decimal),
  LE_quantity: one(decimal),
  EQ_eventID: list(uri),
  EXISTS_errorDeclaration: one(flag),
  GE_errorDeclarationTime: one(time),
  LT_errorDeclarationTime: one(time),
  EQ_errorReason: list(vocabulary(ERROR_REASONS)),
  EQ_correctiveEventID: list(uri),
  EXISTS_sensorElementList: one(flag),
  EQ_type: list(vocabulary(MEASUREMENT_TYPES)),
  EQ_deviceID: list(uri),
  EQ_dataProcessingMethod: list(uri),
  EQ_microorganism: list(uri),
  EQ_chemicalSubstance: list(uri),
  EQ_bizRules: list(uri),
  orderBy: one(oneOf(['eventTime', 'recordTime'] as const)),
  orderDirection: one(oneOf(['ASC', 'DESC'] as const)),
  eventCountLimit: one(integer(1, MAX_COUNT)),
  maxEventCount: one(integer(0, MAX_COUNT)),
  perPage: one(integer(1, MAX_PER_PAGE)),
  nextPageToken: one(text),
} as const;

type Specs = typeof QUERY_PARAMETERS;
/** The name of a parameter the platform serves. */
export type QueryParameterName = keyof Specs;

/** A parsed query: each parameter given, in the form the SQL compares; list parameters as arrays. */
export type EventQuery = {
  -readonly [K in QueryParameterName]?: Specs[K] extends ParameterSpec<infer T, infer M> ? (M extends true ? T[] : T) : never;
};

/** One bad parameter (or one bad value of it): the parameter's name and what is wrong. */
export interface QueryProblem extends ValueProblem {
  parameter: string;
}

/**
 * Names of the standard's other query parameters (fixed names the platform does not serve, and the families
 * with a field, type or unit in the name): told apart from a misspelt name so that the client learns which.
 */
const STANDARD_NAME = /^(EQ|GT|GE|LT|LE|EXISTS|HASATTR|EQATTR|MATCH|WD)_|^(GE|LT)_(startTime|endTime|time)$/;

const isParameter = (name: string): name is QueryParameterName => Object.hasOwn(QUERY_PARAMETERS, name);

/** A query-string value as a framework hands it over: a string, or an array when the name is repeated. */
export type RawQueryValue = string | readonly string[] | undefined;

/**
 * Reads the query string's parameters: unknown names, repeated single-valued names, empty values and bad
 * values each give a problem naming the parameter; so do the standard's rules between parameters
 * (`eventCountLimit` needs `orderBy` and excludes `maxEventCount`).
 */
export function parseEventQuery(raw: Readonly<Record<string, RawQueryValue>>): { query: EventQuery; problems: QueryProblem[] } {
  const query: Record<string, unknown> = {};
  const problems: QueryProblem[] = [];
  const report = (parameter: string, problem: ValueProblem) => problems.push({ parameter, ...problem });
  for (const [name, given] of Object.entries(raw)) {
    if (given === undefined) continue;
    if (!isParameter(name)) {
      report(name, { message: STANDARD_NAME.test(name) ? 'field.epcis_query_unsupported' : 'field.epcis_query_unknown' });
      continue;
    }
    const spec: ParameterSpec<unknown, boolean> = QUERY_PARAMETERS[name];
    const occurrences = typeof given === 'string' ? [given] : [...given];
    if (occurrences.length > 1 && !spec.list) {
      report(name, { message: 'field.epcis_query_repeated' });
      continue;
    }
    const values = spec.list ? occurrences.flatMap((v) => v.split('|')) : occurrences;
    const read: unknown[] = [];
    for (const value of values) {
      if (value === '' && spec.read !== flag) {
        report(name, { message: 'field.epcis_query_empty' });
        continue;
      }
      const result = spec.read(value);
      if (result.ok) read.push(result.value);
      else report(name, result.problem);
    }
    if (read.length === values.length) query[name] = spec.list ? read : read[0];
  }
  if (raw.eventCountLimit !== undefined && raw.orderBy === undefined) report('eventCountLimit', { message: 'field.epcis_query_needs_order_by' });
  if (raw.eventCountLimit !== undefined && raw.maxEventCount !== undefined) {
    report('maxEventCount', { message: 'field.epcis_query_exclusive', params: { other: 'eventCountLimit' } });
  }
  // Every entry of `query` was read by its parameter's own reader, so it has that parameter's type.
  return { query: query as EventQuery, problems };
}
