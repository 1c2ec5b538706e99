import { NO_COUNT, TRAINING_RULES, addCounts, assertCan, kpiOf, scopePrefix, type Kpi, type KpiCount } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { candidateStatus } from './exam-sessions.ts';
import { findKpiDistricts } from '../jurisdiction/jurisdiction-queries.ts';

/** One training KPI (the shape of every work-plan KPI). */
export type TrainingKpi = Kpi;

export interface TrainingKpiSet {
  /** 抽查考核合格率: managers examined in sessions of the year whose result is settled, and those who passed. */
  examPassRate: TrainingKpi;
  /** 培训学时达标率: managers serving in the year, and those with ≥ 40 training hours in it. */
  trainingHours: TrainingKpi;
}

export interface TrainingKpis {
  year: number;
  jurisdictionCode: string;
  ruleSetId: string;
  total: TrainingKpiSet;
  districts: ({ districtCode: string; nameZh: string; nameEn: string } & TrainingKpiSet)[];
}

type Pair = KpiCount;
const zero = NO_COUNT;
const kpi = kpiOf;
const add = (into: Map<string, Pair>, district: string, hit: boolean) => {
  const at = into.get(district) ?? zero;
  into.set(district, { numerator: at.numerator + (hit ? 1 : 0), denominator: at.denominator + 1 });
};

/**
 * The training KPIs of a jurisdiction for a year, per district and in total. A candidate still pending in an
 * open session is not counted yet; one whose session closed without a pass counts as failed.
 * Regulators of the jurisdiction (`training.read`).
 */
export async function computeTrainingKpis(ctx: Ctx, jurisdictionCode: string, year: number): Promise<TrainingKpis> {
  assertCan(ctx.actor, 'training.read', { jurisdictionCode, enterpriseId: null });
  const prefix = `${scopePrefix(jurisdictionCode)}%`;
  const now = new Date();
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);

  const sessions = await ctx.db.selectFrom('examSessions').selectAll().where('createdAt', '>=', from).where('createdAt', '<', to).execute();
  const exams = new Map<string, Pair>();
  if (sessions.length > 0) {
    const candidates = await ctx.db
      .selectFrom('examCandidates')
      .select(['id', 'sessionId', 'jurisdictionCode'])
      .where('sessionId', 'in', sessions.map((s) => s.id))
      .where('jurisdictionCode', 'like', prefix)
      .execute();
    const attempts = candidates.length === 0 ? [] : await ctx.db.selectFrom('examAttempts').selectAll().where('candidateId', 'in', candidates.map((c) => c.id)).execute();
    for (const c of candidates) {
      const session = sessions.find((s) => s.id === c.sessionId)!;
      const status = candidateStatus(session, attempts.filter((a) => a.candidateId === c.id), now);
      if (status === 'passed' || status === 'failed') add(exams, c.jurisdictionCode.slice(0, 6), status === 'passed');
    }
  }

  const yearFrom = `${year}-01-01`;
  const yearTo = `${year}-12-31`;
  const managers = await ctx.db
    .selectFrom('people')
    .innerJoin('enterprises', 'enterprises.id', 'people.enterpriseId')
    .leftJoin('trainingRecords', (join) =>
      join.onRef('trainingRecords.personId', '=', 'people.id').on('trainingRecords.attendedOn', '>=', yearFrom).on('trainingRecords.attendedOn', '<=', yearTo),
    )
    .select((eb) => ['people.id', 'people.jurisdictionCode', eb.fn.coalesce(eb.fn.sum<number>('trainingRecords.hours'), eb.lit(0)).as('hours')])
    .where('people.jurisdictionCode', 'like', prefix)
    .where('people.role', 'in', [...TRAINING_RULES.managerRoles])
    .where('people.appointedOn', '<=', yearTo)
    .where((eb) => eb.or([eb('people.endedOn', 'is', null), eb('people.endedOn', '>=', yearFrom)]))
    .where('enterprises.status', '=', 'active')
    .groupBy(['people.id', 'people.jurisdictionCode'])
    .execute();
  const hours = new Map<string, Pair>();
  for (const m of managers) add(hours, m.jurisdictionCode.slice(0, 6), Number(m.hours) >= TRAINING_RULES.annualHours);

  const districts = await findKpiDistricts(ctx.db, jurisdictionCode);
  const rules = TRAINING_RULES;
  const setOf = (exam: Pair, hour: Pair): TrainingKpiSet => ({
    examPassRate: kpi(exam, rules.passRateTarget, rules.passRateSource),
    trainingHours: kpi(hour, rules.hoursTarget, `${rules.hoursTargetSource}；${rules.annualHoursSource}`),
  });
  const sum = (m: Map<string, Pair>): Pair => [...m.values()].reduce(addCounts, zero);
  return {
    year,
    jurisdictionCode,
    ruleSetId: rules.id,
    total: setOf(sum(exams), sum(hours)),
    districts: districts.map((d) => ({ districtCode: d.code, nameZh: d.nameZh, nameEn: d.nameEn, ...setOf(exams.get(d.code) ?? zero, hours.get(d.code) ?? zero) })),
  };
}
