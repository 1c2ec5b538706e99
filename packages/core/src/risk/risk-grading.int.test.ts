import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTemplate, shiftGrade, type Actor, type TRiskFacts } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { enqueueJob, findJob } from '../jobs/job-queue.ts';
import { startJobWorker } from '../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../jobs/platform-jobs.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { ACTIVE_RISK_RULE_SET, explanationOf, overrideGrade, regradeEnterprise, type RegradeSummary } from './risk-grading.ts';
import { saveRiskProfile } from './risk-profile-service.ts';
import { findRiskDossier } from './risk-queries.ts';
import { recordRiskTrigger, withdrawRiskTrigger } from './risk-trigger-service.ts';

// Most scenarios live in Minhang; the yearly job grades Jinshan, which no other test touches.
const DISTRICT = '310112';
const JOB_DISTRICT = '310116';
const YEAR = 2026;
const RECORD_YEAR = YEAR - 1;

let database: Database;
let supervisor: Ctx;
let supervisorUsername: string;
let supervisorId: string;
let inspector: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  const [s, i] = await Promise.all([
    buildUser(database.db, 'district_supervisor', { jurisdictionCode: DISTRICT }),
    buildUser(database.db, 'inspector', { jurisdictionCode: DISTRICT }),
  ]);
  supervisor = as(s.actor);
  supervisorUsername = s.user.username;
  supervisorId = s.user.id;
  inspector = as(i.actor);
});
afterAll(async () => database.close());

const as = (actor: Actor): Ctx => ({ db: database.db, actor });
const enterprise = (jurisdictionCode = DISTRICT) => buildEnterprise(database.db, { jurisdictionCode });

// Static scores under cn-2016-trial/shanghai-1, by the fact tables of the rule set.
/** 5 (general) + 2 (small) + 1 (≤ 20 employees) = 8. */
const smallGeneralProducer: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['general'], scale: 'small', employees: 12, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
};
/** 12 (health food) + 5 (medium) + 2 (≤ 100 employees) = 19. */
const mediumHealthFoodProducer: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['health_food'], scale: 'medium', employees: 60, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
};
/** 15 (infant formula counts over general) + 8 (large) + 4 (> 300 employees) + 5 (extraction) + 4 (shared line) = 36. */
const largeInfantFormulaProducer: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['general', 'infant_formula'], scale: 'large', employees: 450, hasExtraction: true, sharedLineWithGeneralFood: true, outsourcedProcessing: false },
};
/** 2 (100 m²) + 2 (ambient prepackaged) + 1 (5 suppliers) = 5. */
const smallSeller: TRiskFacts = {
  sector: 'sales',
  facts: { areaM2: 100, prepackagedSkus: { ambient: 10, chilled: 0, frozen: 0 }, bulkSkus: { ambient: 0, chilled: 0, frozen: 0 }, supplierCount: 5, specialFoodItems: [], onlineSales: false },
};

/**
 * An inspection the grading reads, inserted as an `inspections` row: grading reads only status, inspected_on
 * and the counts JSON that completeInspection writes; the inspection use cases (sync, sign, complete) have
 * their own tests and would add nothing here but set-up.
 */
async function inspection(e: EnterpriseRow, inspectedOn: string, failed: { key?: number; general?: number } = {}, status: 'completed' | 'published' | 'in_progress' = 'completed'): Promise<void> {
  const keyFailed = failed.key ?? 0;
  const generalFailed = failed.general ?? 0;
  await database.db
    .insertInto('inspections')
    .values({
      id: randomUUID(),
      number: `JC-TEST-${randomUUID()}`,
      enterpriseId: e.id,
      jurisdictionCode: e.jurisdictionCode,
      kind: 'routine',
      origin: 'manual',
      drawId: null,
      followUpOf: null,
      templateId: chooseTemplate(e.kinds, false).id,
      scheduledOn: inspectedOn,
      inspectorIds: [randomUUID(), randomUUID()],
      status,
      outcome: status === 'in_progress' ? null : keyFailed + generalFailed === 0 ? 'compliant' : 'rectification',
      counts: JSON.stringify({ checked: 40, passed: 40 - keyFailed - generalFailed, failed: keyFailed + generalFailed, notApplicable: 0, keyFailed, generalFailed }),
      inspectedOn,
      completedAt: status === 'in_progress' ? null : new Date(`${inspectedOn}T10:00:00+08:00`),
      completedBy: null,
      publishedAt: null,
      publishedBy: null,
      createdBy: null,
    })
    .execute();
}

const profileOf = (enterpriseId: string) => database.db.selectFrom('riskProfiles').selectAll().where('enterpriseId', '=', enterpriseId).executeTakeFirstOrThrow();
const auditOf = (entityId: string) => database.db.selectFrom('auditLog').selectAll().where('entityId', '=', entityId).orderBy('seq').execute();

describe('risk facts (风险因素)', () => {
  it('refuses an edit of a stale version and keeps the newer facts', async () => {
    const e = await enterprise();
    const created = await saveRiskProfile(supervisor, e.id, { risk: smallGeneralProducer, creditClass: 'B' });
    expect(created.version).toBe(1);
    const edited = await saveRiskProfile(supervisor, e.id, { risk: mediumHealthFoodProducer, creditClass: 'B', version: 1 });
    expect(edited.version).toBe(2);

    await expect(saveRiskProfile(supervisor, e.id, { risk: smallSeller, creditClass: 'D', version: 1 })).rejects.toMatchObject({ code: 'resource.conflict' });
    // An existing profile is never overwritten blind, without the version edited.
    await expect(saveRiskProfile(supervisor, e.id, { risk: smallSeller, creditClass: 'D' })).rejects.toMatchObject({ code: 'resource.conflict' });

    expect(await profileOf(e.id)).toMatchObject({ version: 2, sector: 'production', facts: mediumHealthFoodProducer.facts, creditClass: 'B' });
    expect((await auditOf(e.id)).filter((a) => a.entityType === 'risk_profile').map((a) => a.action)).toEqual(['risk_profile.create', 'risk_profile.update']);
  });

  it('lets an enterprise admin declare its own facts, which grading reads, while the credit class stays the regulator’s', async () => {
    const e = await enterprise();
    const admin = as((await buildUser(database.db, 'enterprise_admin', { enterpriseId: e.id })).actor);
    await saveRiskProfile(supervisor, e.id, { risk: smallGeneralProducer, creditClass: 'C' });

    const declared = await saveRiskProfile(admin, e.id, { risk: mediumHealthFoodProducer, creditClass: 'A', version: 1 });
    expect(declared).toMatchObject({ version: 2, facts: mediumHealthFoodProducer.facts, creditClass: 'C' });
    const graded = await regradeEnterprise(supervisor, e.id, YEAR);
    expect(graded.staticScore).toBe(19);

    // A first declaration by the enterprise carries no credit class at all.
    const fresh = await enterprise();
    const freshAdmin = as((await buildUser(database.db, 'enterprise_admin', { enterpriseId: fresh.id })).actor);
    expect(await saveRiskProfile(freshAdmin, fresh.id, { risk: smallSeller, creditClass: 'A' })).toMatchObject({ creditClass: null, sector: 'sales' });
    // Nor may it declare another enterprise's facts, or grade itself.
    await expect(saveRiskProfile(admin, fresh.id, { risk: smallSeller, creditClass: null, version: 1 })).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(regradeEnterprise(admin, e.id, YEAR)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('grading an enterprise (风险等级评定)', () => {
  it('needs risk facts', async () => {
    const e = await enterprise();
    await expect(regradeEnterprise(supervisor, e.id, YEAR)).rejects.toMatchObject({ code: 'risk.no_profile' });
    expect(await database.db.selectFrom('riskGrades').select('id').where('enterpriseId', '=', e.id).execute()).toEqual([]);
  });

  it('grades a large infant-formula producer high from its facts and the worst finished inspection of the record year', async () => {
    const e = await enterprise();
    await saveRiskProfile(supervisor, e.id, { risk: largeInfantFormulaProducer, creditClass: null });
    await inspection(e, `${RECORD_YEAR}-04-10`, { key: 2, general: 3 }); // 2 × 10 + 3 × 2 = 26
    await inspection(e, `${RECORD_YEAR}-09-20`); // clean: 0
    // None of these is part of the record: outside the record year, or not finished.
    await inspection(e, `${RECORD_YEAR - 1}-12-31`, { key: 5 });
    await inspection(e, `${YEAR}-01-15`, { key: 5 });
    await inspection(e, `${RECORD_YEAR}-11-11`, { key: 6 }, 'in_progress');

    const row = await regradeEnterprise(supervisor, e.id, YEAR);
    expect(row).toMatchObject({
      year: YEAR,
      ruleSetId: ACTIVE_RISK_RULE_SET.id,
      staticScore: 36,
      dynamicScore: 26,
      totalScore: 62, // above the C threshold of 60
      scoreGrade: 'D',
      computedGrade: 'D',
      grade: 'D',
      previousGrade: null,
      origin: 'regrade',
      isCurrent: true,
      createdBy: supervisorId,
    });

    const explanation = explanationOf(row);
    expect(explanation).toMatchObject({ recordYear: RECORD_YEAR, inspections: 2, triggers: 0 });
    const staticLines = explanation.lines.filter((l) => l.part === 'static');
    expect(staticLines.map((l) => [l.factor, l.value, l.points])).toEqual([
      ['foodCategory', 'general, infant_formula', 15],
      ['scale', 'large', 8],
      ['employees', '450', 4],
      ['hasExtraction', 'true', 5],
      ['sharedLineWithGeneralFood', 'true', 4],
      ['outsourcedProcessing', 'false', 0],
    ]);
    expect(staticLines.find((l) => l.factor === 'foodCategory')?.label['zh-CN']).toBe('食品类别');
    expect(explanation.lines.filter((l) => l.part === 'dynamic').map((l) => [l.value, l.points])).toEqual([
      [`${RECORD_YEAR}-04-10`, 26],
      [`${RECORD_YEAR}-09-20`, null],
    ]);
    expect(explanation.lines.find((l) => l.part === 'threshold')).toMatchObject({ value: '36 + 26', points: 62 });

    expect((await profileOf(e.id)).currentGrade).toBe('D');
    const audit = await auditOf(row.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'risk_grade.grade', enterpriseId: e.id, actorUsername: supervisorUsername });
    expect(audit[0]?.after).toMatchObject({ grade: 'D', year: YEAR, totalScore: 62 });
  });

  it('raises the grade by the trigger’s steps for a trigger of the record year, and restores it once the trigger is withdrawn', async () => {
    const e = await enterprise();
    await saveRiskProfile(supervisor, e.id, { risk: largeInfantFormulaProducer, creditClass: null });
    await inspection(e, `${RECORD_YEAR}-03-03`);
    const before = await regradeEnterprise(supervisor, e.id, YEAR);
    expect([before.totalScore, before.grade]).toEqual([36, 'B']); // 36 static + 0 from a clean inspection

    const trigger = await recordRiskTrigger(supervisor, e.id, { kind: 'failed_supervisory_sampling', occurredOn: `${RECORD_YEAR}-08-08`, note: '省级监督抽检不合格' });
    // A trigger of the graded year itself belongs to next year's record.
    await recordRiskTrigger(supervisor, e.id, { kind: 'food_safety_incident', occurredOn: `${YEAR}-02-01`, note: '本年度事故' });

    const raised = await regradeEnterprise(supervisor, e.id, YEAR);
    const steps = ACTIVE_RISK_RULE_SET.upgradeTriggers.failed_supervisory_sampling.steps;
    expect(raised).toMatchObject({ totalScore: 36, scoreGrade: 'B', computedGrade: shiftGrade('B', steps), grade: shiftGrade('B', steps) });
    expect(raised.grade).toBe('C');
    expect(explanationOf(raised).triggers).toBe(1);
    expect(explanationOf(raised).lines.filter((l) => l.part === 'trigger').map((l) => [l.factor, l.value])).toEqual([
      ['failed_supervisory_sampling', `${RECORD_YEAR}-08-08`],
      ['upgrade', 'B → C'],
    ]);

    await withdrawRiskTrigger(supervisor, trigger.id, '抽检结论经复检撤销');
    expect((await profileOf(e.id)).currentGrade).toBe('C'); // withdrawing does not regrade by itself
    const restored = await regradeEnterprise(supervisor, e.id, YEAR);
    expect(restored).toMatchObject({ scoreGrade: 'B', computedGrade: 'B', grade: 'B' });
    expect(explanationOf(restored).triggers).toBe(0);
    expect((await profileOf(e.id)).currentGrade).toBe('B');

    const dossier = await findRiskDossier(supervisor, e.id);
    expect(dossier.triggers.find((t) => t.id === trigger.id)).toMatchObject({ withdrawnReason: '抽检结论经复检撤销' });
    expect(dossier.triggers.find((t) => t.id === trigger.id)?.withdrawnAt).not.toBeNull();
    await expect(withdrawRiskTrigger(supervisor, trigger.id, '再次撤销')).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('overrides the current grade with a reason, keeping the scores and explanation, with the computed row in the history', async () => {
    const e = await enterprise();
    await saveRiskProfile(supervisor, e.id, { risk: smallGeneralProducer, creditClass: null });
    await inspection(e, `${RECORD_YEAR}-06-06`, { general: 2 }); // 2 × 2 = 4
    await expect(overrideGrade(supervisor, e.id, { grade: 'C', reason: '尚未评定时不可调整' })).rejects.toMatchObject({ code: 'risk.no_grade' });

    const computed = await regradeEnterprise(supervisor, e.id, YEAR);
    expect([computed.totalScore, computed.grade]).toEqual([12, 'A']);
    await expect(overrideGrade(inspector, e.id, { grade: 'C', reason: '检查人员无权调整' })).rejects.toMatchObject({ code: 'auth.forbidden' });

    const reason = '投诉举报集中，从严管理';
    const override = await overrideGrade(supervisor, e.id, { grade: 'C', reason });
    expect(override).toMatchObject({
      origin: 'override',
      grade: 'C',
      overrideReason: reason,
      createdBy: supervisorId,
      isCurrent: true,
      year: YEAR,
      computedGrade: 'A',
      scoreGrade: 'A',
      staticScore: computed.staticScore,
      dynamicScore: computed.dynamicScore,
      totalScore: computed.totalScore,
      previousGrade: 'A',
      movement: 'up',
    });
    expect(override.id).not.toBe(computed.id);
    expect(override.explanation).toEqual(computed.explanation);
    expect((await profileOf(e.id)).currentGrade).toBe('C');

    const dossier = await findRiskDossier(supervisor, e.id);
    expect(dossier.current?.id).toBe(override.id);
    expect(dossier.history.map((g) => [g.id, g.origin, g.grade, g.isCurrent])).toEqual([
      [override.id, 'override', 'C', true],
      [computed.id, 'regrade', 'A', false],
    ]);
    const audit = await auditOf(override.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'risk_grade.override', actorUsername: supervisorUsername, before: { grade: 'A', origin: 'regrade' }, after: { grade: 'C', reason } });
  });

  it('counts a clean record year once towards consecutive compliant years, however often the year is re-graded', async () => {
    const e = await enterprise();
    await saveRiskProfile(supervisor, e.id, { risk: smallGeneralProducer, creditClass: null });
    await inspection(e, `${RECORD_YEAR}-05-05`);

    const first = await regradeEnterprise(supervisor, e.id, YEAR);
    expect(explanationOf(first)).toMatchObject({ compliantYear: true, consecutiveBefore: 0 });
    expect((await profileOf(e.id)).consecutiveCompliantYears).toBe(1);

    const rerun = await regradeEnterprise(supervisor, e.id, YEAR);
    expect(explanationOf(rerun)).toMatchObject({ compliantYear: true, consecutiveBefore: 0 });
    expect(rerun).toMatchObject({ previousGrade: null, movement: 'keep' }); // starts again from the grade before the year
    expect((await profileOf(e.id)).consecutiveCompliantYears).toBe(1);

    await inspection(e, `${YEAR}-05-05`);
    const next = await regradeEnterprise(supervisor, e.id, YEAR + 1);
    expect(explanationOf(next)).toMatchObject({ compliantYear: true, consecutiveBefore: 1 });
    expect(next.previousGrade).toBe(rerun.grade);
    expect((await profileOf(e.id)).consecutiveCompliantYears).toBe(2);

    // A year with a failed item starts the count again.
    await inspection(e, `${YEAR + 1}-03-03`, { general: 1 });
    const broken = await regradeEnterprise(supervisor, e.id, YEAR + 2);
    expect(explanationOf(broken)).toMatchObject({ compliantYear: false, consecutiveBefore: 2 });
    expect((await profileOf(e.id)).consecutiveCompliantYears).toBe(0);
  });
});

describe('the yearly re-grade job (risk.regrade)', () => {
  it('grades every enterprise with facts in the jurisdiction, counts those without, and audits each grade', async () => {
    const withFacts = await Promise.all([enterprise(JOB_DISTRICT), enterprise(JOB_DISTRICT), enterprise(JOB_DISTRICT)]);
    const withoutFacts = await Promise.all([enterprise(JOB_DISTRICT), enterprise(JOB_DISTRICT)]);
    const cityAdmin = as((await buildUser(database.db, 'city_admin', { jurisdictionCode: '310000' })).actor);
    const [a, b, c] = withFacts;
    if (!a || !b || !c) throw new Error('enterprises missing');
    // A: 8 + 0 clean; B: 36 + 0 clean; C: 19 + 3 key items × 10 = 49.
    const record: [EnterpriseRow, TRiskFacts, number][] = [
      [a, smallGeneralProducer, 0],
      [b, largeInfantFormulaProducer, 0],
      [c, mediumHealthFoodProducer, 3],
    ];
    for (const [e, facts, keyFailed] of record) {
      await saveRiskProfile(cityAdmin, e.id, { risk: facts, creditClass: null });
      await inspection(e, `${RECORD_YEAR}-07-07`, { key: keyFailed });
    }
    // Facts elsewhere in the city are not this district's job.
    const elsewhere = await enterprise();
    await saveRiskProfile(supervisor, elsewhere.id, { risk: smallSeller, creditClass: null });

    const { id: jobId } = await enqueueJob(database.db, { kind: 'risk.regrade', payload: { year: YEAR, jurisdictionCode: JOB_DISTRICT } });
    const worker = startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 });
    expect(await worker.drain()).toBe(1);
    await worker.stop();

    const job = await findJob(database.db, jobId);
    expect(job).toMatchObject({ status: 'done', lastError: null });
    const summary = job?.result as RegradeSummary; // written by regradeAll
    expect(summary).toEqual({
      year: YEAR,
      jurisdictionCode: JOB_DISTRICT,
      graded: 3,
      withoutFacts: 2,
      byGrade: { A: 1, B: 1, C: 1, D: 0 },
      moved: { up: 0, down: 0, keep: 3 },
    });

    const grades = await database.db.selectFrom('riskGrades').selectAll().where('jobId', '=', jobId).execute();
    expect(grades.map((g) => g.enterpriseId).sort()).toEqual(withFacts.map((e) => e.id).sort());
    expect(grades.every((g) => g.year === YEAR && g.isCurrent && g.jurisdictionCode === JOB_DISTRICT)).toBe(true);
    expect(Object.fromEntries(grades.map((g) => [g.enterpriseId, [g.totalScore, g.grade]]))).toEqual({ [a.id]: [8, 'A'], [b.id]: [36, 'B'], [c.id]: [49, 'C'] });
    for (const e of [...withoutFacts, elsewhere]) {
      expect(await database.db.selectFrom('riskGrades').select('id').where('enterpriseId', '=', e.id).execute()).toEqual([]);
    }

    const audit = await database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'risk_grade.grade')
      .where('entityId', 'in', grades.map((g) => g.id))
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorUsername === 'system' && (a.after as { jobId: number }).jobId === jobId)).toBe(true);
  });
});
