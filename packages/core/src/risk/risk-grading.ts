import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import {
  AppError,
  CN_2016_TRIAL_SHANGHAI_1,
  SYSTEM_ACTOR,
  assertCan,
  gradeEnterprise,
  scopePrefix,
  type ExplanationLine,
  type RiskGrade,
  type RiskRuleSet,
  type TGradeEnterpriseInput,
  type TRiskInspection,
  type TUpgradeTriggerEvent,
} from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import type { RiskGradesTable } from '../db/schema.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import type { RiskProfileRow } from './risk-profile-service.ts';
import { enqueueJob, type JobRow } from '../jobs/job-queue.ts';

export type RiskGradeRow = Selectable<RiskGradesTable>;

/** The rule set grading uses now; a new version of the rules is a new data file and one edit here. */
export const ACTIVE_RISK_RULE_SET: RiskRuleSet = CN_2016_TRIAL_SHANGHAI_1;

/** What is stored beside the grade: the explanation lines and the record it was computed from. */
export interface GradeExplanation {
  lines: ExplanationLine[];
  recordYear: number;
  inspections: number;
  triggers: number;
  consecutiveBefore: number;
  compliantYear: boolean;
  confirmed: boolean;
}

export const explanationOf = (row: Pick<RiskGradeRow, 'explanation'>): GradeExplanation => row.explanation as GradeExplanation;

/**
 * Grades one enterprise for `year` from the record of the year before (风险等级 A–D, 食品生产经营风险分级
 * 管理办法): its risk facts, that year's finished inspections and upgrade triggers, its previous grade. The
 * new grade becomes current; the old stays in the history. Null when the enterprise has no risk facts.
 */
export async function gradeForYear(trx: TrxCtx, profile: RiskProfileRow, year: number, jobId: number | null): Promise<RiskGradeRow> {
  const from = `${year - 1}-01-01`;
  const to = `${year - 1}-12-31`;
  const current = await trx.db.selectFrom('riskGrades').selectAll().where('enterpriseId', '=', profile.enterpriseId).where('isCurrent', '=', true).forUpdate().executeTakeFirst();
  // Re-grading the same year starts again from the grade before that year, so nothing counts twice (an
  // override in between is a decision about this year, not the previous grade).
  const sameYear = current?.year === year;
  const before = sameYear
    ? await trx.db.selectFrom('riskGrades').select('grade').where('enterpriseId', '=', profile.enterpriseId).where('year', '<', year).orderBy('year', 'desc').orderBy('createdAt', 'desc').limit(1).executeTakeFirst()
    : current;
  const previousGrade: RiskGrade | null = before?.grade ?? null;
  const consecutiveBefore = sameYear && current ? explanationOf(current).consecutiveBefore : profile.consecutiveCompliantYears;

  const inspections = await trx.db
    .selectFrom('inspections')
    .select(['inspectedOn', 'counts'])
    .where('enterpriseId', '=', profile.enterpriseId)
    .where('status', 'in', ['completed', 'published'])
    .where('inspectedOn', '>=', from)
    .where('inspectedOn', '<=', to)
    .execute();
  const triggers = await trx.db
    .selectFrom('riskTriggers')
    .select(['kind', 'occurredOn'])
    .where('enterpriseId', '=', profile.enterpriseId)
    .where('withdrawnAt', 'is', null)
    .where('occurredOn', '>=', from)
    .where('occurredOn', '<=', to)
    .execute();
  const record: TRiskInspection[] = inspections.map((i) => {
    // counts is written by completeInspection from the domain's assessment.
    const c = i.counts as { checked: number; keyFailed: number; generalFailed: number };
    return { on: i.inspectedOn ?? from, keyItemsFailed: c.keyFailed, generalItemsFailed: c.generalFailed, itemsChecked: c.checked };
  });
  const compliantYear = triggers.length === 0 && record.length > 0 && record.every((i) => i.keyItemsFailed + i.generalItemsFailed === 0);
  const input = {
    sector: profile.sector,
    facts: profile.facts,
    inspections: record,
    triggers: triggers as TUpgradeTriggerEvent[],
    previousGrade,
    // The count includes the record year itself (DowngradeRule).
    consecutiveCompliantYears: compliantYear ? consecutiveBefore + 1 : 0,
  } as TGradeEnterpriseInput; // facts were validated by ZRiskFacts when saved
  const assessment = gradeEnterprise(input, ACTIVE_RISK_RULE_SET);

  if (current) await trx.db.updateTable('riskGrades').set({ isCurrent: false }).where('id', '=', current.id).execute();
  const explanation: GradeExplanation = {
    lines: assessment.lines,
    recordYear: year - 1,
    inspections: record.length,
    triggers: triggers.length,
    consecutiveBefore,
    compliantYear,
    confirmed: assessment.confirmed,
  };
  const row = await trx.db
    .insertInto('riskGrades')
    .values({
      id: randomUUID(),
      enterpriseId: profile.enterpriseId,
      jurisdictionCode: profile.jurisdictionCode,
      year,
      ruleSetId: assessment.ruleSetId,
      staticScore: assessment.staticScore,
      dynamicScore: assessment.dynamicScore,
      totalScore: assessment.totalScore,
      scoreGrade: assessment.scoreGrade,
      computedGrade: assessment.grade,
      grade: assessment.grade,
      previousGrade,
      movement: assessment.movement,
      explanation: JSON.stringify(explanation),
      origin: 'regrade',
      overrideReason: null,
      jobId,
      createdBy: trx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.db
    .updateTable('riskProfiles')
    .set({ currentGrade: row.grade, consecutiveCompliantYears: compliantYear ? consecutiveBefore + 1 : 0 })
    .where('enterpriseId', '=', profile.enterpriseId)
    .execute();
  await recordAudit(trx, {
    action: 'risk_grade.grade',
    entityType: 'risk_grade',
    entityId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    enterpriseId: row.enterpriseId,
    before: current ? { grade: current.grade, year: current.year } : null,
    after: { grade: row.grade, year: row.year, totalScore: row.totalScore, movement: row.movement, jobId },
  });
  return row;
}

/** Re-grades one enterprise now (a supervisor asks, e.g. after new facts or a trigger). */
export async function regradeEnterprise(ctx: Ctx, enterpriseId: string, year: number): Promise<RiskGradeRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'risk.manage', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId });
    const profile = await trx.db.selectFrom('riskProfiles').selectAll().where('enterpriseId', '=', enterpriseId).forUpdate().executeTakeFirst();
    if (!profile) throw new AppError('risk.no_profile');
    return gradeForYear(trx, profile, year, null);
  });
}

/**
 * Overrides the current grade with a reason (人工调整). The scores and explanation stay; the override is a
 * new current row naming who and why, so the history shows both the computed and the decided grade.
 */
export async function overrideGrade(ctx: Ctx, enterpriseId: string, input: { grade: RiskGrade; reason: string }): Promise<RiskGradeRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'risk.manage', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId });
    const current = await trx.db.selectFrom('riskGrades').selectAll().where('enterpriseId', '=', enterpriseId).where('isCurrent', '=', true).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('risk.no_grade');
    await trx.db.updateTable('riskGrades').set({ isCurrent: false }).where('id', '=', current.id).execute();
    const { id: _id, createdAt: _c, isCurrent: _i, ...kept } = current;
    const row = await trx.db
      .insertInto('riskGrades')
      .values({
        ...kept,
        id: randomUUID(),
        explanation: JSON.stringify(current.explanation),
        grade: input.grade,
        previousGrade: current.grade,
        movement: input.grade === current.grade ? 'keep' : input.grade > current.grade ? 'up' : 'down',
        origin: 'override',
        overrideReason: input.reason,
        jobId: null,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.db.updateTable('riskProfiles').set({ currentGrade: input.grade }).where('enterpriseId', '=', enterpriseId).execute();
    await recordAudit(trx, {
      action: 'risk_grade.override',
      entityType: 'risk_grade',
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      enterpriseId,
      before: { grade: current.grade, origin: current.origin },
      after: { grade: row.grade, reason: input.reason },
    });
    return row;
  });
}

export interface RegradeSummary {
  year: number;
  jurisdictionCode: string;
  graded: number;
  withoutFacts: number;
  byGrade: Record<RiskGrade, number>;
  moved: { up: number; down: number; keep: number };
}

/**
 * The yearly re-grade (job `risk.regrade`): every enterprise with risk facts in the jurisdiction, in batches of
 * 200 per transaction so a long run neither holds one huge transaction nor loses finished batches on failure.
 */
export async function regradeAll(db: Db, input: { year: number; jurisdictionCode: string; jobId: number | null }): Promise<RegradeSummary> {
  const summary: RegradeSummary = { year: input.year, jurisdictionCode: input.jurisdictionCode, graded: 0, withoutFacts: 0, byGrade: { A: 0, B: 0, C: 0, D: 0 }, moved: { up: 0, down: 0, keep: 0 } };
  const prefix = scopePrefix(input.jurisdictionCode);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Active enterprises only: a closed one keeps its last grade.
    const batch = await db
      .selectFrom('riskProfiles')
      .innerJoin('enterprises', 'enterprises.id', 'riskProfiles.enterpriseId')
      .selectAll('riskProfiles')
      .where('riskProfiles.jurisdictionCode', 'like', `${prefix}%`)
      .where('enterprises.status', '=', 'active')
      .where('riskProfiles.enterpriseId', '>', after)
      .orderBy('riskProfiles.enterpriseId')
      .limit(200)
      .execute();
    if (batch.length === 0) break;
    await withTransaction({ db, actor: SYSTEM_ACTOR }, async (trx) => {
      for (const profile of batch) {
        const row = await gradeForYear(trx, profile, input.year, input.jobId);
        summary.graded += 1;
        summary.byGrade[row.grade] += 1;
        summary.moved[row.movement] += 1;
      }
    });
    after = batch.at(-1)!.enterpriseId;
  }
  const { n } = await db
    .selectFrom('enterprises')
    .leftJoin('riskProfiles', 'riskProfiles.enterpriseId', 'enterprises.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprises.jurisdictionCode', 'like', `${prefix}%`)
    .where('enterprises.status', '=', 'active')
    .where('riskProfiles.enterpriseId', 'is', null)
    .executeTakeFirstOrThrow();
  summary.withoutFacts = Number(n);
  return summary;
}

/** Queues the re-grade of a jurisdiction for a year (audited); the worker runs it. */
export async function requestRegrade(ctx: Ctx, input: { year: number; jurisdictionCode: string }): Promise<JobRow> {
  assertCan(ctx.actor, 'risk.manage', { jurisdictionCode: input.jurisdictionCode, enterpriseId: null });
  return withTransaction(ctx, async (trx) => {
    const { id } = await enqueueJob(trx.db, { kind: 'risk.regrade', payload: input, requestedBy: ctx.actor.userId });
    const job = await trx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'risk.regrade_request', entityType: 'job', entityId: String(id), jurisdictionCode: input.jurisdictionCode, enterpriseId: null, before: null, after: { kind: job.kind, payload: input } });
    return job;
  });
}

/** Recent re-grade jobs about the actor's jurisdiction or places inside it, newest first. */
export async function listRegradeJobs(ctx: Ctx): Promise<JobRow[]> {
  assertCan(ctx.actor, 'risk.manage');
  const prefix = scopePrefix(ctx.actor.jurisdictionCode ?? '310000');
  return ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', 'risk.regrade')
    .where(sql<boolean>`coalesce(payload->>'jurisdictionCode', '310000') LIKE ${`${prefix}%`}`)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}
