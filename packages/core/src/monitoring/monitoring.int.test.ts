import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { acknowledgeAlert, closeAlert, listAlerts, precisionByRule, sendAlertToEnterprise, verifyAlert } from './alert-service.ts';
import { listDevices, registerDevice, setDeviceRuleSet, type MonitoringDeviceRow } from './device-service.ts';
import { ingestReadings } from './ingest-readings.ts';
import { ensureReadingPartitions } from './reading-partitions.ts';
import { createRuleSetOverride, loadRuleSets } from './rule-set-service.ts';
import { checkSilentDevices } from './silent-devices.ts';

/** Monitoring on the database: A in 浦东 (310115) with devices, B in 黄浦 (310101) with one. */
const NOW = new Date();
const T0 = new Date(Math.floor(NOW.getTime() / 3_600_000) * 3_600_000 - 3 * 3_600_000); // three hours ago, on the hour
const at = (minute: number): Date => new Date(T0.getTime() + minute * 60_000);
let database: Database;
let a: EnterpriseRow;
let b: EnterpriseRow;
let adminA: Actor;
let adminB: Actor;
let pudong: Actor;
let huangpu: Actor;
let thermo: MonitoringDeviceRow;
let hygro: MonitoringDeviceRow;
let camera: MonitoringDeviceRow;
let thermoB: MonitoringDeviceRow;
const as = (actor: Actor): Ctx => ({ db: database.db, actor });

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureReadingPartitions(database.db, NOW);
  a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  adminA = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor;
  adminB = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor;
  pudong = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
  huangpu = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
  const base = { area: '压片间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1' };
  thermo = await registerDevice(as(adminA), a.id, { ...base, kind: 'temperature', code: 'T-01' });
  hygro = await registerDevice(as(adminA), a.id, { ...base, kind: 'humidity', code: 'H-01' });
  camera = await registerDevice(as(adminA), a.id, { ...base, kind: 'camera', code: 'C-01' });
  thermoB = await registerDevice(as(adminB), b.id, { ...base, kind: 'temperature', code: 'T-01' });
});
afterAll(async () => database?.close());

describe('devices and rule sets', () => {
  it('registers devices (audited), names bad fields, and keeps another enterprise out of sight', async () => {
    await expect(registerDevice(as(adminA), a.id, { kind: 'pressure_differential', code: 'T-01', area: '', cleanClass: 'class_100000', ruleSetId: 'nope' })).rejects.toMatchObject({
      code: 'request.invalid',
      details: [{ path: 'boundary' }, { path: 'area' }, { path: 'ruleSetId' }, { path: 'code', message: 'field.monitoring_code_taken' }],
    });
    await expect(registerDevice(as(adminB), a.id, { kind: 'humidity', code: 'X', area: 'x', cleanClass: 'non_clean', ruleSetId: 'gmp-clean-area/1' })).rejects.toMatchObject({ code: 'resource.not_found' });
    expect((await listDevices(as(adminA))).map((d) => d.code)).toEqual(['C-01', 'H-01', 'T-01']);
    expect((await listDevices(as(huangpu))).map((d) => d.id)).toEqual([thermoB.id]);
    const audits = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', thermo.id).execute();
    expect(audits.map((r) => r.action)).toEqual(['monitoring.device_register']);
  });

  it('makes a site override as a new version and puts a device under it (audited); another enterprise cannot use it', async () => {
    const site = await createRuleSetOverride(as(adminA), a.id, { parentId: 'gmp-clean-area/1', name: { 'zh-CN': '甲厂', 'en-US': 'Plant A' }, source: '工艺验证 2026', override: { limits: { humidity: { max: 70 } } } });
    expect(site).toMatchObject({ version: 2, parentId: 'gmp-clean-area/1' });
    await expect(setDeviceRuleSet(as(adminB), thermoB.id, site.id)).rejects.toMatchObject({ code: 'request.invalid', details: [{ path: 'ruleSetId' }] });
    hygro = await setDeviceRuleSet(as(adminA), hygro.id, site.id);
    expect(hygro.ruleSetId).toBe(site.id);
    const parent = (await loadRuleSets(database.db, ['gmp-clean-area/1'])).get('gmp-clean-area/1');
    expect(parent?.data.limits.humidity).toMatchObject({ max: 65 });
  });
});

describe('ingestReadings', () => {
  it('stores idempotently: a repeated batch (QoS 1 redelivery) is counted as duplicates and changes nothing', async () => {
    const batch = [0, 1, 2].map((m) => ({ deviceId: thermo.id, at: at(m), value: 22 + m * 0.5 }));
    expect(await ingestReadings(database.db, batch, NOW)).toEqual({ stored: 3, duplicates: 0, opened: 0, cleared: 0 });
    expect(await ingestReadings(database.db, batch, NOW)).toEqual({ stored: 0, duplicates: 3, opened: 0, cleared: 0 });
    const minute = await database.db.selectFrom('monitoringRollups').selectAll().where('deviceId', '=', thermo.id).where('grain', '=', 'hour').execute();
    expect(minute).toEqual([{ deviceId: thermo.id, grain: 'hour', bucket: T0, min: 22, max: 23, sum: 67.5, count: 3 }]);
    const minutes = await database.db.selectFrom('monitoringRollups').select(['bucket', 'count']).where('deviceId', '=', thermo.id).where('grain', '=', 'minute').orderBy('bucket').execute();
    expect(minutes).toEqual([0, 1, 2].map((m) => ({ bucket: at(m), count: 1 })));
  });

  it('refuses a batch naming every bad reading', async () => {
    await expect(
      ingestReadings(database.db, [
        { deviceId: thermo.id, at: at(3), value: Number.NaN },
        { deviceId: '00000000-0000-4000-8000-000000000000', at: at(3), value: 1 },
        { deviceId: thermo.id, at: new Date(NOW.getTime() + 6 * 60_000), value: 1 },
      ], NOW),
    ).rejects.toMatchObject({ details: [{ path: 'readings.0.value' }, { path: 'readings.1.deviceId' }, { path: 'readings.2.at', message: 'field.monitoring_reading_future' }] });
  });

  it('opens ONE alert for a long excursion over several batches, extends it, and clears it when back in range', async () => {
    const hot = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ deviceId: thermo.id, at: at(from + i), value: 23.5 + Math.min(i, 2) }));
    // 23.5, 24.5, then 25.5 … climbs by 1 °C/min (within 2 °C/min); over 26 from minute 10 on.
    await ingestReadings(database.db, hot(3, 2), NOW);
    const r1 = await ingestReadings(database.db, Array.from({ length: 20 }, (_, i) => ({ deviceId: thermo.id, at: at(5 + i), value: i < 5 ? 25.5 : 26.5 })), NOW);
    expect(r1).toMatchObject({ stored: 20, opened: 1 });
    const r2 = await ingestReadings(database.db, Array.from({ length: 30 }, (_, i) => ({ deviceId: thermo.id, at: at(25 + i), value: 26.5 })), NOW);
    expect(r2).toMatchObject({ stored: 30, opened: 0, cleared: 0 });
    const open = await listAlerts(as(adminA));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ ruleKind: 'out_of_range', grade: 'immediate', status: 'open', firstReadingAt: at(10), openedAt: at(15), lastReadingAt: at(54), readingCount: 40, clearedAt: null });
    const back = await ingestReadings(database.db, [{ deviceId: thermo.id, at: at(55), value: 25.5 }], NOW);
    expect(back).toMatchObject({ opened: 0, cleared: 1 });
    expect((await listAlerts(as(adminA)))[0]).toMatchObject({ status: 'open', clearedAt: at(55) });
    const device = await database.db.selectFrom('monitoringDevices').select(['lastSeenAt', 'state']).where('id', '=', thermo.id).executeTakeFirstOrThrow();
    expect(device.lastSeenAt).toEqual(at(55));
    expect(device.state).toMatchObject({ open: [], outSince: null, lastValue: 25.5 });
  });

  it('follows the site override: 68 %RH is in range under it', async () => {
    const r = await ingestReadings(database.db, Array.from({ length: 10 }, (_, i) => ({ deviceId: hygro.id, at: at(i), value: 68 })), NOW);
    expect(r).toMatchObject({ stored: 10, opened: 0 });
  });
});

describe('ingestReadings: a condition that comes and goes within one batch', () => {
  it('touches its one alert once (a rate of change that opens, calms and jumps again)', async () => {
    // A minute apart: 22 → 25 (3 °C/min opens), 25.2 (calm clears), 28 (opens again) — all in one batch.
    const r = await ingestReadings(database.db, [22, 25, 25.2, 28].map((value, i) => ({ deviceId: thermoB.id, at: at(i), value })), NOW);
    expect(r).toMatchObject({ stored: 4, opened: 1 });
    const alerts = await database.db.selectFrom('monitoringAlerts').select(['ruleKind', 'openedAt', 'clearedAt']).where('deviceId', '=', thermoB.id).execute();
    expect(alerts).toEqual([{ ruleKind: 'rate_of_change', openedAt: at(1), clearedAt: null }]);
  });
});

describe('checkSilentDevices', () => {
  it('opens silent for a quiet sensor and camera_offline for a camera never heard from, once', async () => {
    const later = new Date(NOW.getTime() + 11 * 60_000); // also past the cameras' 300 s since registration
    expect(await checkSilentDevices(database.db, later)).toEqual({ opened: 4 }); // thermo, hygro, camera (offline), thermoB
    expect(await checkSilentDevices(database.db, later)).toEqual({ opened: 0 });
    const kinds = (await listAlerts(as(adminA), { status: 'open' })).map((x) => `${x.deviceId === camera.id ? 'camera' : 'sensor'}:${x.ruleKind}`).sort();
    expect(kinds).toEqual(['camera:camera_offline', 'sensor:out_of_range', 'sensor:silent', 'sensor:silent']);
  });
});

describe('alert handling and precision', () => {
  it('acknowledges, sends, verifies and closes (audited); never goes back; counts false positives per rule', async () => {
    const alerts = await listAlerts(as(pudong), { status: 'open' });
    const outOfRange = alerts.find((x) => x.ruleKind === 'out_of_range')!;
    await expect(acknowledgeAlert(as(adminA), outOfRange.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(acknowledgeAlert(as(huangpu), outOfRange.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await acknowledgeAlert(as(pudong), outOfRange.id, '已电话通知');
    await sendAlertToEnterprise(as(pudong), outOfRange.id);
    await verifyAlert(as(pudong), outOfRange.id);
    const closed = await closeAlert(as(pudong), outOfRange.id, { falsePositive: false, note: '空调故障已修复' });
    expect(closed).toMatchObject({ status: 'closed', falsePositive: false });
    await expect(acknowledgeAlert(as(pudong), outOfRange.id)).rejects.toMatchObject({ code: 'resource.conflict' });
    for (const x of alerts.filter((y) => y.ruleKind === 'silent')) await closeAlert(as(pudong), x.id, { falsePositive: x.deviceId === hygro.id, note: '' });
    expect(await precisionByRule(as(pudong))).toEqual([
      { ruleKind: 'out_of_range', closed: 1, falsePositives: 0, precision: 1 },
      { ruleKind: 'silent', closed: 2, falsePositives: 1, precision: 0.5 },
    ]);
    expect(await precisionByRule(as(huangpu))).toEqual([]);
    const audits = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', outOfRange.id).orderBy('seq').execute();
    expect(audits.map((r) => r.action)).toEqual(['monitoring.alert_acknowledged', 'monitoring.alert_sent', 'monitoring.alert_verified', 'monitoring.alert_closed']);
  });

  it('a new excursion after closing opens a new alert', async () => {
    const r = await ingestReadings(database.db, Array.from({ length: 7 }, (_, i) => ({ deviceId: thermo.id, at: at(70 + i), value: i === 0 ? 25.5 : 26.5 })), NOW);
    expect(r).toMatchObject({ opened: 1, cleared: 0 }); // the silence ends too, but its alert is already closed
    expect((await listAlerts(as(adminA), { status: 'open' })).filter((x) => x.ruleKind === 'out_of_range')).toHaveLength(1);
    expect(await listAlerts(as(adminB))).toEqual((await listAlerts(as(huangpu))));
  });
});
