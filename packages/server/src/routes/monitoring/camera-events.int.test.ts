import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDeviceCredential, registerDevice, type MonitoringDeviceRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

const URL = '/api/v1/monitoring/camera-events';
const NOW = new Date();
const secondsAgo = (s: number): string => new Date(NOW.getTime() - s * 1000).toISOString();
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0xff, 0xd9]);
let t: TestApp;
let camera: MonitoringDeviceRow;
let thermo: MonitoringDeviceRow;
let cameraSecret: string;
let thermoSecret: string;
let staffA: Session;
let pudong: Session;
let huangpu: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildEnterprise(t.database.db, { jurisdictionCode: '310115007' });
  const adminA = { db: t.database.db, actor: (await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: a.id })).actor };
  const base = { area: '包装间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1' };
  camera = await registerDevice(adminA, a.id, { ...base, kind: 'camera', code: 'C-01' });
  thermo = await registerDevice(adminA, a.id, { ...base, kind: 'temperature', code: 'T-01' });
  cameraSecret = (await issueDeviceCredential(adminA, camera.id)).secret;
  thermoSecret = (await issueDeviceCredential(adminA, thermo.id)).secret;
  staffA = await signInAs(t.app, (await buildUser(t.database.db, 'enterprise_staff', { enterpriseId: a.id })).user.username);
  pudong = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' })).user.username);
  huangpu = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
});
afterAll(async () => t?.close());

const post = (payload: unknown, headers: Record<string, string> = { authorization: `Device ${camera.id}:${cameraSecret}` }) =>
  t.app.inject({ method: 'POST', url: URL, headers, payload: payload as Record<string, unknown> });
const paths = (body: { details: { path: string }[] }): string[] => body.details.map((d) => d.path);

describe('POST /api/v1/monitoring/camera-events', () => {
  const good = { eventId: 'hik-1', kind: 'no_hairnet', occurredAt: secondsAgo(60), confidence: 0.87, vendor: 'Hikvision', snapshot: { contentType: 'image/jpeg', base64: JPEG.toString('base64') } };

  it('refuses without a credential, with a wrong one, and from a session (401), and a sensor that is not a camera (403)', async () => {
    expect((await post(good, {})).statusCode).toBe(401);
    expect((await post({}, { authorization: `Device ${camera.id}:wrong` })).statusCode).toBe(401);
    const session = await staffA.post(URL, good);
    expect({ status: session.statusCode, code: session.json().code }).toEqual({ status: 401, code: 'auth.unauthenticated' });
    expect((await post(good, { authorization: `Device ${thermo.id}:${thermoSecret}` })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('monitoringCameraEvents').select('id').execute()).toEqual([]);
  });

  it('names every bad field in the language asked for', async () => {
    const res = await post({ eventId: '', kind: 'dancing', occurredAt: '2026-03-01 08:00', confidence: 2, snapshot: { contentType: 'image/gif', base64: '***' } }, { authorization: `Device ${camera.id}:${cameraSecret}`, 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json()).sort()).toEqual(['confidence', 'eventId', 'kind', 'occurredAt', 'snapshot.base64', 'snapshot.contentType']);
    expect(res.json().details.find((d: { path: string }) => d.path === 'confidence').message).toBe('The confidence is a number from 0 to 1');
    // Checks that need the bytes or the clock: a PNG that is a JPEG, an event an hour ahead.
    const later = await post({ ...good, eventId: 'hik-x', occurredAt: new Date(NOW.getTime() + 3_600_000).toISOString(), snapshot: { contentType: 'image/png', base64: JPEG.toString('base64') } }, { authorization: `Device ${camera.id}:${cameraSecret}`, 'accept-language': 'zh-CN' });
    expect(later.statusCode).toBe(400);
    expect(later.json().details).toEqual([
      { path: 'occurredAt', message: '事件时间晚于当前时间超过 5 分钟' },
      { path: 'snapshot.contentType', message: '抓拍图片应为 JPEG 或 PNG，且与声明的类型一致' },
    ]);
    const huge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]);
    const big = await post({ ...good, eventId: 'hik-big', snapshot: { contentType: 'image/jpeg', base64: huge.toString('base64') } });
    expect(big.statusCode).toBe(400);
    expect(paths(big.json())).toEqual(['snapshot.base64']);
    expect(await t.database.db.selectFrom('monitoringCameraEvents').select('id').execute()).toEqual([]);
  });

  it('stores an event (202) with its alert, and answers a retry as a duplicate', async () => {
    const res = await post(good);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toEqual({ eventId: expect.any(String), alertId: expect.any(String), duplicate: false });
    expect((await post(good)).json()).toEqual({ ...body, duplicate: true });
    const next = (await post({ ...good, eventId: 'hik-2', snapshot: undefined })).json();
    expect(next).toMatchObject({ alertId: body.alertId, duplicate: false });
    const alerts = (await pudong.get(`/api/v1/monitoring/alerts?deviceId=${camera.id}`)).json().items;
    expect(alerts).toMatchObject([{ id: body.alertId, ruleKind: 'ai_no_hairnet', grade: 'deadline', readingCount: 2, latestSnapshotUrl: `${URL}/${body.eventId}/snapshot` }]);
  });
});

describe('GET /api/v1/monitoring/camera-events and the snapshot', () => {
  it('lists the events of an alert with snapshot links, and serves the bytes with their type', async () => {
    const [alert] = await t.database.db.selectFrom('monitoringAlerts').select('id').where('deviceId', '=', camera.id).execute();
    const res = await pudong.get(`${URL}?alertId=${alert!.id}`);
    expect(res.statusCode).toBe(200);
    const items: { id: string; vendorEventId: string; snapshotUrl: string | null; confidence: number | null; kind: string }[] = res.json().items;
    expect(items.map((e) => [e.vendorEventId, e.snapshotUrl !== null]).sort()).toEqual([
      ['hik-1', true],
      ['hik-2', false],
    ]);
    const withSnapshot = items.find((e) => e.vendorEventId === 'hik-1')!;
    expect(withSnapshot).toMatchObject({ kind: 'no_hairnet', snapshotUrl: `${URL}/${withSnapshot.id}/snapshot` });
    expect(withSnapshot.confidence).toBeCloseTo(0.87, 5);
    expect((await staffA.get(`${URL}?deviceId=${camera.id}`)).json().items).toHaveLength(2);

    const image = await pudong.get(withSnapshot.snapshotUrl!);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toContain('private');
    expect(Buffer.compare(image.rawPayload, JPEG)).toBe(0);

    expect((await huangpu.get(`${URL}?deviceId=${camera.id}`)).json().items).toEqual([]);
    expect((await huangpu.get(withSnapshot.snapshotUrl!)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: withSnapshot.snapshotUrl! })).statusCode).toBe(401);
  });
});
