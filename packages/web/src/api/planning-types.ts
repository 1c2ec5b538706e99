/**
 * The shapes of the planning and publication API, as the web client uses them: annual inspection plans
 * (年度监督检查计划, `/inspection-plans`), random draws (双随机抽查, `/draws`, `/public/draws`), published
 * inspection results (监督检查结果公示, `/public/inspection-results`) and the risk-grade summary
 * (`/risk/summary`). The server's Zod schemas (`routes/planning/*.routes.ts`, `routes/public/results.routes.ts`,
 * `routes/risk/risk.routes.ts`) are the source of truth; these mirror them.
 */
import type { EnterpriseKind } from './types.ts';
import type { RiskGrade } from './inspection-types.ts';

/** 信用风险分类 A–D (国市监信发〔2022〕6号). */
export type CreditClass = 'A' | 'B' | 'C' | 'D';
export const CREDIT_CLASSES: readonly CreditClass[] = ['A', 'B', 'C', 'D'];

export const RISK_GRADES: readonly RiskGrade[] = ['A', 'B', 'C', 'D'];

/** A grade filter of a draw: a risk grade, or `none` (未评级). */
export type GradeFilter = RiskGrade | 'none';

export type PlanStatus = 'draft' | 'approved';

export interface PlanCoverageRow {
  /** Enterprises of the group's kinds. */
  total: number;
  /** Of those, planned at least once. */
  planned: number;
  /** planned / total. */
  ratio: number;
  target: number;
  met: boolean;
}

export interface PlanWorkloadRow {
  month: number;
  inspections: number;
  /** inspections × inspectors per inspection. */
  inspectorVisits: number;
  /** Inspector visits available per month (inspectors × visits per inspector). */
  capacity: number;
  overCapacity: boolean;
}

/** The plan's totals; the server sends a record of numbers, these keys are the ones it fills. */
export type PlanTotalKey =
  | 'enterprises'
  | 'inspections'
  | 'inspectorVisits'
  | 'annualCapacity'
  | 'priority'
  | 'fullChecklistDue'
  | 'ungraded'
  | 'overCapacityMonths';

export interface InspectionPlan {
  id: string;
  jurisdictionCode: string;
  year: number;
  ruleSetId: string;
  status: PlanStatus;
  generatedAt: string;
  approvedAt: string | null;
  /** False while the rule set's per-grade frequencies are unconfirmed (未确认). */
  confirmed: boolean;
  inspectorCount: number;
  visitsPerInspectorPerMonth: number;
  workload: PlanWorkloadRow[];
  coverage: { producers: PlanCoverageRow; sellers: PlanCoverageRow };
  totals: Partial<Record<PlanTotalKey, number>> & Record<string, number>;
}

export interface PlanItem {
  enterpriseId: string;
  enterpriseName: string;
  grade: RiskGrade | null;
  required: number;
  priority: boolean;
  fullChecklistDue: boolean;
  months: number[];
  /** In the request's language. */
  reasons: string[];
}

export interface PlanItemPage {
  total: number;
  items: PlanItem[];
}

export interface DrawFilters {
  kinds?: EnterpriseKind[];
  grades?: GradeFilter[];
  creditClasses?: CreditClass[];
  specialFoodProducersOnly?: boolean;
}

export type DrawSizeSpec = { mode: 'count'; count: number } | { mode: 'proportion'; proportion: number };

/** `POST /draws`. */
export interface CreateDrawBody {
  jurisdictionCode: string;
  title: string;
  filters: DrawFilters;
  size: DrawSizeSpec;
  inspectorsPerTarget: number;
  weighted: boolean;
  scheduledOn: string;
}

/** A published draw (公开). */
export interface Draw {
  id: string;
  /** 抽查编号, e.g. `SJ-310115-2026-0001`. */
  number: string;
  jurisdictionCode: string;
  title: string;
  filters: DrawFilters;
  size: DrawSizeSpec;
  inspectorsPerTarget: number;
  /** The weights in force (`{ ruleSetId, byGrade, byCreditClass, … }`), or null for an unweighted draw. */
  weighting: unknown;
  algorithm: string;
  seed: string;
  rosterDigest: string;
  inspectorRosterDigest: string;
  rosterSize: number;
  pickedCount: number;
  unstaffedCount: number;
  scheduledOn: string;
  createdAt: string;
}

export interface DrawPickRow {
  position: number;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  inspectorNames: string[];
  inspectionNumber: string | null;
}

export interface PublicDrawDetail {
  draw: Draw;
  picks: DrawPickRow[];
}

export interface DrawPage {
  items: Draw[];
  total: number;
}

/** `GET /public/draws/:id/input`: the input and outcome as published, to re-run (checked by the re-run itself). */
export interface DrawRerunData {
  input: unknown;
  outcome: unknown;
}

export interface DrawVerification {
  matches: boolean;
  differences: string[];
}

export interface PublishedResult {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  jurisdictionCode: string;
  kindName: string;
  drawNumber: string | null;
  inspectedOn: string;
  outcome: string;
  outcomeName: string;
  itemsChecked: number;
  itemsFailed: number;
  publishedAt: string;
}

export interface PublishedResultPage {
  total: number;
  items: PublishedResult[];
}

/** `GET /risk/summary`: enterprises in the caller's scope by current grade. */
export type RiskSummary = Record<RiskGrade | 'none', number>;
