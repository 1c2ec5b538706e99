import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuleSetOverride, ensureReadingPartitions } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/** The rule-set list (监测规则集) behind the device page's select, and the listed alert's device and enterprise. */

const NOW = new Date();
const minutesAgo = (m: number): string => new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 - m * 60_000).toISOString();
let t: TestApp;
let adminA: Session;
let adminB: Session;
let pudong: Session;
let huangpu: Session;
let enterpriseA: { id: string; name: string };
let overrideA: string;
let overrideB: string;

const put = (s: Session, url: string, payload: Record<string, unknown>) => s.request({ method: 'PUT', url, payload });
const ids = async (s: Session, query = ''): Promise<string[]> => ((await s.get(`/api/v1/monitoring/rule-sets${query}`)).json().items as { id: string }[]).map((r) => r.id);

beforeAll(async () => {
  t = await createTestApp();
  await ensureReadingPartitions(t.database.db, NOW);
  const a = await buildEnterprise(t.database.db, { jurisdictionCode: '310115007', name: '浦东规则测试保健品有限公司' });
  const b = await buildEnterprise(t.database.db, { jurisdictionCode: '310101002' });
  enterpriseA = { id: a.id, name: a.name };
  const user = async (...args: Parameters<typeof buildUser>) => buildUser(...args);
  const a1 = await user(t.database.db, 'enterprise_admin', { enterpriseId: a.id });
  const b1 = await user(t.database.db, 'enterprise_admin', { enterpriseId: b.id });
  adminA = await signInAs(t.app, a1.user.username);
  adminB = await signInAs(t.app, b1.user.username);
  pudong = await signInAs(t.app, (await user(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' })).user.username);
  huangpu = await signInAs(t.app, (await user(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
  const override = (actor: typeof a1.actor, enterpriseId: string, zh: string) =>
    createRuleSetOverride({ db: t.database.db, actor }, enterpriseId, { parentId: 'gmp-clean-area/1', name: { 'zh-CN': zh, 'en-US': zh }, source: '企业验证报告 2026-01', override: { limits: { temperature: { max: 25 } } } });
  overrideA = (await override(a1.actor, a.id, '压片间现场规则')).id;
  overrideB = (await override(b1.actor, b.id, '黄浦现场规则')).id;
});
afterAll(async () => t?.close());

describe('GET /api/v1/monitoring/rule-sets', () => {
  it('lists the built-in set first, then the overrides of enterprises in scope only', async () => {
    const answer = await adminA.get('/api/v1/monitoring/rule-sets');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().items).toEqual([
      expect.objectContaining({ id: 'gmp-clean-area/1', version: 1, parentId: null, enterpriseId: null, name: { 'zh-CN': 'GMP 洁净区默认规则', 'en-US': 'GMP clean-area defaults' } }),
      { id: overrideA, version: 2, parentId: 'gmp-clean-area/1', enterpriseId: enterpriseA.id, name: { 'zh-CN': '压片间现场规则', 'en-US': '压片间现场规则' }, source: '企业验证报告 2026-01' },
    ]);
    expect(await ids(adminB)).toEqual(['gmp-clean-area/1', overrideB]);
    expect(await ids(pudong)).toEqual(['gmp-clean-area/1', overrideA]);
    expect(await ids(huangpu)).toEqual(['gmp-clean-area/1', overrideB]);
    // One enterprise's: a regulator cannot reach past its scope by naming another district's enterprise.
    expect(await ids(pudong, `?enterpriseId=${enterpriseA.id}`)).toEqual(['gmp-clean-area/1', overrideA]);
    expect(await ids(huangpu, `?enterpriseId=${enterpriseA.id}`)).toEqual(['gmp-clean-area/1']);
    expect((await pudong.get('/api/v1/monitoring/rule-sets?enterpriseId=x')).json().details.map((d: { path: string }) => d.path)).toEqual(['enterpriseId']);
  });

  it('offers only sets a device of the enterprise may be put under', async () => {
    const device = await adminA.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'RS-T1', area: '压片间', cleanClass: 'class_100000' });
    expect(device.statusCode, device.body).toBe(201);
    for (const id of await ids(adminA)) expect((await put(adminA, `/api/v1/monitoring/devices/${device.json().id}/rule-set`, { ruleSetId: id })).statusCode).toBe(200);
    expect((await put(adminA, `/api/v1/monitoring/devices/${device.json().id}/rule-set`, { ruleSetId: overrideB })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/monitoring/alerts', () => {
  it("names each alert's device code, area and enterprise", async () => {
    const device = await adminA.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'RS-T2', area: '内包间', cleanClass: 'class_100000' });
    const deviceId: string = device.json().id;
    const readings = Array.from({ length: 9 }, (_, i) => ({ deviceId, at: minutesAgo(9 - i), value: 28 }));
    const sent = await adminA.post('/api/v1/monitoring/readings', { readings });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json().alertsOpened).toBe(1);
    const items = (await pudong.get(`/api/v1/monitoring/alerts?deviceId=${deviceId}`)).json().items;
    expect(items).toEqual([expect.objectContaining({ deviceId, ruleKind: 'out_of_range', deviceCode: 'RS-T2', area: '内包间', enterpriseName: enterpriseA.name, enterpriseId: enterpriseA.id })]);
  });
});

describe('POST /api/v1/monitoring/rule-sets', () => {
  it("makes a site's override (audited) that a device is then put under: 27 °C is in range under it", async () => {
    const bad = await adminA.post('/api/v1/monitoring/rule-sets', { parentId: 'nope', name: { 'zh-CN': '', 'en-US': 'x' }, source: ' ', override: { limits: { temperature: { min: 30, max: 20 } }, sustainSeconds: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['name.zh-CN', 'override.sustainSeconds', 'source']);
    const wrongParent = await adminA.post('/api/v1/monitoring/rule-sets', { parentId: overrideB, name: { 'zh-CN': '灌装间', 'en-US': 'Filling' }, source: '工艺验证', override: {} });
    expect(wrongParent.json().details).toEqual([expect.objectContaining({ path: 'parentId' })]);
    const upside = await adminA.post('/api/v1/monitoring/rule-sets', { parentId: 'gmp-clean-area/1', name: { 'zh-CN': '灌装间', 'en-US': 'Filling' }, source: '工艺验证', override: { limits: { temperature: { min: 30, max: 20 } } } });
    expect(upside.json().details).toEqual([expect.objectContaining({ path: 'override.limits.temperature.min' })]);

    const made = await adminA.post('/api/v1/monitoring/rule-sets', { parentId: overrideA, name: { 'zh-CN': '灌装间现场规则', 'en-US': 'Filling room' }, source: '工艺验证报告 2026-06', override: { limits: { temperature: { max: 28 } }, sustainSeconds: 120 } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ version: 3, parentId: overrideA, enterpriseId: enterpriseA.id, source: '工艺验证报告 2026-06' });
    const id: string = made.json().id;
    expect(await ids(adminA)).toContain(id);
    expect(await ids(adminB)).not.toContain(id);
    // Another district's regulator cannot make one for A (it does not exist for them).
    expect((await huangpu.post('/api/v1/monitoring/rule-sets', { enterpriseId: enterpriseA.id, parentId: 'gmp-clean-area/1', name: { 'zh-CN': 'x', 'en-US': 'x' }, source: 'x', override: {} })).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('entityId', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['monitoring.rule_set_override']);

    const device = await adminA.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'RS-T3', area: '灌装间', cleanClass: 'class_100000' });
    const deviceId: string = device.json().id;
    expect((await put(adminA, `/api/v1/monitoring/devices/${deviceId}/rule-set`, { ruleSetId: id })).statusCode).toBe(200);
    const warm = await adminA.post('/api/v1/monitoring/readings', { readings: Array.from({ length: 9 }, (_, i) => ({ deviceId, at: minutesAgo(30 - i), value: 27 })) });
    expect(warm.json()).toMatchObject({ stored: 9, alertsOpened: 0 });
    const hot = await adminA.post('/api/v1/monitoring/readings', { readings: Array.from({ length: 3 }, (_, i) => ({ deviceId, at: minutesAgo(20 - i), value: 29 })) });
    expect(hot.json()).toMatchObject({ stored: 3, alertsOpened: 1 }); // 2 minutes above 28 °C, sustained past 120 s
  });
});
