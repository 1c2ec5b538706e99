import { sql, type RawBuilder } from 'kysely';
import { actorScope, assertCan, findJurisdiction, invalidRequest, scopePrefix } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import { findKpiDistricts } from '../jurisdiction/jurisdiction-queries.ts';

/**
 * The live monitoring wall (监测大屏): every monitored site (监测点位) in scope with its devices and open alerts.
 * A site is an enterprise's premises, or the enterprise itself for devices registered without premises.
 */

/** A site's status: its worst open (not closed) alert grade, else `ok`, or `no_data` when no device ever reported. */
export const WALL_STATUSES = ['immediate', 'deadline', 'routine', 'no_data', 'ok'] as const;
export type WallStatus = (typeof WALL_STATUSES)[number];

export interface WallAlertCounts {
  immediate: number;
  deadline: number;
  routine: number;
}

/** Which site (监测点位): the enterprise and its premises, where it is. */
export interface SiteIdentity {
  enterpriseId: string;
  enterpriseName: string;
  /** Null for devices registered without premises (the enterprise as a whole). */
  premisesId: string | null;
  premisesName: string | null;
  /** The premises' address, else the enterprise's. */
  address: string;
  jurisdictionCode: string;
}

export interface WallSite extends SiteIdentity {
  districtCode: string;
  districtNameZh: string | null;
  districtNameEn: string | null;
  streetNameZh: string | null;
  streetNameEn: string | null;
  devices: number;
  /** Devices heard from within their rule's silence window (cameras: the offline window). */
  reporting: number;
  silent: number;
  openAlerts: WallAlertCounts;
  lastReadingAt: Date | null;
  status: WallStatus;
}

export interface WallDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
  sites: number;
  byStatus: Record<WallStatus, number>;
}

export interface MonitoringWall {
  /** The filter applied (a district or street), or null for the whole scope. */
  jurisdictionCode: string | null;
  generatedAt: Date;
  totals: { sites: number; devices: number; reporting: number; silent: number; openAlerts: WallAlertCounts; byStatus: Record<WallStatus, number> };
  /** Per district of the actor's whole scope (regulators: every district of it, also those without sites). */
  districts: WallDistrict[];
  /** Worst status first, then the most open alerts, then by name. */
  sites: WallSite[];
}

const noStatusCounts = (): Record<WallStatus, number> => ({ immediate: 0, deadline: 0, routine: 0, no_data: 0, ok: 0 });

interface SiteRow extends SiteIdentity {
  devices: number;
  reporting: number;
  immediate: number;
  deadline: number;
  routine: number;
  lastReadingAt: Date | string | null;
  status: WallStatus;
}

/**
 * The sites of the actor's scope (narrowed to `jurisdictionPrefix` when given) with their counts and status,
 * aggregated in SQL: active devices joined to their rule set's silence window (computed once per rule set)
 * and to their open alerts counted per device. Sites exist through their active devices; alerts of retired
 * devices do not count.
 */
function sitesQuery(ctx: Ctx, now: Date, jurisdictionPrefix: string | null): RawBuilder<SiteRow> {
  const filter = jurisdictionPrefix ? sql`AND monitoring_devices.jurisdiction_code LIKE ${`${jurisdictionPrefix}%`}` : sql``;
  return sql<SiteRow>`
    WITH rs AS MATERIALIZED (
      -- Per rule set once: since when a sensor (or camera) counts as reporting.
      SELECT id,
        ${now}::timestamptz - make_interval(secs => (data->>'silenceSeconds')::double precision) AS sensor_since,
        ${now}::timestamptz - make_interval(secs => (data->>'cameraOfflineSeconds')::double precision) AS camera_since
      FROM monitoring_rule_sets
    ), alert AS (
      SELECT device_id,
        count(*) FILTER (WHERE grade = 'immediate')::int AS immediate,
        count(*) FILTER (WHERE grade = 'deadline')::int AS deadline,
        count(*) FILTER (WHERE grade = 'routine')::int AS routine
      FROM monitoring_alerts
      WHERE status <> 'closed' AND ${scopeCondition(ctx.actor, 'monitoringAlerts')}
      GROUP BY device_id
    ), site AS (
      SELECT monitoring_devices.enterprise_id, monitoring_devices.premises_id, min(monitoring_devices.jurisdiction_code) AS jurisdiction_code,
        count(*)::int AS devices,
        count(*) FILTER (WHERE monitoring_devices.last_seen_at > CASE WHEN monitoring_devices.kind = 'camera' THEN rs.camera_since ELSE rs.sensor_since END)::int AS reporting,
        max(monitoring_devices.last_seen_at) AS last_reading_at,
        coalesce(sum(alert.immediate), 0)::int AS immediate, coalesce(sum(alert.deadline), 0)::int AS deadline, coalesce(sum(alert.routine), 0)::int AS routine
      FROM monitoring_devices
      JOIN rs ON rs.id = monitoring_devices.rule_set_id
      LEFT JOIN alert ON alert.device_id = monitoring_devices.id
      WHERE monitoring_devices.status = 'active' AND ${scopeCondition(ctx.actor, 'monitoringDevices')} ${filter}
      GROUP BY monitoring_devices.enterprise_id, monitoring_devices.premises_id
    )
    SELECT s.enterprise_id, e.name AS enterprise_name, s.premises_id, p.name AS premises_name, coalesce(p.address, e.address) AS address,
      s.jurisdiction_code, s.devices, s.reporting, s.last_reading_at, s.immediate, s.deadline, s.routine,
      CASE WHEN s.immediate > 0 THEN 'immediate' WHEN s.deadline > 0 THEN 'deadline' WHEN s.routine > 0 THEN 'routine'
        WHEN s.last_reading_at IS NULL THEN 'no_data' ELSE 'ok' END AS status
    FROM site s
    JOIN enterprises e ON e.id = s.enterprise_id
    LEFT JOIN premises p ON p.id = s.premises_id`;
}

/**
 * The wall of the actor's scope, optionally of one district or street (`jurisdictionCode`, within the
 * actor's scope: a regulator asking outside it gets 404). One statement for the sites; with a filter, a second
 * one for the per-district counts of the whole scope (the overview).
 */
export async function monitoringWall(ctx: Ctx, query: { jurisdictionCode?: string | undefined } = {}, now: Date = new Date()): Promise<MonitoringWall> {
  assertCan(ctx.actor, 'monitoring.read');
  const code = query.jurisdictionCode ?? null;
  if (code !== null && !findJurisdiction(code)) throw invalidRequest([{ path: 'jurisdictionCode', message: 'field.jurisdiction_unknown' }]);
  const scope = actorScope(ctx.actor);
  if (code !== null && scope.kind === 'jurisdiction') assertCan(ctx.actor, 'monitoring.read', { jurisdictionCode: code, enterpriseId: null });
  const prefix = code === null ? null : scopePrefix(code);

  const ranked = await sql<SiteRow>`
    SELECT * FROM (${sitesQuery(ctx, now, prefix)}) x
    ORDER BY CASE status WHEN 'immediate' THEN 0 WHEN 'deadline' THEN 1 WHEN 'routine' THEN 2 WHEN 'no_data' THEN 3 ELSE 4 END,
      immediate + deadline + routine DESC, enterprise_name, premises_name NULLS FIRST, enterprise_id`.execute(ctx.db);
  const sites = ranked.rows.map(presentSite);
  // The overview counts the whole scope: the sites above when unfiltered, else a second statement.
  const perDistrict =
    prefix === null
      ? sites.map((s) => ({ district: s.districtCode, status: s.status, sites: 1 }))
      : (
          await sql<{ district: string; status: WallStatus; sites: number }>`
            SELECT substr(jurisdiction_code, 1, 6) AS district, status, count(*)::int AS sites FROM (${sitesQuery(ctx, now, null)}) x GROUP BY 1, 2`.execute(ctx.db)
        ).rows;

  const totals = { sites: sites.length, devices: 0, reporting: 0, silent: 0, openAlerts: { immediate: 0, deadline: 0, routine: 0 }, byStatus: noStatusCounts() };
  for (const s of sites) {
    totals.devices += s.devices;
    totals.reporting += s.reporting;
    totals.silent += s.silent;
    totals.openAlerts.immediate += s.openAlerts.immediate;
    totals.openAlerts.deadline += s.openAlerts.deadline;
    totals.openAlerts.routine += s.openAlerts.routine;
    totals.byStatus[s.status] += 1;
  }

  const districts = new Map<string, WallDistrict>();
  const district = (districtCode: string): WallDistrict => {
    let found = districts.get(districtCode);
    if (!found) {
      const node = findJurisdiction(districtCode);
      found = { code: districtCode, nameZh: node?.nameZh ?? districtCode, nameEn: node?.nameEn ?? districtCode, sites: 0, byStatus: noStatusCounts() };
      districts.set(districtCode, found);
    }
    return found;
  };
  if (scope.kind === 'jurisdiction' && ctx.actor.jurisdictionCode) for (const d of await findKpiDistricts(ctx.db, ctx.actor.jurisdictionCode)) district(d.code);
  for (const row of perDistrict) {
    const d = district(row.district);
    d.sites += row.sites;
    d.byStatus[row.status] += row.sites;
  }
  return { jurisdictionCode: code, generatedAt: now, totals, districts: [...districts.values()].sort((x, y) => x.code.localeCompare(y.code)), sites };
}

function presentSite(r: SiteRow): WallSite {
  const districtCode = r.jurisdictionCode.slice(0, 6);
  const districtNode = findJurisdiction(districtCode);
  const streetNode = r.jurisdictionCode.length > 6 ? findJurisdiction(r.jurisdictionCode) : undefined;
  return {
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    premisesId: r.premisesId,
    premisesName: r.premisesName,
    address: r.address,
    jurisdictionCode: r.jurisdictionCode,
    districtCode,
    districtNameZh: districtNode?.nameZh ?? null,
    districtNameEn: districtNode?.nameEn ?? null,
    streetNameZh: streetNode?.nameZh ?? null,
    streetNameEn: streetNode?.nameEn ?? null,
    devices: r.devices,
    reporting: r.reporting,
    silent: r.devices - r.reporting,
    openAlerts: { immediate: r.immediate, deadline: r.deadline, routine: r.routine },
    lastReadingAt: r.lastReadingAt === null ? null : new Date(r.lastReadingAt),
    status: r.status,
  };
}
