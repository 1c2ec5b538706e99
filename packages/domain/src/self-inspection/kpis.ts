import { kpiOf, type Kpi } from '../kpi/kpi.ts';

/**
 * The self-inspection KPIs of the work plans (自查报告率, 整改率), as a versioned rule set with the plans' own
 * wording as source, and the arithmetic of one figure. The core counts; this says what counts and how a rate
 * is formed, so a change of the plans is one edit here.
 */
export const SELF_INSPECTION_KPI_RULES = {
  id: 'shian-self-inspection-kpi/1',
  /** Who must report: active producers (生产企业) with an active special-food product (the registry holds special food only). */
  producerKinds: ['producer'],
  productCategories: ['health_food', 'infant_formula', 'fsmp'],
  /** A report counts when the year's annual report (年度自查报告) was submitted (submitted or acknowledged; a returned one does not). */
  reportedStatuses: ['submitted', 'acknowledged'],
  /** A rectification item (整改项) counts as rectified once closed with evidence (closed or verified). */
  rectifiedStatuses: ['closed', 'verified'],
  target: 1,
  sources: {
    reportRate:
      '沪市监特食〔2022〕407号 二、3：企业自查报告率100％；《上海市食品安全工作要点》：本市生产企业自查报告率保持 100%；区特殊食品监管要点（七）：特殊食品生产企业自查率、报告率、问题整改率均达到100%',
    rectificationRate: '沪市监特食〔2022〕407号 二、3：自查发现问题整改率100％；区特殊食品监管要点（七）：问题整改率均达到100%',
  },
} as const;

/** One self-inspection KPI (the shape of every work-plan KPI, `kpi/kpi.ts`). */
export type SelfInspectionKpi = Kpi;

export interface SelfInspectionKpiSet {
  /** 自查报告率: special-food producers that submitted the year's annual report / those that must. */
  reportRate: SelfInspectionKpi;
  /** 整改率: rectification items of the year's reports closed / raised. */
  rectificationRate: SelfInspectionKpi;
}

export interface SelfInspectionKpiDistrict extends SelfInspectionKpiSet {
  districtCode: string;
  nameZh: string;
  nameEn: string;
}

export interface SelfInspectionKpis {
  year: number;
  jurisdictionCode: string;
  ruleSetId: string;
  total: SelfInspectionKpiSet;
  districts: SelfInspectionKpiDistrict[];
}

export function selfInspectionKpi(numerator: number, denominator: number, basis: string): SelfInspectionKpi {
  return kpiOf({ numerator, denominator }, SELF_INSPECTION_KPI_RULES.target, basis);
}
