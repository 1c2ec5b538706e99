/**
 * Consistency checks of a hand-edited rule set: the mistakes a data edit can make that the type checker does
 * not see (bands out of order, a threshold above the 100-point scale, a minimum above a maximum).
 */
import { RISK_GRADES, STORAGE_TEMPERATURES } from './risk-rules.ts';
import type { RiskRuleSet, ScoreBand } from './risk-rules.ts';

function bandProblems(path: string, bands: readonly ScoreBand[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) problems.push(`${path}: no bands`);
  bands.forEach((band, index) => {
    const next = bands[index + 1];
    if (band.points < 0) problems.push(`${path}[${index}]: negative points`);
    if (band.upTo === null && next) problems.push(`${path}[${index}]: the open band must be last`);
    if (band.upTo !== null && next?.upTo != null && next.upTo <= band.upTo) problems.push(`${path}[${index + 1}]: bands must rise`);
  });
  if (bands.length > 0 && bands[bands.length - 1]?.upTo !== null) problems.push(`${path}: no open top band`);
  return problems;
}

/** Every problem found, as `path: problem`; empty when the rule set is consistent. */
export function checkRuleSet(ruleSet: RiskRuleSet): string[] {
  const problems: string[] = [];
  const scale = ruleSet.staticMax + ruleSet.dynamicMax;

  ruleSet.thresholds.forEach((t, index) => {
    const previous = ruleSet.thresholds[index - 1];
    if (previous && t.maxScore <= previous.maxScore) problems.push(`thresholds[${index}]: maxScore must rise`);
    if (previous && RISK_GRADES.indexOf(t.grade) <= RISK_GRADES.indexOf(previous.grade)) {
      problems.push(`thresholds[${index}]: grades must rise`);
    }
    if (t.maxScore >= scale) problems.push(`thresholds[${index}]: maxScore ${t.maxScore} leaves no room below the scale of ${scale}`);
  });
  const last = ruleSet.thresholds[ruleSet.thresholds.length - 1];
  if (last && RISK_GRADES.indexOf(ruleSet.aboveThresholds) <= RISK_GRADES.indexOf(last.grade)) {
    problems.push('aboveThresholds: must be above the last threshold grade');
  }

  const production = ruleSet.staticFactors.production;
  problems.push(...bandProblems('staticFactors.production.employees', production.employees));
  const sales = ruleSet.staticFactors.sales;
  problems.push(...bandProblems('staticFactors.sales.areaM2', sales.areaM2));
  problems.push(...bandProblems('staticFactors.sales.supplierCount', sales.supplierCount));
  for (const t of STORAGE_TEMPERATURES) {
    problems.push(...bandProblems(`staticFactors.sales.prepackagedSkus.${t}`, sales.prepackagedSkus[t]));
    problems.push(...bandProblems(`staticFactors.sales.bulkSkus.${t}`, sales.bulkSkus[t]));
  }

  const dynamic = ruleSet.dynamic;
  if (dynamic.defaultWithoutInspection < 0 || dynamic.defaultWithoutInspection > ruleSet.dynamicMax) {
    problems.push('dynamic.defaultWithoutInspection: must lie within 0..dynamicMax');
  }
  for (const [kind, rule] of Object.entries(ruleSet.upgradeTriggers)) {
    if (!Number.isInteger(rule.steps) || rule.steps < 1) problems.push(`upgradeTriggers.${kind}.steps: must be a whole number ≥ 1`);
  }
  if (!Number.isInteger(ruleSet.downgrade.steps) || ruleSet.downgrade.steps < 1) problems.push('downgrade.steps: must be a whole number ≥ 1');

  const frequency = ruleSet.frequency;
  for (const grade of RISK_GRADES) {
    const f = frequency.perGrade[grade];
    if (!Number.isInteger(f.min) || f.min < 0 || f.max < f.min) problems.push(`frequency.perGrade.${grade}: need 0 ≤ min ≤ max, whole numbers`);
  }
  if (!Number.isInteger(frequency.fullChecklistEveryYears) || frequency.fullChecklistEveryYears < 1) {
    problems.push('frequency.fullChecklistEveryYears: must be a whole number ≥ 1');
  }
  for (const group of ['producers', 'sellers'] as const) {
    const ratio = frequency.coverage[group].ratio;
    if (ratio < 0 || ratio > 1) problems.push(`frequency.coverage.${group}.ratio: must lie within 0..1`);
  }
  return problems;
}
