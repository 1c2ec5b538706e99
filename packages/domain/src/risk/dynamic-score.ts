/** Dynamic risk factors (动态风险因素): points from the failed items of the year's inspections, capped at dynamicMax. */
import type { Localised } from '../i18n/locale.ts';
import type { ExplanationLine } from './risk-assessment.ts';
import type { TRiskInspection } from './risk-facts.ts';
import { roundScore } from './risk-rules.ts';
import type { RiskRuleSet } from './risk-rules.ts';
import { factorLabel } from './risk-vocabulary.ts';
import type { PartScore } from './static-score.ts';

const line = (factor: string, value: string, points: number | null, note: Localised | null): ExplanationLine => ({
  part: 'dynamic',
  factor,
  label: factorLabel(factor),
  value,
  points,
  note,
});

/**
 * The dynamic score of the year's inspections (limited to the year by the caller), one line per inspection in
 * date order. With `combine: 'worst'` only the highest-scoring inspection counts (the earliest of equals); the
 * others show their points in the note and carry `points: null`. Without any inspection the default applies.
 */
export function scoreDynamic(inspections: readonly TRiskInspection[], ruleSet: RiskRuleSet): PartScore {
  const rules = ruleSet.dynamic;
  if (inspections.length === 0) {
    const score = Math.min(rules.defaultWithoutInspection, ruleSet.dynamicMax);
    const note: Localised = {
      'zh-CN': `本年度无监督检查记录，按默认动态分值 ${score} 分计`,
      'en-US': `no inspection in the year; the default dynamic score of ${score} applies`,
    };
    return { score, lines: [line('no_inspection', '0', score, note)] };
  }

  const sorted = [...inspections].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const scored = sorted.map((inspection) => ({
    inspection,
    points: roundScore(inspection.keyItemsFailed * rules.pointsPerFailedKeyItem + inspection.generalItemsFailed * rules.pointsPerFailedGeneralItem),
  }));
  let worst = 0;
  scored.forEach((s, index) => {
    if (s.points > (scored[worst]?.points ?? 0)) worst = index;
  });

  const lines = scored.map(({ inspection, points }, index) => {
    const counted = rules.combine === 'sum' || index === worst;
    const sum: Localised = {
      'zh-CN': `检查 ${inspection.itemsChecked} 项，重点项目不符合 ${inspection.keyItemsFailed} 项（每项 ${rules.pointsPerFailedKeyItem} 分），一般项目不符合 ${inspection.generalItemsFailed} 项（每项 ${rules.pointsPerFailedGeneralItem} 分），计 ${points} 分`,
      'en-US': `${inspection.itemsChecked} items checked; ${inspection.keyItemsFailed} key items failed (${rules.pointsPerFailedKeyItem} each), ${inspection.generalItemsFailed} general items failed (${rules.pointsPerFailedGeneralItem} each): ${points} points`,
    };
    const note: Localised =
      rules.combine === 'sum'
        ? sum
        : counted
          ? { 'zh-CN': `${sum['zh-CN']}；取本年度得分最高的一次检查`, 'en-US': `${sum['en-US']}; the worst inspection of the year counts` }
          : { 'zh-CN': `${sum['zh-CN']}；不计入（仅取得分最高的一次）`, 'en-US': `${sum['en-US']}; not counted (only the worst inspection counts)` };
    return line('inspection', inspection.on, counted ? points : null, note);
  });

  const raw = roundScore(lines.reduce((total, l) => total + (l.points ?? 0), 0));
  if (raw <= ruleSet.dynamicMax) return { score: raw, lines };
  lines.push(
    line('dynamic_cap', String(raw), roundScore(ruleSet.dynamicMax - raw), {
      'zh-CN': `动态因素合计 ${raw} 分，超过上限 ${ruleSet.dynamicMax} 分，按 ${ruleSet.dynamicMax} 分计`,
      'en-US': `dynamic factors sum to ${raw}, above the maximum of ${ruleSet.dynamicMax}; counted as ${ruleSet.dynamicMax}`,
    }),
  );
  return { score: ruleSet.dynamicMax, lines };
}
