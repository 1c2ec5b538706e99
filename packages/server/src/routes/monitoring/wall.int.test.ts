import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import { ensureReadingPartitions, ingestReadings, registerDevice, type IncomingReading } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/**
 * The wall and a site's charts over HTTP with real readings: in 浦东 (310115) enterprise A has a site without
 * premises (a thermometer 12 minutes out of range, a hygrometer in range) and a warehouse in another street
 * (in range); C has a gauge never heard from. B in 黄浦 (310101) is in range.
 */
const NOW = new Date();
const MINUTE = Math.floor(NOW.getTime() / 60_000) * 60_000;
const minutesAgo = (m: number): Date => new Date(MINUTE - m * 60_000);
let t: TestApp;
let adminA: Session;
let adminB: Session;
let pudong: Session;
let huangpu: Session;
let aId: string;
let cId: string;
let warehouseId: string;
let thermoId: string;

/** A reading a minute for `minutes` minutes up to one minute ago, from `value(i)`. */
const stream = (deviceId: string, minutes: number, value: (i: number) => number): IncomingReading[] =>
  Array.from({ length: minutes }, (_, i) => ({ deviceId, at: minutesAgo(minutes - i), value: value(i) }));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await ensureReadingPartitions(db, NOW);
  const a = await buildEnterprise(db, { jurisdictionCode: '310115007', name: '上海甲保健食品有限公司' });
  const b = await buildEnterprise(db, { jurisdictionCode: '310101002', name: '上海乙保健食品有限公司' });
  const c = await buildEnterprise(db, { jurisdictionCode: '310115005', name: '上海丙保健食品有限公司' });
  aId = a.id;
  cId = c.id;
  warehouseId = randomUUID();
  await db.insertInto('premises').values({ id: warehouseId, enterpriseId: a.id, name: '甲公司二号仓库', address: '上海市浦东新区仓储路1号', kind: 'warehouse', gln: null, jurisdictionCode: '310115005' }).execute();
  const user = async (...args: Parameters<typeof buildUser>): Promise<{ actor: Actor; session: Session }> => {
    const built = await buildUser(...args);
    return { actor: built.actor, session: await signInAs(t.app, built.user.username) };
  };
  const ownerA = await user(db, 'enterprise_admin', { enterpriseId: a.id });
  const ownerB = await user(db, 'enterprise_admin', { enterpriseId: b.id });
  const ownerC = await user(db, 'enterprise_admin', { enterpriseId: c.id });
  adminA = ownerA.session;
  adminB = ownerB.session;
  pudong = (await user(db, 'district_supervisor', { jurisdictionCode: '310115' })).session;
  huangpu = (await user(db, 'district_supervisor', { jurisdictionCode: '310101' })).session;

  const device = (actor: Actor, enterpriseId: string, input: Partial<Parameters<typeof registerDevice>[2]> & { code: string }) =>
    registerDevice({ db, actor }, enterpriseId, { kind: 'temperature', area: '压片间', cleanClass: 'class_100000', ruleSetId: 'gmp-clean-area/1', ...input });
  const thermo = await device(ownerA.actor, a.id, { code: 'T-01' });
  const hygro = await device(ownerA.actor, a.id, { code: 'H-01', kind: 'humidity' });
  const stored = await device(ownerA.actor, a.id, { code: 'T-02', premisesId: warehouseId, area: '成品库', cleanClass: 'non_clean' });
  await device(ownerC.actor, c.id, { code: 'P-01', kind: 'pressure_differential', boundary: 'to_non_clean' });
  const inB = await device(ownerB.actor, b.id, { code: 'T-01' });
  thermoId = thermo.id;

  // A's thermometer: 21 °C, then 30 °C for the last 12 minutes (the rule's sustain is 300 s).
  await ingestReadings(db, [...stream(thermo.id, 30, (i) => (i < 18 ? 21 : 30)), ...stream(hygro.id, 30, () => 50), ...stream(stored.id, 30, (i) => 20 + (i % 3)), ...stream(inB.id, 5, () => 22)], NOW);
});
afterAll(async () => t?.close());

interface WallSiteBody {
  enterpriseId: string;
  premisesId: string | null;
  status: string;
  devices: number;
  reporting: number;
  silent: number;
  openAlerts: { immediate: number; deadline: number; routine: number };
  districtNameZh: string;
  streetNameZh: string | null;
}

describe('the monitoring wall', () => {
  it('shows a regulator the sites of the district, worst first, with counts, names and totals', async () => {
    const res = await pudong.get('/api/v1/monitoring/wall');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const sites: WallSiteBody[] = body.sites;
    expect(sites.map((s) => [s.enterpriseId, s.premisesId, s.status])).toEqual([
      [aId, null, 'immediate'],
      [cId, null, 'no_data'],
      [aId, warehouseId, 'ok'],
    ]);
    // The jump 21 → 30 °C also opened a rate-of-change alert (限期处置).
    expect(sites[0]).toMatchObject({ enterpriseName: '上海甲保健食品有限公司', devices: 2, reporting: 2, silent: 0, openAlerts: { immediate: 1, deadline: 1, routine: 0 }, jurisdictionCode: '310115007', districtNameZh: '浦东新区' });
    expect(sites[0]!.streetNameZh).toEqual(expect.any(String));
    expect(body.sites[0].lastReadingAt).toBe(minutesAgo(1).toISOString());
    expect(sites[1]).toMatchObject({ devices: 1, reporting: 0, silent: 1, openAlerts: { immediate: 0, deadline: 0, routine: 0 } });
    expect(body.sites[1].lastReadingAt).toBeNull();
    expect(body.sites[2]).toMatchObject({ premisesName: '甲公司二号仓库', address: '上海市浦东新区仓储路1号', jurisdictionCode: '310115005', devices: 1, reporting: 1 });
    expect(body.totals).toEqual({ sites: 3, devices: 4, reporting: 3, silent: 1, openAlerts: { immediate: 1, deadline: 1, routine: 0 }, byStatus: { immediate: 1, deadline: 0, routine: 0, no_data: 1, ok: 1 } });
    expect(body.districts).toEqual([{ code: '310115', nameZh: '浦东新区', nameEn: 'Pudong New Area', sites: 3, byStatus: { immediate: 1, deadline: 0, routine: 0, no_data: 1, ok: 1 } }]);
  });

  it('narrows to a street of the scope, and refuses one outside it or unknown', async () => {
    const street = (await pudong.get('/api/v1/monitoring/wall?jurisdictionCode=310115005')).json();
    expect(street.sites.map((s: WallSiteBody) => [s.enterpriseId, s.status])).toEqual([
      [cId, 'no_data'],
      [aId, 'ok'],
    ]);
    expect(street.totals.sites).toBe(2);
    // The overview still counts the whole scope.
    expect(street.districts[0].sites).toBe(3);
    expect((await pudong.get('/api/v1/monitoring/wall?jurisdictionCode=310101')).statusCode).toBe(404);
    const bad = await pudong.get('/api/v1/monitoring/wall?jurisdictionCode=999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(['jurisdictionCode']);
  });

  it('shows an enterprise its own sites and another district only its own', async () => {
    const own = (await adminA.get('/api/v1/monitoring/wall')).json();
    expect(own.sites.map((s: WallSiteBody) => [s.premisesId, s.status])).toEqual([
      [null, 'immediate'],
      [warehouseId, 'ok'],
    ]);
    expect(own.districts.map((d: { code: string; sites: number }) => [d.code, d.sites])).toEqual([['310115', 2]]);
    const other = (await huangpu.get('/api/v1/monitoring/wall')).json();
    expect(other.sites.map((s: WallSiteBody) => s.status)).toEqual(['ok']);
    expect(other.totals.openAlerts.immediate).toBe(0);
  });
});

describe("a site's charts", () => {
  it('gives each device its limit, its minute series and last value, and the alerts, open first', async () => {
    const res = await pudong.get(`/api/v1/monitoring/sites/${aId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ enterpriseName: '上海甲保健食品有限公司', premisesId: null, hours: 24, grain: 'minute', districtNameZh: '浦东新区' });
    const thermo = body.devices.find((d: { code: string }) => d.code === 'T-01');
    expect(thermo.limit).toMatchObject({ min: 18, max: 26, unit: '°C', confirmed: false });
    expect(thermo.series).toHaveLength(30);
    expect(thermo.series[0]).toEqual({ at: minutesAgo(30).toISOString(), min: 21, max: 21, avg: 21, count: 1 });
    expect(thermo.series[29]).toEqual({ at: minutesAgo(1).toISOString(), min: 30, max: 30, avg: 30, count: 1 });
    expect(thermo.lastValue).toBe(30);
    expect(body.devices.map((d: { code: string }) => d.code).sort()).toEqual(['H-01', 'T-01']);
    expect(body.alerts.map((a: { ruleKind: string; status: string }) => [a.ruleKind, a.status])).toEqual([
      ['out_of_range', 'open'],
      ['rate_of_change', 'open'],
    ]);
    expect(body.alerts[0]).toMatchObject({ deviceId: thermoId, deviceCode: 'T-01', grade: 'immediate' });

    // Closed, the rate-of-change alert moves behind the open one and leaves the wall's counts.
    expect((await pudong.post(`/api/v1/monitoring/alerts/${body.alerts[1].id}/close`, { falsePositive: false, note: '空调机组故障已修复' })).statusCode).toBe(200);
    const after = (await adminA.get(`/api/v1/monitoring/sites/${aId}`)).json();
    expect(after.alerts.map((a: { ruleKind: string; status: string }) => [a.ruleKind, a.status])).toEqual([
      ['out_of_range', 'open'],
      ['rate_of_change', 'closed'],
    ]);
    expect((await pudong.get('/api/v1/monitoring/wall')).json().sites[0].openAlerts).toEqual({ immediate: 1, deadline: 0, routine: 0 });
  });

  it('switches to hour roll-ups beyond 24 hours, averaging the readings of the hour', async () => {
    const week = (await adminA.get(`/api/v1/monitoring/sites/${aId}?hours=168`)).json();
    expect(week).toMatchObject({ hours: 168, grain: 'hour' });
    const points = week.devices.find((d: { code: string }) => d.code === 'T-01').series as { min: number; max: number; avg: number; count: number }[];
    expect(points.reduce((n, p) => n + p.count, 0)).toBe(30);
    expect(Math.min(...points.map((p) => p.min))).toBe(21);
    expect(Math.max(...points.map((p) => p.max))).toBe(30);
    const weighted = points.reduce((n, p) => n + p.avg * p.count, 0) / 30;
    expect(weighted).toBeCloseTo((18 * 21 + 12 * 30) / 30, 9);
  });

  it('shows a premises site by its id, and refuses other enterprises, other districts and bad parameters', async () => {
    const site = (await pudong.get(`/api/v1/monitoring/sites/${aId}?premisesId=${warehouseId}`)).json();
    expect(site).toMatchObject({ premisesName: '甲公司二号仓库', jurisdictionCode: '310115005', alerts: [] });
    expect(site.devices.map((d: { code: string; series: unknown[] }) => [d.code, d.series.length])).toEqual([['T-02', 30]]);
    expect((await adminB.get(`/api/v1/monitoring/sites/${aId}`)).statusCode).toBe(404);
    expect((await huangpu.get(`/api/v1/monitoring/sites/${aId}`)).statusCode).toBe(404);
    expect((await pudong.get(`/api/v1/monitoring/sites/${aId}?premisesId=${randomUUID()}`)).statusCode).toBe(404);
    const bad = await pudong.get(`/api/v1/monitoring/sites/${aId}?hours=169&premisesId=x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['hours', 'premisesId']);
  });
});
