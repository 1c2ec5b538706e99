import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQuestion } from '@shian/domain';
import { today, type EnterpriseRow, type PersonRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { appoint } from '@shian/core/training/training-test-kit.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

const YEAR = Number(today().slice(0, 4));
let t: TestApp;
let e: EnterpriseRow;
let officer: PersonRow;
let pudong: Session;
let huangpu: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  e = await buildEnterprise(db, { jurisdictionCode: '310115007' });
  officer = await appoint(db, e, '陈安全员');
  const sign = async (role: 'district_supervisor' | 'enterprise_admin', scope: { jurisdictionCode?: string; enterpriseId?: string }) => signInAs(t.app, (await buildUser(db, role, scope)).user.username);
  pudong = await sign('district_supervisor', { jurisdictionCode: '310115' });
  huangpu = await sign('district_supervisor', { jurisdictionCode: '310101' });
  admin = await sign('enterprise_admin', { enterpriseId: e.id });
});
afterAll(async () => t?.close());

describe('training records', () => {
  it('names every bad field in the user language', async () => {
    const res = await admin.post('/api/v1/training/records', { personId: officer.id, course: ' ', hours: 0, attendedOn: '2026-13-01' });
    expect(res.statusCode).toBe(400);
    const body: { code: string; details: { path: string; message: string }[] } = res.json();
    expect(body.details.map((d) => d.path).sort()).toEqual(['attendedOn', 'course', 'hours']);
    expect(body.details.find((d) => d.path === 'hours')?.message).toBe('学时应大于 0 且不超过 100');
    const en = await admin.post('/api/v1/training/records', { personId: officer.id, course: '课程', hours: 101, attendedOn: `${YEAR}-01-05` }, { 'accept-language': 'en-US' });
    expect(en.json().details).toEqual([{ path: 'hours', message: 'Hours must be more than 0 and at most 100' }]);
  });

  it('records hours and shows them against the 40-hour requirement', async () => {
    const res = await admin.post('/api/v1/training/records', { personId: officer.id, course: '食品安全法培训', provider: '区市场监管局', hours: 12.5, attendedOn: `${YEAR}-01-05` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ personName: '陈安全员', hours: 12.5, course: '食品安全法培训' });
    const hours = (await admin.get(`/api/v1/training/hours?year=${YEAR}`)).json();
    expect(hours.items).toEqual([expect.objectContaining({ personId: officer.id, hours: 12.5, required: 40, met: false })]);
    expect((await pudong.get(`/api/v1/training/hours?year=${YEAR}`)).json().items.map((r: { personId: string }) => r.personId)).toContain(officer.id);
    expect((await huangpu.get(`/api/v1/training/hours?year=${YEAR}`)).json().items).toEqual([]);
    expect((await pudong.post('/api/v1/training/records', { personId: officer.id, course: '课程', hours: 2, attendedOn: `${YEAR}-01-05` })).statusCode).toBe(403);
  });
});

describe('spot-check exam, end to end', () => {
  it('the bureau creates a session; the enterprise takes it, timed by the server, and sees its score', async () => {
    const bad = await pudong.post('/api/v1/exam-sessions', { title: '考核', jurisdictionCode: '310115', questionCount: 2, timeLimitMinutes: 1, passMark: 0, maxAttempts: 9, closesOn: `${YEAR + 1}-01-31` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['enterpriseIds', 'maxAttempts', 'passMark', 'questionCount', 'timeLimitMinutes']);

    const created = await pudong.post('/api/v1/exam-sessions', { title: '浦东抽查考核', jurisdictionCode: '310115', enterpriseIds: [e.id], questionCount: 5, timeLimitMinutes: 15, passMark: 60, maxAttempts: 2, closesOn: `${YEAR + 1}-01-31` });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json();
    expect(session).toMatchObject({ open: true, counts: { candidates: 1, pending: 1 }, candidates: [{ person: { name: '陈安全员' }, status: 'pending' }] });
    expect((await huangpu.get(`/api/v1/exam-sessions/${session.id}`)).statusCode).toBe(404);

    const [mine] = (await admin.get('/api/v1/exams/mine')).json().items;
    expect(mine).toMatchObject({ status: 'pending', session: { id: session.id }, openAttemptId: null });
    const started = await admin.post(`/api/v1/exam-candidates/${mine.candidateId}/attempts`, {});
    expect(started.statusCode, started.body).toBe(201);
    const attempt = started.json();
    expect(attempt.questions).toHaveLength(5);
    expect(attempt.questions.every((q: { answer: unknown; explanation: unknown }) => q.answer === null && q.explanation === null)).toBe(true);
    expect(Date.parse(attempt.deadlineAt) - Date.parse(attempt.startedAt)).toBe(15 * 60_000);

    const answers = Object.fromEntries(attempt.questions.map((q: { id: string }, i: number) => [q.id, i === 0 ? ['Z'] : [...(findQuestion(q.id)?.answer ?? [])]]));
    const submitted = await admin.post(`/api/v1/exam-attempts/${attempt.id}/submit`, { answers });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ over: true, correct: 4, score: 80, passed: true });
    expect(submitted.json().questions[0]).toMatchObject({ given: ['Z'], answer: findQuestion(attempt.questions[0].id)?.answer });
    const again = await admin.post(`/api/v1/exam-attempts/${attempt.id}/submit`, { answers });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('exam.attempt_submitted');

    const results = (await pudong.get(`/api/v1/exam-sessions/${session.id}`)).json();
    expect(results.candidates[0]).toMatchObject({ status: 'passed', bestScore: 80 });
    const kpis = (await pudong.get(`/api/v1/training/kpis?jurisdictionCode=310115&year=${YEAR}`)).json();
    expect(kpis.districts[0]).toMatchObject({ districtCode: '310115', examPassRate: { numerator: 1, denominator: 1, met: true }, trainingHours: { numerator: 0, denominator: 1 } });
  });

  it('refuses late answers with 409', async () => {
    const created = (await pudong.post('/api/v1/exam-sessions', { title: '限时', jurisdictionCode: '310115', enterpriseIds: [e.id], questionCount: 5, timeLimitMinutes: 5, passMark: 60, maxAttempts: 1, closesOn: `${YEAR + 1}-01-31` })).json();
    const attempt = (await admin.post(`/api/v1/exam-candidates/${created.candidates[0].id}/attempts`, {})).json();
    await t.database.db.updateTable('examAttempts').set({ startedAt: new Date(Date.now() - 10 * 60_000), deadlineAt: new Date(Date.now() - 5 * 60_000) }).where('id', '=', attempt.id).execute();
    const late = await admin.post(`/api/v1/exam-attempts/${attempt.id}/submit`, { answers: {} });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'exam.deadline_passed', message: '考试时间已到，答卷不再接受' });
  });
});
