import type { Locale } from '@shian/domain';
import type { Trx } from '../../db/transaction.ts';
import { premisesByLocationIds, type PremisesLocation } from '../../trace/locations.ts';
import { captureError, eventPointer, type CaptureError } from './capture-errors.ts';
import { findEnterpriseGtins, findIssuedGtins, findIssuedLots, findStoredEvents, type CaptureTarget } from './event-store.ts';
import { eventContentKey, withLotClasses, type NormalisedEvent } from './normalise-event.ts';

/**
 * The platform's rules for the events of one document, applied a chunk at a time with what earlier chunks
 * taught kept (premises already resolved, the enterprise's GTINs, eventIDs already seen):
 * identifiers must be valid GS1 where they look GS1; read points and business locations must be the
 * enterprise's own premises (sub-locations included); commissioning names only its own products' GTINs; an
 * eventID already stored (or earlier in the document) is a retry when the content is the same, an error when
 * it differs. Items without a lot get the lot of the code the platform issued.
 */
export interface Candidate {
  index: number;
  event: NormalisedEvent;
}

export interface DocumentRules {
  /**
   * Reads the events stored before this capture under any of the document's eventIDs, in slices, before the
   * first chunk is applied: the lookups run while the first events are normalised and find only what was
   * there before (the capture's own rows are known from memory), so no chunk waits for one.
   */
  preload(eventIds: readonly string[]): void;
  /** The premises of a location identifier the rules have resolved (null: not a premises of the platform). */
  premisesOf(locationId: string): PremisesLocation | null;
  /** Applies the rules to a chunk; returns the candidates to insert (valid, not repeats). */
  apply(chunk: readonly Candidate[]): Promise<Candidate[]>;
  /** Events found already stored with the same content (counted as captured). */
  readonly repeated: number;
}

type Earlier = { content: () => string; enterpriseId: string | null };

/** EventIDs per lookup of stored events. */
const STORED_LOOKUP_IDS = 20_000;

/** Compares contents only when an eventID comes again: most captures never compute one. */
const lazyContent = (doc: Record<string, unknown>): (() => string) => {
  let key: string | null = null;
  return () => (key ??= eventContentKey(doc));
};
const repeatKey = (eventId: string, declared: boolean): string => `${declared ? 'D' : 'E'}${eventId}`;

/** The rules of one document; `fail` records an error against its event. */
export function documentRules(db: Trx, target: CaptureTarget, fail: (error: CaptureError) => void, locale: Locale): DocumentRules {
  const premises = new Map<string, PremisesLocation | null>();
  let ownGtins: Set<string> | null = null;
  const known = new Map<string, Earlier[]>();
  /** GTINs with codes issued by the platform: only their items can have a lot to look up. */
  const issuedGtins = new Map<string, boolean>();
  let repeated = 0;

  async function addLots(valid: readonly Candidate[]): Promise<void> {
    const items = valid.flatMap((c) => c.event.lotless);
    const unknown = [...new Set(items.map((i) => i.gtin))].filter((g) => !issuedGtins.has(g));
    if (unknown.length > 0) {
      const issued = await findIssuedGtins(db, unknown);
      for (const gtin of unknown) issuedGtins.set(gtin, issued.has(gtin));
    }
    const lots = await findIssuedLots(db, items.filter((i) => issuedGtins.get(i.gtin) === true));
    if (lots.size > 0) for (const c of valid) withLotClasses(c.event, lots);
  }

  async function checkRules(chunk: readonly Candidate[]): Promise<Candidate[]> {
    const unknown = chunk.flatMap((c) => c.event.locations.map((l) => l.id)).filter((id) => !premises.has(id));
    if (unknown.length > 0) {
      const found = await premisesByLocationIds(db, unknown);
      for (const id of unknown) premises.set(id, found.get(id) ?? null);
    }
    if (ownGtins === null && chunk.some((c) => c.event.commissioned.length > 0)) ownGtins = await findEnterpriseGtins(db, target.enterpriseId);
    const valid: Candidate[] = [];
    for (const { index, event } of chunk) {
      let ok = true;
      const refuse = (error: CaptureError): void => {
        fail(error);
        ok = false;
      };
      for (const bad of event.badIdentifiers) {
        const messageKey = bad.problem === 'check_digit' ? 'field.epcis_identifier_check_digit' : 'field.epcis_identifier_format';
        refuse(captureError(locale, { eventIndex: index, path: bad.path, code: 'epcis.invalid_identifier', messageKey, params: { value: bad.value } }));
      }
      for (const location of event.locations) {
        if (premises.get(location.id)?.enterpriseId !== target.enterpriseId) {
          refuse(captureError(locale, { eventIndex: index, path: location.path, code: 'epcis.location_not_own', params: { value: location.id } }));
        }
      }
      for (const item of event.commissioned) {
        if (!ownGtins?.has(item.gtin)) refuse(captureError(locale, { eventIndex: index, path: item.path, code: 'epcis.product_not_own', params: { gtin: item.gtin } }));
      }
      if (ok) valid.push({ index, event });
    }
    return valid;
  }

  let preloaded: Promise<void> | null = null;
  async function readStored(eventIds: readonly string[]): Promise<void> {
    for (let start = 0; start < eventIds.length; start += STORED_LOOKUP_IDS) {
      for (const stored of await findStoredEvents(db, eventIds.slice(start, start + STORED_LOOKUP_IDS))) {
        const key = repeatKey(stored.eventId, stored.declared);
        if (known.get(key)?.some((e) => e.enterpriseId === stored.enterpriseId && e.content() === eventContentKey(stored.doc))) continue;
        known.set(key, [...(known.get(key) ?? []), { content: lazyContent(stored.doc), enterpriseId: stored.enterpriseId }]);
      }
    }
  }

  async function dropRepeats(chunk: readonly Candidate[]): Promise<Candidate[]> {
    // Without a preload (a caller that applies chunks alone), each chunk reads its own.
    await (preloaded ?? readStored(chunk.map((c) => c.event.row.event_id)));
    const rows: Candidate[] = [];
    for (const c of chunk) {
      const row = c.event.row;
      const key = repeatKey(row.event_id, row.error_reason !== null);
      const earlier = known.get(key);
      if (!earlier) {
        known.set(key, [{ content: lazyContent(row.doc), enterpriseId: target.enterpriseId }]);
        rows.push(c);
        continue;
      }
      const content = eventContentKey(row.doc);
      if (earlier.some((e) => e.enterpriseId === target.enterpriseId && e.content() === content)) {
        repeated += 1;
      } else {
        fail(captureError(locale, { eventIndex: c.index, path: `${eventPointer(c.index)}/eventID`, code: 'epcis.duplicate_event_id', params: { eventId: row.event_id } }));
      }
    }
    return rows;
  }

  return {
    premisesOf: (locationId) => premises.get(locationId) ?? null,
    preload(eventIds) {
      preloaded = readStored(eventIds);
      // Awaited by the first chunk; the handler only keeps a failure from counting as unhandled meanwhile.
      preloaded.catch(() => undefined);
    },
    async apply(chunk) {
      const valid = await checkRules(chunk);
      await addLots(valid);
      return dropRepeats(valid);
    },
    get repeated() {
      return repeated;
    },
  };
}
