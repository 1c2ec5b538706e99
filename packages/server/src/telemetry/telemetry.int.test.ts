import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureReadingPartitions, issueDeviceCredential, registerDevice, type Database, type MonitoringDeviceRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestDatabase } from '@shian/core/testing/test-database.ts';
import { ReadingBatcher, ReadingsRefused } from './reading-batcher.ts';
import { telemetryTopic } from './telemetry-payload.ts';
import { startTelemetry, type TelemetryListener, type TelemetryLog } from './telemetry-listener.ts';

/** Telemetry intake on the database: the batcher, the embedded broker (aedes) and the Mosquitto subscriber. */
const MOSQUITTO = 'mqtt://127.0.0.1:1883';
const NOW = new Date();
const minutesAgo = (m: number): string => new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 - m * 60_000).toISOString();
const log: TelemetryLog & { warnings: string[] } = { warnings: [], warn: (_d, m) => void log.warnings.push(m), error: () => undefined };

let database: Database;
let thermo: MonitoringDeviceRow;
let hygro: MonitoringDeviceRow;
let thermoB: MonitoringDeviceRow;
const secrets = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureReadingPartitions(database.db, NOW);
  const a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  const adminA = { db: database.db, actor: (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor };
  const adminB = { db: database.db, actor: (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor };
  const base = { area: '压片间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1' };
  thermo = await registerDevice(adminA, a.id, { ...base, kind: 'temperature', code: 'T-01' });
  hygro = await registerDevice(adminA, a.id, { ...base, kind: 'humidity', code: 'H-01' });
  thermoB = await registerDevice(adminB, b.id, { ...base, kind: 'temperature', code: 'T-01' });
  for (const [ctx, d] of [[adminA, thermo], [adminA, hygro], [adminB, thermoB]] as const) secrets.set(d.id, (await issueDeviceCredential(ctx, d.id)).secret);
});
afterAll(async () => database?.close());

const storedOf = async (deviceId: string): Promise<{ at: string; value: number }[]> =>
  (await database.db.selectFrom('monitoringReadings').select(['at', 'value']).where('deviceId', '=', deviceId).orderBy('at').execute()).map((r) => ({ at: new Date(r.at).toISOString(), value: Number(r.value) }));

describe('reading batcher', () => {
  it('resolves each add after commit and rejects only the readings ingestReadings refuses', async () => {
    const batcher = new ReadingBatcher(database.db, { maxDelayMs: 5 });
    const good = batcher.add([{ deviceId: thermo.id, at: new Date(minutesAgo(200)), value: 21 }]);
    const unknown = batcher.add([{ deviceId: randomUUID(), at: new Date(minutesAgo(200)), value: 21 }]);
    const future = batcher.add([{ deviceId: hygro.id, at: new Date(NOW.getTime() + 3_600_000), value: 50 }]);
    await expect(batcher.add([{ deviceId: 'x', at: new Date('nope'), value: Number.NaN }])).rejects.toMatchObject({ refused: [{ path: 'readings.0.deviceId' }, { path: 'readings.0.at' }, { path: 'readings.0.value' }] });
    const [g, u, f] = await Promise.allSettled([good, unknown, future]);
    expect(g).toEqual({ status: 'fulfilled', value: { stored: 1, duplicates: 0 } });
    expect(u.status === 'rejected' && u.reason).toBeInstanceOf(ReadingsRefused);
    expect(f).toMatchObject({ status: 'rejected', reason: { refused: [{ index: 0, path: 'readings.0.at', message: 'field.monitoring_reading_future' }] } });
    expect(await storedOf(thermo.id)).toEqual([{ at: minutesAgo(200), value: 21 }]);
    await expect(batcher.add([{ deviceId: thermo.id, at: new Date(minutesAgo(200)), value: 21 }])).resolves.toEqual({ stored: 0, duplicates: 1 });
    await batcher.close();
    await expect(batcher.add([{ deviceId: thermo.id, at: new Date(minutesAgo(199)), value: 21 }])).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('embedded broker (aedes)', () => {
  let telemetry: TelemetryListener;
  const clients: MqttClient[] = [];
  const connect = (port: number, device: MonitoringDeviceRow, secret = secrets.get(device.id)): MqttClient => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { clientId: `dev-${device.id.slice(0, 8)}-${clients.length}`, username: device.id, password: secret, clean: false, reconnectPeriod: 0 });
    clients.push(client);
    return client;
  };
  const connected = (client: MqttClient): Promise<void> =>
    new Promise((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      client.once('close', () => reject(new Error('closed')));
    });

  beforeAll(async () => {
    telemetry = await startTelemetry(database.db, { mqttUrl: undefined, mqttPort: 0, mqttClientId: 'unused' }, log);
  });
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true);
    await telemetry?.close();
  });

  it('stores a QoS 1 reading of a device with its credentials before the PUBACK', async () => {
    const client = connect(telemetry.port!, hygro);
    await connected(client);
    const payload = { readings: [{ at: minutesAgo(100), value: 51.5 }, { at: minutesAgo(99), value: 52 }] };
    await client.publishAsync(telemetryTopic(hygro.enterpriseId, hygro.id), JSON.stringify(payload), { qos: 1 });
    // The PUBACK came: the readings are already committed.
    expect(await storedOf(hygro.id)).toEqual([{ at: minutesAgo(100), value: 51.5 }, { at: minutesAgo(99), value: 52 }]);
    // One `{at, value}` works too, and a redelivery is ignored.
    await client.publishAsync(telemetryTopic(hygro.enterpriseId, hygro.id), JSON.stringify({ at: minutesAgo(98), value: 53 }), { qos: 1 });
    await client.publishAsync(telemetryTopic(hygro.enterpriseId, hygro.id), JSON.stringify(payload), { qos: 1 });
    expect(await storedOf(hygro.id)).toHaveLength(3);
  });

  it('acknowledges and drops a malformed payload instead of having it redelivered', async () => {
    const client = connect(telemetry.port!, hygro);
    await connected(client);
    await client.publishAsync(telemetryTopic(hygro.enterpriseId, hygro.id), 'not json', { qos: 1 });
    await client.publishAsync(telemetryTopic(hygro.enterpriseId, hygro.id), JSON.stringify({ readings: [{ at: 'yesterday', value: 1 }] }), { qos: 1 });
    expect(log.warnings.filter((w) => w.includes('malformed'))).toHaveLength(2);
    expect(await storedOf(hygro.id)).toHaveLength(3);
  });

  it('refuses a wrong secret and an unknown device', async () => {
    await expect(connected(connect(telemetry.port!, thermo, 'wrong-secret'))).rejects.toThrow(/Bad username or password/i);
    await expect(connected(connect(telemetry.port!, { ...thermo, id: randomUUID() }, 'x'))).rejects.toThrow(/Bad username or password/i);
  });

  it("refuses a publish to another device's topic: no PUBACK, connection closed, nothing stored", async () => {
    const client = connect(telemetry.port!, thermo);
    await connected(client);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    void client.publishAsync(telemetryTopic(thermoB.enterpriseId, thermoB.id), JSON.stringify({ at: minutesAgo(50), value: 30 }), { qos: 1 }).catch(() => undefined);
    await closed;
    expect(await storedOf(thermoB.id)).toEqual([]);
  });
});

describe('Mosquitto subscriber (standard broker)', () => {
  const clientId = `shian-test-${randomUUID().slice(0, 8)}`;
  const settings = { mqttUrl: MOSQUITTO, mqttPort: 0, mqttClientId: clientId };

  afterAll(async () => {
    // Remove the persistent session from the shared broker.
    const cleaner = mqtt.connect(MOSQUITTO, { clientId, protocolVersion: 5, clean: true, reconnectPeriod: 0 });
    await new Promise<void>((resolve) => cleaner.once('connect', () => resolve()));
    await cleaner.endAsync();
  });

  it('stores exactly once what was published while the platform was away', async () => {
    // First start makes the persistent session and its QoS 1 subscription; then the platform stops.
    const first = await startTelemetry(database.db, settings, log);
    await first.ready;
    await first.close();

    const device = mqtt.connect(MOSQUITTO, { clientId: `dev-${clientId}`, reconnectPeriod: 0 });
    await new Promise<void>((resolve) => device.once('connect', () => resolve()));
    const topic = telemetryTopic(thermoB.enterpriseId, thermoB.id);
    for (let m = 40; m > 30; m -= 1) await device.publishAsync(topic, JSON.stringify({ at: minutesAgo(m), value: 20 + m / 10 }), { qos: 1 });
    await device.publishAsync(topic, JSON.stringify({ at: minutesAgo(40), value: 99 }), { qos: 1 }); // a repeat: ignored
    await device.publishAsync(telemetryTopic(thermo.enterpriseId, thermoB.id), JSON.stringify({ at: minutesAgo(20), value: 1 }), { qos: 1 }); // wrong enterprise
    await device.endAsync();
    expect(await storedOf(thermoB.id)).toEqual([]);

    const second = await startTelemetry(database.db, settings, log);
    try {
      await vi.waitFor(async () => expect(await storedOf(thermoB.id)).toHaveLength(10), { timeout: 20_000, interval: 100 });
      await vi.waitFor(() => expect(log.warnings.some((w) => w.includes("enterprise is not the device's"))).toBe(true), { timeout: 20_000, interval: 100 });
    } finally {
      await second.close();
    }
    const stored = await storedOf(thermoB.id);
    expect(stored.map((r) => r.at)).toEqual(Array.from({ length: 10 }, (_, i) => minutesAgo(40 - i)));
    expect(stored[0]!.value).toBe(24);
  });
});
