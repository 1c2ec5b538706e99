import { SYSTEM_ACTOR, isEnterpriseUser } from '@shian/domain';
import { ensureReadingPartitions, registerDevice, type Db } from '@shian/core';
import { refused, type AccessCase } from './access-cases.ts';

/**
 * Access cases of the HTTPS telemetry batch (遥测批量上报). Besides a device's own credential (tested in
 * routes/monitoring), a signed-in user of the devices' enterprise may send readings; regulators read
 * monitoring but never send readings (403). Each enterprise gets one device, made lazily as the platform.
 */
const devices = new WeakMap<Db, Map<string, string>>();
async function deviceOf(db: Db, enterpriseId: string): Promise<string> {
  const made = devices.get(db) ?? new Map<string, string>();
  devices.set(db, made);
  const known = made.get(enterpriseId);
  if (known) return known;
  await ensureReadingPartitions(db, new Date());
  const device = await registerDevice({ db, actor: SYSTEM_ACTOR }, enterpriseId, { kind: 'temperature', code: 'MATRIX-T', area: '矩阵测试', cleanClass: 'non_clean', ruleSetId: 'gmp-clean-area/1' });
  made.set(enterpriseId, device.id);
  return device.id;
}

let minute = 0;
export const MONITORING_CASES: AccessCase[] = [
  {
    endpoint: 'POST /api/v1/monitoring/readings',
    needs: 'monitoring.read',
    rule: (actor) => (isEnterpriseUser(actor) ? undefined : refused(403, 'auth.forbidden')),
    request: async ({ f, as }) => {
      const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 600_000 - (minute += 1) * 1000).toISOString();
      const deviceId = as.actor.enterpriseId ? await deviceOf(f.db, as.actor.enterpriseId) : '00000000-0000-4000-8000-000000000000';
      return { payload: { readings: [{ deviceId, at, value: 20 }] } };
    },
  },
];
