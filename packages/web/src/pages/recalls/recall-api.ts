import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiSend } from '../../api/client.ts';
import type { LotTrace } from '../trace/trace-api.ts';

/** What the recall pages (召回管理, 召回通知) read from and send to the server: the shapes of `/recalls`. */

export type RecallLevel = '1' | '2' | '3';
export const RECALL_LEVELS: readonly RecallLevel[] = ['1', '2', '3'];
export type RecallStatus = 'open' | 'closed';

export interface Recall {
  id: string;
  number: string;
  enterprise: { id: string; name: string };
  product: { id: string; name: string } | null;
  jurisdictionCode: string;
  gtin: string;
  lot: string | null;
  serials: string[];
  level: RecallLevel;
  reason: string;
  initiator: 'regulator' | 'maker';
  status: RecallStatus;
  createdAt: string;
  closedAt: string | null;
  traced: boolean;
  noticeCount: number;
  acknowledgedCount: number;
}

export interface RecallNotice {
  id: string;
  recallId: string;
  enterprise: { id: string; name: string; uscc: string };
  jurisdictionCode: string;
  locations: string[];
  quantity: number;
  /** Null: a count of items (件). */
  uom: string | null;
  acknowledgedAt: string | null;
  createdAt: string;
}

export interface RecallDetail extends Recall {
  trace: LotTrace | null;
  notices: RecallNotice[];
  canClose: boolean;
}

export interface RecallNoticeItem extends RecallNotice {
  recall: {
    number: string;
    status: RecallStatus;
    gtin: string;
    lot: string | null;
    serials: string[];
    level: RecallLevel;
    reason: string;
    makerName: string;
    productName: string | null;
    recalledAt: string;
  };
}

export interface RecallCreate {
  gtin: string;
  lot?: string | null;
  serials?: string[];
  level: RecallLevel;
  reason: string;
}

export const recallKeys = {
  all: ['recalls'] as const,
  list: (status: RecallStatus | undefined) => ['recalls', 'list', status ?? 'all'] as const,
  one: (id: string) => ['recalls', 'one', id] as const,
  notices: (open: boolean) => ['recalls', 'notices', open] as const,
};

const path = (id: string) => encodeURIComponent(id);

export function useRecalls(status: RecallStatus | undefined) {
  return useQuery({
    queryKey: recallKeys.list(status),
    queryFn: async ({ signal }) => (await apiGet<{ items: Recall[] }>('/api/v1/recalls', { query: { status, limit: 200 }, signal })).items,
  });
}

/** One recall; polled every 3 s until its trace job has run (the notices come with it). */
export function useRecall(id: string) {
  return useQuery({
    queryKey: recallKeys.one(id),
    queryFn: ({ signal }) => apiGet<RecallDetail>(`/api/v1/recalls/${path(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && !query.state.data.traced && query.state.data.status === 'open' ? 3000 : false),
  });
}

export function useRecallNotices(open: boolean, enabled = true) {
  return useQuery({
    queryKey: recallKeys.notices(open),
    queryFn: async ({ signal }) => (await apiGet<{ items: RecallNoticeItem[] }>('/api/v1/recall-notices', { query: { open: open || undefined }, signal })).items,
    enabled,
  });
}

export const createRecall = (body: RecallCreate) => apiSend<RecallDetail>('POST', '/api/v1/recalls', body);
export const closeRecall = (id: string) => apiSend<RecallDetail>('POST', `/api/v1/recalls/${path(id)}/close`);
export const acknowledgeNotice = (id: string) => apiSend<RecallNoticeItem>('POST', `/api/v1/recall-notices/${path(id)}/acknowledge`);
export const downloadRecallSpreadsheet = (recall: Recall) => apiDownload(`/api/v1/recalls/${path(recall.id)}/trace.xlsx`, `recall-${recall.number}.xlsx`);

/** After a change: the recall pages and the work queue (its notices and badge) read again. */
export async function invalidateRecalls(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: recallKeys.all }), queryClient.invalidateQueries({ queryKey: ['work-queue'] })]);
}
