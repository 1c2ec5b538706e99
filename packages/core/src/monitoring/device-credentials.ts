import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, assertCan } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';

/**
 * Per-device credentials (设备凭证) for telemetry: the device id is the MQTT username (or the `Device` HTTP
 * scheme's first part) and a random secret of 32 bytes is the password. The secret is shown once; only its
 * SHA-256 is stored (it has full entropy, so a slow hash would buy nothing). Issuing again replaces it.
 */
export interface DeviceIdentity {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
}

/** The stored form of a device secret: its SHA-256 in hex. */
export const hashDeviceSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Issues (or replaces) a device's secret; the returned `secret` is the only time it is ever shown. Audited without it. */
export async function issueDeviceCredential(ctx: Ctx, deviceId: string): Promise<{ deviceId: string; secret: string }> {
  return withTransaction(ctx, async (trx) => {
    const device = await trx.db.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'jurisdictionCode', 'credentialHash', 'status']).where('id', '=', deviceId).forUpdate().executeTakeFirst();
    if (!device) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'monitoring.manage', { jurisdictionCode: device.jurisdictionCode, enterpriseId: device.enterpriseId });
    const secret = randomBytes(32).toString('base64url');
    await trx.db.updateTable('monitoringDevices').set({ credentialHash: hashDeviceSecret(secret), updatedAt: new Date() }).where('id', '=', deviceId).execute();
    await recordAudit(trx, {
      action: 'monitoring.device_credential',
      entityType: 'monitoring_device',
      entityId: device.id,
      jurisdictionCode: device.jurisdictionCode,
      enterpriseId: device.enterpriseId,
      before: { credential: device.credentialHash ? 'set' : 'none' },
      after: { credential: 'set' },
    });
    return { deviceId: device.id, secret };
  });
}

/** The active device whose secret this is, or null (unknown device, retired, no credential, wrong secret). */
export async function verifyDeviceCredential(db: Db, deviceId: string, secret: string): Promise<DeviceIdentity | null> {
  if (!UUID.test(deviceId) || !secret) return null;
  const device = await db.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'jurisdictionCode', 'credentialHash', 'status']).where('id', '=', deviceId).executeTakeFirst();
  if (!device?.credentialHash || device.status !== 'active') return null;
  const expected = Buffer.from(device.credentialHash, 'hex');
  const given = Buffer.from(hashDeviceSecret(secret), 'hex');
  if (!timingSafeEqual(expected, given)) return null;
  return { id: device.id, enterpriseId: device.enterpriseId, jurisdictionCode: device.jurisdictionCode };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
