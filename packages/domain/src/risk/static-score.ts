/** Static risk factors (静态风险因素): points per fact from the rule set's tables, capped at staticMax. */
import type { Localised } from '../i18n/locale.ts';
import type { ExplanationLine } from './risk-assessment.ts';
import type { TProductionRiskFacts, TRiskFacts, TSalesRiskFacts } from './risk-facts.ts';
import { findBand, roundScore, STORAGE_TEMPERATURES } from './risk-rules.ts';
import type { ProductionStaticTable, RiskRuleSet, SalesStaticTable, ScoreBand } from './risk-rules.ts';
import { factorLabel, RISK_VALUE_NAMES } from './risk-vocabulary.ts';

export interface PartScore {
  score: number;
  lines: ExplanationLine[];
}

const line = (factor: string, value: string, points: number, note: Localised | null): ExplanationLine => ({
  part: 'static',
  factor,
  label: factorLabel(factor),
  value,
  points,
  note,
});

function bandLine(factor: string, bands: readonly ScoreBand[], value: number, unit: string): ExplanationLine {
  const found = findBand(bands, value);
  const shown = `${value}${unit}`;
  if (!found) {
    return line(factor, shown, 0, { 'zh-CN': '规则中无对应区间，计 0 分', 'en-US': 'No band in the rules holds this value; 0 points' });
  }
  const { band, lower } = found;
  const range =
    lower === null && band.upTo === null
      ? { zh: '任意值', en: 'any value' }
      : lower === null
        ? { zh: `≤ ${band.upTo}${unit}`, en: `≤ ${band.upTo}${unit}` }
        : band.upTo === null
          ? { zh: `> ${lower}${unit}`, en: `> ${lower}${unit}` }
          : { zh: `> ${lower}${unit} 且 ≤ ${band.upTo}${unit}`, en: `> ${lower}${unit} and ≤ ${band.upTo}${unit}` };
  return line(factor, shown, band.points, { 'zh-CN': `所在区间：${range.zh}`, 'en-US': `band ${range.en}` });
}

function flagLine(factor: string, fact: boolean, pointsWhenTrue: number): ExplanationLine {
  return line(factor, String(fact), fact ? pointsWhenTrue : 0, null);
}

/** Scores the highest-scoring of a list of coded values once, naming the one that counted. */
function highestLine<K extends string>(factor: string, values: readonly K[], points: Record<K, number>): ExplanationLine {
  const distinct = [...new Set(values)];
  let best: K | null = null;
  for (const value of distinct) {
    if (best === null || points[value] > points[best]) best = value;
  }
  if (best === null) return line(factor, 'none', 0, null);
  const name = RISK_VALUE_NAMES[best] ?? { 'zh-CN': best, 'en-US': best };
  const note: Localised | null =
    distinct.length > 1
      ? { 'zh-CN': `按分值最高的“${name['zh-CN']}”计`, 'en-US': `the highest-scoring, ${name['en-US']}, counts` }
      : null;
  return line(factor, distinct.join(', '), points[best], note);
}

function productionLines(facts: TProductionRiskFacts, table: ProductionStaticTable): ExplanationLine[] {
  return [
    highestLine('foodCategory', facts.foodCategories, table.foodCategory),
    line('scale', facts.scale, table.scale[facts.scale], null),
    bandLine('employees', table.employees, facts.employees, ''),
    flagLine('hasExtraction', facts.hasExtraction, table.hasExtraction),
    flagLine('sharedLineWithGeneralFood', facts.sharedLineWithGeneralFood, table.sharedLineWithGeneralFood),
    flagLine('outsourcedProcessing', facts.outsourcedProcessing, table.outsourcedProcessing),
  ];
}

function salesLines(facts: TSalesRiskFacts, table: SalesStaticTable): ExplanationLine[] {
  const lines = [bandLine('areaM2', table.areaM2, facts.areaM2, ' m²')];
  for (const temperature of STORAGE_TEMPERATURES) {
    lines.push(bandLine(`prepackagedSkus.${temperature}`, table.prepackagedSkus[temperature], facts.prepackagedSkus[temperature], ''));
  }
  for (const temperature of STORAGE_TEMPERATURES) {
    lines.push(bandLine(`bulkSkus.${temperature}`, table.bulkSkus[temperature], facts.bulkSkus[temperature], ''));
  }
  lines.push(
    bandLine('supplierCount', table.supplierCount, facts.supplierCount, ''),
    highestLine('specialFoodItems', facts.specialFoodItems, table.specialFoodItems),
    flagLine('onlineSales', facts.onlineSales, table.onlineSales),
  );
  return lines;
}

/** The static score of an enterprise with one line per fact, and a negative cap line when the sum exceeds staticMax. */
export function scoreStatic(input: TRiskFacts, ruleSet: RiskRuleSet): PartScore {
  const lines =
    input.sector === 'production'
      ? productionLines(input.facts, ruleSet.staticFactors.production)
      : salesLines(input.facts, ruleSet.staticFactors.sales);
  const sum = roundScore(lines.reduce((total, l) => total + (l.points ?? 0), 0));
  if (sum <= ruleSet.staticMax) return { score: sum, lines };
  const cut = roundScore(ruleSet.staticMax - sum);
  lines.push({
    part: 'static',
    factor: 'static_cap',
    label: factorLabel('static_cap'),
    value: String(sum),
    points: cut,
    note: {
      'zh-CN': `静态因素合计 ${sum} 分，超过上限 ${ruleSet.staticMax} 分，按 ${ruleSet.staticMax} 分计`,
      'en-US': `static factors sum to ${sum}, above the maximum of ${ruleSet.staticMax}; counted as ${ruleSet.staticMax}`,
    },
  });
  return { score: ruleSet.staticMax, lines };
}
