import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow, PersonRow } from '../db/schema.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createExamSession } from './exam-sessions.ts';
import { startAttempt, submitAttempt } from './exam-attempts.ts';
import { findQuestion } from '@shian/domain';
import { computeTrainingKpis } from './training-kpis.ts';
import { listTrainingHours, listTrainingRecords, recordTraining } from './training-records.ts';
import { appoint } from './training-test-kit.ts';

/**
 * 闵行 (310112): enterprise M with a director (40 h this year), an officer (24 h this year, 30 h last year) and
 * an officer whose appointment ended two years ago; 黄浦 (310101): enterprise H with one officer (0 h).
 * Training hours compliance: 闵行 1/2, 黄浦 0/1. Exam: M's two managers examined, one passes, one fails.
 */
const YEAR = Number(today().slice(0, 4));
let database: Database;
let minhang: Actor;
let mAdmin: Actor;
let hAdmin: Actor;
let m: EnterpriseRow;
let h: EnterpriseRow;
let director: PersonRow;
let officer: PersonRow;

const on = (month: string) => `${YEAR}-${month}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  m = await buildEnterprise(db, { jurisdictionCode: '310112' });
  h = await buildEnterprise(db, { jurisdictionCode: '310101002' });
  director = await appoint(db, m, '孙总监', 'food_safety_director');
  officer = await appoint(db, m, '周安全员');
  await appoint(db, m, '离任安全员', 'food_safety_officer', '2019-01-01', `${YEAR - 2}-06-30`);
  await appoint(db, h, '吴安全员');
  minhang = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310112' })).actor;
  mAdmin = (await buildUser(db, 'enterprise_admin', { enterpriseId: m.id })).actor;
  hAdmin = (await buildUser(db, 'enterprise_staff', { enterpriseId: h.id })).actor;
  const ctx = { db, actor: mAdmin };
  await recordTraining(ctx, { personId: director.id, course: '食品安全法律法规', provider: '上海市食品安全协会', hours: 24, attendedOn: on('01-15') });
  await recordTraining(ctx, { personId: director.id, course: '保健食品GMP', hours: 16, attendedOn: on('01-20') });
  await recordTraining(ctx, { personId: officer.id, course: '日管控实务', hours: 24, attendedOn: on('01-10') });
  await recordTraining(ctx, { personId: officer.id, course: '往年课程', hours: 30, attendedOn: `${YEAR - 1}-11-01` });
});
afterAll(async () => database.close());

describe('training records (培训记录)', () => {
  it('records a course for the enterprise\'s own manager, with an audit entry', async () => {
    const row = await recordTraining({ db: database.db, actor: hAdmin }, { personId: (await database.db.selectFrom('people').select('id').where('enterpriseId', '=', h.id).executeTakeFirstOrThrow()).id, course: '抽查考核辅导', hours: 0.5, attendedOn: on('01-02') });
    expect(row).toMatchObject({ enterpriseId: h.id, jurisdictionCode: '310101002', hours: 0.5 });
    const audit = await database.db.selectFrom('auditLog').select(['action', 'enterpriseId']).where('entityId', '=', row.id).execute();
    expect(audit).toEqual([{ action: 'training.record', enterpriseId: h.id }]);
    await database.db.deleteFrom('trainingRecords').where('id', '=', row.id).execute();
  });

  it('refuses another enterprise\'s manager, a regulator, and a date in the future', async () => {
    await expect(recordTraining({ db: database.db, actor: hAdmin }, { personId: officer.id, course: '课程', hours: 2, attendedOn: on('01-02') })).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(recordTraining({ db: database.db, actor: minhang }, { personId: officer.id, course: '课程', hours: 2, attendedOn: on('01-02') })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(recordTraining({ db: database.db, actor: mAdmin }, { personId: officer.id, course: '课程', hours: 2, attendedOn: `${YEAR + 1}-01-01` })).rejects.toMatchObject({
      code: 'request.invalid',
      details: [{ path: 'attendedOn', message: 'field.training_future' }],
    });
  });

  it('sums each serving manager\'s hours in the year against 40', async () => {
    const rows = await listTrainingHours({ db: database.db, actor: mAdmin }, { year: YEAR });
    expect(rows.map((r) => [r.name, r.hours, r.met])).toEqual([
      ['周安全员', 24, false],
      ['孙总监', 40, true],
    ]);
    expect(rows[0]?.required).toBe(40);
    const records = await listTrainingRecords({ db: database.db, actor: mAdmin }, { year: YEAR, personId: officer.id });
    expect(records.map((r) => r.course)).toEqual(['日管控实务']);
    expect(await listTrainingRecords({ db: database.db, actor: hAdmin }, { year: YEAR, personId: officer.id })).toEqual([]);
  });
});

describe('training KPIs', () => {
  it('gives hours compliance and the exam pass rate per district with their targets and sources', async () => {
    const db = database.db;
    const session = await createExamSession({ db, actor: minhang }, { title: '抽查考核', jurisdictionCode: '310112', enterpriseIds: [m.id], questionCount: 5, timeLimitMinutes: 10, passMark: 60, maxAttempts: 1, closesOn: `${YEAR}-12-31` });
    const candidates = await db.selectFrom('examCandidates').select(['id', 'personId']).where('sessionId', '=', session.id).execute();
    for (const c of candidates) {
      const attempt = await startAttempt({ db, actor: mAdmin }, c.id);
      const right = c.personId === director.id;
      const answers = Object.fromEntries(attempt.questionIds.map((id) => [id, right ? [...(findQuestion(id)?.answer ?? [])] : ['Z']]));
      await submitAttempt({ db, actor: mAdmin }, attempt.id, { answers });
    }
    const city = await computeTrainingKpis({ db, actor: SYSTEM_ACTOR }, '310000', YEAR);
    const minhangKpis = city.districts.find((d) => d.districtCode === '310112');
    const huangpuKpis = city.districts.find((d) => d.districtCode === '310101');
    expect(minhangKpis?.trainingHours).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, target: 1, met: false });
    expect(minhangKpis?.examPassRate).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    expect(minhangKpis?.examPassRate.basis).toContain('抽查考核合格率100％');
    expect(huangpuKpis?.trainingHours).toMatchObject({ numerator: 0, denominator: 1 });
    expect(huangpuKpis?.examPassRate).toMatchObject({ numerator: 0, denominator: 0, rate: 1, met: true });
    expect(city.total.trainingHours).toMatchObject({ numerator: 1, denominator: 3 });
    expect(city.districts).toHaveLength(16);

    const own = await computeTrainingKpis({ db, actor: minhang }, '310112', YEAR);
    expect(own.districts.map((d) => d.districtCode)).toEqual(['310112']);
    await expect(computeTrainingKpis({ db, actor: minhang }, '310101', YEAR)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(computeTrainingKpis({ db, actor: mAdmin }, '310112', YEAR)).rejects.toMatchObject({ code: 'resource.not_found' });
  });
});
