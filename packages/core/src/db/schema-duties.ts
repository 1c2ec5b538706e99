import type { Generated } from 'kysely';
import type { DateString, DefaultTimestamp } from './schema.ts';

/** The enterprise-duty tables (migration 0004-duties): risk-control lists, daily checks, hazards, weekly reports, monthly minutes. */

export interface DutyListsTable {
  enterpriseId: string;
  jurisdictionCode: string;
  /** The template (`kind/version`) the list started from. */
  templateId: string;
  /** Records are required from this day on. */
  startedOn: DateString;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface DutyRiskItemsTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  /** The template item it came from; null when the enterprise added it. */
  templateKey: string | null;
  position: number;
  area: string;
  hazard: string;
  control: string;
  frequency: 'daily' | 'weekly' | 'monthly';
  /** Taken off the list on that day (kept for the history of earlier checks). */
  retiredOn: DateString | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface DutyDailyChecksTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  checkDate: DateString;
  /** `no_problem`: the zero-risk record (零风险); `problems`: hazards were found that day. */
  outcome: 'no_problem' | 'problems';
  note: string | null;
  checkedBy: string | null;
  checkedByName: string;
  /** How many times the day's record was amended by a later submission the same day. */
  amendments: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface DutyHazardsTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  dailyCheckId: string;
  riskItemId: string | null;
  foundOn: DateString;
  description: string;
  /** The person who owns the fix. */
  ownerName: string;
  dueOn: DateString;
  status: Generated<'open' | 'fixed'>;
  fixNote: string | null;
  fixedOn: DateString | null;
  fixedBy: string | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface DutyWeeklyReportsTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  /** ISO week, `2026-W05`. */
  week: string;
  weekStart: DateString;
  summary: string;
  hazardsFound: number;
  hazardsFixed: number;
  signedByPersonId: string;
  signedByName: string;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface DutyMonthlyMinutesTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  /** `2026-11`. */
  month: string;
  meetingOn: DateString;
  attendees: string[];
  decisions: string;
  nextFocus: string;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}
