import { randomUUID } from 'node:crypto';
import type { Actor } from '@shian/domain';
import { captureDocument } from '@shian/core';
import { EPCIS_CONTEXT, epcisDocument } from '@shian/core/epcis/capture/capture-test-kit.ts';
import { ENTERPRISE_KEYS, recordTarget, refused, type AccessCase, type CaseInput, type ExtraRule, type Fixtures } from './access-cases.ts';

/**
 * Access cases of the EPCIS capture interface (/epcis/capture, /epcis/events). Capture acts as the actor's
 * own enterprise (core `capturerOf`): a regulator, even the city administrator who holds every grant, is
 * refused (403). Capture jobs are read like any record of their enterprise: in scope with `trace.read`.
 */

const E = ENTERPRISE_KEYS;

/** Capture is an enterprise's: without one, 403. */
const enterpriseOnly: ExtraRule = (actor: Actor) => (actor.enterpriseId ? undefined : refused(403, 'auth.forbidden'));

const captures = new WeakMap<Fixtures, Map<string, string>>();
/** A finished capture job of the enterprise the run is on (an empty document, captured once per enterprise). */
async function captureOf({ f, on }: CaseInput): Promise<string> {
  const known = captures.get(f) ?? new Map<string, string>();
  captures.set(f, known);
  const found = known.get(on);
  if (found) return found;
  const enterprise = f.at(on).enterprise;
  const system: Actor = { userId: null, username: 'matrix-wms', role: 'enterprise_staff', jurisdictionCode: null, enterpriseId: enterprise.id };
  const { captureId } = await captureDocument({ db: f.db, actor: system }, epcisDocument([]));
  known.set(on, captureId);
  return captureId;
}

/** One event with its own @context and a fresh eventID; it names no location, so any enterprise may capture it. */
const singleEvent = () => ({
  '@context': [EPCIS_CONTEXT],
  type: 'ObjectEvent',
  eventID: `urn:uuid:${randomUUID()}`,
  eventTime: '2026-03-01T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE',
  bizStep: 'inspecting',
  epcList: [`https://id.gs1.org/01/06901234567892/21/M${randomUUID().slice(0, 8)}`],
});

export const EPCIS_CAPTURE_CASES: AccessCase[] = [
  // Capture as the actor's enterprise (A for the matrix's enterprise users): an empty document is valid.
  { endpoint: 'POST /epcis/capture', needs: 'trace.write', rule: enterpriseOnly, request: () => ({ payload: epcisDocument([]) }) },
  { endpoint: 'POST /epcis/events', needs: 'trace.write', rule: enterpriseOnly, request: () => ({ payload: singleEvent() }) },
  // Capture jobs: the list is narrowed to scope; one job of A, B or C is a record of that enterprise (its scope).
  { endpoint: 'GET /epcis/capture', needs: 'trace.read' },
  {
    endpoint: 'GET /epcis/capture/{captureID}',
    needs: 'trace.read',
    on: E,
    target: ({ f, on }) => recordTarget(f.db, 'enterprises', f.at(on).enterprise.id),
    request: async (x) => ({ params: { captureID: await captureOf(x) } }),
  },
];
