import { useQuery } from '@tanstack/react-query';
import type { AlertGrade, CleanClass, DeviceKind, PressureBoundary, RuleKind } from '@shian/domain';
import { apiGet } from '../../api/client.ts';

/** What the monitoring wall (监测大屏) and a site's charts (监测曲线) read: the shapes of `/monitoring/wall` and `/monitoring/sites/*`. */

export const WALL_STATUSES = ['immediate', 'deadline', 'routine', 'no_data', 'ok'] as const;
export type WallStatus = (typeof WALL_STATUSES)[number];
export type GradeCounts = Record<AlertGrade, number>;

interface SiteHead {
  enterpriseId: string;
  enterpriseName: string;
  premisesId: string | null;
  premisesName: string | null;
  address: string;
  jurisdictionCode: string;
  districtNameZh: string | null;
  districtNameEn: string | null;
  streetNameZh: string | null;
  streetNameEn: string | null;
}

export interface WallSite extends SiteHead {
  districtCode: string;
  devices: number;
  reporting: number;
  silent: number;
  openAlerts: GradeCounts;
  lastReadingAt: string | null;
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
  jurisdictionCode: string | null;
  generatedAt: string;
  totals: { sites: number; devices: number; reporting: number; silent: number; openAlerts: GradeCounts; byStatus: Record<WallStatus, number> };
  districts: WallDistrict[];
  sites: WallSite[];
}

export interface SeriesPoint {
  at: string;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface SiteDevice {
  id: string;
  code: string;
  kind: DeviceKind;
  area: string;
  cleanClass: CleanClass;
  boundary: PressureBoundary | null;
  ruleSetId: string;
  limit: { min: number | null; max: number | null; unit: string; confirmed: boolean; source: string } | null;
  lastValue: number | null;
  lastReadingAt: string | null;
  series: SeriesPoint[];
}

export interface SiteAlert {
  id: string;
  deviceId: string;
  deviceCode: string;
  ruleKind: RuleKind;
  grade: AlertGrade;
  status: 'open' | 'acknowledged' | 'sent' | 'verified' | 'closed';
  openedAt: string;
  clearedAt: string | null;
  closedAt: string | null;
}

export interface SiteMonitoring extends SiteHead {
  hours: number;
  grain: 'minute' | 'hour';
  from: string;
  to: string;
  devices: SiteDevice[];
  alerts: SiteAlert[];
}

/** The wall refreshes every 10 s while the page is open. */
export const WALL_REFRESH_MS = 10_000;

export const wallKeys = {
  wall: (code: string | null) => ['monitoring', 'wall', code] as const,
  site: (enterpriseId: string, premisesId: string | null, hours: number) => ['monitoring', 'site', enterpriseId, premisesId, hours] as const,
};

export function useMonitoringWall(jurisdictionCode: string | null) {
  return useQuery({
    queryKey: wallKeys.wall(jurisdictionCode),
    queryFn: ({ signal }) => apiGet<MonitoringWall>('/api/v1/monitoring/wall', { query: { jurisdictionCode }, signal }),
    refetchInterval: WALL_REFRESH_MS,
    placeholderData: (previous) => previous,
  });
}

export function useSiteMonitoring(enterpriseId: string, premisesId: string | null, hours: number) {
  return useQuery({
    queryKey: wallKeys.site(enterpriseId, premisesId, hours),
    queryFn: ({ signal }) => apiGet<SiteMonitoring>(`/api/v1/monitoring/sites/${encodeURIComponent(enterpriseId)}`, { query: { premisesId, hours }, signal }),
    refetchInterval: WALL_REFRESH_MS * 3,
    placeholderData: (previous) => previous,
  });
}
