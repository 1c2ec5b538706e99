import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, isEnterpriseUser } from '@shian/domain';
import { ensureReadingPartitions, registerDevice, type Db } from '@shian/core';
import { ENTERPRISE_KEYS, recordOf, recordTarget, refused, type AccessCase, type CaseInput, type Target } from './access-cases.ts';

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

/** The enterprise's matrix device, as a target (its jurisdiction and enterprise). */
const theDevice = async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'monitoringDevices', await deviceOf(f.db, f.at(on).enterprise.id));

/**
 * A fresh open alert on the enterprise's matrix device, per run (a handled alert cannot take the same step
 * again): any unsettled one is closed first, as only one may be open per device and rule.
 */
async function freshAlert({ f, on }: CaseInput): Promise<Target> {
  const deviceId = await deviceOf(f.db, f.at(on).enterprise.id);
  const device = await f.db.selectFrom('monitoringDevices').select(['enterpriseId', 'jurisdictionCode']).where('id', '=', deviceId).executeTakeFirstOrThrow();
  await f.db.updateTable('monitoringAlerts').set({ status: 'closed', closedAt: new Date() }).where('deviceId', '=', deviceId).where('status', '<>', 'closed').execute();
  const id = randomUUID();
  const openedAt = new Date();
  await f.db
    .insertInto('monitoringAlerts')
    .values({ id, deviceId, ...device, ruleKind: 'out_of_range', grade: 'immediate', falsePositive: null, openedAt, firstReadingAt: openedAt, lastReadingAt: openedAt, clearedAt: null, closedAt: null, note: null })
    .execute();
  return recordTarget(f.db, 'monitoringAlerts', id);
}

const E = ENTERPRISE_KEYS;
let code = 0;
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
  // Lists and precision: the grant decides; the rows are narrowed to scope by the queries.
  { endpoint: 'GET /api/v1/monitoring/devices', needs: 'monitoring.read' },
  { endpoint: 'GET /api/v1/monitoring/alerts', needs: 'monitoring.read' },
  { endpoint: 'GET /api/v1/monitoring/precision', needs: 'monitoring.read' },
  // A device of A, B or C: the enterprise's admin or its regulators (monitoring.manage).
  {
    endpoint: 'POST /api/v1/monitoring/devices',
    needs: 'monitoring.manage',
    on: E,
    target: recordOf('enterprises', (e) => e.enterprise.id),
    request: ({ f, on }) => ({ payload: { enterpriseId: f.at(on).enterprise.id, kind: 'humidity', code: `MATRIX-H${(code += 1)}`, area: '矩阵测试', cleanClass: 'class_100000' } }),
  },
  { endpoint: 'POST /api/v1/monitoring/devices/{id}/credential', needs: 'monitoring.manage', on: E, target: theDevice },
  { endpoint: 'PUT /api/v1/monitoring/devices/{id}/rule-set', needs: 'monitoring.manage', on: E, target: theDevice, request: () => ({ payload: { ruleSetId: 'gmp-clean-area/1' } }) },
  // Handling an alert of A, B or C: the bureau only (monitoring.handle); the enterprise's users 403.
  ...['acknowledge', 'send', 'verify'].map((step): AccessCase => ({ endpoint: `POST /api/v1/monitoring/alerts/{id}/${step}`, needs: 'monitoring.handle', on: E, target: freshAlert, request: () => ({ payload: {} }) })),
  {
    endpoint: 'POST /api/v1/monitoring/alerts/{id}/close',
    needs: 'monitoring.handle',
    on: E,
    target: freshAlert,
    request: () => ({ payload: { falsePositive: true, note: '矩阵测试误报' } }),
  },
];
