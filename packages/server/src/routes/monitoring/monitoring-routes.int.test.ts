import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReadingPartitions } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

const NOW = new Date();
const minutesAgo = (m: number): string => new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 - m * 60_000).toISOString();
let t: TestApp;
let adminA: Session;
let adminB: Session;
let pudong: Session;
let huangpu: Session;
let deviceId: string;
let secret: string;
let alertId: string;

const put = (s: Session, url: string, payload: unknown) => s.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const paths = (body: { details: { path: string }[] }): string[] => body.details.map((d) => d.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  await ensureReadingPartitions(t.database.db, NOW);
  const a = await buildEnterprise(t.database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(t.database.db, { jurisdictionCode: '310101002' });
  const session = async (...args: Parameters<typeof buildUser>) => signInAs(t.app, (await buildUser(...args)).user.username);
  adminA = await session(t.database.db, 'enterprise_admin', { enterpriseId: a.id });
  adminB = await session(t.database.db, 'enterprise_admin', { enterpriseId: b.id });
  pudong = await session(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' });
  huangpu = await session(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' });
});
afterAll(async () => t?.close());

describe('monitoring devices', () => {
  it('names every bad field of a registration', async () => {
    const res = await adminA.post('/api/v1/monitoring/devices', { kind: 'thermometer', code: ' ', area: '', cleanClass: 'class_1', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual(expect.arrayContaining(['area', 'cleanClass', 'code', 'kind']));
    const gauge = await adminA.post('/api/v1/monitoring/devices', { kind: 'pressure_differential', code: 'P-01', area: '压片间', cleanClass: 'class_100000' });
    expect(gauge.statusCode).toBe(400);
    expect(paths(gauge.json())).toEqual(['boundary']);
    expect((await pudong.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'T-09', area: '压片间', cleanClass: 'class_100000' })).json().details).toEqual([{ path: 'enterpriseId', message: expect.any(String) }]);
  });

  it('registers a device for the enterprise, seen by it and its regulator only, and issues its secret once', async () => {
    const res = await adminA.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'T-01', area: '压片间', cleanClass: 'class_100000' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'temperature', code: 'T-01', ruleSetId: 'gmp-clean-area/1', hasCredential: false, status: 'active' });
    deviceId = res.json().id;
    expect((await adminA.post('/api/v1/monitoring/devices', { kind: 'temperature', code: 'T-01', area: '压片间', cleanClass: 'class_100000' })).json().details).toEqual([{ path: 'code', message: expect.any(String) }]);

    const ids = async (s: Session) => ((await s.get('/api/v1/monitoring/devices')).json().items as { id: string }[]).map((d) => d.id);
    expect(await ids(adminA)).toEqual([deviceId]);
    expect(await ids(pudong)).toEqual([deviceId]);
    expect(await ids(adminB)).toEqual([]);
    expect(await ids(huangpu)).toEqual([]);

    expect((await adminB.post(`/api/v1/monitoring/devices/${deviceId}/credential`, {})).statusCode).toBe(404);
    const credential = await adminA.post(`/api/v1/monitoring/devices/${deviceId}/credential`, {});
    expect(credential.statusCode).toBe(201);
    expect(credential.headers['cache-control']).toBe('no-store');
    expect(credential.json().deviceId).toBe(deviceId);
    secret = credential.json().secret;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect((await adminA.get('/api/v1/monitoring/devices')).body).not.toContain(secret);
  });

  it('puts the device under a rule set the enterprise may use', async () => {
    const bad = await put(adminA, `/api/v1/monitoring/devices/${deviceId}/rule-set`, { ruleSetId: 'no-such/1' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['ruleSetId']);
    expect((await put(adminB, `/api/v1/monitoring/devices/${deviceId}/rule-set`, { ruleSetId: 'gmp-clean-area/1' })).statusCode).toBe(404);
    const ok = await put(adminA, `/api/v1/monitoring/devices/${deviceId}/rule-set`, { ruleSetId: 'gmp-clean-area/1' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ruleSetId: 'gmp-clean-area/1', version: 2, hasCredential: true });
  });
});

describe('monitoring alerts', () => {
  it('opens an alert from a sustained excursion sent with the device credential', async () => {
    // In range, then 30 °C for 12 minutes: longer than the rule's 300 sustain seconds.
    const readings = [{ at: minutesAgo(40), value: 21 }, ...Array.from({ length: 13 }, (_, i) => ({ at: minutesAgo(20 - i), value: 30 }))];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/readings', headers: { authorization: `Device ${deviceId}:${secret}` }, payload: { readings } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ stored: 14, alertsOpened: 1 });

    const list = await adminA.get(`/api/v1/monitoring/alerts?status=open&deviceId=${deviceId}`);
    expect(list.statusCode).toBe(200);
    const alerts: { id: string; ruleKind: string; grade: string; deviceId: string }[] = list.json().items;
    expect(alerts).toEqual([expect.objectContaining({ deviceId, ruleKind: 'out_of_range', grade: 'immediate' })]);
    alertId = alerts[0]!.id;
    expect((await pudong.get('/api/v1/monitoring/alerts')).json().items.map((a: { id: string }) => a.id)).toEqual([alertId]);
    expect((await adminB.get('/api/v1/monitoring/alerts')).json().items).toEqual([]);
    expect((await huangpu.get('/api/v1/monitoring/alerts')).json().items).toEqual([]);
    expect((await adminA.get('/api/v1/monitoring/alerts?status=closed')).json().items).toEqual([]);
    expect(paths((await adminA.get('/api/v1/monitoring/alerts?status=gone&deviceId=x')).json())).toEqual(['deviceId', 'status']);
  });

  it('is handled by the bureau step by step to closed as a false positive, forward only', async () => {
    const url = (step: string) => `/api/v1/monitoring/alerts/${alertId}/${step}`;
    expect((await adminA.post(url('acknowledge'), {})).statusCode).toBe(403);
    expect((await huangpu.post(url('acknowledge'), {})).statusCode).toBe(404);
    const acknowledged = await pudong.post(url('acknowledge'), {});
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json().status).toBe('acknowledged');
    expect((await pudong.post(url('acknowledge'), {})).statusCode).toBe(409);
    expect((await pudong.post(url('send'), { note: '请企业核查空调机组' })).json()).toMatchObject({ status: 'sent', note: '请企业核查空调机组' });
    expect((await pudong.post(url('verify'), {})).json().status).toBe('verified');

    const bad = await pudong.post(url('close'), { falsePositive: 'yes', note: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['falsePositive', 'note']);
    const closed = await pudong.post(url('close'), { falsePositive: true, note: '探头贴近灯具，读数失真' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', falsePositive: true });
    expect(closed.json().closedAt).toEqual(expect.any(String));
    expect((await adminA.get(`/api/v1/monitoring/alerts?status=closed&deviceId=${deviceId}`)).json().items.map((a: { id: string }) => a.id)).toEqual([alertId]);
  });

  it('counts the false positive in the precision of its rule, in scope only', async () => {
    const expected = [{ ruleKind: 'out_of_range', closed: 1, falsePositives: 1, precision: 0 }];
    expect((await pudong.get('/api/v1/monitoring/precision')).json().items).toEqual(expected);
    expect((await adminA.get('/api/v1/monitoring/precision')).json().items).toEqual(expected);
    expect((await adminB.get('/api/v1/monitoring/precision')).json().items).toEqual([]);
    expect((await huangpu.get('/api/v1/monitoring/precision')).json().items).toEqual([]);
  });
});
