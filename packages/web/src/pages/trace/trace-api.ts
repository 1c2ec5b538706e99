import { useQuery } from '@tanstack/react-query';
import { apiDownload, apiGet } from '../../api/client.ts';

/** What the trace pages (追溯查询, 追溯指标) read from the server: the shapes of `/trace/*`. */

export interface TraceEnterprise {
  id: string;
  name: string;
  uscc: string;
  jurisdictionCode: string;
  district: { code: string; nameZh: string; nameEn: string } | null;
}

export interface TraceLocation {
  id: string;
  premisesId: string | null;
  name: string | null;
}

export interface TraceLotRef {
  classKey: string | null;
  gtin: string | null;
  lot: string | null;
  productName: string | null;
}

export type TraceLotCount = TraceLotRef & { items: number };
export type TraceQuantity = TraceLotRef & { uom: string | null; quantity: number };

export interface TraceDownstream {
  enterprise: TraceEnterprise | null;
  location: TraceLocation | null;
  basis: 'receiving' | 'shipping';
  items: number;
  lots: TraceLotCount[];
  quantities: TraceQuantity[];
  firstAt: string;
  lastAt: string;
  eventCount: number;
}

export interface TraceOutput {
  eventId: string;
  eventTime: string;
  enterprise: TraceEnterprise | null;
  location: TraceLocation | null;
  inputItems: number;
  inputQuantities: TraceQuantity[];
  lots: TraceLotCount[];
  quantities: TraceQuantity[];
  followed: boolean;
}

export interface TraceInput {
  depth: number;
  eventId: string;
  eventTime: string;
  transformer: TraceEnterprise | null;
  location: TraceLocation | null;
  madeInto: TraceLotRef;
  lot: TraceLotRef;
  maker: TraceEnterprise | null;
  items: number;
  quantities: { uom: string | null; quantity: number }[];
}

export interface LotTrace {
  subject: {
    gtin: string;
    lot: string | null;
    serials: string[];
    classKey: string | null;
    product: { id: string; name: string } | null;
    maker: TraceEnterprise | null;
  };
  computedAt: string;
  truncated: boolean;
  levels: number;
  trackedIds: number;
  items: number;
  timeline: { events: number; firstAt: string | null; lastAt: string | null; byStep: Record<string, number> };
  downstream: TraceDownstream[];
  outputs: TraceOutput[];
  inputs: TraceInput[];
}

export interface TraceKpi {
  numerator: number;
  denominator: number;
  rate: number;
  target: number;
  met: boolean;
  basis: string;
}

export interface TraceKpiSet {
  coverage: TraceKpi;
  upload: TraceKpi;
  codeAssignment: TraceKpi;
}

export interface TraceKpis {
  year: number;
  jurisdictionCode: string;
  ruleSetId: string;
  total: TraceKpiSet;
  districts: (TraceKpiSet & { districtCode: string; nameZh: string; nameEn: string })[];
}

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
