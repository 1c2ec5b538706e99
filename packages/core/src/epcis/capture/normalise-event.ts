import { createHash } from 'node:crypto';
import { GS1_CANONICAL_HOST, canonicalEpc, parseDigitalLink, type CanonicalEpc } from '@shian/domain';
import { canonicalJson } from '../../audit/canonical-json.ts';
import type { EpcisEventType } from '../../db/schema-trace.ts';

/**
 * An EPCIS 2.0 event (as validated against the standard's schema) → the `epcis_events` row: identifiers in
 * one canonical spelling per role, CBV values as bare words, locations canonical, the classes every instance
 * and quantity touches. Pure: the lot of an item that carries none (a code the platform issued) is added
 * later from one lookup per document (`withLotClasses`).
 */

/** The columns of one `epcis_events` row, snake_case (they go to SQL as JSON, `jsonb_to_recordset`). */
export interface EventRow {
  event_time: string;
  event_time_zone_offset: string;
  event_id: string;
  event_type: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  biz_step: string | null;
  disposition: string | null;
  read_point: string | null;
  biz_location: string | null;
  transformation_id: string | null;
  error_reason: string | null;
  persistent_set: string[];
  persistent_unset: string[];
  epc_list: string[];
  parent_id: string | null;
  child_epcs: string[];
  input_epcs: string[];
  output_epcs: string[];
  any_epcs: string[];
  any_classes: string[];
  destinations: string[];
  /** The event as captured with `eventID` and `recordTime` filled in. */
  doc: Record<string, unknown>;
}

/** An identifier that looks like GS1 (a Digital Link with a GS1 key, an SGTIN/SSCC/SGLN/LGTIN URN) but is not valid. */
export interface BadIdentifier {
  path: string;
  value: string;
  problem: 'check_digit' | 'format';
}

export interface NormalisedEvent {
  row: EventRow;
  /** Items without a lot in their identifier: the platform may know it (codes it issued). */
  lotless: { gtin: string; serial: string }[];
  /** GTIN-14s brought into being: ObjectEvent ADD (epcList, quantityList), TransformationEvent outputs. */
  commissioned: { path: string; gtin: string }[];
  /** readPoint and bizLocation, canonical, with where they stand in the event. */
  locations: { path: string; id: string }[];
  badIdentifiers: BadIdentifier[];
}

const CBV_FORMS = {
  bizStep: ['https://ref.gs1.org/cbv/BizStep-', 'http://ref.gs1.org/cbv/BizStep-', 'urn:epcglobal:cbv:bizstep:'],
  disposition: ['https://ref.gs1.org/cbv/Disp-', 'http://ref.gs1.org/cbv/Disp-', 'urn:epcglobal:cbv:disp:'],
  errorReason: ['https://ref.gs1.org/cbv/ER-', 'http://ref.gs1.org/cbv/ER-', 'urn:epcglobal:cbv:er:'],
} as const;

/**
 * A CBV value as its bare word: `shipping`, `https://ref.gs1.org/cbv/BizStep-shipping` and
 * `urn:epcglobal:cbv:bizstep:shipping` all give `shipping`; a custom URI is kept as it is.
 */
export function cbvBareWord(kind: keyof typeof CBV_FORMS, value: string): string {
  for (const prefix of CBV_FORMS[kind]) {
    if (value.startsWith(prefix) && value.length > prefix.length) return value.slice(prefix.length);
  }
  return value;
}

const GTIN_CLASS = `${GS1_CANONICAL_HOST}/01/`;
const gtinClass = (gtin14: string): string => `${GTIN_CLASS}${gtin14}`;
const GS1_URN = /^urn:epc:(id:sgtin|class:lgtin|idpat:sgtin|id:sscc|id:sgln):/i;
const GS1_PATH_KEY = /\/(01|00|414)\/[^/]/;

/** Why a GS1-looking identifier that `canonicalEpc` could not read is wrong, or null when it is not GS1-looking. */
function identifierProblem(value: string): BadIdentifier['problem'] | null {
  if (GS1_URN.test(value)) return 'format';
  if (/^https?:\/\//i.test(value) && GS1_PATH_KEY.test(value)) {
    const parsed = parseDigitalLink(value);
    return !parsed.ok && parsed.problem === 'check_digit' ? 'check_digit' : 'format';
  }
  return null;
}

/** A location (readPoint, bizLocation, source/destination) in canonical form: GLNs as `…/414/{gln}[/254/{ext}]`, others as given. */
export function canonicalLocation(id: string): string {
  const c = canonicalEpc(id);
  return c.kind === 'gln' || c.kind === 'sgln' ? c.epc : id;
}

/**
 * Canonical forms remembered across the events of one document: a line's read point, a case's SSCC or a
 * can's identifier comes back in event after event (commissioning, then packing, then shipping).
 */
export interface IdentifierMemo {
  epc(identifier: string): CanonicalEpc;
  location(identifier: string): string;
}

/** A fresh memo for one document. */
export function identifierMemo(): IdentifierMemo {
  const epcs = new Map<string, CanonicalEpc>();
  const locations = new Map<string, string>();
  return {
    epc(identifier) {
      let c = epcs.get(identifier);
      if (c === undefined) epcs.set(identifier, (c = canonicalEpc(identifier)));
      return c;
    },
    location(identifier) {
      let l = locations.get(identifier);
      if (l === undefined) locations.set(identifier, (l = canonicalLocation(identifier)));
      return l;
    },
  };
}

type Json = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The eventID of an event sent without one: `ni:///sha-256;{hex}?ver=CBV2.0` over the canonical JSON of the
 * event (keys sorted at every level, `eventID` and `recordTime` left out). This is the platform's own
 * canonicalisation; it is NOT claimed to be byte-compatible with GS1's event-hash algorithm (CBV 2.0 §8.9),
 * only stable: the same event sent again gets the same id, which makes retries idempotent.
 */
export function hashEventId(event: Json): string {
  const { eventID: _id, recordTime: _record, ...rest } = event;
  return `ni:///sha-256;${createHash('sha256').update(canonicalJson(rest)).digest('hex')}?ver=CBV2.0`;
}

/** The content of an event that two captures of it must agree on (for the duplicate-eventID rule). */
export function eventContentKey(event: Json): string {
  const { recordTime: _record, ...rest } = event;
  return canonicalJson(rest);
}

/** The event's eventID, or the hash the platform gives an event without one. */
export const eventIdOf = (event: Json): string => text(event.eventID) ?? hashEventId(event);

/**
 * Normalises one event. `pointer` is the event's JSON pointer in the document, `recordTime` the capture time;
 * `memo` shares canonical forms between the events of a document; `eventId` is {@link eventIdOf} when the
 * caller has it already.
 */
export function normaliseEvent(event: Json, pointer: string, recordTime: Date, memo: IdentifierMemo = identifierMemo(), eventId = eventIdOf(event)): NormalisedEvent {
  const recorded = recordTime.toISOString();
  const type = event.type as EpcisEventType;
  const anyEpcs = new Set<string>();
  const anyClasses = new Set<string>();
  const lotless: NormalisedEvent['lotless'] = [];
  const badIdentifiers: BadIdentifier[] = [];
  const commissioned: NormalisedEvent['commissioned'] = [];
  const action = type === 'TransformationEvent' ? null : ((text(event.action) as EventRow['action']) ?? null);
  const commissions = (type === 'ObjectEvent' && action === 'ADD') || type === 'TransformationEvent';

  const instance = (value: unknown, path: string, commissioning = false): string | null => {
    if (typeof value !== 'string') return null;
    const c: CanonicalEpc = memo.epc(value);
    if (c.kind === 'other') {
      const problem = identifierProblem(value);
      if (problem) badIdentifiers.push({ path, value, problem });
    }
    anyEpcs.add(c.epc);
    if (c.gtin) {
      anyClasses.add(gtinClass(c.gtin));
      if (c.classKey) anyClasses.add(c.classKey);
      else if (c.serial !== null) lotless.push({ gtin: c.gtin, serial: c.serial });
      if (commissioning) commissioned.push({ path, gtin: c.gtin });
    }
    return c.epc;
  };
  const instances = (key: string, commissioning = false): string[] => {
    const out: string[] = [];
    list(event[key]).forEach((value, i) => {
      const epc = instance(value, `${pointer}/${key}/${i}`, commissioning);
      if (epc !== null) out.push(epc);
    });
    return out;
  };
  const quantities = (key: string, commissioning = false): void => {
    list(event[key]).forEach((element, i) => {
      const epcClass = text((element as Json | null)?.epcClass);
      if (epcClass === null) return;
      const path = `${pointer}/${key}/${i}/epcClass`;
      const c = memo.epc(epcClass);
      if (c.kind === 'other') {
        const problem = identifierProblem(epcClass);
        if (problem) badIdentifiers.push({ path, value: epcClass, problem });
      }
      anyClasses.add(c.epc);
      if (c.gtin) {
        anyClasses.add(gtinClass(c.gtin));
        if (commissioning) commissioned.push({ path, gtin: c.gtin });
      }
    });
  };

  const epcList = instances('epcList', commissions && type === 'ObjectEvent');
  quantities('quantityList', commissions && type === 'ObjectEvent');
  const parentId = instance(event.parentID, `${pointer}/parentID`);
  const childEpcs = instances('childEPCs');
  quantities('childQuantityList');
  const inputEpcs = instances('inputEPCList');
  quantities('inputQuantityList');
  const outputEpcs = instances('outputEPCList', type === 'TransformationEvent');
  quantities('outputQuantityList', type === 'TransformationEvent');

  const locations: NormalisedEvent['locations'] = [];
  const place = (key: 'readPoint' | 'bizLocation'): string | null => {
    const id = text((event[key] as Json | undefined)?.id);
    if (id === null) return null;
    const canonical = memo.location(id);
    locations.push({ path: `${pointer}/${key}/id`, id: canonical });
    return canonical;
  };
  const readPoint = place('readPoint');
  const bizLocation = place('bizLocation');

  const persistent = (event.persistentDisposition ?? {}) as Json;
  const declaration = event.errorDeclaration as Json | undefined;
  const bizStep = text(event.bizStep);
  const disposition = text(event.disposition);
  const row: EventRow = {
    event_time: String(event.eventTime),
    event_time_zone_offset: String(event.eventTimeZoneOffset),
    event_id: eventId,
    event_type: type,
    action,
    biz_step: bizStep === null ? null : cbvBareWord('bizStep', bizStep),
    disposition: disposition === null ? null : cbvBareWord('disposition', disposition),
    read_point: readPoint,
    biz_location: bizLocation,
    transformation_id: text(event.transformationID),
    // An error declaration without a reason is stored as '' so that it still tells itself apart from the original.
    error_reason: declaration ? cbvBareWord('errorReason', text(declaration.reason) ?? '') : null,
    persistent_set: list(persistent.set).map((d) => cbvBareWord('disposition', String(d))),
    persistent_unset: list(persistent.unset).map((d) => cbvBareWord('disposition', String(d))),
    epc_list: epcList,
    parent_id: parentId,
    child_epcs: childEpcs,
    input_epcs: inputEpcs,
    output_epcs: outputEpcs,
    any_epcs: [...anyEpcs],
    any_classes: [...anyClasses],
    destinations: list(event.destinationList).flatMap((d) => {
      const id = text((d as Json | null)?.destination);
      return id === null ? [] : [memo.location(id)];
    }),
    doc: { ...event, eventID: eventId, recordTime: recorded },
  };
  return { row, lotless, commissioned, locations, badIdentifiers };
}

/** The lot-class key of an item, as the platform's codes know it. */
export const lotLookupKey = (gtin: string, serial: string): string => `${gtin}\u0000${serial}`;

/**
 * Adds the lot classes the platform knows (from its issued codes) to the events whose items carried no lot.
 * `lots` maps {@link lotLookupKey} to the lot-class URI.
 */
export function withLotClasses(event: NormalisedEvent, lots: ReadonlyMap<string, string>): void {
  if (event.lotless.length === 0) return;
  const classes = new Set(event.row.any_classes);
  for (const item of event.lotless) {
    const lotClass = lots.get(lotLookupKey(item.gtin, item.serial));
    if (lotClass) classes.add(lotClass);
  }
  event.row.any_classes = [...classes];
}
