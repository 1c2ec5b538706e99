import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_JOBS, startJobWorker } from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import { buildTraceChain, type TraceChain } from '@shian/core/trace/trace-test-kit.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let chain: TraceChain;
let pudong: Session;
let huangpu: Session;
let d: Session;
let s1: Session;
let recallId: string;

async function session(role: 'district_supervisor', jurisdictionCode: string): Promise<Session> {
  const { user } = await buildUser(t.database.db, role, { jurisdictionCode });
  return signInAs(t.app, user.username);
}

beforeAll(async () => {
  t = await createTestApp();
  chain = await buildTraceChain(t.database.db);
  pudong = await session('district_supervisor', '310115');
  huangpu = await session('district_supervisor', '310101');
  d = await signInAs(t.app, chain.d.actor.username);
  s1 = await signInAs(t.app, chain.s1.actor.username);
});
afterAll(async () => t?.close());

const drain = async () => {
  const worker = startJobWorker(t.database.db, PLATFORM_JOBS, { pollMs: 0 });
  await worker.drain();
  await worker.stop();
};

describe('POST /api/v1/recalls', () => {
  it('names every bad field of the body in the user language', async () => {
    const res = await pudong.post('/api/v1/recalls', { gtin: '6901234567890', lot: '批号 1', serials: ['ok', '序列'], level: '4', reason: ' ' });
    expect(res.statusCode).toBe(400);
    const body: { code: string; details: { path: string; message: string }[] } = res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.details.map((x) => x.path).sort()).toEqual(['gtin', 'level', 'lot', 'reason', 'serials.1']);
    expect(body.details.find((x) => x.path === 'gtin')?.message).toBe('商品条码 6901234567890 校验位错误');
    expect(body.details.find((x) => x.path === 'lot')?.message).toContain('批号应为 1–20 位');
    const en = await pudong.post('/api/v1/recalls', { gtin: chain.maker.gtin, level: '1', reason: '标签错误' }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().details).toEqual([{ path: 'lot', message: 'Give a lot or at least one serial' }]);
  });

  it('recalls a lot at once: 201 with its id and number, the notices follow from the job', async () => {
    const res = await pudong.post('/api/v1/recalls', { gtin: chain.maker.gtin, lot: chain.lot, level: '1', reason: '阪崎克罗诺杆菌检出' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'open', level: '1', lot: chain.lot, initiator: 'regulator', traced: false, trace: null, notices: [], enterprise: { id: chain.maker.enterprise.id } });
    expect(body.number).toMatch(/^ZH-310115-/);
    recallId = body.id;
    expect((await huangpu.post('/api/v1/recalls', { gtin: chain.maker.gtin, lot: chain.lot, level: '1', reason: '越权' })).statusCode).toBe(404);
    await drain();
    const detail = (await pudong.get(`/api/v1/recalls/${recallId}`)).json();
    expect(detail).toMatchObject({ traced: true, noticeCount: 5, acknowledgedCount: 0, canClose: true });
    expect(detail.trace.downstream.length).toBeGreaterThanOrEqual(5);
  });
});

describe('notices (召回通知)', () => {
  it('reach the downstream enterprise: its list and its work queue; only it may confirm', async () => {
    const list = await d.get('/api/v1/recall-notices?open=true');
    expect(list.statusCode).toBe(200);
    const [notice] = list.json().items;
    expect(notice).toMatchObject({ quantity: 9, uom: null, enterprise: { id: chain.d.enterprise.id }, acknowledgedAt: null, recall: { lot: chain.lot, level: '1', makerName: chain.maker.enterprise.name } });
    const queue = (await d.get('/api/v1/work-queue')).json();
    expect(queue.counts.recallNotices).toBe(1);
    expect(queue.recallNotices.map((n: { id: string }) => n.id)).toEqual([notice.id]);

    expect((await s1.post(`/api/v1/recall-notices/${notice.id}/acknowledge`)).statusCode).toBe(404);
    expect((await pudong.post(`/api/v1/recall-notices/${notice.id}/acknowledge`)).json().code).toBe('auth.forbidden');
    const done = await d.post(`/api/v1/recall-notices/${notice.id}/acknowledge`);
    expect(done.statusCode).toBe(200);
    expect(done.json().acknowledgedAt).not.toBeNull();
    expect((await d.get('/api/v1/work-queue')).json().counts.recallNotices).toBe(0);
  });

  it('shows a notified enterprise the recall with its own notice only', async () => {
    const list = (await s1.get('/api/v1/recalls')).json().items.map((r: { id: string }) => r.id);
    expect(list).toEqual([recallId]);
    const detail = (await s1.get(`/api/v1/recalls/${recallId}`)).json();
    expect(detail.trace).toBeNull();
    expect(detail.notices.map((n: { enterprise: { id: string } }) => n.enterprise.id)).toEqual([chain.s1.enterprise.id]);
    expect((await huangpu.get(`/api/v1/recalls/${recallId}`)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/recalls/{id}/trace.xlsx', () => {
  it('downloads the sortable spreadsheet for the regulator, not for a notified enterprise', async () => {
    const res = await pudong.get(`/api/v1/recalls/${recallId}/trace.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('recall-ZH-310115');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(chain.eventCount + 1);
    expect((await s1.get(`/api/v1/recalls/${recallId}/trace.xlsx`)).statusCode).toBe(404);
  });
});

describe('POST /api/v1/recalls/{id}/close', () => {
  it('ends the recall once', async () => {
    const res = await pudong.post(`/api/v1/recalls/${recallId}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', canClose: false });
    const again = await pudong.post(`/api/v1/recalls/${recallId}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'recall.not_open', message: '该召回已结束' });
  });
});
