import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, selfInspectionChecklistFor, selfInspectionItems } from '@shian/domain';
import { today } from '@shian/core';
import { buildSelfInspectingProducer, type SelfInspectingProducer } from '@shian/core/self-inspection/self-inspection-test-kit.ts';
import { buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let p: SelfInspectingProducer;
let staff: Session;
let admin: Session;
let minhang: Session;
let huangpu: Session;
const YEAR = Number(today().slice(0, 4));
const keys = selfInspectionItems(selfInspectionChecklistFor('health_food')).map((i) => i.key);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  p = await buildSelfInspectingProducer(db, '310112');
  staff = await signInAs(t.app, p.staff.username);
  admin = await signInAs(t.app, p.admin.username);
  minhang = await signInAs(t.app, (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310112' })).user.username);
  huangpu = await signInAs(t.app, (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
});
afterAll(async () => t?.close());

describe('self-inspection reports over HTTP', () => {
  it('names every bad field in the user language', async () => {
    const res = await staff.post('/api/v1/self-inspection/reports', { kind: 'ad_hoc', year: 1990, checklistId: 'nope@1' });
    expect(res.statusCode).toBe(400);
    const body: { code: string; details: { path: string; message: string }[] } = res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.details.map((d) => d.path).sort()).toEqual(['checklistId', 'title', 'year']);
    expect(body.details.find((d) => d.path === 'checklistId')?.message).toBe('未知的自查清单版本');
    const en = await minhang.post('/api/v1/self-inspection/reports/00000000-0000-4000-8000-000000000000/review', { decision: 'return', comment: '' }, { 'accept-language': 'en-US' });
    expect(en.json().details).toEqual([{ path: 'comment', message: 'Say why the report is returned' }]);
  });

  it('creates, fills, submits, returns, resubmits and acknowledges a report; the district sees it and its items', async () => {
    const created = await staff.post('/api/v1/self-inspection/reports', { kind: 'annual', year: YEAR });
    expect(created.statusCode, created.body).toBe(201);
    const report: { id: string; version: number; status: string; items: number } = created.json();
    expect(report).toMatchObject({ status: 'draft', items: keys.length });
    expect((await staff.post('/api/v1/self-inspection/reports', { kind: 'annual', year: YEAR })).json().code).toBe('self_inspection.duplicate_annual');

    const incomplete = await staff.post(`/api/v1/self-inspection/reports/${report.id}/submit`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'self_inspection.incomplete', message: `自查报告有 ${keys.length} 处未完成，不能提交` });

    const due = addCalendarDays(today(), 15);
    const answers = keys.map((itemKey, i) => (i === 0 ? { itemKey, result: 'non_conformant', note: '培训记录缺失', rectificationOwner: '吴培训', rectificationDueOn: due } : { itemKey, result: 'conformant' }));
    const saved = await staff.patch(`/api/v1/self-inspection/reports/${report.id}/answers`, { version: report.version, answers });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ answered: keys.length, nonConformities: 1 });
    const submitted = await staff.post(`/api/v1/self-inspection/reports/${report.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', rectifications: [{ itemKey: keys[0], ownerName: '吴培训', dueOn: due, status: 'open' }] });

    expect((await huangpu.get(`/api/v1/self-inspection/reports/${report.id}`)).statusCode).toBe(404);
    expect((await huangpu.get('/api/v1/self-inspection/reports')).json().items).toEqual([]);
    const listed = await minhang.get(`/api/v1/self-inspection/reports?year=${YEAR}&status=submitted&jurisdictionCode=310112`);
    expect(listed.json().items.map((r: { id: string }) => r.id)).toEqual([report.id]);

    const returned = await minhang.post(`/api/v1/self-inspection/reports/${report.id}/review`, { decision: 'return', comment: '请补充整改计划' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '请补充整改计划' });
    expect((await admin.post(`/api/v1/self-inspection/reports/${report.id}/submit`)).json().status).toBe('submitted');
    expect((await minhang.post(`/api/v1/self-inspection/reports/${report.id}/review`, { decision: 'acknowledge' })).json().status).toBe('acknowledged');

    const items = await minhang.get('/api/v1/self-inspection/rectifications?status=open');
    const [item] = items.json().items as { id: string; enterprise: { id: string }; report: { id: string } }[];
    expect(item).toMatchObject({ enterprise: { id: p.enterprise.id }, report: { id: report.id } });
    expect((await minhang.post(`/api/v1/self-inspection/rectifications/${item!.id}/close`, { evidence: 'x' })).statusCode).toBe(403);
    expect((await staff.post(`/api/v1/self-inspection/rectifications/${item!.id}/close`, { evidence: '已补训并存档' })).json()).toMatchObject({ status: 'closed', evidence: '已补训并存档' });
    expect((await admin.post(`/api/v1/self-inspection/rectifications/${item!.id}/verify`, {})).json().status).toBe('verified');

    const kpis = await minhang.get(`/api/v1/self-inspection/kpis?jurisdictionCode=310112&year=${YEAR}`);
    expect(kpis.json().total).toMatchObject({ reportRate: { numerator: 1, denominator: 1, met: true }, rectificationRate: { numerator: 1, denominator: 1 } });
    expect((await huangpu.get(`/api/v1/self-inspection/kpis?jurisdictionCode=310112&year=${YEAR}`)).statusCode).toBe(404);
  });
});

describe('QA release records over HTTP', () => {
  it('records a decision per lot, refuses a second one and lists both after a correction', async () => {
    const body = {
      productId: p.product.id,
      lot: 'H2601',
      tests: [{ name: '菌落总数', result: '<10 CFU/g', conclusion: 'pass' }],
      decision: 'release',
      personId: p.qaPerson.id,
      decidedAt: '2026-02-01T09:30:00+08:00',
    };
    const first = await staff.post('/api/v1/qa-releases', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ lot: 'H2601', decision: 'release', personName: '钱受权', superseded: false, product: { id: p.product.id } });
    expect((await staff.post('/api/v1/qa-releases', body)).json().code).toBe('qa_release.already_decided');
    const bad = await staff.post('/api/v1/qa-releases', { ...body, tests: [], decision: 'hold', decidedAt: 'today' });
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['decidedAt', 'decision', 'tests']);
    const correction = await admin.post('/api/v1/qa-releases', { ...body, decision: 'reject', correctsId: first.json().id, note: '留样复检不合格' });
    expect(correction.statusCode, correction.body).toBe(201);
    const list = await minhang.get('/api/v1/qa-releases?lot=H2601');
    expect(list.json().items.map((r: { decision: string; superseded: boolean }) => [r.decision, r.superseded])).toEqual([
      ['reject', false],
      ['release', true],
    ]);
    expect((await huangpu.get('/api/v1/qa-releases')).json().items).toEqual([]);
  });
});
