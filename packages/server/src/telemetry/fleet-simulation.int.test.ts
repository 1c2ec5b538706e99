import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GMP_CLEAN_AREA_RULE_SET, limitKeyOf, type DeviceKind, type PressureBoundary } from '@shian/domain';
import { checkSilentDevices, ensureReadingPartitions, issueDeviceCredential, registerDevice, type Database } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestDatabase } from '@shian/core/testing/test-database.ts';
import type { FleetScenario } from '@shian/core/demo/fleet-model.ts';
import { startFleetSimulator, type SimulatedDevice } from './fleet-simulator.ts';
import { startTelemetry, type TelemetryListener, type TelemetryLog } from './telemetry-listener.ts';

/**
 * A fleet simulation in compressed time through the embedded broker: six devices over two enterprises, one
 * reading per device every 30 simulated seconds for 30 minutes, published as fast as the broker acknowledges.
 */
const MINUTE = 60_000;
const STEP_MS = 30_000;
const TICKS = 60;
const FROM = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 2 * 3_600_000); // two hours ago, on the minute
const log: TelemetryLog = { warn: () => undefined, error: () => undefined };

let database: Database;
let telemetry: TelemetryListener;
/** A: temperature, humidity, pressure to the non-clean area, camera; B: temperature, pressure between classes. */
let fleet: Record<'tA' | 'hA' | 'pA' | 'cA' | 'tB' | 'pB', SimulatedDevice>;

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureReadingPartitions(database.db, FROM);
  await ensureReadingPartitions(database.db);
  const a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  const adminA = { db: database.db, actor: (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor };
  const adminB = { db: database.db, actor: (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor };
  const add = async (ctx: typeof adminA, enterpriseId: string, kind: DeviceKind, code: string, boundary: PressureBoundary | null = null): Promise<SimulatedDevice> => {
    const row = await registerDevice(ctx, enterpriseId, { kind, code, area: '灌装间', cleanClass: 'class_100000', boundary, ruleSetId: GMP_CLEAN_AREA_RULE_SET.id });
    const { secret } = await issueDeviceCredential(ctx, row.id);
    const key = limitKeyOf(kind, boundary);
    return { id: row.id, enterpriseId, kind, limit: key ? GMP_CLEAN_AREA_RULE_SET.data.limits[key]! : null, secret };
  };
  fleet = {
    tA: await add(adminA, a.id, 'temperature', 'T-01'),
    hA: await add(adminA, a.id, 'humidity', 'H-01'),
    pA: await add(adminA, a.id, 'pressure_differential', 'P-01', 'to_non_clean'),
    cA: await add(adminA, a.id, 'camera', 'C-01'),
    tB: await add(adminB, b.id, 'temperature', 'T-01'),
    pB: await add(adminB, b.id, 'pressure_differential', 'P-01', 'between_classes'),
  };
  telemetry = await startTelemetry(database.db, { mqttUrl: undefined, mqttPort: 0, mqttClientId: 'unused' }, log);
});
afterAll(async () => {
  await telemetry?.close();
  await database?.close();
});

/** The script: offsets from FROM. */
const scenario = (): FleetScenario => ({
  excursions: [
    // Sustained: 28 °C reached over 6 min (within 2 °C/min), above 26 °C from about 6 to 18 min.
    { deviceId: fleet.tA.id, startMs: 2 * MINUTE, durationMs: 20 * MINUTE, value: 28, rampMs: 6 * MINUTE },
    // Sustained: 2 Pa between classes (minimum 5) from 5 to 15 min.
    { deviceId: fleet.pB.id, startMs: 5 * MINUTE, durationMs: 10 * MINUTE, value: 2 },
    // A spike: 6 Pa to the non-clean area (minimum 10) for 2 min, shorter than the 5-min sustain time.
    { deviceId: fleet.pA.id, startMs: 8 * MINUTE, durationMs: 2 * MINUTE, value: 6 },
    // A jump: 25.5 °C (in range) for one minute: about 3.5 °C/min up, then down, then calm.
    { deviceId: fleet.tB.id, startMs: 10 * MINUTE, durationMs: MINUTE, value: 25.5 },
  ],
  silences: [
    { deviceId: fleet.hA.id, startMs: 20 * MINUTE, durationMs: 60 * MINUTE },
    { deviceId: fleet.cA.id, startMs: 25 * MINUTE, durationMs: 60 * MINUTE },
  ],
});

describe('fleet simulation on the embedded broker', () => {
  it('breaches thresholds as scripted and yields exactly the expected alerts, every reading stored once', async () => {
    const simulator = await startFleetSimulator({ url: `mqtt://127.0.0.1:${telemetry.port}`, devices: Object.values(fleet), scenario: scenario(), log });
    const published = await simulator.runTicks({ from: FROM, stepMs: STEP_MS, ticks: TICKS });
    await simulator.stop();
    // 4 devices × 60 readings, the humidity sensor quiet after 20 min (40), the camera after 25 min (50).
    expect(published).toBe(4 * TICKS + 40 + 50);

    const rows = await database.db.selectFrom('monitoringReadings').select(['deviceId', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>(eb.fn('distinct', ['at'])).as('distinct')]).groupBy('deviceId').execute();
    const stored = new Map(rows.map((r) => [r.deviceId, Number(r.n)]));
    for (const device of Object.values(fleet)) expect(stored.get(device.id)).toBe(simulator.acknowledged.get(device.id));
    expect(rows.every((r) => Number(r.n) === Number(r.distinct))).toBe(true);
    expect([...stored.values()].reduce((x, y) => x + y, 0)).toBe(published);

    // The silence check at the end of the simulated half hour (+ 1.5 min): the quiet sensor and the camera.
    const simulatedNow = new Date(FROM.getTime() + 31 * MINUTE);
    expect(await checkSilentDevices(database.db, simulatedNow)).toEqual({ opened: 2 });

    const name = new Map(Object.entries(fleet).map(([k, d]) => [d.id, k]));
    const alerts = await database.db.selectFrom('monitoringAlerts').select(['deviceId', 'ruleKind', 'grade', 'status', 'clearedAt', 'firstReadingAt']).execute();
    expect(alerts.map((x) => [name.get(x.deviceId), x.ruleKind, x.grade, x.status, x.clearedAt !== null]).sort()).toEqual([
      ['cA', 'camera_offline', 'routine', 'open', false],
      ['hA', 'silent', 'deadline', 'open', false],
      ['pB', 'out_of_range', 'immediate', 'open', true],
      ['tA', 'out_of_range', 'immediate', 'open', true],
      ['tB', 'rate_of_change', 'deadline', 'open', true],
    ]);
    // Where they began and ended, in simulated time.
    const of = (key: string, kind: string) => alerts.find((x) => name.get(x.deviceId) === key && x.ruleKind === kind)!;
    expect(of('pB', 'out_of_range')).toMatchObject({ firstReadingAt: new Date(FROM.getTime() + 5 * MINUTE), clearedAt: new Date(FROM.getTime() + 15 * MINUTE) });
    // The rate is measured between readings at least a minute apart: from before the jump, cleared after it calmed.
    const jump = of('tB', 'rate_of_change');
    expect(new Date(jump.firstReadingAt!).getTime()).toBeGreaterThanOrEqual(FROM.getTime() + 9 * MINUTE);
    expect(new Date(jump.firstReadingAt!).getTime()).toBeLessThan(FROM.getTime() + 10 * MINUTE);
    expect(new Date(jump.clearedAt!).getTime()).toBeGreaterThan(FROM.getTime() + 11 * MINUTE);
    expect(new Date(jump.clearedAt!).getTime()).toBeLessThanOrEqual(FROM.getTime() + 13 * MINUTE);
    expect(of('hA', 'silent')).toMatchObject({ firstReadingAt: new Date(FROM.getTime() + 20 * MINUTE - STEP_MS) });
  });

  it('publishes in real time every interval until stopped, and stops cleanly', async () => {
    const devices = [fleet.tB, fleet.pB];
    const simulator = await startFleetSimulator({ url: `mqtt://127.0.0.1:${telemetry.port}`, devices, intervalMs: 150, log });
    simulator.run();
    await vi.waitFor(() => expect(devices.every((d) => (simulator.acknowledged.get(d.id) ?? 0) >= 3)).toBe(true), { timeout: 10_000, interval: 50 });
    await simulator.stop();
    const after = new Map(simulator.acknowledged);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(simulator.acknowledged).toEqual(after);
    const recent = await database.db.selectFrom('monitoringReadings').select((eb) => eb.fn.countAll<number>().as('n')).where('deviceId', '=', fleet.pB.id).where('at', '>', new Date(Date.now() - MINUTE)).executeTakeFirstOrThrow();
    expect(Number(recent.n)).toBe(after.get(fleet.pB.id));
  });

  it('refuses to start with a wrong secret', async () => {
    await expect(startFleetSimulator({ url: `mqtt://127.0.0.1:${telemetry.port}`, devices: [{ ...fleet.tA, secret: 'wrong' }], log })).rejects.toThrow(/Bad username or password/i);
  });
});
