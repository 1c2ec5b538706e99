import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet, apiGetWithHeaders } from '../../api/client.ts';

/** What the trace-operation pages (追溯作业) read from and send to the server. */

export interface CaptureAnswer {
  captureId: string;
  status: 'done' | 'failed';
  eventCount: number;
  captured: number;
}

export interface OperationAnswer {
  eventId: string;
  parentId?: string;
  desadv?: string;
  capture: CaptureAnswer;
}

export interface InboundShipment {
  eventId: string;
  shipmentKey: string;
  eventTime: string;
  sender: { enterpriseId: string | null; name: string };
  fromLocation: string | null;
  to: { locationId: string | null; premisesId: string | null; premisesName: string | null };
  items: string[];
  lots: { epcClass: string; gtin: string | null; lot: string | null; quantity: number; uom: string }[];
  reference: string | null;
}

export interface TradingPartner {
  id: string;
  uscc: string;
  name: string;
  jurisdictionCode: string;
  premises: { id: string; name: string; address: string; kind: string; gln: string | null; locationId: string }[];
}

export interface LotStock {
  epcClass: string;
  gtin: string;
  lot: string;
  available: number;
  productName: string | null;
}

export interface ApiKey {
  id: string;
  enterpriseId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
  warning: string;
}

/** One EPCIS event as `GET /epcis/events` returns it (the fields the table reads). */
export interface EpcisEvent {
  type: string;
  eventID?: string;
  eventTime: string;
  action?: string;
  bizStep?: string;
  disposition?: string;
  bizLocation?: { id: string };
  readPoint?: { id: string };
  epcList?: string[];
  childEPCs?: string[];
  parentID?: string;
  quantityList?: { epcClass: string; quantity?: number }[];
  childQuantityList?: { epcClass: string; quantity?: number }[];
}

interface EventsDocument {
  epcisBody: { queryResults: { resultsBody: { eventList: EpcisEvent[] } } };
}

export const traceOpsKeys = {
  inbound: ['trace', 'inbound'] as const,
  lotStock: ['trace', 'lot-stock'] as const,
  partners: (q: string) => ['trace', 'partners', q] as const,
  events: ['trace', 'my-events'] as const,
  apiKeys: (enterpriseId: string) => ['trace', 'api-keys', enterpriseId] as const,
};

export function useInboundShipments() {
  return useQuery({
    queryKey: traceOpsKeys.inbound,
    queryFn: async ({ signal }) => (await apiGet<{ items: InboundShipment[] }>('/api/v1/trace/inbound', { signal })).items,
  });
}

export function useLotStock() {
  return useQuery({
    queryKey: traceOpsKeys.lotStock,
    queryFn: async ({ signal }) => (await apiGet<{ items: LotStock[] }>('/api/v1/trace/lot-stock', { signal })).items,
  });
}

/** Receivers matching `q` (two characters at least). */
export function useTradingPartners(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: traceOpsKeys.partners(text),
    queryFn: async ({ signal }) => (await apiGet<{ items: TradingPartner[] }>('/api/v1/trace/partners', { query: { q: text }, signal })).items,
    enabled: [...text].length >= 2,
    staleTime: 60_000,
  });
}

export function useApiKeys(enterpriseId: string, enabled: boolean) {
  return useQuery({
    queryKey: traceOpsKeys.apiKeys(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: ApiKey[] }>(`/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/api-keys`, { signal })).items,
    enabled,
  });
}

export const EVENTS_PER_PAGE = 50;

/** The URL of the next page from a `Link: <url>; rel="next"` header, as a same-origin path. */
export function nextPageFrom(link: string | null): string | null {
  if (!link) return null;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match?.[1]) return null;
  const url = new URL(match[1], window.location.origin);
  return `${url.pathname}${url.search}`;
}

const FIRST_EVENTS_PAGE = `/epcis/events?perPage=${EVENTS_PER_PAGE}&orderBy=eventTime&orderDirection=DESC`;

/** The enterprise's own events (我的事件), newest first, a page at a time (the session cookie works on /epcis). */
export function useMyEvents(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: traceOpsKeys.events,
    queryFn: async ({ pageParam, signal }) => {
      const { data, headers } = await apiGetWithHeaders<EventsDocument>(pageParam, { signal });
      return { events: data.epcisBody.queryResults.resultsBody.eventList, next: nextPageFrom(headers.get('Link')) };
    },
    initialPageParam: FIRST_EVENTS_PAGE,
    getNextPageParam: (last) => last.next,
    enabled,
  });
}
