import { useQuery } from '@tanstack/react-query';
import type { QaReleaseDecision, RectificationItemStatus, SelfInspectionKind, SelfInspectionKpis, SelfInspectionResult, SelfInspectionStatus } from '@shian/domain';
import { apiGet } from '../../api/client.ts';

/** What the self-inspection pages (自查报告, 整改项, 出厂放行) read from the server: the shapes of `/self-inspection/*` and `/qa-releases`. */

export type { SelfInspectionKpi, SelfInspectionKpiSet, SelfInspectionKpis } from '@shian/domain';

export interface SelfInspectionReport {
  id: string;
  number: string;
  enterprise: { id: string; name: string };
  jurisdictionCode: string;
  kind: SelfInspectionKind;
  year: number;
  checklistId: string;
  title: string;
  status: SelfInspectionStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  version: number;
  createdAt: string;
  answered: number;
  items: number;
  nonConformities: number;
}

export interface RectificationItem {
  id: string;
  number: string;
  reportId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  itemKey: string;
  finding: string;
  ownerName: string;
  dueOn: string;
  status: RectificationItemStatus;
  evidence: string | null;
  closedAt: string | null;
  verifiedAt: string | null;
  verificationNote: string | null;
  version: number;
}

export interface SelfInspectionAnswerRow {
  itemKey: string;
  result: SelfInspectionResult;
  note: string;
  rectificationOwner: string | null;
  rectificationDueOn: string | null;
}

export interface SelfInspectionReportDetail extends SelfInspectionReport {
  answers: SelfInspectionAnswerRow[];
  rectifications: RectificationItem[];
}

export interface RectificationListItem extends RectificationItem {
  enterprise: { id: string; name: string };
  report: { id: string; number: string; title: string };
}

export interface QaRelease {
  id: string;
  number: string;
  enterprise: { id: string; name: string };
  product: { id: string; name: string };
  jurisdictionCode: string;
  gtins: string[];
  lot: string;
  tests: { name: string; result: string; conclusion: 'pass' | 'fail' }[];
  decision: QaReleaseDecision;
  personId: string;
  personName: string;
  decidedAt: string;
  note: string;
  correctsId: string | null;
  superseded: boolean;
  createdAt: string;
}

export const selfInspectionKeys = {
  reports: (filters: object) => ['self-inspection', 'reports', filters] as const,
  report: (id: string) => ['self-inspection', 'report', id] as const,
  rectifications: (filters: object) => ['self-inspection', 'rectifications', filters] as const,
  releases: ['qa-releases'] as const,
  all: ['self-inspection'] as const,
};

export interface ReportFilters {
  year?: number | undefined;
  status?: SelfInspectionStatus | undefined;
  jurisdictionCode?: string | undefined;
}

export function useSelfInspectionReports(filters: ReportFilters) {
  return useQuery({
    queryKey: selfInspectionKeys.reports(filters),
    queryFn: async ({ signal }) => (await apiGet<{ items: SelfInspectionReport[] }>('/api/v1/self-inspection/reports', { query: { ...filters }, signal })).items,
  });
}

export function useSelfInspectionReport(id: string) {
  return useQuery({
    queryKey: selfInspectionKeys.report(id),
    queryFn: ({ signal }) => apiGet<SelfInspectionReportDetail>(`/api/v1/self-inspection/reports/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useRectificationItems(filters: { status?: RectificationItemStatus | undefined; overdue?: boolean | undefined }) {
  return useQuery({
    queryKey: selfInspectionKeys.rectifications(filters),
    queryFn: async ({ signal }) => (await apiGet<{ items: RectificationListItem[] }>('/api/v1/self-inspection/rectifications', { query: { ...filters }, signal })).items,
  });
}

export function useSelfInspectionKpis(jurisdictionCode: string | null, year: number) {
  return useQuery({
    queryKey: ['self-inspection', 'kpis', jurisdictionCode, year],
    queryFn: ({ signal }) => apiGet<SelfInspectionKpis>('/api/v1/self-inspection/kpis', { query: { jurisdictionCode, year }, signal }),
    enabled: jurisdictionCode !== null,
  });
}

export function useQaReleases() {
  return useQuery({
    queryKey: selfInspectionKeys.releases,
    queryFn: async ({ signal }) => (await apiGet<{ items: QaRelease[] }>('/api/v1/qa-releases', { signal })).items,
  });
}
