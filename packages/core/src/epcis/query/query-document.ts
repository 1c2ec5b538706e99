import type { EventDocument } from './event-query.ts';

/** The JSON-LD context of EPCIS 2.0 documents. */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** The standard's query result document (EPCIS 2.0 JSON binding, §10): events of a SimpleEventQuery. */
export interface EpcisQueryDocument {
  '@context': string[];
  type: 'EPCISQueryDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { queryResults: { queryName: 'SimpleEventQuery'; resultsBody: { eventList: EventDocument[] } } };
}

/** Wraps events in an EPCISQueryDocument (the answer of `GET /epcis/events` and `GET /epcis/events/{eventID}`). */
export function toQueryDocument(events: readonly EventDocument[], creationDate: Date): EpcisQueryDocument {
  return {
    '@context': [EPCIS_CONTEXT_URL],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [...events] } } },
  };
}
