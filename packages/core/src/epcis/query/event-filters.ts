import { sql, type RawBuilder } from 'kysely';
import { GS1_CANONICAL_HOST } from '@shian/domain';
import { classSpellings, likeLiteral } from './class-spellings.ts';
import type { EventQuery } from './query-params.ts';
import type { ClassMatch, InstanceMatch } from './query-values.ts';
import { MEASUREMENT_TYPES } from './query-vocabulary.ts';

/**
 * The WHERE conditions of a parsed SimpleEventQuery over `epcis_events` (raw SQL: snake_case columns).
 *
 * Identifiers go through the GIN indexes first (`any_epcs && ARRAY[…]`, `any_classes && ARRAY[…]`), then
 * the role is rechecked on the per-role columns (`epc_list`, `child_epcs`, `parent_id`, `input_epcs`,
 * `output_epcs`), or for classes of quantity lists on the event document itself (the row keeps classes for
 * all roles together). The sensor filters use jsonb containment on `doc->'sensorElementList'`: no index
 * serves them, so they only narrow rows the other conditions (at least the scope) have found.
 */

type Condition = RawBuilder<boolean>;

const TRUE: Condition = sql<boolean>`true`;
const textArray = (values: readonly string[]): RawBuilder<string[]> => sql<string[]>`ARRAY[${sql.join(values)}]::text[]`;
const anyOf = (conditions: Condition[]): Condition => (conditions.length === 1 ? (conditions[0] ?? TRUE) : sql<boolean>`(${sql.join(conditions, sql` OR `)})`);
const allOf = (conditions: Condition[]): Condition => (conditions.length === 1 ? (conditions[0] ?? TRUE) : sql<boolean>`(${sql.join(conditions, sql` AND `)})`);
const column = (name: string) => sql.raw(name);
const isIn = (name: string, values: readonly (string | number)[]): Condition => sql<boolean>`${column(name)} IN (${sql.join(values)})`;

/** The canonical prefix of every item of a GTIN: `https://id.gs1.org/01/{gtin14}/21/`. */
const itemPrefix = (gtin14: string): string => `${GS1_CANONICAL_HOST}/01/${gtin14}/21/`;

// ---------------------------------------------------------------------------------------------- roles

/** Where a role's instance identifiers are: array columns, or the scalar `parent_id`. */
type InstanceRole = { arrays: readonly string[] } | { scalar: 'parent_id' };

const EPC_ROLE: InstanceRole = { arrays: ['epc_list', 'child_epcs'] };
const INSTANCE_ROLES = {
  MATCH_epc: EPC_ROLE,
  MATCH_parentID: { scalar: 'parent_id' },
  MATCH_inputEPC: { arrays: ['input_epcs'] },
  MATCH_outputEPC: { arrays: ['output_epcs'] },
  MATCH_anyEPC: { arrays: ['any_epcs'] },
} as const satisfies Record<string, InstanceRole>;

/** The quantity lists and the instance columns of each class role (`MATCH_anyEPCClass` needs no recheck). */
const CLASS_ROLES = {
  MATCH_epcClass: { lists: ['quantityList', 'childQuantityList'], role: EPC_ROLE },
  MATCH_inputEPCClass: { lists: ['inputQuantityList'], role: { arrays: ['input_epcs'] } },
  MATCH_outputEPCClass: { lists: ['outputQuantityList'], role: { arrays: ['output_epcs'] } },
} as const satisfies Record<string, { lists: readonly string[]; role: InstanceRole }>;

/** Some identifier of the role starts with one of the prefixes (`LIKE` patterns). */
function roleHasLike(role: InstanceRole, patterns: readonly string[]): Condition {
  if ('scalar' in role) return sql<boolean>`${column(role.scalar)} LIKE ANY (${textArray(patterns)})`;
  const values = role.arrays.map(column);
  return sql<boolean>`EXISTS (SELECT 1 FROM unnest(${sql.join(values, sql` || `)}) AS e(id) WHERE e.id LIKE ANY (${textArray(patterns)}))`;
}

/** The role holds one of the identifiers exactly. */
function roleHasExact(role: InstanceRole, epcs: readonly string[]): Condition {
  if ('scalar' in role) return isIn(role.scalar, epcs);
  return anyOf(role.arrays.map((name) => sql<boolean>`${column(name)} && ${textArray(epcs)}`));
}

/**
 * An instance parameter: the index finds events holding the identifier anywhere (or, for a GTIN or lot
 * pattern, the class anywhere), the role columns confirm it is in the role asked about. An item of a lot is
 * recognised by its GTIN in the role and the lot among the event's classes (capture records the lot of an
 * item when it came with it or the platform issued its code): if an event held two lots of one GTIN in two
 * roles, that is approximate.
 */
function instanceCondition(role: InstanceRole, matches: readonly InstanceMatch[], anyRole: boolean): Condition {
  const exact = matches.flatMap((m) => (m.kind === 'exact' ? [m.epc] : []));
  const patterns = matches.flatMap((m) => (m.kind === 'exact' ? [] : [m]));
  const parts: Condition[] = [];
  if (exact.length > 0) {
    const indexed = sql<boolean>`any_epcs && ${textArray(exact)}`;
    parts.push(anyRole ? indexed : allOf([indexed, roleHasExact(role, exact)]));
  }
  if (patterns.length > 0) {
    const indexed = sql<boolean>`any_classes && ${textArray(patterns.map((p) => p.classUri))}`;
    const checks = patterns.map((p) => {
      const inRole = roleHasLike(role, [likeLiteral(itemPrefix(p.gtin)) + '%']);
      return p.kind === 'lot' ? allOf([sql<boolean>`any_classes @> ${textArray([p.classUri])}`, inRole]) : inRole;
    });
    parts.push(allOf([indexed, anyOf(checks)]));
  }
  return anyOf(parts);
}

/** The quantity lists of a role as one jsonb array. */
function quantityElements(lists: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.join(
    lists.map((name) => sql`coalesce(doc -> ${name}, '[]'::jsonb)`),
    sql` || `,
  )}`;
}

/**
 * A class parameter: the index finds events touching the class in any role; the role is confirmed by an
 * item of the class among the role's instances, or a quantity element of the role's lists whose class,
 * as captured, is one of the class's spellings.
 */
function classCondition(spec: { lists: readonly string[]; role: InstanceRole } | null, matches: readonly ClassMatch[]): Condition {
  const indexed = sql<boolean>`any_classes && ${textArray(matches.map((m) => m.uri))}`;
  if (spec === null) return indexed;
  const checks = matches.map((m) => {
    const spellings = classSpellings(m);
    const asQuantity = sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements(${quantityElements(spec.lists)}) AS q(element)
      WHERE q.element ->> 'epcClass' IN (${sql.join(spellings.exact)})${spellings.like.length > 0 ? sql` OR q.element ->> 'epcClass' LIKE ANY (${textArray(spellings.like)})` : sql``})`;
    if (m.gtin === null) return asQuantity;
    const item = roleHasLike(spec.role, [likeLiteral(itemPrefix(m.gtin)) + '%']);
    const asItem = m.lot === null ? item : allOf([sql<boolean>`any_classes @> ${textArray([m.uri])}`, item]);
    return anyOf([asItem, asQuantity]);
  });
  return allOf([indexed, anyOf(checks)]);
}

// ---------------------------------------------------------------------------------------- locations

/** A GLN without extension has descendants: its `/254/` sub-locations (a dock, a cold room). */
const GLN_ONLY = /^https:\/\/id\.gs1\.org\/414\/\d{13}$/;

/**
 * `WD_` (with descendants): the location itself and, for a GLN, its sub-locations `…/414/{gln}/254/{ext}`.
 * The platform has no location hierarchy master data (§6.5) yet, so that is all the descent there is.
 */
function withDescendants(name: string, locations: readonly string[]): Condition {
  const parents = locations.filter((l) => GLN_ONLY.test(l)).map((l) => `${likeLiteral(l)}/254/%`);
  const conditions = [isIn(name, locations)];
  if (parents.length > 0) conditions.push(sql<boolean>`${column(name)} LIKE ANY (${textArray(parents)})`);
  return anyOf(conditions);
}

// ------------------------------------------------------------------------------------ quantity, sensor

const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

/** All quantity bounds hold for one quantity element of the event (a range reads as one element within it). */
function quantityCondition(q: EventQuery): Condition | null {
  const value = sql`(q.element ->> 'quantity')::numeric`;
  const bounds: Condition[] = [];
  if (q.EQ_quantity) bounds.push(sql<boolean>`${value} IN (${sql.join(q.EQ_quantity.map((n) => sql`${n}::numeric`))})`);
  if (q.GT_quantity !== undefined) bounds.push(sql<boolean>`${value} > ${q.GT_quantity}::numeric`);
  if (q.GE_quantity !== undefined) bounds.push(sql<boolean>`${value} >= ${q.GE_quantity}::numeric`);
  if (q.LT_quantity !== undefined) bounds.push(sql<boolean>`${value} < ${q.LT_quantity}::numeric`);
  if (q.LE_quantity !== undefined) bounds.push(sql<boolean>`${value} <= ${q.LE_quantity}::numeric`);
  if (bounds.length === 0) return null;
  return sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements(${quantityElements(QUANTITY_LISTS)}) AS q(element)
    WHERE jsonb_typeof(q.element -> 'quantity') = 'number' AND ${allOf(bounds)})`;
}

/** `doc->'sensorElementList'` contains one of the shapes (jsonb containment, `@>`). */
function sensorContains(shapes: readonly unknown[]): Condition {
  return anyOf(shapes.map((shape) => sql<boolean>`(doc -> 'sensorElementList') @> ${JSON.stringify([shape])}::jsonb`));
}

/** A measurement type as capture may have kept it: `Temperature`, `gs1:Temperature`, `https://gs1.org/voc/Temperature`. */
const typeSpellings = (type: string): string[] => (MEASUREMENT_TYPES.words.has(type) ? [type, `gs1:${type}`, `https://gs1.org/voc/${type}`] : [type]);

/** Sensor conditions: report fields (type, microorganism, chemicalSubstance), and fields of metadata or report. */
function sensorConditions(q: EventQuery): Condition[] {
  const inReport = (field: string, values: readonly string[]) => sensorContains(values.map((v) => ({ sensorReport: [{ [field]: v }] })));
  const inEither = (field: string, values: readonly string[]) =>
    sensorContains(values.flatMap((v) => [{ sensorMetadata: { [field]: v } }, { sensorReport: [{ [field]: v }] }]));
  const conditions: Condition[] = [];
  if (q.EXISTS_sensorElementList) conditions.push(sql<boolean>`jsonb_array_length(CASE WHEN jsonb_typeof(doc -> 'sensorElementList') = 'array' THEN doc -> 'sensorElementList' ELSE '[]'::jsonb END) > 0`);
  if (q.EQ_type) conditions.push(inReport('type', q.EQ_type.flatMap(typeSpellings)));
  if (q.EQ_microorganism) conditions.push(inReport('microorganism', q.EQ_microorganism));
  if (q.EQ_chemicalSubstance) conditions.push(inReport('chemicalSubstance', q.EQ_chemicalSubstance));
  if (q.EQ_deviceID) conditions.push(inEither('deviceID', q.EQ_deviceID));
  if (q.EQ_dataProcessingMethod) conditions.push(inEither('dataProcessingMethod', q.EQ_dataProcessingMethod));
  if (q.EQ_bizRules) conditions.push(inEither('bizRules', q.EQ_bizRules));
  return conditions;
}

// ------------------------------------------------------------------------------------------- the query

/** Every condition the query's parameters impose (AND-ed by the caller). Scope and paging are added elsewhere. */
export function eventFilters(q: EventQuery): Condition[] {
  const c: Condition[] = [];
  if (q.eventType) c.push(isIn('event_type', q.eventType));
  if (q.GE_eventTime) c.push(sql<boolean>`event_time >= ${q.GE_eventTime}::timestamptz`);
  if (q.LT_eventTime) c.push(sql<boolean>`event_time < ${q.LT_eventTime}::timestamptz`);
  if (q.GE_recordTime) c.push(sql<boolean>`record_time >= ${q.GE_recordTime}::timestamptz`);
  if (q.LT_recordTime) c.push(sql<boolean>`record_time < ${q.LT_recordTime}::timestamptz`);
  if (q.EQ_action) c.push(isIn('action', q.EQ_action));
  if (q.EQ_bizStep) c.push(isIn('biz_step', q.EQ_bizStep));
  if (q.EQ_disposition) c.push(isIn('disposition', q.EQ_disposition));
  if (q.EQ_persistentDisposition_set) c.push(sql<boolean>`persistent_set && ${textArray(q.EQ_persistentDisposition_set)}`);
  if (q.EQ_persistentDisposition_unset) c.push(sql<boolean>`persistent_unset && ${textArray(q.EQ_persistentDisposition_unset)}`);
  if (q.EQ_readPoint) c.push(isIn('read_point', q.EQ_readPoint));
  if (q.WD_readPoint) c.push(withDescendants('read_point', q.WD_readPoint));
  if (q.EQ_bizLocation) c.push(isIn('biz_location', q.EQ_bizLocation));
  if (q.WD_bizLocation) c.push(withDescendants('biz_location', q.WD_bizLocation));
  if (q.EQ_transformationID) c.push(isIn('transformation_id', q.EQ_transformationID));
  for (const name of ['MATCH_epc', 'MATCH_parentID', 'MATCH_inputEPC', 'MATCH_outputEPC', 'MATCH_anyEPC'] as const) {
    const matches = q[name];
    if (matches) c.push(instanceCondition(INSTANCE_ROLES[name], matches, name === 'MATCH_anyEPC'));
  }
  for (const name of ['MATCH_epcClass', 'MATCH_inputEPCClass', 'MATCH_outputEPCClass'] as const) {
    const matches = q[name];
    if (matches) c.push(classCondition(CLASS_ROLES[name], matches));
  }
  if (q.MATCH_anyEPCClass) c.push(classCondition(null, q.MATCH_anyEPCClass));
  if (q.EQ_eventID) c.push(isIn('event_id', q.EQ_eventID));
  // capture stores an error declaration's reason as its bare word, or '' when it gave none (never null).
  if (q.EXISTS_errorDeclaration) c.push(sql<boolean>`error_reason IS NOT NULL`);
  if (q.EQ_errorReason) c.push(isIn('error_reason', q.EQ_errorReason));
  if (q.GE_errorDeclarationTime) c.push(sql<boolean>`(doc #>> '{errorDeclaration,declarationTime}')::timestamptz >= ${q.GE_errorDeclarationTime}::timestamptz`);
  if (q.LT_errorDeclarationTime) c.push(sql<boolean>`(doc #>> '{errorDeclaration,declarationTime}')::timestamptz < ${q.LT_errorDeclarationTime}::timestamptz`);
  if (q.EQ_correctiveEventID) c.push(sql<boolean>`(doc -> 'errorDeclaration' -> 'correctiveEventIDs') ?| ${textArray(q.EQ_correctiveEventID)}`);
  const quantity = quantityCondition(q);
  if (quantity) c.push(quantity);
  c.push(...sensorConditions(q));
  return c;
}
