/**
 * Why an enterprise is in the plan as it is. Reasons depend only on the rule set and the year, so each is built
 * once per plan and shared by every item it applies to (a plan of 100,000 items holds a handful of objects).
 */
import type { Localised } from '../i18n/locale.ts';
import type { RiskGrade, RiskRuleSet } from '../risk/risk-rules.ts';

export interface PlanReasons {
  grade: Record<RiskGrade, Localised>;
  ungraded: Localised;
  fullChecklistNever: Localised;
  fullChecklistLapsed: Localised;
  raisedForFullChecklist: Localised;
  prioritySpecialFood: Localised;
  priorityProducerGrade: Record<RiskGrade, Localised>;
  prioritySellerGrade: Record<RiskGrade, Localised>;
  coverageProducers: Localised;
  coverageSellers: Localised;
}

const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

/** The first day of the window within which a full-checklist inspection keeps an enterprise from being due. */
export function fullChecklistWindowStart(year: number, everyYears: number): string {
  return `${String(year - everyYears + 1).padStart(4, '0')}-01-01`;
}

/**
 * Due when no full-checklist inspection (全项目检查) is on record on or after 1 January of the year
 * `everyYears − 1` before the plan year: otherwise the plan year would close a window of `everyYears` calendar
 * years without one (49号令 §22 ¶1). Every routine inspection covers all checklist points (§27), so any
 * inspection planned for the year meets it.
 */
export function isFullChecklistDue(lastFullInspectionOn: string | null, year: number, everyYears: number): boolean {
  return lastFullInspectionOn === null || lastFullInspectionOn < fullChecklistWindowStart(year, everyYears);
}

export function buildPlanReasons(ruleSet: RiskRuleSet, year: number): PlanReasons {
  const f = ruleSet.frequency;
  const byGrade = (make: (g: RiskGrade) => Localised): Record<RiskGrade, Localised> => ({
    A: make('A'),
    B: make('B'),
    C: make('C'),
    D: make('D'),
  });
  const since = fullChecklistWindowStart(year, f.fullChecklistEveryYears);
  return {
    grade: byGrade((g) => ({
      'zh-CN': `风险等级 ${g} 级：每年检查 ${f.perGrade[g].min}–${f.perGrade[g].max} 次，按最低 ${f.perGrade[g].min} 次安排`,
      'en-US': `grade ${g}: ${f.perGrade[g].min}–${f.perGrade[g].max} inspections a year, planned at the minimum of ${f.perGrade[g].min}`,
    })),
    ungraded: {
      'zh-CN': `尚未评定风险等级，按 ${f.ungradedAs} 级安排`,
      'en-US': `not graded yet: planned as grade ${f.ungradedAs}`,
    },
    fullChecklistNever: {
      'zh-CN': `无全项目检查记录，本年度须安排（${f.fullChecklistBasis}）`,
      'en-US': `no full-checklist inspection on record: one is due this year (${f.fullChecklistBasis})`,
    },
    fullChecklistLapsed: {
      'zh-CN': `${since} 以来无全项目检查，本年度须安排（每 ${f.fullChecklistEveryYears} 年至少一次，${f.fullChecklistBasis}）`,
      'en-US': `no full-checklist inspection since ${since}: one is due this year (at least once every ${f.fullChecklistEveryYears} years, ${f.fullChecklistBasis})`,
    },
    raisedForFullChecklist: { 'zh-CN': '为全项目检查增至 1 次', 'en-US': 'raised to 1 for the full-checklist inspection' },
    prioritySpecialFood: {
      'zh-CN': `特殊食品生产企业，列为重点监督检查对象（${f.priority.basis}）`,
      'en-US': `special-food producer: priority target (${f.priority.basis})`,
    },
    priorityProducerGrade: byGrade((g) => ({
      'zh-CN': `${g} 级生产企业，列为重点监督检查对象（${f.priority.basis}）`,
      'en-US': `grade ${g} producer: priority target (${f.priority.basis})`,
    })),
    prioritySellerGrade: byGrade((g) => ({
      'zh-CN': `${g} 级经营企业，列为重点监督检查对象（${f.priority.basis}）`,
      'en-US': `grade ${g} seller: priority target (${f.priority.basis})`,
    })),
    coverageProducers: {
      'zh-CN': `为达到生产企业年度检查覆盖率 ${percent(f.coverage.producers.ratio)} 增至 1 次（${f.coverage.producers.basis}）`,
      'en-US': `raised to 1 to meet the producers' yearly coverage target of ${percent(f.coverage.producers.ratio)} (${f.coverage.producers.basis})`,
    },
    coverageSellers: {
      'zh-CN': `为达到经营企业年度检查覆盖率 ${percent(f.coverage.sellers.ratio)} 增至 1 次（${f.coverage.sellers.basis}）`,
      'en-US': `raised to 1 to meet the sellers' yearly coverage target of ${percent(f.coverage.sellers.ratio)} (${f.coverage.sellers.basis})`,
    },
  };
}
