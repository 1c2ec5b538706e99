import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { DutyFrequency, DutyHazard, DutyKpis, DutyOverview, DutyRiskItem, ProducerWithoutDirector } from '@shian/domain';
import { apiGet, apiSend } from '../../api/client.ts';

/** What the duties pages (主体责任) read from and send to the server: the shapes of `/duties/*`. */

export type { DutyOverview, DutyHazard, DutyRiskItem, DutyKpis, ProducerWithoutDirector, DutyFrequency };

const path = (id: string) => encodeURIComponent(id);

export const dutyKeys = {
  all: ['duties'] as const,
  overview: (id: string) => ['duties', 'overview', id] as const,
  kpis: (code: string | null) => ['duties', 'kpis', code] as const,
  flagged: ['duties', 'flagged'] as const,
};

export function useDutyOverview(enterpriseId: string | null) {
  return useQuery({
    queryKey: dutyKeys.overview(enterpriseId ?? ''),
    queryFn: ({ signal }) => apiGet<DutyOverview>(`/api/v1/duties/enterprises/${path(enterpriseId ?? '')}`, { signal }),
    enabled: enterpriseId !== null,
  });
}

export function useDutyKpis(jurisdictionCode: string | null) {
  return useQuery({
    queryKey: dutyKeys.kpis(jurisdictionCode),
    queryFn: ({ signal }) => apiGet<DutyKpis>('/api/v1/duties/kpis', { query: { jurisdictionCode }, signal }),
    enabled: jurisdictionCode !== null,
  });
}

export function useProducersWithoutDirector(enabled: boolean) {
  return useQuery({
    queryKey: dutyKeys.flagged,
    queryFn: async ({ signal }) => (await apiGet<{ items: ProducerWithoutDirector[] }>('/api/v1/duties/producers-without-director', { signal })).items,
    enabled,
  });
}

export interface ProblemInput {
  riskItemId?: string | null;
  description: string;
  ownerName: string;
  dueOn: string;
}

export const startRiskList = (enterpriseId: string, templateId: string) => apiSend<{ items: DutyRiskItem[] }>('POST', `/api/v1/duties/enterprises/${path(enterpriseId)}/risk-list`, { templateId });
export const addRiskItem = (enterpriseId: string, body: { area: string; hazard: string; control: string; frequency: DutyFrequency }) =>
  apiSend<DutyRiskItem>('POST', `/api/v1/duties/enterprises/${path(enterpriseId)}/risk-items`, body);
export const updateRiskItem = (id: string, body: { version: number; area?: string; hazard?: string; control?: string; frequency?: DutyFrequency; retired?: boolean }) =>
  apiSend<DutyRiskItem>('PATCH', `/api/v1/duties/risk-items/${path(id)}`, body);
export const recordDailyCheck = (enterpriseId: string, problems: ProblemInput[]) =>
  apiSend<{ hazards: DutyHazard[] }>('POST', `/api/v1/duties/enterprises/${path(enterpriseId)}/daily-checks`, { problems });
export const closeHazard = (id: string, fixNote: string) => apiSend<DutyHazard>('POST', `/api/v1/duties/hazards/${path(id)}/close`, { fixNote });
export const saveWeeklyReport = (enterpriseId: string, body: { week: string; summary: string; signedByPersonId: string }) =>
  apiSend<{ id: string }>('POST', `/api/v1/duties/enterprises/${path(enterpriseId)}/weekly-reports`, body);
export const saveMonthlyMinutes = (enterpriseId: string, body: { month: string; meetingOn: string; attendees: string[]; decisions: string; nextFocus: string }) =>
  apiSend<{ id: string }>('POST', `/api/v1/duties/enterprises/${path(enterpriseId)}/monthly-minutes`, body);

/** After a change: the duty pages and the work queue (hazard deadlines and its badge) read again. */
export async function invalidateDuties(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: dutyKeys.all }), queryClient.invalidateQueries({ queryKey: ['work-queue'] })]);
}
