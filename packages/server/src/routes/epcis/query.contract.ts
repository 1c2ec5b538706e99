import { z } from 'zod';
import { MAX_PER_PAGE, PAGE_TOKEN_TTL_MS, QUERY_PARAMETERS } from '@shian/core';

/** Shapes of the EPCIS 2.0 query interface (查询): the SimpleEventQuery parameters and the query document. */

/** What a few parameters mean beyond their standard name (the standard's OpenAPI has the full text). */
const NOTES: Partial<Record<keyof typeof QUERY_PARAMETERS, string>> = {
  eventType: 'ObjectEvent | AggregationEvent | TransactionEvent | TransformationEvent | AssociationEvent, pipe-delimited',
  GE_eventTime: 'Inclusive; a date-time with its offset, e.g. 2026-03-01T08:00:00+08:00',
  LT_eventTime: 'Exclusive',
  EQ_bizStep: 'CBV bare words (shipping|receiving) or their URIs (https://ref.gs1.org/cbv/BizStep-shipping); custom steps as URIs',
  WD_readPoint: 'The location and its sub-locations: for a GLN, …/414/{gln}/254/{extension}. The platform has no location hierarchy master data yet, so that is all the descent there is',
  WD_bizLocation: 'As WD_readPoint',
  MATCH_epc:
    'Items in epcList or childEPCs. Identifiers may be GS1 Digital Links on any host, EPC URNs, or the pattern urn:epc:idpat:sgtin:{company prefix}.{item ref}.* (every item of a GTIN); a lot class matches the items captured with that lot',
  MATCH_anyEPC: 'Any role: epcList, childEPCs, parentID, inputs, outputs',
  MATCH_epcClass: 'Classes of quantityList and childQuantityList, and the classes of the items of epcList and childEPCs',
  EQ_quantity: 'Quantity elements of any quantity list; several quantity bounds apply to the same element',
  EQ_type: 'Measurement types of sensorElementList (Temperature, or gs1:/https://gs1.org/voc/ forms). The sensor filters use jsonb containment without an index: combine them with other filters',
  orderBy: 'eventTime | recordTime. Without it, events come in record-time order (oldest first)',
  orderDirection: 'ASC | DESC (default DESC with orderBy)',
  eventCountLimit: 'At most this many events in all (needs orderBy; excludes maxEventCount)',
  maxEventCount: 'Refuse with QueryTooLargeException (413) when more events match',
  perPage: `Events per page, 1–${MAX_PER_PAGE}, default 30`,
  nextPageToken: `From the Link header of the previous page; valid ${PAGE_TOKEN_TTL_MS / 60_000} minutes, with the same parameters, for the same caller`,
};

const parameter = (name: string) => z.union([z.string(), z.array(z.string())]).optional().meta({ description: NOTES[name as keyof typeof NOTES] ?? `EPCIS 2.0 ${name}` });

/**
 * The query string: every standard parameter the platform serves. The schema only documents them and lets
 * everything through; the core reads the values and names every bad or unknown parameter at once
 * (QueryParameterException), which a schema failure would not.
 */
export const eventQueryString = z.looseObject(Object.fromEntries(Object.keys(QUERY_PARAMETERS).map((name) => [name, parameter(name)])));

const eventSchema = z.record(z.string(), z.unknown()).meta({ description: 'An EPCIS 2.0 event as captured, with recordTime and eventID' });

/** The standard's EPCISQueryDocument (EPCIS 2.0 JSON/JSON-LD binding). */
export const queryDocumentSchema = z
  .object({
    '@context': z.array(z.string()),
    type: z.literal('EPCISQueryDocument'),
    schemaVersion: z.literal('2.0'),
    creationDate: z.string(),
    epcisBody: z.object({
      queryResults: z.object({ queryName: z.literal('SimpleEventQuery'), resultsBody: z.object({ eventList: z.array(eventSchema) }) }),
    }),
  })
  .meta({ id: 'EPCISQueryDocument' });

/** The standard's EventTypeCollection. */
export const eventTypeCollectionSchema = z
  .object({ '@context': z.array(z.string()), type: z.literal('Collection'), member: z.array(z.string()) })
  .meta({ id: 'EPCISEventTypeCollection' });

/** The path of one event. */
export const eventIdParamsSchema = z.strictObject({ eventID: z.string().min(1).max(2000).meta({ description: 'The eventID, URL-encoded (e.g. urn%3Auuid%3A…, ni%3A%2F%2F%2Fsha-256%3B…)' }) });
