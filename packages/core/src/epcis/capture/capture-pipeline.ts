import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Locale } from '@shian/domain';
import type { Trx } from '../../db/transaction.ts';
import { captureError, eventPointer, type CaptureError } from './capture-errors.ts';
import { documentRules, type Candidate, type DocumentRules } from './capture-rules.ts';
import type { CaptureTarget } from './event-store.ts';
import { EpcPlaceCollector } from '../../trace/places/epc-places.ts';
import type { CaptureWriter } from './capture-transaction.ts';
import { INSERT_CHUNK_ROWS } from './insert-events.ts';
import { eventIdOf, identifierMemo, normaliseEvent, type EventRow } from './normalise-event.ts';
import { validateAgainstSchema, validateDocumentEvent } from './validate-document.ts';

/**
 * The one path every capture takes, synchronous or as a job: check the document (its type and version, then
 * the standard's schema), normalise each event, apply the platform's rules, store what may be stored.
 */

/** What the capture interface accepts in one document (advertised by `OPTIONS /epcis/capture`). */
export const CAPTURE_LIMITS = { maxEvents: 500_000, maxBytes: 256 * 1024 * 1024 } as const;

export type ErrorBehaviour = 'rollback' | 'proceed';

const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
const SCHEMA_VERSION = /^2\.0(\.\d+)?$/;

/** A document checked against the standard: its events, and every error found (document-level ones have no event index). */
export interface CheckedDocument {
  events: unknown[];
  errors: CaptureError[];
  /** False when only the document around the events was checked: `storeDocument` checks each event as it goes. */
  eventsChecked: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The events of a document, whatever else is wrong with it. */
export function eventsOf(document: unknown): unknown[] {
  const raw = asRecord(asRecord(document)?.epcisBody)?.eventList;
  return Array.isArray(raw) ? raw : [];
}

/**
 * Checks the document around its events: an EPCISDocument of schema version 2.0 whose header and body the
 * standard's schema accepts. The events themselves are left to {@link validateDocumentEvent}.
 */
export function checkEnvelope(document: unknown, locale: Locale): CheckedDocument {
  const root = asRecord(document);
  const events = eventsOf(document);
  if (!root || root.type !== 'EPCISDocument') {
    return { events, errors: [captureError(locale, { eventIndex: null, path: root ? '/type' : '', code: 'epcis.not_a_document' })], eventsChecked: true };
  }
  const errors: CaptureError[] = [];
  if (typeof root.schemaVersion === 'string' && !SCHEMA_VERSION.test(root.schemaVersion)) {
    errors.push(captureError(locale, { eventIndex: null, path: '/schemaVersion', code: 'epcis.unsupported_schema_version', params: { value: root.schemaVersion } }));
  }
  const body = asRecord(root.epcisBody);
  const envelope = body && Array.isArray(body.eventList) ? { ...root, epcisBody: { ...body, eventList: [] } } : root;
  errors.push(...validateAgainstSchema(envelope, locale));
  return { events, errors, eventsChecked: false };
}

/**
 * Checks a whole document without the database: the envelope, then every event against the standard's
 * schema. Pure CPU (a few µs an event).
 */
export function checkDocument(document: unknown, locale: Locale): CheckedDocument {
  const envelope = checkEnvelope(document, locale);
  if (envelope.eventsChecked) return envelope;
  const errors = [...envelope.errors];
  envelope.events.forEach((event, index) => errors.push(...validateDocumentEvent(event, index, locale)));
  return { events: envelope.events, errors, eventsChecked: true };
}

/** Where an event happened on the platform: the premises of its business location, else of its read point. */
function premisesOfEvent(rules: DocumentRules, row: EventRow): string | null {
  const at = (location: string | null) => (location === null ? null : (rules.premisesOf(location)?.premisesId ?? null));
  return at(row.biz_location) ?? at(row.read_point);
}

export interface StoreOptions {
  errorBehaviour: ErrorBehaviour;
  locale: Locale;
  /** How the rows go in (COPY on a PostgreSQL server, INSERT on PGlite: `capture-transaction.ts`). */
  write: CaptureWriter;
}

export interface StoreOutcome {
  /** Events stored, plus events already stored with identical content (a retry). */
  captured: number;
  errors: CaptureError[];
}

const byPosition = (a: CaptureError, b: CaptureError): number => (a.eventIndex ?? -1) - (b.eventIndex ?? -1) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

const SLICE = 500;

/**
 * Applies the platform's rules to a checked document and stores its events inside the caller's transaction.
 * Rollback: any error stores nothing. Proceed: the events without errors are stored. A document-level error
 * (not an EPCIS 2.0 document) stores nothing either way.
 *
 * The events go a chunk at a time ({@link INSERT_CHUNK_ROWS}): while the database inserts one chunk, this
 * process normalises the next, so the two cores work at once. Under rollback, the inserts follow a savepoint
 * and are undone when any error turns up, however late; every error is still collected.
 */
export async function storeDocument(db: Trx, target: CaptureTarget, checked: CheckedDocument, options: StoreOptions): Promise<StoreOutcome> {
  const { locale } = options;
  const errors = [...checked.errors];
  if (errors.some((e) => e.eventIndex === null)) return { captured: 0, errors: errors.sort(byPosition) };
  const failed = new Set(errors.map((e) => e.eventIndex));
  const fail = (error: CaptureError): void => {
    errors.push(error);
    failed.add(error.eventIndex);
  };
  const rollback = options.errorBehaviour === 'rollback';

  // One capture at a time per enterprise: the duplicate-eventID rule reads what the other would write.
  const locked = sql`SELECT pg_advisory_xact_lock(hashtext(${`epcis.capture:${target.enterpriseId}`}))`.execute(db);
  const rules = documentRules(db, target, fail, locale);
  const memo = identifierMemo();
  const places = new EpcPlaceCollector();
  const eventIds = checked.events.map((event) => eventIdOf(asRecord(event) ?? {}));
  rules.preload(eventIds);
  const normalise = async (from: number): Promise<Candidate[]> => {
    const chunk: Candidate[] = [];
    const to = Math.min(from + INSERT_CHUNK_ROWS, checked.events.length);
    for (let index = from; index < to; index++) {
      if (index % SLICE === 0) await setImmediate(); // lets the event loop run (socket writes in flight)
      if (failed.has(index)) continue;
      if (!checked.eventsChecked) {
        const schemaErrors = validateDocumentEvent(checked.events[index], index, locale);
        if (schemaErrors.length > 0) {
          schemaErrors.forEach(fail);
          continue;
        }
      }
      const event = asRecord(checked.events[index]) ?? {};
      if (!EVENT_TYPES.has(String(event.type))) {
        fail(captureError(locale, { eventIndex: index, path: `${eventPointer(index)}/type`, code: 'epcis.unsupported_event_type', params: { value: String(event.type) } }));
        continue;
      }
      chunk.push({ index, event: normaliseEvent(event, eventPointer(index), target.recordTime, memo, eventIds[index]) });
    }
    return chunk;
  };

  let next = normalise(0);
  await locked;
  if (rollback) await sql`SAVEPOINT epcis_capture`.execute(db);
  let inserting: Promise<number> = Promise.resolve(0);
  let inserted = 0;
  for (let from = 0; from < checked.events.length; from += INSERT_CHUNK_ROWS) {
    const chunk = await next;
    const rows = await rules.apply(chunk);
    const insertable = !rollback || errors.length === 0;
    if (insertable) for (const c of rows) places.add(c.event.row, premisesOfEvent(rules, c.event.row));
    const sending = insertable && rows.length > 0 ? options.write.events(target, rows.map((c) => c.event.row)) : Promise.resolve(0);
    // Awaited below: the handler only keeps a failure from counting as unhandled in the meantime.
    sending.catch(() => undefined);
    // The next chunk is normalised while this one is inserted (the statements queue on the connection).
    next = from + INSERT_CHUNK_ROWS < checked.events.length ? normalise(from + INSERT_CHUNK_ROWS) : Promise.resolve([]);
    inserted += await inserting;
    inserting = sending;
  }
  inserted += await inserting;
  if (rollback && errors.length > 0) {
    await sql`ROLLBACK TO SAVEPOINT epcis_capture`.execute(db);
    return { captured: 0, errors: errors.sort(byPosition) };
  }
  await options.write.places(places.rows(), places.retracted);
  return { captured: inserted + rules.repeated, errors: errors.sort(byPosition) };
}
