import { z } from 'zod';
import { ALERT_GRADES, CLEAN_CLASS_CODES, DEVICE_KINDS, PRESSURE_BOUNDARIES } from '@shian/domain';
import { WALL_STATUSES, type MonitoringWall, type SiteMonitoring, type WallSite } from '@shian/core';
import { jurisdictionCodeSchema } from '../common.contract.ts';
import { alertSchema, presentAlert } from './alerts.contract.ts';

/** Shapes of the monitoring wall (监测大屏) and a site's charts (监测曲线). */

export const wallQuerySchema = z.strictObject({ jurisdictionCode: jurisdictionCodeSchema.optional() });

export const siteParamsSchema = z.strictObject({ enterpriseId: z.uuid() });

export const siteQuerySchema = z.strictObject({
  premisesId: z.uuid().optional(),
  /** How far back the charts go: minute roll-ups up to 24 h, hour roll-ups beyond (7 d = 168). */
  hours: z.coerce.number().int().min(1).max(168).default(24),
});

const gradeCounts = z.object(Object.fromEntries(ALERT_GRADES.map((g) => [g, z.number().int()])) as Record<(typeof ALERT_GRADES)[number], z.ZodNumber>);
const statusCounts = z.object(Object.fromEntries(WALL_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof WALL_STATUSES)[number], z.ZodNumber>);

const siteHead = {
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  premisesId: z.uuid().nullable(),
  premisesName: z.string().nullable(),
  address: z.string(),
  jurisdictionCode: z.string(),
  districtNameZh: z.string().nullable(),
  districtNameEn: z.string().nullable(),
  streetNameZh: z.string().nullable(),
  streetNameEn: z.string().nullable(),
};

export const wallSiteSchema = z
  .object({
    ...siteHead,
    districtCode: z.string(),
    devices: z.number().int(),
    reporting: z.number().int(),
    silent: z.number().int(),
    openAlerts: gradeCounts,
    lastReadingAt: z.string().nullable(),
    /** The worst open alert grade, else ok; no_data when no device ever reported. */
    status: z.enum(WALL_STATUSES),
  })
  .meta({ id: 'MonitoringWallSite' });

export const wallSchema = z
  .object({
    jurisdictionCode: z.string().nullable(),
    generatedAt: z.string(),
    totals: z.object({ sites: z.number().int(), devices: z.number().int(), reporting: z.number().int(), silent: z.number().int(), openAlerts: gradeCounts, byStatus: statusCounts }),
    districts: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), sites: z.number().int(), byStatus: statusCounts })),
    sites: z.array(wallSiteSchema),
  })
  .meta({ id: 'MonitoringWall' });

const pointSchema = z.object({ at: z.string(), min: z.number(), max: z.number(), avg: z.number(), count: z.number().int() });

export const siteDeviceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(DEVICE_KINDS),
    area: z.string(),
    cleanClass: z.enum(CLEAN_CLASS_CODES as [string, ...string[]]),
    boundary: z.enum(PRESSURE_BOUNDARIES).nullable(),
    ruleSetId: z.string(),
    limit: z.object({ min: z.number().nullable(), max: z.number().nullable(), unit: z.string(), confirmed: z.boolean(), source: z.string() }).nullable(),
    lastValue: z.number().nullable(),
    lastReadingAt: z.string().nullable(),
    series: z.array(pointSchema),
  })
  .meta({ id: 'MonitoringSiteDevice' });

export const siteSchema = z
  .object({
    ...siteHead,
    hours: z.number().int(),
    grain: z.enum(['minute', 'hour']),
    from: z.string(),
    to: z.string(),
    devices: z.array(siteDeviceSchema),
    alerts: z.array(alertSchema.extend({ deviceCode: z.string() })),
  })
  .meta({ id: 'MonitoringSite' });

const iso = (d: Date | string): string => new Date(d).toISOString();

const presentWallSite = (s: WallSite): z.infer<typeof wallSiteSchema> => ({ ...s, lastReadingAt: s.lastReadingAt ? iso(s.lastReadingAt) : null });

export const presentWall = (w: MonitoringWall): z.infer<typeof wallSchema> => ({ ...w, generatedAt: iso(w.generatedAt), sites: w.sites.map(presentWallSite) });

export function presentSite(s: SiteMonitoring): z.infer<typeof siteSchema> {
  return {
    ...s,
    from: iso(s.from),
    to: iso(s.to),
    devices: s.devices.map((d) => ({ ...d, lastReadingAt: d.lastReadingAt ? iso(d.lastReadingAt) : null, series: d.series.map((p) => ({ ...p, at: iso(p.at) })) })),
    alerts: s.alerts.map((a) => ({ ...presentAlert(a), deviceCode: a.deviceCode })),
  };
}
