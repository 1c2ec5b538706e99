import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from './client.ts';
import type {
  CreateDrawBody,
  Draw,
  DrawPage,
  DrawRerunData,
  DrawVerification,
  InspectionPlan,
  PlanItemPage,
  PublicDrawDetail,
  PublishedResultPage,
  RiskSummary,
} from './planning-types.ts';

/** Query keys of plans, draws and published results, so mutations know what to invalidate. */
export const planningKeys = {
  plan: (jurisdictionCode: string, year: number) => ['inspection-plan', jurisdictionCode, year] as const,
  planAll: ['inspection-plan'] as const,
  planItems: (planId: string, query: PlanItemQuery) => ['inspection-plan-items', planId, query] as const,
  planItemsAll: ['inspection-plan-items'] as const,
  riskSummary: ['risk-summary'] as const,
  publicDraws: (page: PageQuery) => ['public-draws', page] as const,
  publicDrawsAll: ['public-draws'] as const,
  publicDraw: (id: string) => ['public-draw', id] as const,
  drawVerification: (id: string) => ['public-draw-verification', id] as const,
  publicResults: (query: ResultQuery) => ['public-results', query] as const,
};

export interface PageQuery {
  limit: number;
  offset: number;
}

export interface PlanItemQuery extends PageQuery {
  month: number | null;
  priorityOnly: boolean;
}

export interface ResultQuery extends PageQuery {
  q: string;
}

// Public endpoints need no session: a 401 there is an answer to show, never a reason to send anyone to /login.
const PUBLIC = { redirectOnUnauthorized: false } as const;

/** A jurisdiction's plan for a year, or null when none has been generated. */
export function useInspectionPlan(jurisdictionCode: string | null, year: number) {
  return useQuery({
    queryKey: planningKeys.plan(jurisdictionCode ?? '', year),
    queryFn: async ({ signal }) =>
      (await apiGet<{ plan: InspectionPlan | null }>('/api/v1/inspection-plans', { query: { jurisdictionCode, year }, signal })).plan,
    enabled: jurisdictionCode !== null,
  });
}

export function usePlanItems(planId: string | null, query: PlanItemQuery) {
  return useQuery({
    queryKey: planningKeys.planItems(planId ?? '', query),
    queryFn: ({ signal }) =>
      apiGet<PlanItemPage>(`/api/v1/inspection-plans/${encodeURIComponent(planId ?? '')}/items`, {
        query: { month: query.month, priorityOnly: query.priorityOnly ? 'true' : undefined, limit: query.limit, offset: query.offset },
        signal,
      }),
    enabled: planId !== null,
    placeholderData: keepPreviousData,
  });
}

export function generateInspectionPlan(body: { jurisdictionCode: string; year: number; visitsPerInspectorPerMonth?: number }): Promise<InspectionPlan> {
  return apiSend<InspectionPlan>('POST', '/api/v1/inspection-plans', body);
}

export function approveInspectionPlan(id: string): Promise<InspectionPlan> {
  return apiSend<InspectionPlan>('POST', `/api/v1/inspection-plans/${encodeURIComponent(id)}/approval`);
}

export function useRiskSummary(enabled: boolean) {
  return useQuery({
    queryKey: planningKeys.riskSummary,
    queryFn: ({ signal }) => apiGet<RiskSummary>('/api/v1/risk/summary', { signal }),
    enabled,
  });
}

export function createDraw(body: CreateDrawBody): Promise<Draw> {
  return apiSend<Draw>('POST', '/api/v1/draws', body);
}

export function usePublicDraws(page: PageQuery) {
  return useQuery({
    queryKey: planningKeys.publicDraws(page),
    queryFn: ({ signal }) => apiGet<DrawPage>('/api/v1/public/draws', { query: { limit: page.limit, offset: page.offset }, signal, ...PUBLIC }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicDraw(id: string) {
  return useQuery({
    queryKey: planningKeys.publicDraw(id),
    queryFn: ({ signal }) => apiGet<PublicDrawDetail>(`/api/v1/public/draws/${encodeURIComponent(id)}`, { signal, ...PUBLIC }),
  });
}

/** The server's own re-run of a draw; fetched only when asked for (it re-runs the whole draw). */
export function useDrawVerification(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planningKeys.drawVerification(id),
    queryFn: ({ signal }) => apiGet<DrawVerification>(`/api/v1/public/draws/${encodeURIComponent(id)}/verification`, { signal, ...PUBLIC }),
    enabled,
    staleTime: Infinity,
  });
}

/** The published input and outcome of a draw (fetched on demand: it holds the whole roster). */
export function fetchDrawInput(id: string, signal?: AbortSignal): Promise<DrawRerunData> {
  return apiGet<DrawRerunData>(`/api/v1/public/draws/${encodeURIComponent(id)}/input`, { signal, ...PUBLIC });
}

export function usePublishedResults(query: ResultQuery) {
  return useQuery({
    queryKey: planningKeys.publicResults(query),
    queryFn: ({ signal }) =>
      apiGet<PublishedResultPage>('/api/v1/public/inspection-results', {
        query: { q: query.q || undefined, limit: query.limit, offset: query.offset },
        signal,
        ...PUBLIC,
      }),
    placeholderData: keepPreviousData,
  });
}
