import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import { buildTraceChain, type TraceChain } from '@shian/core/trace/trace-test-kit.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let chain: TraceChain;
let pudong: Session;
let maker: Session;
let s1: Session;

beforeAll(async () => {
  t = await createTestApp();
  chain = await buildTraceChain(t.database.db);
  const { user } = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' });
  pudong = await signInAs(t.app, user.username);
  maker = await signInAs(t.app, chain.maker.actor.username);
  s1 = await signInAs(t.app, chain.s1.actor.username);
});
afterAll(async () => t?.close());

describe('GET /api/v1/trace/lots/{gtin}/{lot}', () => {
  it('answers the forward and backward trace of a lot', async () => {
    const res = await pudong.get(`/api/v1/trace/lots/${chain.maker.gtin}/${chain.lot}`);
    expect(res.statusCode, res.body).toBe(200);
    const trace = res.json();
    const items = Object.fromEntries(trace.downstream.map((d: { enterprise: { id: string }; items: number }) => [d.enterprise.id, d.items]));
    expect(items).toMatchObject({ [chain.d.enterprise.id]: 9, [chain.s1.enterprise.id]: 6, [chain.s2.enterprise.id]: 3, [chain.r.enterprise.id]: 3 });
    expect(trace.subject).toMatchObject({ gtin: chain.maker.gtin, lot: chain.lot, maker: { id: chain.maker.enterprise.id, district: { code: '310115', nameZh: '浦东新区' } } });
    const back = (await maker.get(`/api/v1/trace/lots/${chain.r.gtin}/${chain.outputLot}`)).statusCode;
    // The repacked lot is the repacker's: the first maker may not trace it.
    expect(back).toBe(404);
    const input = (await pudong.get(`/api/v1/trace/lots/${chain.r.gtin}/${chain.outputLot}`)).json().inputs[0];
    expect(input).toMatchObject({ lot: { lot: chain.lot }, maker: { id: chain.maker.enterprise.id } });
  });

  it('is the maker\'s and the regulators\' only', async () => {
    expect((await maker.get(`/api/v1/trace/lots/${chain.maker.gtin}/${chain.lot}`)).statusCode).toBe(200);
    expect((await s1.get(`/api/v1/trace/lots/${chain.maker.gtin}/${chain.lot}`)).statusCode).toBe(404);
  });

  it('names a bad GTIN and a bad lot', async () => {
    const res = await pudong.get(`/api/v1/trace/lots/12345/${encodeURIComponent('批 号')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['gtin', 'lot']);
  });
});

describe('GET /api/v1/trace/lots/{gtin}/{lot}/trace.xlsx', () => {
  it('downloads one row per tracking event, headed in English on request', async () => {
    const res = await pudong.get(`/api/v1/trace/lots/${chain.maker.gtin}/${chain.lot}/trace.xlsx`, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`trace-${chain.maker.gtin}-${chain.lot}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet('Tracking events');
    expect(sheet?.rowCount).toBe(chain.eventCount + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Event time');
    expect(workbook.getWorksheet('Forward trace')?.getRow(1).getCell(1).value).toBe('Enterprise');
  });
});

describe('GET /api/v1/trace/kpis', () => {
  it("gives the district's KPIs to its regulators only", async () => {
    const year = today().slice(0, 4);
    const res = await pudong.get(`/api/v1/trace/kpis?jurisdictionCode=310115&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const kpis = res.json();
    // The chain's 浦东 enterprises (maker, D, R and the bystander) each have a health-food product: obliged; three captured.
    expect(kpis.districts[0]).toMatchObject({ districtCode: '310115', coverage: { numerator: 3, denominator: 4, target: 1, met: false } });
    expect((await s1.get(`/api/v1/trace/kpis?jurisdictionCode=310115&year=${year}`)).statusCode).toBe(404);
    expect((await pudong.get('/api/v1/trace/kpis?jurisdictionCode=999&year=1999')).json().details.map((d: { path: string }) => d.path).sort()).toEqual(['jurisdictionCode', 'year']);
  });
});
