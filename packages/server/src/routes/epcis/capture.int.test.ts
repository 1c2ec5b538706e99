import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_JOBS, createApiKey, startJobWorker } from '@shian/core';
import { TEST_PASSWORD, buildUser } from '@shian/core/testing/factories.ts';
import {
  EPCIS_CONTEXT,
  buildCapturingEnterprise,
  commissioning,
  epcisDocument,
  itemLink,
  serials,
  type CapturingEnterprise,
} from '@shian/core/epcis/capture/capture-test-kit.ts';
import { createTestApp, signInAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let a: CapturingEnterprise;
let b: CapturingEnterprise;
let key: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildCapturingEnterprise(t.database.db);
  b = await buildCapturingEnterprise(t.database.db, '310101');
  const { actor: admin } = await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: a.enterprise.id });
  key = (await createApiKey({ db: t.database.db, actor: admin }, a.enterprise.id, 'WMS')).key;
});
afterAll(async () => t?.close());

type Headers = Record<string, string>;
const asKey = (headers: Headers = {}): Headers => ({ authorization: `Bearer ${key}`, ...headers });
const post = (url: string, body: unknown, headers: Headers = asKey()) =>
  t.app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const get = (url: string, headers: Headers = asKey()) => t.app.inject({ method: 'GET', url, headers });
const drain = () => startJobWorker(t.database.db, PLATFORM_JOBS, { pollMs: 0 }).drain();

describe('POST /epcis/capture', () => {
  it('answers 202 with the job, which an enterprise system then polls until done', async () => {
    const items = serials(2).map((s) => itemLink(a.gtin, s));
    const res = await post('/epcis/capture', epcisDocument([commissioning(a, items)]), asKey({ 'content-type': 'application/ld+json' }));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
    expect(res.headers['gs1-cbv-version']).toBe('2.0.0');
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/epcis\/capture\/[0-9a-f-]{36}$/);

    const queued = await get(location);
    expect(queued.json()).toMatchObject({ running: true, success: true, captureErrorBehaviour: 'rollback', errors: [], eventCount: 1, capturedCount: 0 });
    await drain();
    const done = await get(location);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ captureID: location.split('/').pop(), running: false, success: true, capturedCount: 1, errors: [] });
    expect(done.json().finishedAt).toEqual(expect.any(String));
    const list = await get('/epcis/capture');
    expect(list.json()[0].captureID).toBe(location.split('/').pop());
  });

  it('refuses a document the schema refuses: one 400 problem naming every bad field, in the user language', async () => {
    const bad = epcisDocument([
      { type: 'ObjectEvent', eventTime: '2026-03-01', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: [itemLink(a.gtin, 'Q1')], bizStep: 'shiping' },
      { type: 'ObjectEvent', eventTime: '2026-03-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', quantityList: [] },
    ]);
    const res = await post('/epcis/capture', bad, asKey({ 'accept-language': 'en-US' }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
    const problem = res.json();
    expect(problem).toMatchObject({ type: 'epcisException:ValidationException', status: 400, instance: '/epcis/capture', code: 'epcis.validation_failed' });
    expect(problem.title).toBe('The EPCIS document has 3 error(s); no event was captured');
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/epcisBody/eventList/0/eventTime',
      '/epcisBody/eventList/0/bizStep',
      '/epcisBody/eventList/1/quantityList',
    ]);
    const zh = await post('/epcis/capture', bad);
    expect(zh.json().title).toBe('EPCIS 文档有 3 处错误，未采集任何事件');
    expect(zh.json().errors[1].message).toContain('既不是 CBV 标准词汇');
  });

  it('with GS1-Capture-Error-Behaviour: proceed, stores the valid events and lists the others on the job', async () => {
    const good = commissioning(a, serials(1).map((s) => itemLink(a.gtin, s)));
    const res = await post('/epcis/capture', epcisDocument([good, { ...good, readPoint: { id: b.glnLocation } }]), asKey({ 'gs1-capture-error-behaviour': 'proceed', 'accept-language': 'en-US' }));
    expect(res.statusCode).toBe(202);
    await drain();
    const job = (await get(String(res.headers.location), asKey({ 'accept-language': 'en-US' }))).json();
    expect(job).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'proceed', capturedCount: 1 });
    expect(job.errors).toEqual([
      {
        type: 'epcisException:ValidationException',
        title: `Location ${b.glnLocation} is not a registered premises of your enterprise`,
        status: 400,
        detail: `/epcisBody/eventList/1/readPoint/id: Location ${b.glnLocation} is not a registered premises of your enterprise`,
        instance: '#/epcisBody/eventList/1/readPoint/id',
        pointer: '/epcisBody/eventList/1/readPoint/id',
        message: `Location ${b.glnLocation} is not a registered premises of your enterprise`,
        code: 'epcis.location_not_own',
        eventIndex: 1,
      },
    ]);
    const bad = await post('/epcis/capture', epcisDocument([]), asKey({ 'gs1-capture-error-behaviour': 'all' }));
    expect([bad.statusCode, bad.json().type]).toEqual([400, 'epcisException:ValidationException']);
  });

  it('speaks problem+json for what is not a document, not JSON, not allowed or not authenticated', async () => {
    expect((await post('/epcis/capture', '{"type":')).json()).toMatchObject({ status: 400, code: 'request.malformed_json' });
    expect((await post('/epcis/capture', { type: 'EPCISQueryDocument' })).json().errors).toEqual([{ pointer: '/type', message: 'type 应为 EPCISDocument' }]);
    const text = await t.app.inject({ method: 'POST', url: '/epcis/capture', payload: 'hello', headers: asKey({ 'content-type': 'text/plain' }) });
    expect([text.statusCode, text.json().type]).toEqual([415, 'epcisException:UnsupportedMediaTypeException']);
    const anonymous = await post('/epcis/capture', epcisDocument([]), {});
    expect([anonymous.statusCode, anonymous.json().type, anonymous.headers['gs1-epcis-version']]).toEqual([401, 'epcisException:SecurityException', '2.0.0']);
    const wrongKey = await post('/epcis/capture', epcisDocument([]), { authorization: 'Bearer shian_not-a-key' });
    expect(wrongKey.statusCode).toBe(401);
    const unknown = await get(`/epcis/capture/${randomUUID()}`);
    expect([unknown.statusCode, unknown.json().type]).toEqual([404, 'epcisException:NoSuchResourceException']);
  });

  it('takes a signed-in enterprise user too; a regulator is refused (403)', async () => {
    const { user } = await buildUser(t.database.db, 'enterprise_staff', { enterpriseId: a.enterprise.id });
    const session = await signInAs(t.app, user.username, TEST_PASSWORD);
    const res = await session.request({ method: 'POST', url: '/epcis/capture', payload: JSON.stringify(epcisDocument([])), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode, res.body).toBe(202);
    const { user: regulator } = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' });
    const refused = await (await signInAs(t.app, regulator.username)).request({ method: 'POST', url: '/epcis/capture', payload: JSON.stringify(epcisDocument([])), headers: { 'content-type': 'application/json' } });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'auth.forbidden']);
  });
});

describe('OPTIONS /epcis/capture', () => {
  it('advertises the limits and versions', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/epcis/capture' });
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({ 'gs1-epcis-version': '2.0.0', 'gs1-cbv-version': '2.0.0', 'gs1-epcis-capture-limit': '500000', 'gs1-epcis-capture-file-size-limit': String(256 * 1024 * 1024) });
    expect(res.headers.allow).toBe('OPTIONS, GET, POST');
  });
});

describe('POST /epcis/events', () => {
  const event = (eventID: string, serial: string) => ({ '@context': [EPCIS_CONTEXT], type: 'ObjectEvent', eventTime: '2026-03-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', eventID, action: 'OBSERVE', bizStep: 'receiving', epcList: [itemLink(b.gtin, serial)], readPoint: { id: a.glnLocation } });

  it('captures one event at once: 201 with its Location; the same eventID with other content is 409', async () => {
    const id = `urn:uuid:${randomUUID()}`;
    const res = await post('/epcis/events', event(id, 'P1'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/epcis/events/${encodeURIComponent(id)}`);
    expect(res.json().eventID).toBe(id);
    expect((await post('/epcis/events', event(id, 'P1'))).statusCode).toBe(201);
    const conflict = await post('/epcis/events', event(id, 'P2'));
    expect([conflict.statusCode, conflict.json().type, conflict.json().code]).toEqual([409, 'epcisException:ResourceAlreadyExistsException', 'epcis.duplicate_event_id']);
    const stored = await t.database.db.selectFrom('epcisEvents').select(['enterpriseId', 'bizStep']).where('eventId', '=', id).execute();
    expect(stored).toEqual([{ enterpriseId: a.enterprise.id, bizStep: 'receiving' }]);
  });
});
