import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@shian/domain';
import { registerDevice, type Database } from '@shian/core';
import { buildEnterprise } from '@shian/core/testing/factories.ts';
import { createTestDatabase } from '@shian/core/testing/test-database.ts';
import { startSilenceTimer } from './silence-timer.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('the silence timer', () => {
  it('opens silent for a sensor and camera_offline for a camera once their limits pass, without anyone asking', async () => {
    const enterprise = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
    const ctx = { db: database.db, actor: SYSTEM_ACTOR };
    const base = { area: '灌装间', cleanClass: 'class_100000' as const, ruleSetId: 'gmp-clean-area/1' };
    const sensor = await registerDevice(ctx, enterprise.id, { ...base, kind: 'temperature', code: 'T-Q' });
    const camera = await registerDevice(ctx, enterprise.id, { ...base, kind: 'camera', code: 'C-Q' });
    await registerDevice(ctx, enterprise.id, { ...base, kind: 'temperature', code: 'T-NEW' });
    // Registered an hour ago and never heard from since (the new one just now).
    await database.db.updateTable('monitoringDevices').set({ createdAt: new Date(Date.now() - 3_600_000) }).where('id', 'in', [sensor.id, camera.id]).execute();

    const errors: string[] = [];
    const timer = startSilenceTimer(database.db, { warn: () => undefined, error: (_d, m) => void errors.push(m) }, 50);
    const openKinds = async (): Promise<string[]> =>
      (await database.db.selectFrom('monitoringAlerts').select(['deviceId', 'ruleKind']).where('status', '=', 'open').execute()).map((a) => `${a.deviceId === camera.id ? 'camera' : a.deviceId === sensor.id ? 'sensor' : 'new'}:${a.ruleKind}`).sort();
    const deadline = Date.now() + 20_000;
    while ((await openKinds()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200)); // a few more checks: still one alert per condition
    await timer.stop();
    expect(errors).toEqual([]);
    expect(await openKinds()).toEqual(['camera:camera_offline', 'sensor:silent']); // not the device registered just now
  });
});
