import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@shian/domain';
import { connectDatabase, ensureReadingPartitions, issueDeviceCredential, registerDevice } from '@shian/core';
import { buildEnterprise } from '@shian/core/testing/factories.ts';
import { exited, platformProcess } from './testing/platform-process.ts';
import { telemetryTopic } from './telemetry/telemetry-payload.ts';

// Devices keep publishing with QoS 1 while the platform restarts (SIGTERM, then kill -9): the embedded broker
// acknowledges a reading only once it is committed, so a device resends what was not acknowledged and every
// reading is stored exactly once.
const mqttPort = 4600 + Math.floor(Math.random() * 300);
const platform = platformProcess('telemetry-restart', 4000, { SHIAN_MQTT_PORT: String(mqttPort) });
afterAll(() => platform.dispose());

const DEVICES = 4;
/** What a device's firmware does: a publish the client gave up on (connection lost before it went out) is sent again. */
async function publishUntilAcked(client: MqttClient, topic: string, payload: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const error = await new Promise<Error | undefined>((resolve) => client.publish(topic, payload, { qos: 1 }, (e) => resolve(e)));
    if (!error) return attempt;
    if (attempt > 200) throw error;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PER_DEVICE = 240;

describe('telemetry through platform restarts', () => {
  it('loses no QoS 1 reading and stores none twice', { timeout: 240_000 }, async () => {
    let proc = await platform.start();
    const stopped = exited(proc);
    proc.kill('SIGTERM');
    expect(await stopped).toBe(0);
    // Devices registered by the operator while the platform is down.
    const database = await connectDatabase({ dataDir: join(platform.dataDir, 'pglite') });
    const now = new Date();
    await ensureReadingPartitions(database.db, now);
    const enterprise = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
    const devices: { id: string; secret: string }[] = [];
    for (let d = 0; d < DEVICES; d += 1) {
      const device = await registerDevice({ db: database.db, actor: SYSTEM_ACTOR }, enterprise.id, { kind: 'temperature', code: `T-R${d}`, area: '灌装间', cleanClass: 'class_100000', ruleSetId: 'gmp-clean-area/1' });
      devices.push({ id: device.id, secret: (await issueDeviceCredential({ db: database.db, actor: SYSTEM_ACTOR }, device.id)).secret });
    }
    await database.close();

    proc = await platform.start();
    const clients: MqttClient[] = devices.map((d) =>
      mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, { clientId: `restart-${d.id}`, username: d.id, password: d.secret, clean: false, reconnectPeriod: 100, connectTimeout: 5_000 }),
    );
    const start = Math.floor(now.getTime() / 1000) * 1000 - 3_600_000;
    const acked: Promise<number>[] = [];
    const publish = (i: number): void => {
      devices.forEach((d, k) => {
        const payload = JSON.stringify({ at: new Date(start + i * 1000).toISOString(), value: 20 + ((i + k) % 5) / 10 });
        acked.push(publishUntilAcked(clients[k]!, telemetryTopic(enterprise.id, d.id), payload));
      });
    };
    const publishRange = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i += 1) {
        publish(i);
        await new Promise((r) => setTimeout(r, 3));
      }
    };

    // A third published, then a graceful restart while publishing goes on; another third, then kill -9.
    await publishRange(0, 60);
    const graceful = exited(proc);
    proc.kill('SIGTERM');
    await publishRange(60, 80);
    expect(await graceful).toBe(0);
    proc = await platform.start();
    await publishRange(80, 160);
    const killed = exited(proc);
    proc.kill('SIGKILL');
    await publishRange(160, 180);
    await killed;
    proc = await platform.start();
    await publishRange(180, PER_DEVICE);
    const attempts = await Promise.all(acked);
    await Promise.all(clients.map((c) => c.endAsync()));
    proc.kill('SIGTERM');
    await exited(proc);

    const check = await connectDatabase({ dataDir: join(platform.dataDir, 'pglite') });
    const rows = await check.db.selectFrom('monitoringReadings').select(['deviceId', 'at']).where('deviceId', 'in', devices.map((d) => d.id)).execute();
    const rollup = await check.db.selectFrom('monitoringRollups').select((eb) => eb.fn.sum<number>('count').as('count')).where('grain', '=', 'hour').where('deviceId', 'in', devices.map((d) => d.id)).executeTakeFirstOrThrow();
    await check.close();
    expect(acked).toHaveLength(DEVICES * PER_DEVICE);
    expect(attempts.some((a) => a > 1)).toBe(true); // the restarts did interrupt publishing
    expect(rows).toHaveLength(DEVICES * PER_DEVICE);
    expect(new Set(rows.map((r) => `${r.deviceId}|${new Date(r.at).toISOString()}`)).size).toBe(DEVICES * PER_DEVICE);
    // Roll-ups count each reading once, redeliveries included.
    expect(Number(rollup.count)).toBe(DEVICES * PER_DEVICE);
  });
});
