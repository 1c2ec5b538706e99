import type { Locale } from '../i18n/locale.ts';
import type { ExplanationLine, RiskAssessment } from './risk-assessment.ts';
import { EXPLANATION_PART_NAMES, GRADE_MOVEMENT_NAMES, RISK_VALUE_NAMES } from './risk-vocabulary.ts';

/** A line's value in the locale: coded values (`large`, `true`, `infant_formula, general`) are translated. */
function showValue(value: string, locale: Locale): string {
  const separator = locale === 'zh-CN' ? '、' : ', ';
  return value
    .split(', ')
    .map((token) => RISK_VALUE_NAMES[token]?.[locale] ?? token)
    .join(separator);
}

function sentence(line: ExplanationLine, locale: Locale): string {
  const part = EXPLANATION_PART_NAMES[line.part][locale];
  const value = showValue(line.value, locale);
  const note = line.note?.[locale];
  if (locale === 'zh-CN') {
    const points = line.points === null ? '' : line.part === 'threshold' ? `，总分 ${line.points} 分` : `，计 ${line.points} 分`;
    return `【${part}】${line.label['zh-CN']}：${value}${points}${note ? `。${note}` : ''}。`;
  }
  const points = line.points === null ? '' : line.part === 'threshold' ? `, total ${line.points}` : `, ${line.points} points`;
  return `[${part}] ${line.label['en-US']}: ${value}${points}${note ? `. ${note[0]?.toUpperCase() ?? ''}${note.slice(1)}` : ''}.`;
}

/** The assessment as sentences, one per explanation line, then the resulting grade and its movement. */
export function explainAssessment(a: RiskAssessment, locale: Locale): string[] {
  const movement = GRADE_MOVEMENT_NAMES[a.movement][locale];
  const closing =
    locale === 'zh-CN'
      ? `风险等级：${a.grade} 级（分值对应 ${a.scoreGrade} 级；上年 ${a.previousGrade ?? '无'}，${movement}）。`
      : `Risk grade: ${a.grade} (score grade ${a.scoreGrade}; previous ${a.previousGrade ?? 'none'}, ${movement}).`;
  return [...a.lines.map((line) => sentence(line, locale)), closing];
}
