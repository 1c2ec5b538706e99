import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReadingPartitions, issueDeviceCredential, registerDevice, type MonitoringDeviceRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

const URL = '/api/v1/monitoring/readings';
const NOW = new Date();
const minutesAgo = (m: number): string => new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 - m * 60_000).toISOString();
let t: TestApp;
let thermo: MonitoringDeviceRow;
let thermoB: MonitoringDeviceRow;
let secret: string;
let staffA: Session;
let pudong: Session;

beforeAll(async () => {
  t = await createTestApp();
  await ensureReadingPartitions(t.database.db, NOW);
  const a = await buildEnterprise(t.database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(t.database.db, { jurisdictionCode: '310101002' });
  const adminA = (await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: a.id })).actor;
  const adminB = (await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: b.id })).actor;
  const base = { area: '压片间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1', kind: 'temperature' as const, code: 'T-01' };
  thermo = await registerDevice({ db: t.database.db, actor: adminA }, a.id, base);
  thermoB = await registerDevice({ db: t.database.db, actor: adminB }, b.id, base);
  secret = (await issueDeviceCredential({ db: t.database.db, actor: adminA }, thermo.id)).secret;
  staffA = await signInAs(t.app, (await buildUser(t.database.db, 'enterprise_staff', { enterpriseId: a.id })).user.username);
  pudong = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' })).user.username);
});
afterAll(async () => t?.close());

const count = async (deviceId: string): Promise<number> => (await t.database.db.selectFrom('monitoringReadings').select('at').where('deviceId', '=', deviceId).execute()).length;
const asDevice = (payload: unknown, auth = `Device ${thermo.id}:${secret}`) => t.app.inject({ method: 'POST', url: URL, headers: { authorization: auth }, payload: payload as Record<string, unknown> });

describe('POST /api/v1/monitoring/readings', () => {
  it('stores a device batch with its credential and answers 202 after commit, repeats counted', async () => {
    const readings = [{ at: minutesAgo(30), value: 21 }, { at: minutesAgo(29), value: 21.5 }];
    const res = await asDevice({ readings });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ received: 2, stored: 2, duplicates: 0 });
    expect(await count(thermo.id)).toBe(2);
    expect((await asDevice({ readings: [...readings, { deviceId: thermo.id, at: minutesAgo(28), value: 22 }] })).json()).toMatchObject({ received: 3, stored: 1, duplicates: 2 });
  });

  it('refuses a wrong secret or no credential at all', async () => {
    expect((await asDevice({ readings: [{ at: minutesAgo(10), value: 1 }] }, `Device ${thermo.id}:wrong`)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: URL, payload: { readings: [{ at: minutesAgo(10), value: 1 }] } })).statusCode).toBe(401);
  });

  it('names every bad reading by its index path, and stores none of the batch', async () => {
    const res = await asDevice({ readings: [{ at: minutesAgo(5), value: 1 }, { at: 'yesterday', value: 1 }, { at: minutesAgo(4), value: 'hot' }, { deviceId: thermoB.id, at: minutesAgo(3), value: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['readings.1.at', 'readings.2.value']);
    const other = await asDevice({ readings: [{ at: minutesAgo(5), value: 1 }, { deviceId: thermoB.id, at: minutesAgo(3), value: 1 }, { at: new Date(NOW.getTime() + 3_600_000).toISOString(), value: 1 }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().details.map((d: { path: string }) => d.path)).toEqual(['readings.1.deviceId']);
    const future = await asDevice({ readings: [{ at: minutesAgo(5), value: 1 }, { at: new Date(NOW.getTime() + 3_600_000).toISOString(), value: 1 }] });
    expect(future.json().details).toEqual([{ path: 'readings.1.at', message: expect.any(String) }]);
    expect(await count(thermo.id)).toBe(3);
  });

  it("takes an enterprise user's batch for its own devices only; a regulator may not send", async () => {
    const own = await staffA.post(URL, { readings: [{ deviceId: thermo.id, at: minutesAgo(20), value: 20 }] });
    expect(own.statusCode).toBe(202);
    const res = await staffA.post(URL, { readings: [{ at: minutesAgo(19), value: 20 }, { deviceId: thermoB.id, at: minutesAgo(19), value: 20 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['readings.0.deviceId', 'readings.1.deviceId']);
    expect((await pudong.post(URL, { readings: [{ deviceId: thermo.id, at: minutesAgo(18), value: 20 }] })).statusCode).toBe(403);
    expect(await count(thermoB.id)).toBe(0);
  });
});
