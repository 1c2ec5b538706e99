import type { Localised } from '../i18n/locale.ts';
import type { RiskGrade } from './risk-rules.ts';

/** Which part of the grading a line explains. */
export const EXPLANATION_PARTS = ['static', 'dynamic', 'threshold', 'trigger', 'downgrade'] as const;
export type ExplanationPart = (typeof EXPLANATION_PARTS)[number];

/**
 * One step of a grading a person can check. Per part, the `points` of the `static` lines add up to the static
 * score and those of the `dynamic` lines to the dynamic score (caps appear as negative lines). Threshold, trigger
 * and downgrade lines move grades, not points, and carry `points: null` (the threshold line carries the total).
 */
export interface ExplanationLine {
  part: ExplanationPart;
  /** The fact read (its path in the facts, e.g. `prepackagedSkus.chilled`) or the rule applied (e.g. `static_cap`). */
  factor: string;
  label: Localised;
  /** The fact as read, e.g. `1200 m²`, `infant_formula, general`, `true`, `2025-05-01`. */
  value: string;
  points: number | null;
  note: Localised | null;
}

export type GradeMovement = 'up' | 'keep' | 'down';

/** The result of grading one enterprise for one year. */
export interface RiskAssessment {
  ruleSetId: string;
  /** False when the rule set's figures are unconfirmed; show it beside the grade. */
  confirmed: boolean;
  staticScore: number;
  dynamicScore: number;
  totalScore: number;
  /** The grade the total falls in. */
  scoreGrade: RiskGrade;
  /** The grade after upgrade triggers or a downgrade. */
  grade: RiskGrade;
  previousGrade: RiskGrade | null;
  /** Against `previousGrade`; `keep` when there is none. */
  movement: GradeMovement;
  lines: ExplanationLine[];
}
