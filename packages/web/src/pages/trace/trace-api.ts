import { useQuery } from '@tanstack/react-query';
import type { LotTrace, TraceKpis } from '@shian/domain';
import { apiDownload, apiGet } from '../../api/client.ts';

/** What the trace pages (追溯查询, 追溯指标) read from the server: the shapes of `/trace/*`. */

export type { TraceEnterprise, TraceLocation, TraceLotRef, TraceLotCount, TraceQuantity, TraceDownstream, TraceOutput, TraceInput, LotTrace, TraceKpi, TraceKpiSet, TraceKpis } from '@shian/domain';

const path = (value: string) => encodeURIComponent(value);

export const lotPath = (gtin: string, lot: string) => `/api/v1/trace/lots/${path(gtin)}/${path(lot)}`;

/** The trace of one lot; idle until both are given. */
export function useLotTrace(lot: { gtin: string; lot: string } | null) {
  return useQuery({
    queryKey: ['trace', 'lot', lot?.gtin, lot?.lot],
    queryFn: ({ signal }) => apiGet<LotTrace>(lotPath(lot?.gtin ?? '', lot?.lot ?? ''), { signal }),
    enabled: lot !== null,
    retry: false,
  });
}

export function downloadLotSpreadsheet(gtin: string, lot: string): Promise<void> {
  return apiDownload(`${lotPath(gtin, lot)}/trace.xlsx`, `trace-${gtin}-${lot}.xlsx`);
}

export function useTraceKpis(jurisdictionCode: string | null, year: number) {
  return useQuery({
    queryKey: ['trace', 'kpis', jurisdictionCode, year],
    queryFn: ({ signal }) => apiGet<TraceKpis>('/api/v1/trace/kpis', { query: { jurisdictionCode, year }, signal }),
    enabled: jurisdictionCode !== null,
  });
}
