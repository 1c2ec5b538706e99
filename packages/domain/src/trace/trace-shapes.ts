import type { Kpi } from '../kpi/kpi.ts';

/**
 * The JSON shapes of a lot's trace (追溯) and of the traceability KPIs: what `GET /api/v1/trace/lots/…` and
 * `GET /api/v1/trace/kpis` answer, what a recall keeps as its snapshot, and what the web pages read. Types
 * only, here so that the server and the web share one definition.
 */
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

/** A lot (or GTIN class) with its product's registered name. */
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
  /** `receiving`: a captured receipt; `shipping`: named as destination by the shipper only. */
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
  /** The walk reached a guard (depth or size) and stopped: what it found is answered, but may be incomplete. */
  truncated: boolean;
  levels: number;
  /** Identifiers followed that events name: items, cases, pallets, outputs. */
  trackedIds: number;
  /** Items of the traced lot(s) that events name. */
  items: number;
  timeline: { events: number; firstAt: string | null; lastAt: string | null; byStep: Record<string, number> };
  downstream: TraceDownstream[];
  outputs: TraceOutput[];
  inputs: TraceInput[];
}

/** One traceability KPI (the shape of every work-plan KPI, `kpi/kpi.ts`). */
export type TraceKpi = Kpi;

export interface TraceKpiSet {
  /** 应追溯企业追溯实施率 / 企业覆盖率: enterprises that must trace, and those that do. */
  coverage: TraceKpi;
  /** 信息上传率: lots issued codes in the year with at least one captured event. */
  upload: TraceKpi;
  /** 赋码率: makers' active products with codes issued in the year. */
  codeAssignment: TraceKpi;
}

export interface TraceKpiDistrict extends TraceKpiSet {
  districtCode: string;
  nameZh: string;
  nameEn: string;
}

export interface TraceKpis {
  year: number;
  jurisdictionCode: string;
  ruleSetId: string;
  total: TraceKpiSet;
  districts: TraceKpiDistrict[];
}
