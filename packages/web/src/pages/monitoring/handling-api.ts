import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { AlertGrade, CleanClass, DeviceKind, LimitKey, PressureBoundary, RuleKind } from '@shian/domain';
import type { Localised } from '@shian/domain/i18n/locale.ts';
import { apiGet, apiSend } from '../../api/client.ts';
import type { Dossier, EnterpriseListItem, Page } from '../../api/types.ts';

/** What the device page (设备管理) and the alert-handling page (预警处置) read and send: `/monitoring/*`. */

export type AlertStatus = 'open' | 'acknowledged' | 'sent' | 'verified' | 'closed';
export const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'sent', 'verified', 'closed'];

export interface MonitoringDevice {
  id: string;
  enterpriseId: string;
  premisesId: string | null;
  jurisdictionCode: string;
  kind: DeviceKind;
  code: string;
  area: string;
  cleanClass: string;
  boundary: PressureBoundary | null;
  ruleSetId: string;
  status: 'active' | 'retired';
  hasCredential: boolean;
  lastSeenAt: string | null;
  version: number;
}

export interface DeviceCredential {
  deviceId: string;
  secret: string;
}

export interface RuleSetChoice {
  id: string;
  version: number;
  parentId: string | null;
  enterpriseId: string | null;
  name: Localised;
  source: string;
}

export interface MonitoringAlert {
  id: string;
  deviceId: string;
  enterpriseId: string;
  ruleKind: RuleKind;
  grade: AlertGrade;
  status: AlertStatus;
  falsePositive: boolean | null;
  openedAt: string;
  readingCount: number;
  clearedAt: string | null;
  closedAt: string | null;
  note: string | null;
  version: number;
  deviceCode: string;
  area: string;
  enterpriseName: string;
}

export interface RulePrecision {
  ruleKind: RuleKind;
  closed: number;
  falsePositives: number;
  precision: number | null;
}

export interface DeviceInput {
  enterpriseId?: string;
  premisesId?: string | null;
  kind: DeviceKind;
  code: string;
  area: string;
  cleanClass: CleanClass;
  boundary?: PressureBoundary | null;
  ruleSetId?: string;
}

export interface AlertFilters {
  status?: AlertStatus | undefined;
  deviceId?: string | undefined;
  enterpriseId?: string | undefined;
}

const path = (id: string) => encodeURIComponent(id);

export const monitoringKeys = {
  all: ['monitoring-handling'] as const,
  devices: (enterpriseId: string | undefined) => ['monitoring-handling', 'devices', enterpriseId ?? ''] as const,
  ruleSets: (enterpriseId: string | undefined) => ['monitoring-handling', 'rule-sets', enterpriseId ?? ''] as const,
  alerts: (filters: AlertFilters) => ['monitoring-handling', 'alerts', filters.status ?? '', filters.deviceId ?? '', filters.enterpriseId ?? ''] as const,
  precision: (enterpriseId: string | undefined) => ['monitoring-handling', 'precision', enterpriseId ?? ''] as const,
  premises: (enterpriseId: string) => ['monitoring-handling', 'premises', enterpriseId] as const,
  enterprises: (q: string) => ['monitoring-handling', 'enterprises', q] as const,
};

export function useDevices(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.devices(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: MonitoringDevice[] }>('/api/v1/monitoring/devices', { query: { enterpriseId }, signal })).items,
  });
}

export function useRuleSets(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.ruleSets(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: RuleSetChoice[] }>('/api/v1/monitoring/rule-sets', { query: { enterpriseId }, signal })).items,
  });
}

export function useAlerts(filters: AlertFilters) {
  return useQuery({
    queryKey: monitoringKeys.alerts(filters),
    queryFn: async ({ signal }) => (await apiGet<{ items: MonitoringAlert[] }>('/api/v1/monitoring/alerts', { query: { ...filters }, signal })).items,
  });
}

export function usePrecision(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.precision(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: RulePrecision[] }>('/api/v1/monitoring/precision', { query: { enterpriseId }, signal })).items,
  });
}

/** The enterprise's premises (its dossier), for the optional 所属场所 of a device. */
export function usePremises(enterpriseId: string | null) {
  return useQuery({
    queryKey: monitoringKeys.premises(enterpriseId ?? ''),
    queryFn: async ({ signal }) => (await apiGet<Dossier>(`/api/v1/enterprises/${path(enterpriseId ?? '')}`, { signal })).premises,
    enabled: enterpriseId !== null,
  });
}

/** Enterprises in the regulator's scope whose name matches, for the enterprise filter. */
export function useEnterpriseSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.enterprises(q),
    queryFn: async ({ signal }) => (await apiGet<Page<EnterpriseListItem>>('/api/v1/enterprises', { query: { q, limit: 20 }, signal })).items,
    enabled,
  });
}

export const registerDevice = (body: DeviceInput) => apiSend<MonitoringDevice>('POST', '/api/v1/monitoring/devices', body);
export const issueCredential = (deviceId: string) => apiSend<DeviceCredential>('POST', `/api/v1/monitoring/devices/${path(deviceId)}/credential`);
export interface LimitChange {
  min?: number | null;
  max?: number | null;
  maxRatePerMinute?: number | null;
}

export interface SiteRuleSetInput {
  enterpriseId?: string;
  parentId: string;
  name: Localised;
  source: string;
  override: { limits?: Partial<Record<LimitKey, LimitChange>>; sustainSeconds?: number; silenceSeconds?: number };
}

export const createSiteRuleSet = (body: SiteRuleSetInput) => apiSend<RuleSetChoice>('POST', '/api/v1/monitoring/rule-sets', body);
export const setRuleSet = (deviceId: string, ruleSetId: string) => apiSend<MonitoringDevice>('PUT', `/api/v1/monitoring/devices/${path(deviceId)}/rule-set`, { ruleSetId });

export type AlertStep = 'acknowledge' | 'send' | 'verify';
export const takeAlertStep = (alertId: string, step: AlertStep) => apiSend<MonitoringAlert>('POST', `/api/v1/monitoring/alerts/${path(alertId)}/${step}`, {});
export const closeAlert = (alertId: string, body: { falsePositive: boolean; note: string }) => apiSend<MonitoringAlert>('POST', `/api/v1/monitoring/alerts/${path(alertId)}/close`, body);

/** After a change: every list of these pages reads again. */
export async function invalidateMonitoring(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
}
