import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQuestion, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createExamSession, findExamSession, listExamSessions } from './exam-sessions.ts';
import { findAttempt, listMyExams, startAttempt, submitAttempt } from './exam-attempts.ts';
import { appoint } from './training-test-kit.ts';

/**
 * 浦东 (310115): enterprises P (two managers, one former officer whose appointment ended) and Q (one manager);
 * 黄浦 (310101): enterprise H. A 浦东 district supervisor examines; P's admin takes the exams.
 */
let database: Database;
let supervisor: Actor;
let huangpu: Actor;
let pAdmin: Actor;
let qAdmin: Actor;
let p: EnterpriseRow;
let q: EnterpriseRow;
let h: EnterpriseRow;
const closesOn = `${Number(today().slice(0, 4)) + 1}-01-31`;
const base = { title: '2026年食品安全管理人员抽查考核', jurisdictionCode: '310115', questionCount: 10, timeLimitMinutes: 30, passMark: 80, maxAttempts: 2, closesOn };

/** The right keys of every drawn question, or wrong ones for the first `wrong` questions. */
async function answersFor(actor: Actor, attemptId: string, wrong = 0): Promise<Record<string, string[]>> {
  const view = await findAttempt({ db: database.db, actor }, attemptId);
  return Object.fromEntries(
    view.questions.map(({ question }, i) => {
      const right = [...question.answer];
      const other = question.options.map((o) => o.key).find((k) => !right.includes(k)) ?? 'X';
      return [question.id, i < wrong ? [other] : right];
    }),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  p = await buildEnterprise(db, { jurisdictionCode: '310115007' });
  q = await buildEnterprise(db, { jurisdictionCode: '310115005' });
  h = await buildEnterprise(db, { jurisdictionCode: '310101002' });
  await appoint(db, p, '张总监', 'food_safety_director');
  await appoint(db, p, '李安全员');
  await appoint(db, p, '前任安全员', 'food_safety_officer', '2020-01-01', '2021-12-31');
  await appoint(db, q, '王受权人', 'quality_authorised_person');
  await appoint(db, h, '赵安全员');
  supervisor = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
  huangpu = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
  pAdmin = (await buildUser(db, 'enterprise_admin', { enterpriseId: p.id })).actor;
  qAdmin = (await buildUser(db, 'enterprise_admin', { enterpriseId: q.id })).actor;
});
afterAll(async () => database.close());

describe('exam sessions (抽查考核)', () => {
  it('examines the serving managers of the named enterprises, and records the question bank version', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [p.id] });
    expect(session.number).toMatch(/^KH-310115-\d{4}-\d{6}$/);
    expect(session.questionBankVersion).toBe('shian-question-bank/1');
    const view = await findExamSession({ db: database.db, actor: supervisor }, session.id);
    expect(view.candidates.map((c) => c.person.name).sort()).toEqual(['张总监', '李安全员']);
    expect(view.counts).toMatchObject({ candidates: 2, enterprises: 1, pending: 2 });
    const audit = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', session.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['exam.session_create']);
  });

  it('refuses enterprises outside the jurisdiction, field by field, and a jurisdiction outside the supervisor', async () => {
    await expect(createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [p.id, h.id] })).rejects.toMatchObject({
      code: 'request.invalid',
      details: [{ path: 'enterpriseIds.1', message: 'field.exam_enterprise_out_of_scope' }],
    });
    await expect(createExamSession({ db: database.db, actor: supervisor }, { ...base, jurisdictionCode: '310101', enterpriseIds: [h.id] })).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(createExamSession({ db: database.db, actor: pAdmin }, { ...base, jurisdictionCode: '310115', enterpriseIds: [p.id] })).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('draws a share of the jurisdiction at random, only from enterprises with managers in it', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, jurisdictionCode: '310115', drawPercent: 50 });
    const view = await findExamSession({ db: database.db, actor: supervisor }, session.id);
    expect(view.counts.enterprises).toBe(1);
    expect([p.id, q.id]).toContain(view.candidates[0]?.enterprise.id);
    const all = await createExamSession({ db: database.db, actor: supervisor }, { ...base, jurisdictionCode: '310115', drawPercent: 100 });
    const allView = await findExamSession({ db: database.db, actor: supervisor }, all.id);
    expect(new Set(allView.candidates.map((c) => c.enterprise.id))).toEqual(new Set([p.id, q.id]));
  });

  it('shows each side only its own: other districts see nothing, an enterprise only its candidates', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [p.id, q.id] });
    await expect(findExamSession({ db: database.db, actor: huangpu }, session.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    expect((await listExamSessions({ db: database.db, actor: huangpu })).map((s) => s.session.id)).not.toContain(session.id);
    const forQ = await findExamSession({ db: database.db, actor: qAdmin }, session.id);
    expect(forQ.candidates.map((c) => c.person.name)).toEqual(['王受权人']);
  });
});

describe('taking an exam', () => {
  it('draws the questions at random per attempt, hides answers while running, scores on submit', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [q.id] });
    const [mine] = (await listMyExams({ db: database.db, actor: qAdmin })).filter((e) => e.session.id === session.id);
    expect(mine).toMatchObject({ status: 'pending', attemptsUsed: 0, person: { name: '王受权人' } });
    const attempt = await startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId);
    expect(attempt.questionIds).toHaveLength(10);
    expect(new Set(attempt.questionIds).size).toBe(10);
    expect(attempt.deadlineAt.getTime() - attempt.startedAt.getTime()).toBe(30 * 60_000);
    // Starting again resumes the running attempt.
    expect((await startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId)).id).toBe(attempt.id);
    const running = await findAttempt({ db: database.db, actor: qAdmin }, attempt.id);
    expect(running.questions.every((x) => !x.reveal)).toBe(true);

    const answers = await answersFor(qAdmin, attempt.id, 3);
    const done = await submitAttempt({ db: database.db, actor: qAdmin }, attempt.id, { answers });
    expect(done).toMatchObject({ correct: 7, score: 70, passed: false });
    expect(done.answers).toEqual(answers);
    await expect(submitAttempt({ db: database.db, actor: qAdmin }, attempt.id, { answers })).rejects.toMatchObject({ code: 'exam.attempt_submitted' });

    // A retake is a new draw; passing it ends the candidate's exam.
    const retake = await startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId);
    expect(retake.attemptNo).toBe(2);
    expect(retake.questionIds).not.toEqual(attempt.questionIds);
    const passed = await submitAttempt({ db: database.db, actor: qAdmin }, retake.id, { answers: await answersFor(qAdmin, retake.id, 1) });
    expect(passed).toMatchObject({ correct: 9, score: 90, passed: true });
    await expect(startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId)).rejects.toMatchObject({ code: 'exam.already_passed' });
    const view = await findExamSession({ db: database.db, actor: supervisor }, session.id);
    expect(view.candidates[0]).toMatchObject({ status: 'passed', bestScore: 90 });
    expect(view.counts).toMatchObject({ passed: 1, failed: 0 });
  });

  it('refuses answers after the deadline, and counts the lapsed attempt against the retake limit', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, maxAttempts: 1, enterpriseIds: [q.id] });
    const [mine] = (await listMyExams({ db: database.db, actor: qAdmin })).filter((e) => e.session.id === session.id);
    const attempt = await startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId);
    // The time limit has run out: the deadline lies a minute in the past.
    await database.db.updateTable('examAttempts').set({ startedAt: new Date(Date.now() - 31 * 60_000), deadlineAt: new Date(Date.now() - 60_000) }).where('id', '=', attempt.id).execute();
    await expect(submitAttempt({ db: database.db, actor: qAdmin }, attempt.id, { answers: await answersFor(qAdmin, attempt.id) })).rejects.toMatchObject({ code: 'exam.deadline_passed' });
    const stored = await database.db.selectFrom('examAttempts').selectAll().where('id', '=', attempt.id).executeTakeFirstOrThrow();
    expect(stored.submittedAt).toBeNull();
    await expect(startAttempt({ db: database.db, actor: qAdmin }, mine!.candidateId)).rejects.toMatchObject({ code: 'exam.no_attempts_left', params: { max: 1 } });
    const view = await findExamSession({ db: database.db, actor: supervisor }, session.id);
    expect(view.candidates[0]?.status).toBe('failed');
    // Once over, the attempt shows the answers.
    const over = await findAttempt({ db: database.db, actor: qAdmin }, attempt.id);
    expect(over.questions.every((x) => x.reveal)).toBe(true);
    expect(findQuestion(over.attempt.questionIds[0] ?? '')).toBeDefined();
  });

  it('lets only the enterprise of the candidate take it', async () => {
    const session = await createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [q.id] });
    const view = await findExamSession({ db: database.db, actor: supervisor }, session.id);
    const candidateId = view.candidates[0]!.id;
    await expect(startAttempt({ db: database.db, actor: pAdmin }, candidateId)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(startAttempt({ db: database.db, actor: supervisor }, candidateId)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('refuses a session whose enterprises have no serving managers', async () => {
    const empty = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
    await expect(createExamSession({ db: database.db, actor: supervisor }, { ...base, enterpriseIds: [empty.id] })).rejects.toMatchObject({ code: 'exam.no_candidates' });
  });
});
