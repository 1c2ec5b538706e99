/**
 * Risk grading (风险分级) rules as versioned data: the shape of a rule set and the small helpers that read it.
 * Every number lives in a rule set (`rule-sets/`); code only reads it, so a corrected threshold or a local
 * variant is one data edit with its own id and version.
 */
import type { EnterpriseKind } from '../registry/vocabulary.ts';
import type { Localised } from '../i18n/locale.ts';

/** Risk grades (风险等级), from low risk (A) to high risk (D). */
export const RISK_GRADES = ['A', 'B', 'C', 'D'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

/** Sectors with their own static factor table (生产 production, 销售 sales). Catering is out of scope here. */
export const RISK_SECTORS = ['production', 'sales'] as const;
export type RiskSector = (typeof RISK_SECTORS)[number];

/** Enterprise credit risk classes (企业信用风险分类), A lowest risk; used only to weight random draws. */
export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

/** Food categories a producer is graded on; special foods (特殊食品) score above general food (普通食品). */
export const PRODUCTION_FOOD_CATEGORIES = ['health_food', 'infant_formula', 'fsmp', 'general'] as const;
export type ProductionFoodCategory = (typeof PRODUCTION_FOOD_CATEGORIES)[number];

/** Special-food items a seller carries (特殊食品销售). */
export const SALES_SPECIAL_FOOD_ITEMS = ['health_food', 'infant_formula', 'fsmp'] as const;
export type SalesSpecialFoodItem = (typeof SALES_SPECIAL_FOOD_ITEMS)[number];

/** Enterprise scale (业态规模). */
export const ENTERPRISE_SCALES = ['large', 'medium', 'small'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];

/** Storage temperatures counted separately for SKUs (常温 ambient, 冷藏 chilled, 冷冻 frozen). */
export const STORAGE_TEMPERATURES = ['ambient', 'chilled', 'frozen'] as const;
export type StorageTemperature = (typeof STORAGE_TEMPERATURES)[number];

/** Upgrade triggers (升级情形) of the 2016 trial measures; any one in the year moves the grade up. */
export const UPGRADE_TRIGGER_KINDS = [
  'deliberate_violation_punished',
  'failed_supervisory_sampling',
  'violation_bad_social_impact',
  'food_safety_incident',
  'failed_to_recall',
  'obstructed_inspection',
  'provincial_other',
] as const;
export type UpgradeTriggerKind = (typeof UPGRADE_TRIGGER_KINDS)[number];

/**
 * One band of a banded table: a value up to and including `upTo` scores `points`; `upTo: null` is the open
 * top band. Bands are ordered by `upTo`, and the first that holds the value applies.
 */
export interface ScoreBand {
  upTo: number | null;
  points: number;
}

export interface ProductionStaticTable {
  /** Points per category; an enterprise scores its highest-scoring category once. */
  foodCategory: Record<ProductionFoodCategory, number>;
  scale: Record<EnterpriseScale, number>;
  employees: readonly ScoreBand[];
  /** Points when the fact is true; nothing when false. */
  hasExtraction: number;
  sharedLineWithGeneralFood: number;
  outsourcedProcessing: number;
}

export interface SalesStaticTable {
  areaM2: readonly ScoreBand[];
  prepackagedSkus: Record<StorageTemperature, readonly ScoreBand[]>;
  bulkSkus: Record<StorageTemperature, readonly ScoreBand[]>;
  supplierCount: readonly ScoreBand[];
  /** Points per item; a seller scores its highest-scoring item once, nothing when it sells none. */
  specialFoodItems: Record<SalesSpecialFoodItem, number>;
  /** Points when the seller also sells online. */
  onlineSales: number;
}

export interface DynamicScoring {
  pointsPerFailedKeyItem: number;
  pointsPerFailedGeneralItem: number;
  /**
   * How the year's inspections combine: `worst` counts the highest-scoring inspection only (an enterprise is
   * not penalised for being inspected often); `sum` adds them all. Either way the result is capped at dynamicMax.
   */
  combine: 'worst' | 'sum';
  /** Dynamic score when the year had no inspection. */
  defaultWithoutInspection: number;
}

export interface UpgradeTriggerRule {
  name: Localised;
  basis: string;
  /** Grades moved up (1 or 2). */
  steps: number;
}

export interface DowngradeRule {
  /** False while the conditions are not checked against the official text (reference §12). */
  confirmed: boolean;
  basis: string;
  steps: number;
  /** The year needs at least this many inspections, every one without a failed item. */
  minInspections: number;
  /** Consecutive compliant years (as the caller counts them, the assessed year included) needed. */
  consecutiveCompliantYears: number;
}

export interface GradeFrequency {
  min: number;
  max: number;
}

/** A coverage target of the annual plan: the share of enterprises of these kinds inspected at least once. */
export interface CoverageTarget {
  kinds: readonly EnterpriseKind[];
  ratio: number;
  basis: string;
}

export interface InspectionFrequencyRules {
  /** False: the per-grade figures are confirmed only through local practice (reference §1.2, §12). */
  confirmed: boolean;
  source: string;
  perGrade: Record<RiskGrade, GradeFrequency>;
  /** An enterprise not graded yet is planned as this grade. */
  ungradedAs: RiskGrade;
  /** Every enterprise gets a full-checklist inspection at least once in this many calendar years (49号令 §22 ¶1). */
  fullChecklistEveryYears: number;
  fullChecklistBasis: string;
  /** Priority targets (重点监督检查), 49号令 §22 ¶2. */
  priority: {
    specialFoodProducers: boolean;
    producerGrades: readonly RiskGrade[];
    sellerGrades: readonly RiskGrade[];
    basis: string;
  };
  coverage: { producers: CoverageTarget; sellers: CoverageTarget };
}

export interface DrawWeights {
  /** False: the credit-class multipliers follow 国市监信发〔2022〕6号 in spirit only (reference §2, §12). */
  confirmed: boolean;
  source: string;
  byGrade: Record<RiskGrade, number>;
  /** An enterprise without a grade weighs as this grade. */
  ungradedAs: RiskGrade;
  byCreditClass: Record<CreditClass, number>;
  /** Multiplier when the credit class is unknown. */
  unknownCreditMultiplier: number;
}

export interface RiskRuleSet {
  id: string;
  version: number;
  source: string;
  /** False while the thresholds, the 40/60 split and the downgrade rule are unconfirmed (reference §12). */
  confirmed: boolean;
  staticMax: number;
  dynamicMax: number;
  /** Ordered by maxScore; a total up to and including maxScore takes that grade. */
  thresholds: readonly { grade: RiskGrade; maxScore: number }[];
  /** The grade of a total above the last threshold. */
  aboveThresholds: RiskGrade;
  staticFactors: { production: ProductionStaticTable; sales: SalesStaticTable };
  dynamic: DynamicScoring;
  upgradeTriggers: Record<UpgradeTriggerKind, UpgradeTriggerRule>;
  /**
   * How several triggers in one year combine: `largest` moves by the largest single step (one bad year is one
   * upgrade, whatever its number of causes); `sum` adds the steps. Never beyond D either way.
   */
  combineTriggers: 'largest' | 'sum';
  upgradeBasis: string;
  downgrade: DowngradeRule;
  frequency: InspectionFrequencyRules;
  drawWeights: DrawWeights;
}

/** Scores are kept to two decimals so that fractional points never land a hair across a threshold. */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The grade a total score falls in, with the threshold that placed it (null when above every threshold). */
export function gradeForScore(ruleSet: RiskRuleSet, total: number): { grade: RiskGrade; maxScore: number | null; above: number | null } {
  let above: number | null = null;
  for (const threshold of ruleSet.thresholds) {
    if (total <= threshold.maxScore) return { grade: threshold.grade, maxScore: threshold.maxScore, above };
    above = threshold.maxScore;
  }
  return { grade: ruleSet.aboveThresholds, maxScore: null, above };
}

/** Moves a grade by `steps` (positive: higher risk), staying within A–D. */
export function shiftGrade(grade: RiskGrade, steps: number): RiskGrade {
  const index = Math.min(RISK_GRADES.length - 1, Math.max(0, RISK_GRADES.indexOf(grade) + steps));
  return RISK_GRADES[index] ?? grade;
}

/** Positive when `a` is a higher risk than `b`. */
export function compareGrades(a: RiskGrade, b: RiskGrade): number {
  return RISK_GRADES.indexOf(a) - RISK_GRADES.indexOf(b);
}

/** The band that holds a value: the first whose `upTo` is at least the value, or the open top band. */
export function findBand(bands: readonly ScoreBand[], value: number): { band: ScoreBand; lower: number | null } | null {
  let lower: number | null = null;
  for (const band of bands) {
    if (band.upTo === null || value <= band.upTo) return { band, lower };
    lower = band.upTo;
  }
  return null;
}

/**
 * Weight of an enterprise in a random draw (双随机): its grade's weight times its credit class's multiplier.
 * No grade weighs as `ungradedAs` (B); no credit class multiplies by `unknownCreditMultiplier` (1).
 */
export function drawWeight(ruleSet: RiskRuleSet, grade: RiskGrade | null, creditClass: CreditClass | null): number {
  const weights = ruleSet.drawWeights;
  const byGrade = weights.byGrade[grade ?? weights.ungradedAs];
  const multiplier = creditClass === null ? weights.unknownCreditMultiplier : weights.byCreditClass[creditClass];
  return byGrade * multiplier;
}
