import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigitalLink, canonicalItem, computeGtinCheckDigit } from '@shian/domain';
import type { CodeBatchView } from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import { buildProducer, issuedBatch, type Producer } from '@shian/core/trace/codes/codes-test-kit.ts';
import { insertRecall } from '@shian/core/trace/scan/scan-test-kit.ts';
import { createTestApp, signInAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let producer: Producer;
let batch: CodeBatchView;
let serials: string[];
const BASE = 'http://localhost:3000';

beforeAll(async () => {
  t = await createTestApp();
  producer = await buildProducer(t.database.db, '310115007', '维C<b>咀嚼片 & "甜橙味"');
  batch = await issuedBatch(t.database.db, producer, { quantity: 12, lot: 'B2026-03', expiryDate: '2025-12-31', productionDate: '2024-01-01' });
  serials = (await t.database.db.selectFrom('traceCodes').select('serial').where('batchId', '=', batch.id).orderBy('seq').execute()).map((r) => r.serial);
});
afterAll(async () => t?.close());

const serialAt = (i: number): string => serials[i] ?? '';
const pathOf = (serial: string) => new URL(buildDigitalLink(BASE, { key: 'gtin', gtin: batch.gtin, lot: batch.lot, serial, attributes: { expiry: batch.expiryDate } })).pathname;
const scan = (url: string, headers: Record<string, string> = {}, remoteAddress = '203.0.113.9') => t.app.inject({ method: 'GET', url, headers, remoteAddress });

describe('the public scan page', () => {
  it('shows the product, its registration, the maker and licence, the lot and dates, escaped, in a small page', async () => {
    const res = await scan(`${pathOf(serialAt(0))}?17=251231`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('维C&lt;b&gt;咀嚼片 &amp; &quot;甜橙味&quot;');
    expect(html).not.toContain('<b>咀嚼片');
    for (const text of [producer.product.registrationNumber, '保健食品', producer.enterprise.name, producer.licenceNumber, 'B2026-03', '2024-01-01', '2025-12-31', serialAt(0)]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('已过期，请勿食用');
    expect(html).toContain('出厂检验</dt><dd>未上报');
    expect(html).toContain('您是第 1 次查询本追溯码');
    expect(html).not.toContain('class="recall"');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(Buffer.byteLength(html)).toBeLessThan(15 * 1024);
  });

  it('speaks English by Accept-Language or ?lang=en-US', async () => {
    const byHeader = await scan(pathOf(serialAt(1)), { 'accept-language': 'en-US,en;q=0.9' });
    expect(byHeader.body).toContain('<html lang="en-US">');
    expect(byHeader.body).toContain('Release inspection</dt><dd>Not reported');
    const byQuery = await scan(`${pathOf(serialAt(1))}?lang=en-US`);
    expect(byQuery.body).toContain('Registration / filing number');
    expect(byQuery.body).toContain('hreflang="zh-CN"');
  });

  it('counts scans: this one included at once, stored by the flush, first time kept; HEAD does not count', async () => {
    const path = pathOf(serialAt(2));
    await scan(path);
    const second = await scan(path);
    expect(second.body).toMatch(/您是第 2 次查询；首次查询于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。/);
    expect((await t.app.inject({ method: 'HEAD', url: path })).statusCode).toBe(200);
    await t.app.scanRecorder.flush();
    const row = await t.database.db.selectFrom('traceCodes').select(['scanCount', 'firstScannedAt']).where('serial', '=', serialAt(2)).executeTakeFirstOrThrow();
    expect(row.scanCount).toBe(2);
    expect(row.firstScannedAt).not.toBeNull();
    const third = await scan(path);
    expect(third.body).toContain('您是第 3 次查询');
    await t.app.scanRecorder.flush();
  });

  it('shows the red recall banner at the top as soon as a recall of the lot is open', async () => {
    const path = pathOf(serialAt(3));
    expect((await scan(path)).body).not.toContain('召回警示');
    await insertRecall(t.database.db, { enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007', gtin: batch.gtin, lot: batch.lot, level: '1' });
    const html = (await scan(path)).body;
    expect(html).toMatch(/<body><div class="recall" role="alert" id="recall"><strong>⚠ 召回警示：本产品正在召回<\/strong>一级召回：菌落总数超标/);
    const english = (await scan(`${path}?lang=en-US`)).body;
    expect(english).toContain('RECALL: this product is being recalled');
  });

  it('answers 404 for a serial never issued, saying it may be counterfeit, and opens one alert for the GTIN', async () => {
    const fake = new URL(buildDigitalLink(BASE, { key: 'gtin', gtin: batch.gtin, lot: batch.lot, serial: 'FAKESERIAL01' })).pathname;
    const res = await scan(fake);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('该追溯码未在上海市食品安全追溯平台登记，可能是假冒产品');
    expect(res.body).toContain('12315');
    await scan(fake.replace('FAKESERIAL01', 'FAKESERIAL02'));
    await t.app.scanRecorder.flush();
    const alerts = await t.database.db.selectFrom('traceAlerts').selectAll().where('kind', '=', 'unknown_code').where('gtin', '=', batch.gtin).execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007', reason: expect.objectContaining({ scans: 2 }) });
    // A GTIN no product carries: 404 as well.
    const body = '690000000001';
    expect((await scan(`/01/0${body}${computeGtinCheckDigit(body)}`)).statusCode).toBe(404);
  });

  it('answers 400 for a malformed link, naming the problem (never 200 with an error)', async () => {
    const gtin = batch.gtin;
    const wrongDigit = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
    const res = await scan(`/01/${wrongDigit}/21/${serialAt(0)}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('商品条码校验位错误');
    expect(res.body).toContain(`wrong check digit in ${wrongDigit}`);
    const order = await scan(`/01/${gtin}/21/${serialAt(0)}/10/${batch.lot}`);
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('标识顺序错误');
    const json = await scan(`/01/${wrongDigit}`, { accept: 'application/json' });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'uri', message: expect.stringContaining('wrong check digit') }], data: { problem: 'check_digit' } });
  });

  it('shows lot and GTIN pages without per-item facts', async () => {
    const lotPage = await scan(new URL(buildDigitalLink(BASE, { key: 'gtin', gtin: batch.gtin, lot: batch.lot })).pathname);
    expect(lotPage.statusCode).toBe(200);
    expect(lotPage.body).toContain('B2026-03');
    expect(lotPage.body).toContain('本码未含序列号');
    expect(lotPage.body).not.toContain('次查询');
    const gtinPage = await scan(`/01/${batch.gtin}`);
    expect(gtinPage.statusCode).toBe(200);
    expect(gtinPage.body).toContain(producer.product.registrationNumber);
    expect(gtinPage.body).toContain('以下批次正在召回');
  });
});

describe('the resolver as a machine interface', () => {
  it('answers the RFC 9264 linkset to Accept: application/linkset+json', async () => {
    const res = await scan(pathOf(serialAt(4)), { accept: 'application/linkset+json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/linkset\+json/);
    const anchor = `${BASE}/01/${batch.gtin}/10/${batch.lot}/21/${serialAt(4)}`;
    const body = res.json();
    expect(body.linkset).toHaveLength(1);
    const [set] = body.linkset;
    expect(set.anchor).toBe(anchor);
    expect(set['https://gs1.org/voc/pip']).toEqual([expect.objectContaining({ href: anchor, type: 'text/html', hreflang: ['zh-CN', 'en-US'] })]);
    expect(set['https://gs1.org/voc/recallStatus'][0].title).toContain('召回');
    expect(set['https://gs1.org/voc/traceability']).toEqual([
      expect.objectContaining({ href: `${BASE}/epcis/events?MATCH_anyEPC=${encodeURIComponent(canonicalItem(batch.gtin, serialAt(4)))}` }),
    ]);
    expect(set['https://gs1.org/voc/defaultLink'][0].href).toBe(anchor);
    // A machine read is not a scan.
    await t.app.scanRecorder.flush();
    const row = await t.database.db.selectFrom('traceCodes').select('scanCount').where('serial', '=', serialAt(4)).executeTakeFirstOrThrow();
    expect(row.scanCount).toBe(0);
  });

  it('answers the linkset to ?linkType=all and to Accept: application/json, 404 JSON for an unknown code', async () => {
    expect((await scan(`${pathOf(serialAt(4))}?linkType=all`)).headers['content-type']).toMatch(/^application\/linkset\+json/);
    expect((await scan(pathOf(serialAt(4)), { accept: 'application/json' })).json().linkset).toHaveLength(1);
    const unknown = await scan(pathOf('NOTISSUED001'), { accept: 'application/json' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'resource.not_found' });
  });

  it('describes itself at /.well-known/gs1resolver', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/gs1resolver' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.json()).toMatchObject({ resolverRoot: BASE, supportedPrimaryKeys: ['01'], supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }] });
    expect(typeof res.json().name).toBe('string');
  });

  it('is not in the OpenAPI document (it is no part of the JSON API)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/01') || p.startsWith('/.well-known'))).toEqual([]);
  });
});

describe('copy detection through the page', () => {
  it('opens a possible-copy alert after the threshold, which the regulator sees and closes', async () => {
    const path = pathOf(serialAt(5));
    for (let i = 0; i < 4; i++) await scan(path, {}, `10.${i}.0.1`);
    await t.app.scanRecorder.flush();
    const { user } = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' });
    const supervisor = await signInAs(t.app, user.username);
    const listed = await supervisor.get('/api/v1/trace/alerts?kind=possible_copy&status=open');
    expect(listed.statusCode).toBe(200);
    const items: { id: string; serial: string; reasonText: string; enterprise: { name: string } }[] = listed.json().items;
    const alert = items.find((a) => a.serial === serialAt(5));
    expect(alert).toMatchObject({ enterprise: { name: producer.enterprise.name } });
    expect(alert?.reasonText).toContain('4 个及以上不同网络');
    const closed = await supervisor.post(`/api/v1/trace/alerts/${alert?.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', serial: serialAt(5) });
    expect((await supervisor.post(`/api/v1/trace/alerts/${alert?.id}/close`)).json().code).toBe('trace.alert_closed');
  });
});
