import { sql } from 'kysely';
import { DUTY_KPI_SOURCE, DUTY_KPI_TARGET, assertCan, kpiOf, type KpiCount, computeDutyRates, scopePrefix, type DutyEnterpriseRate, type DutyKpi, type DutyKpis, type DutyKpiSet, type ProducerWithoutDirector } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import { flagCondition } from '../registry/flag-conditions.ts';
import { today } from '../registry/guards.ts';
import { findKpiDistricts } from '../jurisdiction/jurisdiction-queries.ts';

/**
 * The duty KPIs (主体责任落实率) of a jurisdiction: per district, the days with a daily check (日管控) over the
 * days that required one since each enterprise's list started, the same for weekly reports (周排查) and
 * monthly minutes (月调度); the enterprises with the lowest daily rate. Target 100 % (the seeds' 自查实施率).
 */
export const DUTY_KPI_RULES = {
  id: 'shian-duty-kpi/1',
  target: DUTY_KPI_TARGET,
  basis: DUTY_KPI_SOURCE,
  lowest: 20,
} as const;

type Pair = KpiCount;
const kpi = (count: Pair): DutyKpi => kpiOf(count, DUTY_KPI_RULES.target, DUTY_KPI_RULES.basis);
const zero = (): { daily: Pair; weekly: Pair; monthly: Pair; enterprises: number } => ({
  daily: { numerator: 0, denominator: 0 },
  weekly: { numerator: 0, denominator: 0 },
  monthly: { numerator: 0, denominator: 0 },
  enterprises: 0,
});

function groupBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k) ?? [];
    list.push(value(row));
    out.set(k, list);
  }
  return out;
}

/** Regulators of the jurisdiction (`duties.read`); enterprise users are never in scope of a jurisdiction (404). */
export async function computeDutyKpis(ctx: Ctx, jurisdictionCode: string, on: string = today()): Promise<DutyKpis> {
  assertCan(ctx.actor, 'duties.read', { jurisdictionCode, enterpriseId: null });
  const prefix = `${scopePrefix(jurisdictionCode)}%`;
  const lists = await ctx.db
    .selectFrom('dutyLists as l')
    .innerJoin('enterprises as e', 'e.id', 'l.enterpriseId')
    .select(['l.enterpriseId', 'l.startedOn', 'e.name', 'e.jurisdictionCode'])
    .where('e.jurisdictionCode', 'like', prefix)
    .where('e.status', '=', 'active')
    .execute();
  const [days, weeks, months, districts] = await Promise.all([
    ctx.db.selectFrom('dutyDailyChecks').select(['enterpriseId', 'checkDate']).where('jurisdictionCode', 'like', prefix).execute(),
    ctx.db.selectFrom('dutyWeeklyReports').select(['enterpriseId', 'week']).where('jurisdictionCode', 'like', prefix).execute(),
    ctx.db.selectFrom('dutyMonthlyMinutes').select(['enterpriseId', 'month']).where('jurisdictionCode', 'like', prefix).execute(),
    findKpiDistricts(ctx.db, jurisdictionCode),
  ]);
  const dayMap = groupBy(days, (r) => r.enterpriseId, (r) => r.checkDate);
  const weekMap = groupBy(weeks, (r) => r.enterpriseId, (r) => r.week);
  const monthMap = groupBy(months, (r) => r.enterpriseId, (r) => r.month);

  const sums = new Map<string, ReturnType<typeof zero>>();
  const perEnterprise: DutyEnterpriseRate[] = [];
  for (const list of lists) {
    const rates = computeDutyRates({
      startedOn: list.startedOn,
      asOf: on,
      checkDays: dayMap.get(list.enterpriseId) ?? [],
      reportWeeks: weekMap.get(list.enterpriseId) ?? [],
      minuteMonths: monthMap.get(list.enterpriseId) ?? [],
    });
    const district = list.jurisdictionCode.slice(0, 6);
    const sum = sums.get(district) ?? zero();
    for (const k of ['daily', 'weekly', 'monthly'] as const) {
      sum[k].numerator += rates[k].numerator;
      sum[k].denominator += rates[k].denominator;
    }
    sum.enterprises += 1;
    sums.set(district, sum);
    perEnterprise.push({
      enterpriseId: list.enterpriseId,
      name: list.name,
      jurisdictionCode: list.jurisdictionCode,
      startedOn: list.startedOn,
      daily: rates.daily.rate,
      weekly: rates.weekly.rate,
      monthly: rates.monthly.rate,
      missingDays: rates.daily.missing.length,
    });
  }
  const setOf = (s: ReturnType<typeof zero>): DutyKpiSet => ({ daily: kpi(s.daily), weekly: kpi(s.weekly), monthly: kpi(s.monthly) });
  const total = zero();
  for (const s of sums.values()) {
    for (const k of ['daily', 'weekly', 'monthly'] as const) {
      total[k].numerator += s[k].numerator;
      total[k].denominator += s[k].denominator;
    }
    total.enterprises += s.enterprises;
  }
  return {
    jurisdictionCode,
    asOf: on,
    ruleSetId: DUTY_KPI_RULES.id,
    total: setOf(total),
    districts: districts.map((d) => {
      const s = sums.get(d.code) ?? zero();
      return { districtCode: d.code, nameZh: d.nameZh, nameEn: d.nameEn, enterprises: s.enterprises, ...setOf(s) };
    }),
    lowest: perEnterprise
      .sort((a, b) => a.daily - b.daily || a.weekly - b.weekly || b.missingDays - a.missingDays || a.name.localeCompare(b.name))
      .slice(0, DUTY_KPI_RULES.lowest),
  };
}

/**
 * Special-food producers without a current 食品安全总监 (缺少食品安全总监), in the actor's scope: the registry's
 * `no_food_safety_director` flag, with when the last director's appointment ended.
 */
export async function listProducersWithoutDirector(ctx: Ctx): Promise<ProducerWithoutDirector[]> {
  assertCan(ctx.actor, 'duties.read');
  const rows = await ctx.db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc', 'jurisdictionCode'])
    .select(sql<string | null>`(SELECT max(d.ended_on)::text FROM people d WHERE d.enterprise_id = enterprises.id AND d.role = 'food_safety_director')`.as('lastEnded'))
    .where(scopeCondition(ctx.actor, 'enterprises'))
    .where(flagCondition('no_food_safety_director'))
    .orderBy('jurisdictionCode')
    .orderBy('name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ enterpriseId: r.id, name: r.name, uscc: r.uscc, jurisdictionCode: r.jurisdictionCode, lastDirectorEndedOn: r.lastEnded }));
}
