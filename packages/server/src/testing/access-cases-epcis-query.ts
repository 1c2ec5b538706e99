import { randomUUID } from 'node:crypto';
import { captureDocument } from '@shian/core';
import { epcisDocument } from '@shian/core/epcis/query/query-test-kit.ts';
import { buildUser } from '@shian/core/testing/factories.ts';
import { ENTERPRISE_KEYS, type AccessCase, type CaseInput, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of the EPCIS query interface (查询, GET /epcis/…): reading events needs `trace.read`; one event
 * of A, B or C out of the actor's scope does not exist for them (404), as the list never shows it.
 */

const events = new WeakMap<Fixtures, Map<string, string>>();

/**
 * An event captured by the enterprise the run is on (made once per enterprise, by a staff member of it):
 * its eventID, with the enterprise's scope. The event's row has no table of the matrix's own, so the target
 * names the enterprise it belongs to (reads only: no snapshot is taken of it).
 */
async function eventOf({ f, on }: CaseInput): Promise<Target> {
  const fixture = f.at(on);
  const known = events.get(f) ?? new Map<string, string>();
  events.set(f, known);
  let eventId = known.get(on);
  if (!eventId) {
    eventId = `urn:uuid:${randomUUID()}`;
    const { actor } = await buildUser(f.db, 'enterprise_staff', { enterpriseId: fixture.enterprise.id });
    const event = { type: 'ObjectEvent', eventID: eventId, eventTime: '2026-03-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: [`urn:epc:id:sgtin:6901234.000001.M${on}`] };
    const result = await captureDocument({ db: f.db, actor }, epcisDocument([event]));
    if (result.status !== 'done') throw new Error(`capture for ${on}: ${JSON.stringify(result.errors)}`);
    known.set(on, eventId);
  }
  return { kind: 'record', table: 'enterprises', id: eventId, scope: { jurisdictionCode: fixture.enterprise.jurisdictionCode, enterpriseId: fixture.enterprise.id } };
}

export const EPCIS_QUERY_CASES: AccessCase[] = [
  // The query and the event types: any holder of `trace.read`; the events are narrowed to scope (core `queryEvents`).
  { endpoint: 'GET /epcis/events', needs: 'trace.read', request: () => ({ query: 'perPage=5' }) },
  { endpoint: 'GET /epcis/eventTypes', needs: 'trace.read' },
  // One event of A, B or C by its URL-encoded eventID.
  {
    endpoint: 'GET /epcis/events/{eventID}',
    needs: 'trace.read',
    on: ENTERPRISE_KEYS,
    target: eventOf,
    request: ({ target }) => ({ params: { eventID: encodeURIComponent(target?.kind === 'record' ? target.id : '') } }),
  },
];
