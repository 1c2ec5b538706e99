/**
 * Grades one enterprise for one year (风险分级): static + dynamic score → the grade of the threshold the total
 * falls in → moved up by the year's upgrade triggers (升级情形), or down when every downgrade condition holds.
 * Pure: the caller limits inspections and triggers to the year and supplies the compliance history.
 */
import type { Localised } from '../i18n/locale.ts';
import type { ExplanationLine, GradeMovement, RiskAssessment } from './risk-assessment.ts';
import type { TGradeEnterpriseInput, TRiskInspection, TUpgradeTriggerEvent } from './risk-facts.ts';
import { compareGrades, gradeForScore, RISK_GRADES, roundScore, shiftGrade } from './risk-rules.ts';
import type { RiskGrade, RiskRuleSet } from './risk-rules.ts';
import { factorLabel } from './risk-vocabulary.ts';
import { scoreDynamic } from './dynamic-score.ts';
import { scoreStatic } from './static-score.ts';

const TOP_GRADE: RiskGrade = RISK_GRADES[RISK_GRADES.length - 1] ?? 'D';
const UNCONFIRMED: Localised = { 'zh-CN': '（数值未经原文核实）', 'en-US': ' (figures not confirmed against the official text)' };

const grades = (n: number): Localised => ({ 'zh-CN': `${n} 级`, 'en-US': n === 1 ? '1 grade' : `${n} grades` });

function thresholdLine(ruleSet: RiskRuleSet, staticScore: number, dynamicScore: number, total: number): ExplanationLine {
  const placed = gradeForScore(ruleSet, total);
  const range =
    placed.maxScore === null
      ? `${total} > ${placed.above ?? 0}`
      : placed.above === null
        ? `${total} ≤ ${placed.maxScore}`
        : `${placed.above} < ${total} ≤ ${placed.maxScore}`;
  const suffix = ruleSet.confirmed ? { 'zh-CN': '', 'en-US': '' } : UNCONFIRMED;
  return {
    part: 'threshold',
    factor: 'total',
    label: factorLabel('total'),
    value: `${staticScore} + ${dynamicScore}`,
    points: total,
    note: { 'zh-CN': `${range}，评为 ${placed.grade} 级${suffix['zh-CN']}`, 'en-US': `${range}: grade ${placed.grade}${suffix['en-US']}` },
  };
}

/** Applies the year's triggers: each gets a line; a summary line shows the move. */
function applyTriggers(ruleSet: RiskRuleSet, from: RiskGrade, triggers: readonly TUpgradeTriggerEvent[]): { grade: RiskGrade; lines: ExplanationLine[] } {
  const sorted = [...triggers].sort((a, b) => (a.occurredOn === b.occurredOn ? (a.kind < b.kind ? -1 : 1) : a.occurredOn < b.occurredOn ? -1 : 1));
  const lines: ExplanationLine[] = sorted.map((t) => {
    const rule = ruleSet.upgradeTriggers[t.kind];
    const move = grades(rule.steps);
    return {
      part: 'trigger',
      factor: t.kind,
      label: rule.name,
      value: t.occurredOn,
      points: null,
      note: { 'zh-CN': `上调 ${move['zh-CN']}（${rule.basis}）`, 'en-US': `up ${move['en-US']} (${rule.basis})` },
    };
  });
  if (sorted.length === 0) return { grade: from, lines };

  const stepsEach = sorted.map((t) => ruleSet.upgradeTriggers[t.kind].steps);
  const steps = ruleSet.combineTriggers === 'sum' ? stepsEach.reduce((a, b) => a + b, 0) : Math.max(...stepsEach);
  const grade = shiftGrade(from, steps);
  const how: Localised =
    ruleSet.combineTriggers === 'sum'
      ? { 'zh-CN': `各情形级数相加，共上调 ${grades(steps)['zh-CN']}`, 'en-US': `steps add up: up ${grades(steps)['en-US']}` }
      : { 'zh-CN': `多个情形按最大级数计，上调 ${grades(steps)['zh-CN']}`, 'en-US': `the largest single step counts: up ${grades(steps)['en-US']}` };
  const capped = RISK_GRADES.indexOf(from) + steps > RISK_GRADES.length - 1;
  const cap: Localised = capped
    ? { 'zh-CN': `；最高为 ${TOP_GRADE} 级`, 'en-US': `; ${TOP_GRADE} is the highest grade` }
    : { 'zh-CN': '', 'en-US': '' };
  lines.push({
    part: 'trigger',
    factor: 'upgrade',
    label: factorLabel('upgrade'),
    value: `${from} → ${grade}`,
    points: null,
    note: { 'zh-CN': `${how['zh-CN']}${cap['zh-CN']}（${ruleSet.upgradeBasis}）`, 'en-US': `${how['en-US']}${cap['en-US']} (${ruleSet.upgradeBasis})` },
  });
  return { grade, lines };
}

/** Checks every downgrade condition and says which failed; one line either way. */
function applyDowngrade(
  ruleSet: RiskRuleSet,
  from: RiskGrade,
  input: { inspections: readonly TRiskInspection[]; triggers: readonly unknown[]; consecutiveCompliantYears: number },
): { grade: RiskGrade; line: ExplanationLine } {
  const rule = ruleSet.downgrade;
  const failures: Localised[] = [];
  if (input.triggers.length > 0) failures.push({ 'zh-CN': '本年度有升级情形', 'en-US': 'an upgrade trigger occurred in the year' });
  if (input.inspections.length < rule.minInspections) {
    failures.push({
      'zh-CN': `本年度检查 ${input.inspections.length} 次，少于 ${rule.minInspections} 次`,
      'en-US': `${input.inspections.length} inspections in the year, fewer than ${rule.minInspections}`,
    });
  }
  const failing = input.inspections.filter((i) => i.keyItemsFailed + i.generalItemsFailed > 0).length;
  if (failing > 0) {
    failures.push({ 'zh-CN': `${failing} 次检查有不符合项`, 'en-US': `${failing} inspections had failed items` });
  }
  if (input.consecutiveCompliantYears < rule.consecutiveCompliantYears) {
    failures.push({
      'zh-CN': `连续合规 ${input.consecutiveCompliantYears} 年，不足 ${rule.consecutiveCompliantYears} 年`,
      'en-US': `${input.consecutiveCompliantYears} consecutive compliant years, fewer than ${rule.consecutiveCompliantYears}`,
    });
  }
  const suffix = rule.confirmed ? { 'zh-CN': '', 'en-US': '' } : UNCONFIRMED;
  const base = { part: 'downgrade' as const, factor: 'downgrade', label: factorLabel('downgrade'), points: null };
  if (failures.length > 0) {
    return {
      grade: from,
      line: {
        ...base,
        value: from,
        note: {
          'zh-CN': `不降级：${failures.map((f) => f['zh-CN']).join('；')}${suffix['zh-CN']}`,
          'en-US': `no downgrade: ${failures.map((f) => f['en-US']).join('; ')}${suffix['en-US']}`,
        },
      },
    };
  }
  const grade = shiftGrade(from, -rule.steps);
  const conditions: Localised = {
    'zh-CN': `无升级情形，检查 ${input.inspections.length} 次均无不符合项，连续合规 ${input.consecutiveCompliantYears} 年`,
    'en-US': `no upgrade trigger, ${input.inspections.length} inspections without a failed item, ${input.consecutiveCompliantYears} consecutive compliant years`,
  };
  const floor: Localised = grade === from ? { 'zh-CN': `；已为最低的 ${from} 级`, 'en-US': `; already ${from}, the lowest grade` } : { 'zh-CN': '', 'en-US': '' };
  return {
    grade,
    line: {
      ...base,
      value: `${from} → ${grade}`,
      note: {
        'zh-CN': `${conditions['zh-CN']}，下调 ${grades(rule.steps)['zh-CN']}${floor['zh-CN']}${suffix['zh-CN']}`,
        'en-US': `${conditions['en-US']}: down ${grades(rule.steps)['en-US']}${floor['en-US']}${suffix['en-US']}`,
      },
    },
  };
}

function movementOf(grade: RiskGrade, previous: RiskGrade | null): GradeMovement {
  if (previous === null) return 'keep';
  const diff = compareGrades(grade, previous);
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'keep';
}

/** Grades one enterprise under a rule set; the lines explain every point and every move. */
export function gradeEnterprise(input: TGradeEnterpriseInput, ruleSet: RiskRuleSet): RiskAssessment {
  const staticPart = scoreStatic(input, ruleSet);
  const dynamicPart = scoreDynamic(input.inspections, ruleSet);
  const totalScore = roundScore(staticPart.score + dynamicPart.score);
  const scoreGrade = gradeForScore(ruleSet, totalScore).grade;

  const upgraded = applyTriggers(ruleSet, scoreGrade, input.triggers);
  const downgraded = applyDowngrade(ruleSet, scoreGrade, input);
  const grade = input.triggers.length > 0 ? upgraded.grade : downgraded.grade;

  return {
    ruleSetId: ruleSet.id,
    confirmed: ruleSet.confirmed,
    staticScore: staticPart.score,
    dynamicScore: dynamicPart.score,
    totalScore,
    scoreGrade,
    grade,
    previousGrade: input.previousGrade,
    movement: movementOf(grade, input.previousGrade),
    lines: [
      ...staticPart.lines,
      ...dynamicPart.lines,
      thresholdLine(ruleSet, staticPart.score, dynamicPart.score, totalScore),
      ...upgraded.lines,
      downgraded.line,
    ],
  };
}
