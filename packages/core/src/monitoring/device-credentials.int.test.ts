import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { Ctx } from '../db/transaction.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { issueDeviceCredential, verifyDeviceCredential } from './device-credentials.ts';
import { registerDevice, type MonitoringDeviceRow } from './device-service.ts';

let database: Database;
let adminA: Actor;
let adminB: Actor;
let device: MonitoringDeviceRow;
const as = (actor: Actor): Ctx => ({ db: database.db, actor });

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  const b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  adminA = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor;
  adminB = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor;
  device = await registerDevice(as(adminA), a.id, { kind: 'temperature', code: 'T-01', area: '压片间', cleanClass: 'class_100000', ruleSetId: 'gmp-clean-area/1' });
});
afterAll(async () => database?.close());

describe('device credentials', () => {
  it('issues a secret shown once, stores only its hash, audits without it, and verifies it', async () => {
    expect(await verifyDeviceCredential(database.db, device.id, 'anything')).toBeNull();
    const { secret } = await issueDeviceCredential(as(adminA), device.id);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const row = await database.db.selectFrom('monitoringDevices').select('credentialHash').where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(row.credentialHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.credentialHash).not.toContain(secret);
    expect(await verifyDeviceCredential(database.db, device.id, secret)).toEqual({ id: device.id, enterpriseId: device.enterpriseId, jurisdictionCode: device.jurisdictionCode });
    expect(await verifyDeviceCredential(database.db, device.id, `${secret}x`)).toBeNull();
    expect(await verifyDeviceCredential(database.db, 'not-a-uuid', secret)).toBeNull();
    const audits = await database.db.selectFrom('auditLog').select(['action', 'after']).where('entityId', '=', device.id).where('action', '=', 'monitoring.device_credential').execute();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.after)).not.toContain(secret);
  });

  it('replaces the secret when issued again, and refuses another enterprise', async () => {
    const first = await issueDeviceCredential(as(adminA), device.id);
    const second = await issueDeviceCredential(as(adminA), device.id);
    expect(await verifyDeviceCredential(database.db, device.id, first.secret)).toBeNull();
    expect(await verifyDeviceCredential(database.db, device.id, second.secret)).not.toBeNull();
    await expect(issueDeviceCredential(as(adminB), device.id)).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('refuses a retired device even with its secret', async () => {
    const { secret } = await issueDeviceCredential(as(adminA), device.id);
    await database.db.updateTable('monitoringDevices').set({ status: 'retired' }).where('id', '=', device.id).execute();
    expect(await verifyDeviceCredential(database.db, device.id, secret)).toBeNull();
    await database.db.updateTable('monitoringDevices').set({ status: 'active' }).where('id', '=', device.id).execute();
  });
});
