import type { Kpi } from '../kpi/kpi.ts';
import type { Localised } from '../i18n/locale.ts';
import type { DutyRate } from './duty-calendar.ts';
import type { DutyFrequency } from './templates.ts';

/**
 * The shapes the duties API answers with (主体责任), shared by the server's contract and the web pages.
 * Dates are `YYYY-MM-DD`, instants ISO strings.
 */

export interface DutyAppointment {
  personId: string;
  name: string;
  role: 'food_safety_director' | 'food_safety_officer';
  phone: string | null;
  appointedOn: string;
  endedOn: string | null;
  current: boolean;
  version: number;
}

export interface DutyRiskItem {
  id: string;
  templateKey: string | null;
  area: string;
  hazard: string;
  control: string;
  frequency: DutyFrequency;
  retiredOn: string | null;
  version: number;
}

/** `escalated`: open past its deadline, reported to the food safety director (逾期未整改，已报告总监). */
export type HazardStanding = 'open' | 'escalated' | 'fixed';

export interface DutyHazard {
  id: string;
  foundOn: string;
  riskItemId: string | null;
  riskItemArea: string | null;
  description: string;
  ownerName: string;
  dueOn: string;
  standing: HazardStanding;
  fixNote: string | null;
  fixedOn: string | null;
  version: number;
}

export interface DutyDailyCheck {
  id: string;
  checkDate: string;
  outcome: 'no_problem' | 'problems';
  note: string | null;
  checkedByName: string;
  amendments: number;
  hazardCount: number;
  recordedAt: string;
}

export interface DutyWeeklyReport {
  id: string;
  week: string;
  weekStart: string;
  summary: string;
  hazardsFound: number;
  hazardsFixed: number;
  signedByName: string;
  updatedAt: string;
}

export interface DutyMonthlyMinutes {
  id: string;
  month: string;
  meetingOn: string;
  attendees: string[];
  decisions: string;
  nextFocus: string;
  updatedAt: string;
}

export interface DutyOverview {
  enterprise: { id: string; name: string; jurisdictionCode: string; kinds: string[] };
  asOf: string;
  /** A special-food producer must have a current 食品安全总监; true when it has none (缺少食品安全总监). */
  missingDirector: boolean;
  appointments: DutyAppointment[];
  list: { templateId: string; templateName: Localised | null; startedOn: string; source: string | null } | null;
  /** The template the enterprise would start from (when it has no list yet). */
  suggestedTemplateId: string;
  riskItems: DutyRiskItem[];
  today: DutyDailyCheck | null;
  /** The last 60 days' checks, newest first. */
  recentChecks: DutyDailyCheck[];
  hazards: DutyHazard[];
  weeklyReports: DutyWeeklyReport[];
  monthlyMinutes: DutyMonthlyMinutes[];
  rates: { daily: DutyRate; weekly: DutyRate; monthly: DutyRate } | null;
}

/** One duty KPI (the shape of every work-plan KPI, `kpi/kpi.ts`). */
export type DutyKpi = Kpi;

export interface DutyKpiSet {
  daily: DutyKpi;
  weekly: DutyKpi;
  monthly: DutyKpi;
}

export interface DutyEnterpriseRate {
  enterpriseId: string;
  name: string;
  jurisdictionCode: string;
  startedOn: string;
  daily: number;
  weekly: number;
  monthly: number;
  missingDays: number;
}

export interface DutyKpis {
  jurisdictionCode: string;
  asOf: string;
  ruleSetId: string;
  total: DutyKpiSet;
  districts: (DutyKpiSet & { districtCode: string; nameZh: string; nameEn: string; enterprises: number })[];
  /** Enterprises with the lowest daily rate, lowest first (at most 20). */
  lowest: DutyEnterpriseRate[];
}

export interface ProducerWithoutDirector {
  enterpriseId: string;
  name: string;
  uscc: string;
  jurisdictionCode: string;
  /** When the last director's appointment ended; null when it never had one. */
  lastDirectorEndedOn: string | null;
}
