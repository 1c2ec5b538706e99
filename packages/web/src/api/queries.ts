import { QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, apiGet } from './client.ts';
import type { AuditEntry, CurrentUser, DashboardSummary, Dossier, EnterpriseListItem, Jurisdiction, Page } from './types.ts';

/** Every query key in one place, so mutations know what to invalidate. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  jurisdictions: ['jurisdictions'] as const,
  dashboard: ['dashboard'] as const,
  enterprises: (filters: EnterpriseFilters) => ['enterprises', filters] as const,
  enterprisesAll: ['enterprises'] as const,
  dossier: (id: string) => ['dossier', id] as const,
  dossierAll: ['dossier'] as const,
  audit: (entityType: string, entityId: string) => ['audit', entityType, entityId] as const,
  auditAll: ['audit'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry; network and 5xx get two more tries.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

export function useCurrentUserQuery() {
  return useQuery({
    queryKey: queryKeys.me,
    // The guard turns this 401 into a redirect itself (keeping the return path), so no global redirect here.
    queryFn: async ({ signal }) =>
      (await apiGet<{ user: CurrentUser }>('/api/v1/auth/me', { signal, redirectOnUnauthorized: false })).user,
    staleTime: 5 * 60_000,
  });
}

export function useJurisdictions() {
  return useQuery({
    queryKey: queryKeys.jurisdictions,
    queryFn: async ({ signal }) => (await apiGet<{ items: Jurisdiction[] }>('/api/v1/jurisdictions', { signal })).items,
    staleTime: 30 * 60_000,
  });
}

export function useDashboardSummary(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.dashboard,
    queryFn: ({ signal }) => apiGet<DashboardSummary>('/api/v1/dashboard/summary', { signal }),
    enabled,
  });
}

/** Registry filters, as they appear in the page's URL and in the API's query string. */
export interface EnterpriseFilters {
  q: string;
  district: string;
  kind: string;
  category: string;
  flag: string;
}

export const PAGE_SIZE = 50;

/** The cursor of the first page: none. */
const FIRST_PAGE: string | null = null;

export function useEnterpriseList(filters: EnterpriseFilters, limit = PAGE_SIZE, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.enterprises(filters), limit],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Page<EnterpriseListItem>>('/api/v1/enterprises', { query: { ...filters, cursor: pageParam, limit }, signal }),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: queryKeys.dossier(id),
    queryFn: ({ signal }) => apiGet<Dossier>(`/api/v1/enterprises/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAuditTrail(entityType: string, entityId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.audit(entityType, entityId),
    queryFn: async ({ signal }) =>
      (await apiGet<{ items: AuditEntry[] }>('/api/v1/audit', { query: { entityType, entityId }, signal })).items,
    enabled,
  });
}
