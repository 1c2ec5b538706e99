/**
 * Input schemas of risk grading: the facts a grade is computed from, per sector, and the year's inspection
 * and upgrade-trigger record. Objects are strict and every field is checked, so one answer lists every bad field.
 */
import { z } from 'zod';
import {
  ENTERPRISE_SCALES,
  PRODUCTION_FOOD_CATEGORIES,
  RISK_GRADES,
  SALES_SPECIAL_FOOD_ITEMS,
  UPGRADE_TRIGGER_KINDS,
} from './risk-rules.ts';

/** Upper bounds that catch typing slips (an extra digit) without limiting any real enterprise. */
const MAX_COUNT = 1_000_000;
const MAX_AREA_M2 = 10_000_000;

const count = () => z.int().min(0).max(MAX_COUNT);
/** A calendar date `YYYY-MM-DD` that exists (no 30 February); one issue however it is wrong. */
export const ZIsoDate = z.string().refine(
  (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
  { message: 'field.date_format' },
);

/** Facts of a producer (生产企业). */
export const ZProductionRiskFacts = z.strictObject({
  foodCategories: z.array(z.enum(PRODUCTION_FOOD_CATEGORIES)).min(1, { message: 'field.required' }).max(PRODUCTION_FOOD_CATEGORIES.length),
  scale: z.enum(ENTERPRISE_SCALES),
  employees: count(),
  /** Raw-material pre-processing or extraction on site (原料前处理/提取). */
  hasExtraction: z.boolean(),
  /** Special food made on a line shared with general food (共线生产). */
  sharedLineWithGeneralFood: z.boolean(),
  /** Processing commissioned to or from another firm (委托加工). */
  outsourcedProcessing: z.boolean(),
});
export type TProductionRiskFacts = z.infer<typeof ZProductionRiskFacts>;

const skuCounts = z.strictObject({ ambient: count(), chilled: count(), frozen: count() });

/** Facts of a seller (销售者). */
export const ZSalesRiskFacts = z.strictObject({
  /** Premises area (经营场所面积), m². */
  areaM2: z.number().min(0).max(MAX_AREA_M2),
  /** SKUs of prepackaged food (预包装食品) by storage temperature. */
  prepackagedSkus: skuCounts,
  /** SKUs of bulk food (散装食品) by storage temperature. */
  bulkSkus: skuCounts,
  supplierCount: count(),
  specialFoodItems: z.array(z.enum(SALES_SPECIAL_FOOD_ITEMS)).max(SALES_SPECIAL_FOOD_ITEMS.length),
  onlineSales: z.boolean(),
});
export type TSalesRiskFacts = z.infer<typeof ZSalesRiskFacts>;

/** The facts of one enterprise with the sector they belong to. */
export const ZRiskFacts = z.discriminatedUnion('sector', [
  z.strictObject({ sector: z.literal('production'), facts: ZProductionRiskFacts }),
  z.strictObject({ sector: z.literal('sales'), facts: ZSalesRiskFacts }),
]);
export type TRiskFacts = z.infer<typeof ZRiskFacts>;

/** One routine inspection of the year, as far as the dynamic score needs it (key items 重点项目, general items 一般项目). */
export const ZRiskInspection = z
  .strictObject({
    on: ZIsoDate,
    keyItemsFailed: count(),
    generalItemsFailed: count(),
    itemsChecked: count(),
  })
  .refine((i) => i.keyItemsFailed + i.generalItemsFailed <= i.itemsChecked, {
    message: 'More items failed than were checked',
    path: ['itemsChecked'],
    when: (payload) => !payload.issues.some((issue) => ['keyItemsFailed', 'generalItemsFailed', 'itemsChecked'].includes(String(issue.path?.[0]))),
  });
export type TRiskInspection = z.infer<typeof ZRiskInspection>;

/** An upgrade trigger (升级情形) that occurred in the year. */
export const ZUpgradeTriggerEvent = z.strictObject({ kind: z.enum(UPGRADE_TRIGGER_KINDS), occurredOn: ZIsoDate });
export type TUpgradeTriggerEvent = z.infer<typeof ZUpgradeTriggerEvent>;

/** The year's record, limited to the year by the caller. */
const history = {
  inspections: z.array(ZRiskInspection).max(366),
  triggers: z.array(ZUpgradeTriggerEvent).max(100),
  previousGrade: z.enum(RISK_GRADES).nullable(),
  consecutiveCompliantYears: z.int().min(0).max(100),
};

/** Everything `gradeEnterprise` reads. */
export const ZGradeEnterpriseInput = z.discriminatedUnion('sector', [
  z.strictObject({ sector: z.literal('production'), facts: ZProductionRiskFacts, ...history }),
  z.strictObject({ sector: z.literal('sales'), facts: ZSalesRiskFacts, ...history }),
]);
export type TGradeEnterpriseInput = z.infer<typeof ZGradeEnterpriseInput>;
