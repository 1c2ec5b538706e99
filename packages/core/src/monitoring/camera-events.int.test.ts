import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeviceState, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { closeAlert, listAlerts } from './alert-service.ts';
import { cameraSnapshot, listCameraEvents, receiveCameraEvent } from './camera-events.ts';
import type { DeviceIdentity } from './device-credentials.ts';
import { registerDevice, setDeviceRuleSet } from './device-service.ts';
import { createRuleSetOverride } from './rule-set-service.ts';
import { checkSilentDevices } from './silent-devices.ts';

/** AI camera events on the database: cameras of A (浦东) and a thermometer; B (黄浦) sees none of it. */
const NOW = new Date();
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const secondsAgo = (s: number): Date => new Date(NOW.getTime() - s * 1000);
let database: Database;
let a: EnterpriseRow;
let adminA: Actor;
let adminB: Actor;
let pudong: Actor;
let huangpu: Actor;
let camera: DeviceIdentity;
let camera2: DeviceIdentity;
let thermo: DeviceIdentity;
const as = (actor: Actor): Ctx => ({ db: database.db, actor });
let sequence = 0;
const event = (kind: string, extra: Record<string, unknown> = {}) => ({ eventId: `vendor-${(sequence += 1)}`, kind, occurredAt: secondsAgo(600 - sequence), ...extra });
const alertOf = async (deviceId: string, ruleKind: string) =>
  (await database.db.selectFrom('monitoringAlerts').selectAll().where('deviceId', '=', deviceId).where('ruleKind', '=', ruleKind as 'ai_rodent').orderBy('openedAt').execute());

beforeAll(async () => {
  database = await createTestDatabase();
  a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  adminA = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor;
  adminB = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor;
  pudong = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
  huangpu = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
  const base = { area: '包装间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1' };
  camera = await registerDevice(as(adminA), a.id, { ...base, kind: 'camera', code: 'C-01' });
  camera2 = await registerDevice(as(adminA), a.id, { ...base, kind: 'camera', code: 'C-02' });
  thermo = await registerDevice(as(adminA), a.id, { ...base, kind: 'temperature', code: 'T-01' });
});
afterAll(async () => database?.close());

describe('receiveCameraEvent', () => {
  it('opens the alert of (camera, ai_<kind>) with the default grade, links the event, and counts as a heartbeat', async () => {
    await checkSilentDevices(database.db, new Date(NOW.getTime() + 11 * 60_000));
    expect((await alertOf(camera.id, 'camera_offline')).map((x) => x.clearedAt)).toEqual([null]);

    const occurredAt = secondsAgo(30);
    const receipt = await receiveCameraEvent(database.db, camera, { eventId: 'hik-0001', kind: 'rodent', occurredAt, confidence: 0.91, vendor: 'Hikvision', snapshot: { contentType: 'image/jpeg', bytes: JPEG } });
    expect(receipt.duplicate).toBe(false);
    const [alert] = await alertOf(camera.id, 'ai_rodent');
    expect(alert).toMatchObject({ id: receipt.event.alertId, grade: 'immediate', status: 'open', readingCount: 1, openedAt: occurredAt, firstReadingAt: occurredAt, lastReadingAt: occurredAt });
    expect(receipt.event).toMatchObject({ deviceId: camera.id, enterpriseId: a.id, jurisdictionCode: '310115007', kind: 'rodent', vendorEventId: 'hik-0001', vendor: 'Hikvision', snapshotType: 'image/jpeg', hasSnapshot: true });
    expect(receipt.event.confidence).toBeCloseTo(0.91, 5);

    // The heartbeat: camera_offline ended, last seen at the event, state moved on.
    expect((await alertOf(camera.id, 'camera_offline'))[0]?.clearedAt).toEqual(occurredAt);
    const device = await database.db.selectFrom('monitoringDevices').select(['lastSeenAt', 'state']).where('id', '=', camera.id).executeTakeFirstOrThrow();
    expect(device.lastSeenAt).toEqual(occurredAt);
    expect(parseDeviceState(device.state)).toMatchObject({ lastAt: occurredAt.toISOString(), open: [] });
    // Machine input is not audited (as readings are not).
    expect(await database.db.selectFrom('auditLog').select('entityId').where('entityId', 'in', [alert!.id, receipt.event.id]).execute()).toEqual([]);
  });

  it('keeps ONE open alert for 50 events of the same kind, counted 50, graded `deadline` for hygiene wear', async () => {
    for (let i = 0; i < 50; i += 1) await receiveCameraEvent(database.db, camera, event('no_hairnet', { snapshot: i % 2 ? { contentType: 'image/png', bytes: PNG } : null }));
    const alerts = await alertOf(camera.id, 'ai_no_hairnet');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'open', grade: 'deadline', readingCount: 50 });
    const events = await listCameraEvents(as(pudong), { alertId: alerts[0]!.id });
    expect(events).toHaveLength(50);
    expect(events.filter((e) => e.hasSnapshot)).toHaveLength(25);
    expect(events[0]!.occurredAt.getTime()).toBeGreaterThan(events[49]!.occurredAt.getTime());
  });

  it("answers a vendor's retry with the stored event: no new row, no count", async () => {
    const first = await receiveCameraEvent(database.db, camera, { eventId: 'retry-1', kind: 'smoking', occurredAt: secondsAgo(100) });
    const again = await receiveCameraEvent(database.db, camera, { eventId: 'retry-1', kind: 'smoking', occurredAt: secondsAgo(100) });
    expect(again).toEqual({ event: first.event, duplicate: true });
    expect(await database.db.selectFrom('monitoringCameraEvents').select('id').where('vendorEventId', '=', 'retry-1').execute()).toHaveLength(1);
    expect((await alertOf(camera.id, 'ai_smoking')).map((x) => x.readingCount)).toEqual([1]);
    // The same vendor id from another camera is another event.
    expect((await receiveCameraEvent(database.db, camera2, { eventId: 'retry-1', kind: 'smoking', occurredAt: secondsAgo(100) })).duplicate).toBe(false);
  });

  it('refuses a device that is not a camera', async () => {
    await expect(receiveCameraEvent(database.db, thermo, event('smoking'))).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(await database.db.selectFrom('monitoringCameraEvents').select('id').where('deviceId', '=', thermo.id).execute()).toEqual([]);
  });

  it('names every bad field and stores nothing', async () => {
    const before = (await database.db.selectFrom('monitoringCameraEvents').select('id').execute()).length;
    await expect(
      receiveCameraEvent(database.db, camera, { eventId: ' ', kind: 'dancing', occurredAt: new Date(NOW.getTime() + 3_600_000), confidence: 1.5, vendor: 'x'.repeat(101), snapshot: { contentType: 'image/png', bytes: JPEG } }, NOW),
    ).rejects.toMatchObject({
      code: 'request.invalid',
      details: [
        { path: 'eventId', message: 'field.required' },
        { path: 'kind', message: 'field.camera_event_kind' },
        { path: 'occurredAt', message: 'field.camera_event_future' },
        { path: 'confidence', message: 'field.camera_confidence' },
        { path: 'vendor', message: 'field.camera_vendor' },
        { path: 'snapshot.contentType', message: 'field.camera_snapshot_type' },
      ],
    });
    const text = new TextEncoder().encode('GIF89a not a photo');
    await expect(receiveCameraEvent(database.db, camera, { ...event('rodent'), occurredAt: null, snapshot: { contentType: 'image/jpeg', bytes: text } })).rejects.toMatchObject({
      details: [{ path: 'occurredAt', message: 'field.required' }, { path: 'snapshot.contentType', message: 'field.camera_snapshot_type' }],
    });
    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(JPEG);
    await expect(receiveCameraEvent(database.db, camera, { ...event('rodent'), snapshot: { contentType: 'image/jpeg', bytes: huge } })).rejects.toMatchObject({ details: [{ path: 'snapshot.base64', message: 'field.camera_snapshot_size' }] });
    expect((await database.db.selectFrom('monitoringCameraEvents').select('id').execute()).length).toBe(before);
  });

  it('opens a NEW alert for an event after the last one was closed', async () => {
    const [open] = await alertOf(camera.id, 'ai_rodent');
    await closeAlert(as(pudong), open!.id, { falsePositive: false, note: '已灭鼠' });
    const next = await receiveCameraEvent(database.db, camera, event('rodent', { occurredAt: secondsAgo(5) }));
    const alerts = await alertOf(camera.id, 'ai_rodent');
    expect(alerts.map((x) => x.status)).toEqual(['closed', 'open']);
    expect(next.event.alertId).toBe(alerts[1]!.id);
    expect(alerts[1]).toMatchObject({ readingCount: 1 });
  });

  it("grades by the camera's rule set when it says so, else by the platform default", async () => {
    await receiveCameraEvent(database.db, camera, event('phone_use'));
    expect((await alertOf(camera.id, 'ai_phone_use'))[0]).toMatchObject({ grade: 'routine' });
    const site = await createRuleSetOverride(as(adminA), a.id, { parentId: 'gmp-clean-area/1', name: { 'zh-CN': '甲厂', 'en-US': 'Plant A' }, source: '企业管理制度 2026', override: { grades: { ai_phone_use: { grade: 'immediate', handleWithinHours: null } } } });
    await setDeviceRuleSet(as(adminA), camera2.id, site.id);
    await receiveCameraEvent(database.db, camera2, event('phone_use'));
    await receiveCameraEvent(database.db, camera2, event('no_mask'));
    expect((await alertOf(camera2.id, 'ai_phone_use'))[0]).toMatchObject({ grade: 'immediate' });
    expect((await alertOf(camera2.id, 'ai_no_mask'))[0]).toMatchObject({ grade: 'deadline' });
  });
});

describe('camera events in scope', () => {
  it('lists by device for the enterprise and its district; another enterprise and district see nothing', async () => {
    const mine = await listCameraEvents(as(adminA), { deviceId: camera.id });
    expect(mine.length).toBeGreaterThan(50);
    expect(await listCameraEvents(as(pudong), { deviceId: camera.id })).toHaveLength(mine.length);
    expect(await listCameraEvents(as(adminB), { deviceId: camera.id })).toEqual([]);
    expect(await listCameraEvents(as(huangpu), {})).toEqual([]);
    expect((await listAlerts(as(huangpu))).length).toBe(0);
  });

  it('gives the snapshot bytes and type in scope, 404 outside it or without one', async () => {
    const [withSnapshot] = await database.db.selectFrom('monitoringCameraEvents').select('id').where('vendorEventId', '=', 'hik-0001').execute();
    expect(await cameraSnapshot(as(pudong), withSnapshot!.id)).toEqual({ contentType: 'image/jpeg', bytes: expect.any(Uint8Array) });
    expect([...(await cameraSnapshot(as(adminA), withSnapshot!.id)).bytes]).toEqual([...JPEG]);
    await expect(cameraSnapshot(as(huangpu), withSnapshot!.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(cameraSnapshot(as(adminB), withSnapshot!.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    const [without] = await database.db.selectFrom('monitoringCameraEvents').select('id').where('vendorEventId', '=', 'retry-1').execute();
    await expect(cameraSnapshot(as(pudong), without!.id)).rejects.toMatchObject({ code: 'resource.not_found' });
  });
});
