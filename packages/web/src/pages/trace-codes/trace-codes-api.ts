import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

/** What the trace-code pages (追溯码, 一物一码) read from the server. */

export type CodeBatchStatus = 'queued' | 'issuing' | 'issued' | 'failed';

export interface CodeBatch {
  id: string;
  number: string;
  enterprise: { id: string; name: string };
  product: { id: string; name: string };
  jurisdictionCode: string;
  gtin: string;
  lot: string;
  productionDate: string;
  expiryDate: string;
  quantity: number;
  issued: number;
  progress: number;
  status: CodeBatchStatus;
  statusName: string;
  createdAt: string;
  finishedAt: string | null;
  firstCodeUri: string | null;
}

export interface CodeBatchRequest {
  productId: string;
  gtin: string;
  lot: string;
  productionDate: string;
  expiryDate: string;
  quantity: number;
}

export type TraceAlertKind = 'possible_copy' | 'unknown_code';

export interface TraceAlert {
  id: string;
  kind: TraceAlertKind;
  kindName: string;
  gtin: string;
  serial: string | null;
  lot: string | null;
  batch: { id: string; number: string } | null;
  enterprise: { id: string; name: string } | null;
  productName: string | null;
  jurisdictionCode: string;
  reasonText: string;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
}

/** The most labels one PDF holds (the server's cap). */
export const MAX_LABELS_PER_PDF = 5000;
/** The most codes one xlsx download holds (the server's cap). */
export const MAX_XLSX_ROWS = 1_000_000;
/** The most codes one batch may hold. */
export const MAX_BATCH_QUANTITY = 10_000_000;

export const traceCodeKeys = {
  batches: ['trace-code-batches'] as const,
  alerts: (status: 'open' | 'closed' | undefined) => ['trace-alerts', { status }] as const,
  alertsAll: ['trace-alerts'] as const,
};

const busy = (batches: readonly CodeBatch[] | undefined): boolean => (batches ?? []).some((b) => b.status === 'queued' || b.status === 'issuing');

/** Code batches in scope, newest first; polled every 2 s while a batch is being issued (the progress bar). */
export function useCodeBatches() {
  return useQuery({
    queryKey: traceCodeKeys.batches,
    queryFn: ({ signal }) => apiGet<{ items: CodeBatch[]; total: number }>('/api/v1/trace/code-batches', { query: { limit: 200 }, signal }),
    refetchInterval: (query) => (busy(query.state.data?.items) ? 2000 : false),
  });
}

/** Alerts of the public scan page in scope (可疑码预警). */
export function useTraceAlerts(status: 'open' | 'closed' | undefined) {
  return useQuery({
    queryKey: traceCodeKeys.alerts(status),
    queryFn: ({ signal }) => apiGet<{ items: TraceAlert[]; total: number }>('/api/v1/trace/alerts', { query: { status, limit: 200 }, signal }),
  });
}
