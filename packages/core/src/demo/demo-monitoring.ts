/**
 * The demo's monitoring devices (智慧监管 物联感知): sixteen special-food production sites (health food,
 * infant formula) spread over the districts, each with temperature and humidity sensors per clean area,
 * pressure-differential gauges (to the non-clean area, between classes) and one or two cameras, under the
 * GMP clean-area defaults. Their secrets are derived from a fixed demo key (demo mode only), so the fleet
 * simulator can sign in; only the hash is stored. The last 24 hours of readings at 5-minute steps go
 * through `ingestReadings` (the real path), with three past excursions whose alerts the district bureau
 * handled: one closed as real, one closed as a false positive (误报), one acknowledged.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { GMP_CLEAN_AREA_RULE_SET, SYSTEM_ACTOR, limitKeyOf, type Actor, type CleanClass, type DeviceKind, type Limit, type PressureBoundary } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf } from '../auth/sign-in.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction } from '../db/transaction.ts';
import { acknowledgeAlert, closeAlert, sendAlertToEnterprise, verifyAlert } from '../monitoring/alert-service.ts';
import { hashDeviceSecret } from '../monitoring/device-credentials.ts';
import { ingestReadings, type IncomingReading } from '../monitoring/ingest-readings.ts';
import { ensureReadingPartitions } from '../monitoring/reading-partitions.ts';
import { ensureBuiltinRuleSets, loadRuleSets } from '../monitoring/rule-set-service.ts';
import { readingValue, type FleetScenario, type ModelDevice } from './fleet-model.ts';
import { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';
import { createRandom } from './random.ts';

/** The fixed key demo device secrets are derived from. Published on purpose: demo devices only. */
export const DEMO_DEVICE_KEY = 'shian-demo-devices/1';

/** A demo device's secret: HMAC-SHA256 of the demo key and the device id, base64url. */
export const demoDeviceSecret = (deviceId: string): string => createHmac('sha256', DEMO_DEVICE_KEY).update(deviceId).digest('base64url');

const SITE_COUNT = 16;
const STEP_MS = 5 * 60_000;
const HISTORY_STEPS = 288; // 24 hours
const STEPS_PER_BATCH = 36;

interface Area {
  name: string;
  cleanClass: CleanClass;
  /** The boundary of the area's pressure gauge, if it has one. */
  boundary: PressureBoundary | null;
  camera: boolean;
}

/** Clean areas per kind of site (保健食品 solid dosage, 婴幼儿配方乳粉 dry blending). */
const SITE_AREAS: Record<'health_food' | 'infant_formula', Area[][]> = {
  health_food: [
    [
      { name: '灌装间', cleanClass: 'class_100000', boundary: 'to_non_clean', camera: true },
      { name: '配料间', cleanClass: 'class_10000', boundary: 'between_classes', camera: false },
    ],
    [
      { name: '压片间', cleanClass: 'class_100000', boundary: 'to_non_clean', camera: true },
      { name: '称量配料间', cleanClass: 'class_10000', boundary: 'between_classes', camera: false },
      { name: '内包装间', cleanClass: 'class_100000', boundary: 'to_non_clean', camera: true },
    ],
  ],
  infant_formula: [
    [
      { name: '干混间', cleanClass: 'class_100000', boundary: 'to_non_clean', camera: true },
      { name: '称量配料间', cleanClass: 'class_10000', boundary: 'between_classes', camera: false },
      { name: '内包装间', cleanClass: 'class_100000', boundary: 'to_non_clean', camera: true },
    ],
  ],
};

interface Site {
  enterpriseId: string;
  premisesId: string | null;
  jurisdictionCode: string;
  category: 'health_food' | 'infant_formula';
}

interface PlannedDevice extends ModelDevice {
  enterpriseId: string;
  premisesId: string | null;
  jurisdictionCode: string;
  code: string;
  area: string;
  cleanClass: CleanClass;
  boundary: PressureBoundary | null;
}

export interface MonitoringSummary {
  sites: number;
  devices: number;
  readings: number;
  alerts: number;
}

/** A demo device as the simulator needs it: where it publishes, what it measures, its secret. */
export interface DemoFleetDevice extends ModelDevice {
  enterpriseId: string;
  code: string;
  secret: string;
}

/** The production sites: special-food producers with a valid SC licence, round-robin over the districts, the demo enterprise first. */
async function pickSites(db: Db): Promise<Site[]> {
  const rows = await db
    .selectFrom('licences as l')
    .innerJoin('enterprises as e', 'e.id', 'l.enterpriseId')
    .leftJoin('premises as p', (join) => join.onRef('p.id', '=', 'l.premisesId').onRef('p.enterpriseId', '=', 'e.id'))
    // Where the devices are: the licensed premises (as registerDevice places a device), else the enterprise.
    .select(['e.id as enterpriseId', 'e.uscc', 'p.id as premisesId', sql<string>`coalesce(p.jurisdiction_code, e.jurisdiction_code)`.as('jurisdictionCode'), 'l.categories'])
    .where('l.kind', '=', 'SC')
    .where('l.status', '=', 'valid')
    .where('e.status', '=', 'active')
    .where(sql<boolean>`l.categories && ARRAY['127', '129']::text[]`)
    .orderBy('e.uscc')
    .orderBy('l.number')
    .execute();
  const demo = await db.selectFrom('users').select('enterpriseId').where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirst();
  const seen = new Set<string>();
  const byDistrict = new Map<string, Site[]>();
  const sites: Site[] = [];
  for (const r of rows) {
    if (seen.has(r.enterpriseId)) continue;
    seen.add(r.enterpriseId);
    const site: Site = { enterpriseId: r.enterpriseId, premisesId: r.premisesId, jurisdictionCode: r.jurisdictionCode, category: r.categories.includes('129') ? 'infant_formula' : 'health_food' };
    if (r.enterpriseId === demo?.enterpriseId) sites.push(site);
    else byDistrict.set(r.jurisdictionCode.slice(0, 6), [...(byDistrict.get(r.jurisdictionCode.slice(0, 6)) ?? []), site]);
  }
  const districts = [...byDistrict.keys()].sort();
  for (let round = 0; sites.length < SITE_COUNT; round += 1) {
    const before = sites.length;
    for (const d of districts) {
      const site = byDistrict.get(d)?.[round];
      if (site && sites.length < SITE_COUNT) sites.push(site);
    }
    if (sites.length === before) break;
  }
  return sites;
}

/** Each site's devices: T/H per clean area, a pressure gauge per area, cameras; codes T-01, H-01, P-01, C-01. */
function planDevices(sites: readonly Site[], seed: number): PlannedDevice[] {
  const random = createRandom(seed, 'monitoring');
  const limits = GMP_CLEAN_AREA_RULE_SET.data.limits;
  const devices: PlannedDevice[] = [];
  for (const site of sites) {
    const areas = random.pick(SITE_AREAS[site.category]);
    const counters: Record<DeviceKind, number> = { temperature: 0, humidity: 0, pressure_differential: 0, camera: 0 };
    const prefix: Record<DeviceKind, string> = { temperature: 'T', humidity: 'H', pressure_differential: 'P', camera: 'C' };
    const add = (kind: DeviceKind, area: Area, boundary: PressureBoundary | null): void => {
      counters[kind] += 1;
      const key = limitKeyOf(kind, boundary);
      devices.push({
        id: randomUUID(),
        kind,
        limit: key ? (limits[key] ?? null) : null,
        enterpriseId: site.enterpriseId,
        premisesId: site.premisesId,
        jurisdictionCode: site.jurisdictionCode,
        code: `${prefix[kind]}-${String(counters[kind]).padStart(2, '0')}`,
        area: area.name,
        cleanClass: area.cleanClass,
        boundary,
      });
    };
    for (const area of areas) {
      add('temperature', area, null);
      add('humidity', area, null);
      if (area.boundary) add('pressure_differential', area, area.boundary);
    }
    // One or two cameras: the first camera area always, a second one on some sites.
    const cameraAreas = areas.filter((a) => a.camera);
    for (const area of cameraAreas.slice(0, random.chance(0.5) ? 2 : 1)) add('camera', area, null);
  }
  return devices;
}

/** Registers the devices in one transaction, each audited as a registration (its credential hash is redacted). */
async function insertDevices(db: Db, devices: readonly PlannedDevice[]): Promise<void> {
  await withTransaction({ db, actor: SYSTEM_ACTOR }, async (trx) => {
    const rows = await trx.db
      .insertInto('monitoringDevices')
      .values(
        devices.map((d) => ({
          id: d.id,
          enterpriseId: d.enterpriseId,
          premisesId: d.premisesId,
          jurisdictionCode: d.jurisdictionCode,
          kind: d.kind,
          code: d.code,
          area: d.area,
          cleanClass: d.cleanClass,
          boundary: d.boundary,
          ruleSetId: GMP_CLEAN_AREA_RULE_SET.id,
          credentialHash: hashDeviceSecret(demoDeviceSecret(d.id)),
          lastSeenAt: null,
        })),
      )
      .returningAll()
      .execute();
    await recordAudit(
      trx,
      ...rows.map((after) => ({ action: 'monitoring.device_register', entityType: 'monitoring_device', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before: null, after })),
    );
  });
}

const HOUR_MS = 3_600_000;

/** The past excursions of the history, as offsets from its first reading (24 h before the load). */
function historyScenario(devices: readonly PlannedDevice[]): { scenario: FleetScenario; handled: { deviceId: string; outcome: 'closed' | 'false_positive' | 'acknowledged' }[] } {
  const sites = [...new Set(devices.map((d) => d.enterpriseId))];
  const first = (site: number, kind: DeviceKind, boundary?: PressureBoundary): PlannedDevice | undefined =>
    devices.find((d) => d.enterpriseId === sites[site] && d.kind === kind && (boundary === undefined || d.boundary === boundary));
  const humid = first(0, 'humidity');
  const hot = first(1, 'temperature');
  const pressure = first(2, 'pressure_differential', 'between_classes') ?? first(2, 'pressure_differential');
  const excursions = [
    // The demo enterprise: humidity up to 70 %RH for 45 min six hours ago (a dehumidifier failed).
    humid && { deviceId: humid.id, startMs: 18 * HOUR_MS, durationMs: 45 * 60_000, value: 70, rampMs: 10 * 60_000 },
    // Another site: 29 °C for 25 min fourteen hours ago while the probe was being calibrated (a false positive).
    hot && { deviceId: hot.id, startMs: 10 * HOUR_MS, durationMs: 25 * 60_000, value: 29, rampMs: 5 * 60_000 },
    // A third site: the pressure between classes down to 3 Pa for 30 min three hours ago (a door left open).
    pressure && { deviceId: pressure.id, startMs: 21 * HOUR_MS, durationMs: 30 * 60_000, value: 3 },
  ].filter((e) => e !== undefined);
  const handled = [
    ...(humid ? [{ deviceId: humid.id, outcome: 'closed' as const }] : []),
    ...(hot ? [{ deviceId: hot.id, outcome: 'false_positive' as const }] : []),
    ...(pressure ? [{ deviceId: pressure.id, outcome: 'acknowledged' as const }] : []),
  ];
  return { scenario: { excursions, silences: [] }, handled };
}

/** The bureau's handling of the past alerts, by the supervisor of the site's district (or the city's). */
async function handleHistoryAlerts(db: Db, handled: ReturnType<typeof historyScenario>['handled']): Promise<void> {
  const supervisors = await db.selectFrom('users').selectAll().where('role', 'in', ['district_supervisor', 'city_supervisor']).orderBy('username').execute();
  const supervisorOf = (jurisdictionCode: string): Actor | null => {
    const user = supervisors.find((u) => u.role === 'district_supervisor' && u.jurisdictionCode === jurisdictionCode.slice(0, 6)) ?? supervisors.find((u) => u.role === 'city_supervisor');
    return user ? actorOf(user) : null;
  };
  for (const h of handled) {
    const alert = await db.selectFrom('monitoringAlerts').select(['id', 'jurisdictionCode']).where('deviceId', '=', h.deviceId).where('ruleKind', '=', 'out_of_range').executeTakeFirst();
    const actor = alert ? supervisorOf(alert.jurisdictionCode) : null;
    if (!alert || !actor) continue;
    const ctx = { db, actor };
    if (h.outcome === 'closed') {
      await acknowledgeAlert(ctx, alert.id, '已电话通知企业质量负责人');
      await sendAlertToEnterprise(ctx, alert.id, '请企业排查除湿机组并提交处置记录');
      await verifyAlert(ctx, alert.id, '企业已更换除湿机组，湿度恢复正常');
      await closeAlert(ctx, alert.id, { falsePositive: false, note: '除湿机组故障已修复，当班产品已评估放行' });
    } else if (h.outcome === 'false_positive') {
      await acknowledgeAlert(ctx, alert.id);
      await closeAlert(ctx, alert.id, { falsePositive: true, note: '探头校准期间读数异常，现场核实为误报' });
    } else await acknowledgeAlert(ctx, alert.id, '已通知企业核查缓冲间门禁');
  }
}

/** Devices, credentials, 24 hours of readings and the handled alerts of the demo. Deterministic apart from ids and the load time. */
export async function loadDemoMonitoring(db: Db, options: { seed: number; now?: Date }): Promise<MonitoringSummary> {
  const now = options.now ?? new Date();
  await ensureBuiltinRuleSets(db);
  await ensureReadingPartitions(db, now);
  const sites = await pickSites(db);
  const devices = planDevices(sites, options.seed);
  if (devices.length === 0) return { sites: 0, devices: 0, readings: 0, alerts: 0 };
  await insertDevices(db, devices);

  const { scenario, handled } = historyScenario(devices);
  const start = Math.floor(now.getTime() / STEP_MS) * STEP_MS - (HISTORY_STEPS - 1) * STEP_MS;
  let readings = 0;
  for (let step = 0; step < HISTORY_STEPS; step += STEPS_PER_BATCH) {
    const batch: IncomingReading[] = [];
    for (let s = step; s < Math.min(step + STEPS_PER_BATCH, HISTORY_STEPS); s += 1) {
      const at = start + s * STEP_MS;
      for (const device of devices) {
        const value = readingValue(device, scenario, at - start, at);
        if (value !== null) batch.push({ deviceId: device.id, at: new Date(at), value });
      }
    }
    readings += (await ingestReadings(db, batch, now)).stored;
  }
  await handleHistoryAlerts(db, handled);
  const { alerts } = await db.selectFrom('monitoringAlerts').select(sql<number>`count(*)::int`.as('alerts')).executeTakeFirstOrThrow();
  return { sites: sites.length, devices: devices.length, readings, alerts };
}

/**
 * The demo devices the simulator can sign in as: active, with the demo-derived secret still in place (a
 * device whose credential was issued again through the platform keeps its own secret and is left out).
 */
export async function findDemoFleet(db: Db): Promise<DemoFleetDevice[]> {
  const rows = await db.selectFrom('monitoringDevices').select(['id', 'enterpriseId', 'kind', 'boundary', 'code', 'ruleSetId', 'credentialHash']).where('status', '=', 'active').orderBy('enterpriseId').orderBy('code').execute();
  const rules = await loadRuleSets(db, rows.map((r) => r.ruleSetId));
  const fleet: DemoFleetDevice[] = [];
  for (const r of rows) {
    const secret = demoDeviceSecret(r.id);
    if (r.credentialHash !== hashDeviceSecret(secret)) continue;
    const key = limitKeyOf(r.kind, r.boundary);
    const limit: Limit | null = key ? (rules.get(r.ruleSetId)?.data.limits[key] ?? null) : null;
    fleet.push({ id: r.id, enterpriseId: r.enterpriseId, kind: r.kind, limit, code: r.code, secret });
  }
  return fleet;
}
