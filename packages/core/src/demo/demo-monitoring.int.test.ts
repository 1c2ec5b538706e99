import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import { precisionByRule } from '../monitoring/alert-service.ts';
import { verifyDeviceCredential } from '../monitoring/device-credentials.ts';
import { today } from '../registry/guards.ts';
import { SYSTEM_ACTOR } from '@shian/domain';
import { demoDeviceSecret, findDemoFleet, loadDemoMonitoring, type MonitoringSummary } from './demo-monitoring.ts';
import { DEFAULT_DEMO_SEED, loadDemoData } from './load-demo.ts';

let database: Database;
let summary: MonitoringSummary;
const NOW = new Date();

beforeAll(async () => {
  database = await connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedJurisdictions(database.db);
  await loadDemoData(database.db, { sellers: 100, asOf: today() });
  summary = await loadDemoMonitoring(database.db, { seed: DEFAULT_DEMO_SEED, now: NOW });
}, 240_000);
afterAll(async () => database.close());

describe('the demo monitoring devices', () => {
  it('equips sixteen special-food sites over several districts with sensors, gauges and cameras', async () => {
    expect(summary.sites).toBe(16);
    const devices = await database.db.selectFrom('monitoringDevices').selectAll().execute();
    expect(devices).toHaveLength(summary.devices);
    expect(new Set(devices.map((d) => d.jurisdictionCode.slice(0, 6))).size).toBeGreaterThanOrEqual(6);
    for (const enterpriseId of new Set(devices.map((d) => d.enterpriseId))) {
      const own = devices.filter((d) => d.enterpriseId === enterpriseId);
      const kinds = own.map((d) => d.kind);
      expect(kinds.filter((k) => k === 'temperature').length).toBe(kinds.filter((k) => k === 'humidity').length);
      expect(kinds.filter((k) => k === 'camera').length).toBeGreaterThanOrEqual(1);
      expect(kinds.filter((k) => k === 'camera').length).toBeLessThanOrEqual(2);
      expect(own.filter((d) => d.kind === 'pressure_differential').map((d) => d.boundary).sort()).toContain('between_classes');
      expect(own.map((d) => d.code)).toContain('T-01');
    }
    const audits = await database.db.selectFrom('auditLog').select('action').where('action', '=', 'monitoring.device_register').execute();
    expect(audits).toHaveLength(devices.length);
  });

  it('stores only the hash of a secret derived from the demo key, which signs the device in', async () => {
    const [device] = await database.db.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'credentialHash']).orderBy('id').limit(1).execute();
    expect(device!.credentialHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyDeviceCredential(database.db, device!.id, demoDeviceSecret(device!.id))).toMatchObject({ id: device!.id, enterpriseId: device!.enterpriseId });
    const fleet = await findDemoFleet(database.db);
    expect(fleet).toHaveLength(summary.devices);
    expect(fleet.find((d) => d.kind === 'temperature')?.limit).toMatchObject({ min: 18, max: 26 });
  });

  it('has 24 hours of readings at 5-minute steps, roll-ups, and three past excursions handled by the bureau', async () => {
    expect(summary.readings).toBe(summary.devices * 288);
    const [span] = await database.db.selectFrom('monitoringReadings').select((eb) => [eb.fn.min('at').as('first'), eb.fn.max('at').as('last')]).execute();
    expect(new Date(span!.last as Date).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(span!.last as Date).getTime() - new Date(span!.first as Date).getTime()).toBe(287 * 5 * 60_000);
    const alerts = await database.db.selectFrom('monitoringAlerts').select(['ruleKind', 'status', 'falsePositive', 'clearedAt']).orderBy('status').execute();
    expect(alerts.map((a) => [a.ruleKind, a.status, a.falsePositive, a.clearedAt !== null])).toEqual([
      ['out_of_range', 'acknowledged', null, true],
      ['out_of_range', 'closed', false, true],
      ['out_of_range', 'closed', true, true],
    ]);
    expect(await precisionByRule({ db: database.db, actor: SYSTEM_ACTOR })).toEqual([{ ruleKind: 'out_of_range', closed: 2, falsePositives: 1, precision: 0.5 }]);
    const hours = await database.db.selectFrom('monitoringRollups').select((eb) => eb.fn.countAll<number>().as('n')).where('grain', '=', 'hour').executeTakeFirstOrThrow();
    expect(Number(hours.n)).toBeGreaterThanOrEqual(summary.devices * 24);
  });
});
