import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import type { Inspection } from './inspection-types.ts';
import type { EligibleInspector, InspectionList, RectificationOrder, RectificationStatus, Recusal, RiskDossier, WorkQueue } from './supervision-types.ts';

/** Query keys of the supervision pages, so mutations know what to invalidate. */
export const supervisionKeys = {
  workQueueAll: ['work-queue'] as const,
  workQueue: (overdueOnly: boolean) => ['work-queue', { overdueOnly }] as const,
  risk: (enterpriseId: string) => ['risk', enterpriseId] as const,
  inspectionsAll: ['inspections'] as const,
  enterpriseInspections: (enterpriseId: string) => ['inspections', 'enterprise', enterpriseId] as const,
  inspection: (id: string) => ['inspections', 'one', id] as const,
  rectificationsAll: ['rectifications'] as const,
  rectifications: (filters: { status?: RectificationStatus | undefined; enterpriseId?: string | undefined }) => ['rectifications', 'list', filters] as const,
  rectification: (id: string) => ['rectifications', 'one', id] as const,
  recusals: (enterpriseId: string) => ['recusals', enterpriseId] as const,
  eligibleInspectors: (enterpriseId: string) => ['eligible-inspectors', enterpriseId] as const,
};

const path = (id: string) => encodeURIComponent(id);

/** The most the work-queue endpoint lists at once (its counts cover everything). */
export const WORK_QUEUE_LIMIT = 200;

/**
 * 待办: the signed-in user's open clocks by deadline. The unfiltered queue is also what the menu's badge
 * counts, from the same cache entry.
 */
export function useWorkQueue(overdueOnly = false, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.workQueue(overdueOnly),
    queryFn: ({ signal }) => apiGet<WorkQueue>('/api/v1/work-queue', { query: { overdueOnly: overdueOnly || undefined, limit: WORK_QUEUE_LIMIT }, signal }),
    enabled,
  });
}

export function useRiskDossier(enterpriseId: string) {
  return useQuery({
    queryKey: supervisionKeys.risk(enterpriseId),
    queryFn: ({ signal }) => apiGet<RiskDossier>(`/api/v1/enterprises/${path(enterpriseId)}/risk`, { signal }),
  });
}

/** An enterprise's inspections, newest first (an enterprise user sees its finished ones only). */
export function useEnterpriseInspections(enterpriseId: string) {
  return useQuery({
    queryKey: supervisionKeys.enterpriseInspections(enterpriseId),
    queryFn: ({ signal }) => apiGet<InspectionList>('/api/v1/inspections', { query: { enterpriseId, limit: 200 }, signal }),
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: supervisionKeys.inspection(id),
    queryFn: ({ signal }) => apiGet<Inspection>(`/api/v1/inspections/${path(id)}`, { signal }),
  });
}

export function useRectificationOrders(filters: { status?: RectificationStatus | undefined; enterpriseId?: string | undefined }, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.rectifications(filters),
    queryFn: async ({ signal }) => (await apiGet<{ items: RectificationOrder[] }>('/api/v1/rectification-orders', { query: { ...filters }, signal })).items,
    enabled,
  });
}

export function useRectificationOrder(id: string) {
  return useQuery({
    queryKey: supervisionKeys.rectification(id),
    queryFn: ({ signal }) => apiGet<RectificationOrder>(`/api/v1/rectification-orders/${path(id)}`, { signal }),
  });
}

/** Standing recusals for one enterprise (an inspector sees their own). */
export function useRecusals(enterpriseId: string, enabled: boolean) {
  return useQuery({
    queryKey: supervisionKeys.recusals(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: Recusal[] }>('/api/v1/recusals', { query: { enterpriseId }, signal })).items,
    enabled,
  });
}

/** Inspectors a supervisor may assign to the enterprise, the others marked with why not. */
export function useEligibleInspectors(enterpriseId: string) {
  return useQuery({
    queryKey: supervisionKeys.eligibleInspectors(enterpriseId),
    queryFn: async ({ signal }) => (await apiGet<{ items: EligibleInspector[] }>(`/api/v1/enterprises/${path(enterpriseId)}/eligible-inspectors`, { signal })).items,
    // A recusal declared a moment ago must show.
    staleTime: 0,
  });
}

/** Photo of an inspection, for `<img src>` (same-origin GET with the session cookie). */
export function inspectionPhotoUrl(inspectionId: string, photoId: string): string {
  return `/api/v1/inspections/${path(inspectionId)}/photos/${path(photoId)}`;
}

/** The on-site inspection record (现场检查记录) as PDF. */
export function inspectionRecordUrl(inspectionId: string): string {
  return `/api/v1/inspections/${path(inspectionId)}/record.pdf`;
}

export function evidenceUrl(orderId: string, evidenceId: string): string {
  return `/api/v1/rectification-orders/${path(orderId)}/evidence/${path(evidenceId)}`;
}

/**
 * After a change to a rectification order or inspection: the lists, the record, and the work queues whose
 * clocks it met or started.
 */
export async function invalidateSupervision(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: supervisionKeys.workQueueAll }),
    client.invalidateQueries({ queryKey: supervisionKeys.rectificationsAll }),
    client.invalidateQueries({ queryKey: supervisionKeys.inspectionsAll }),
  ]);
}
