import { sql } from 'kysely';
import { AppError, assertCan, findJurisdiction, limitKeyOf, parseDeviceState, type CleanClass, type DeviceKind, type PressureBoundary } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import type { MonitoringAlertRow } from './alert-service.ts';
import type { SiteIdentity } from './monitoring-wall.ts';
import { loadRuleSets } from './rule-set-service.ts';

/** A site's charts (监测曲线): its devices, each with its limit and its roll-up series, and the site's alerts. */

export interface SeriesPoint {
  /** The start of the minute or hour. */
  at: Date;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface SiteDeviceLimit {
  min: number | null;
  max: number | null;
  unit: string;
  /** False for defaults not yet checked against the official text (the GMP clean-area values). */
  confirmed: boolean;
  source: string;
}

export interface SiteDevice {
  id: string;
  code: string;
  kind: DeviceKind;
  area: string;
  cleanClass: CleanClass;
  boundary: PressureBoundary | null;
  ruleSetId: string;
  /** Null for cameras (their readings are heartbeats). */
  limit: SiteDeviceLimit | null;
  lastValue: number | null;
  lastReadingAt: Date | null;
  series: SeriesPoint[];
}

export interface SiteAlert extends MonitoringAlertRow {
  deviceCode: string;
}

export interface SiteMonitoring extends SiteIdentity {
  districtNameZh: string | null;
  districtNameEn: string | null;
  streetNameZh: string | null;
  streetNameEn: string | null;
  hours: number;
  /** Minute roll-ups up to 24 hours back, hour roll-ups beyond. */
  grain: 'minute' | 'hour';
  from: Date;
  to: Date;
  devices: SiteDevice[];
  /** Unsettled alerts first (all of them), then the most recent closed ones; at most 100. */
  alerts: SiteAlert[];
}

const MAX_ALERTS = 100;

/**
 * One site of an enterprise (`premisesId`, or its devices without premises): 404 when the enterprise or its
 * premises is unknown or outside the actor's scope. Three statements after the site: devices, roll-ups,
 * alerts (plus the rule sets of the devices).
 */
export async function siteMonitoring(ctx: Ctx, enterpriseId: string, query: { premisesId?: string | null | undefined; hours?: number | undefined } = {}, now: Date = new Date()): Promise<SiteMonitoring> {
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'name', 'address', 'jurisdictionCode']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise) throw new AppError('resource.not_found');
  const premisesId = query.premisesId ?? null;
  const premises = premisesId
    ? await ctx.db.selectFrom('premises').select(['id', 'name', 'address', 'jurisdictionCode']).where('id', '=', premisesId).where('enterpriseId', '=', enterpriseId).executeTakeFirst()
    : undefined;
  if (premisesId && !premises) throw new AppError('resource.not_found');
  const jurisdictionCode = premises?.jurisdictionCode ?? enterprise.jurisdictionCode;
  assertCan(ctx.actor, 'monitoring.read', { jurisdictionCode, enterpriseId });

  const hours = Math.min(168, Math.max(1, Math.floor(query.hours ?? 24)));
  const grain = hours <= 24 ? 'minute' : 'hour';
  const from = new Date(now.getTime() - hours * 3_600_000);

  const devices = await ctx.db
    .selectFrom('monitoringDevices')
    .select(['id', 'code', 'kind', 'area', 'cleanClass', 'boundary', 'ruleSetId', 'state', 'lastSeenAt'])
    .where(scopeCondition(ctx.actor, 'monitoringDevices'))
    .where('enterpriseId', '=', enterpriseId)
    .where(premisesId ? sql<boolean>`premises_id = ${premisesId}` : sql<boolean>`premises_id IS NULL`)
    .where('status', '=', 'active')
    .orderBy('kind')
    .orderBy('code')
    .execute();
  const ids = devices.map((d) => d.id);
  const rules = await loadRuleSets(ctx.db, devices.map((d) => d.ruleSetId));
  const rollups = ids.length
    ? await ctx.db
        .selectFrom('monitoringRollups')
        .select(['deviceId', 'bucket', 'min', 'max', 'sum', 'count'])
        .where('deviceId', 'in', ids)
        .where('grain', '=', grain)
        .where('bucket', '>=', sql<Date>`date_trunc(${grain}, ${from}::timestamptz, 'UTC')`)
        .where('bucket', '<=', now)
        .orderBy('deviceId')
        .orderBy('bucket')
        .execute()
    : [];
  const series = new Map<string, SeriesPoint[]>();
  for (const r of rollups) {
    const list = series.get(r.deviceId) ?? [];
    list.push({ at: new Date(r.bucket), min: r.min, max: r.max, avg: r.count ? r.sum / r.count : r.min, count: r.count });
    series.set(r.deviceId, list);
  }
  const alerts = ids.length
    ? await ctx.db
        .selectFrom('monitoringAlerts')
        .innerJoin('monitoringDevices', 'monitoringDevices.id', 'monitoringAlerts.deviceId')
        .selectAll('monitoringAlerts')
        .select('monitoringDevices.code as deviceCode')
        .where('monitoringAlerts.deviceId', 'in', ids)
        .where(scopeCondition(ctx.actor, 'monitoringAlerts'))
        .orderBy(sql`monitoring_alerts.status = 'closed'`)
        .orderBy('monitoringAlerts.openedAt', 'desc')
        .orderBy('monitoringAlerts.id')
        .limit(MAX_ALERTS)
        .execute()
    : [];

  const districtNode = findJurisdiction(jurisdictionCode.slice(0, 6));
  const streetNode = jurisdictionCode.length > 6 ? findJurisdiction(jurisdictionCode) : undefined;
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    premisesId,
    premisesName: premises?.name ?? null,
    address: premises?.address ?? enterprise.address,
    jurisdictionCode,
    districtNameZh: districtNode?.nameZh ?? null,
    districtNameEn: districtNode?.nameEn ?? null,
    streetNameZh: streetNode?.nameZh ?? null,
    streetNameEn: streetNode?.nameEn ?? null,
    hours,
    grain,
    from,
    to: now,
    devices: devices.map((d): SiteDevice => {
      const key = limitKeyOf(d.kind, d.boundary);
      const limit = key ? rules.get(d.ruleSetId)?.data.limits[key] : undefined;
      const state = parseDeviceState(d.state);
      return {
        id: d.id,
        code: d.code,
        kind: d.kind,
        // Written by registerDevice from the domain's class codes.
        cleanClass: d.cleanClass as CleanClass,
        area: d.area,
        boundary: d.boundary,
        ruleSetId: d.ruleSetId,
        limit: limit ? { min: limit.min, max: limit.max, unit: limit.unit, confirmed: limit.confirmed, source: limit.source } : null,
        lastValue: state.lastValue,
        lastReadingAt: d.lastSeenAt ? new Date(d.lastSeenAt) : null,
        series: series.get(d.id) ?? [],
      };
    }),
    alerts,
  };
}
