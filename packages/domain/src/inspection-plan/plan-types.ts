/** Input and output of the annual inspection plan (年度监督检查计划), 49号令 §21 ¶1. */
import { z } from 'zod';
import type { Localised } from '../i18n/locale.ts';
import { ENTERPRISE_KINDS } from '../registry/vocabulary.ts';
import { ZIsoDate } from '../risk/risk-facts.ts';
import { RISK_GRADES } from '../risk/risk-rules.ts';
import type { RiskGrade } from '../risk/risk-rules.ts';


function hasStringId(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string';
}

/** One enterprise to plan for. */
export const ZPlanEnterprise = z.strictObject({
  id: z.string().min(1).max(100),
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).min(1, { message: 'field.required' }),
  /** Makes health food, infant formula or FSMP (特殊食品生产企业): always a priority target. */
  specialFoodProducer: z.boolean(),
  /** The current risk grade (风险等级); null when not graded yet. */
  grade: z.enum(RISK_GRADES).nullable(),
  /** The last inspection covering every checklist point (全项目检查), null when none is on record. */
  lastFullInspectionOn: ZIsoDate.nullable(),
});
export type TPlanEnterprise = z.infer<typeof ZPlanEnterprise>;

export const ZInspectionPlanInput = z.strictObject({
  year: z.int().min(2000).max(2100),
  enterprises: z.array(ZPlanEnterprise).superRefine(
    (enterprises, ctx) => {
      const seen = new Set<string>();
      enterprises.forEach((e, index) => {
        if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `Duplicate enterprise id ${e.id}`, path: [index, 'id'] });
        seen.add(e.id);
      });
    },
    // Duplicates are reported beside other problems of the rows, as long as every row has a string id.
    { when: (payload) => Array.isArray(payload.value) && payload.value.every(hasStringId) },
  ),
  inspectorCount: z.int().min(0).max(100_000),
  visitsPerInspectorPerMonth: z.number().min(0).max(1_000),
  /** At least two inspectors per inspection (49号令 §23). */
  inspectorsPerInspection: z.int().min(2).max(20),
});
export type TInspectionPlanInput = z.infer<typeof ZInspectionPlanInput>;

/** One enterprise as `generatePlan` reads it; kinds may be any strings, those in the coverage groups count. */
export interface PlanEnterprise {
  id: string;
  kinds: readonly string[];
  specialFoodProducer: boolean;
  grade: RiskGrade | null;
  lastFullInspectionOn: string | null;
}

export interface InspectionPlanInput {
  year: number;
  enterprises: readonly PlanEnterprise[];
  inspectorCount: number;
  visitsPerInspectorPerMonth: number;
  inspectorsPerInspection: number;
}

export interface InspectionPlanItem {
  enterpriseId: string;
  /** The enterprise's grade as given; null when not graded. */
  grade: RiskGrade | null;
  /** The grade its frequency was taken from (an ungraded enterprise is planned as the rule set's `ungradedAs`). */
  plannedAsGrade: RiskGrade;
  /** Routine inspections planned for the year. */
  required: number;
  /** A priority target (重点监督检查对象), 49号令 §22 ¶2. */
  priority: boolean;
  /** A full-checklist inspection (全项目检查) falls due this year, 49号令 §22 ¶1. */
  fullChecklistDue: boolean;
  /** Planned months, 1–12, ascending; one entry per inspection. */
  months: number[];
  reasons: Localised[];
}

export interface WorkloadRow {
  month: number;
  inspections: number;
  /** inspections × inspectorsPerInspection. */
  inspectorVisits: number;
  /** inspectorCount × visitsPerInspectorPerMonth. */
  capacity: number;
  overCapacity: boolean;
}

export interface CoverageRow {
  /** Enterprises of the group's kinds. */
  total: number;
  /** Of those, planned at least once. */
  planned: number;
  /** planned / total; 1 for an empty group. */
  ratio: number;
  target: number;
  met: boolean;
}

export interface InspectionPlanDraft {
  year: number;
  ruleSetId: string;
  /** False while the per-grade frequencies are unconfirmed. */
  confirmed: boolean;
  /** By enterprise id. */
  items: InspectionPlanItem[];
  /** Months 1–12. */
  workload: WorkloadRow[];
  coverage: { producers: CoverageRow; sellers: CoverageRow };
  totals: {
    enterprises: number;
    inspections: number;
    inspectorVisits: number;
    annualCapacity: number;
    priority: number;
    fullChecklistDue: number;
    ungraded: number;
    overCapacityMonths: number;
  };
}
