import type { Localised } from '../i18n/locale.ts';
import type { CalendarSet } from './calendar.ts';
import { CHINA_CALENDARS, addCalendarDays, addWorkingDays, workingDaysBetween } from './working-days.ts';

/** A statutory time limit: its length, whether it counts working days (工作日) or calendar days (日), and its basis. */
export interface ClockRule {
  id: string;
  name: Localised;
  unit: 'working_day' | 'calendar_day';
  length: number;
  /** The article that sets it, e.g. 食品生产经营监督检查管理办法 第39条. */
  legalBasis: string;
  /** How many days ahead the clock counts as due soon. */
  dueSoonDays: number;
}

export type ClockEvent =
  | { type: 'start'; on: string }
  /** Counting stops after this day (testing, appraisal: 检验、鉴定期间不计入). */
  | { type: 'pause'; on: string; reason: string }
  /** Counting starts again the day after this one. */
  | { type: 'resume'; on: string }
  | { type: 'extend'; by: number; reason: string; approvedBy: string }
  | { type: 'meet'; on: string };

export type ClockStanding = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'met_on_time' | 'met_late';

export interface ClockState {
  startedOn: string;
  /** The last day of the limit; null while paused (it moves with the pause). */
  dueOn: string | null;
  extendedBy: number;
  standing: ClockStanding;
}

/**
 * Where a clock stands on `today` from its events, in order. Paused days do not count; extensions add
 * days to the limit. Every date is a calendar date in Asia/Shanghai (`YYYY-MM-DD`).
 */
export function evaluateClock(rule: ClockRule, events: readonly ClockEvent[], today: string, calendars: CalendarSet = CHINA_CALENDARS): ClockState {
  const start = events.find((e) => e.type === 'start');
  if (!start) throw new Error(`clock ${rule.id} has no start`);
  const pauses: { from: string; to: string | null }[] = [];
  let extendedBy = 0;
  let metOn: string | null = null;
  for (const event of events) {
    if (event.type === 'pause') pauses.push({ from: event.on, to: null });
    if (event.type === 'resume') {
      const open = pauses.at(-1);
      if (open && open.to === null) open.to = event.on;
    }
    if (event.type === 'extend') extendedBy += event.by;
    if (event.type === 'meet') metOn = event.on;
  }
  const paused = (date: string) => pauses.some((p) => date > p.from && (p.to === null || date <= p.to));
  const stillPaused = pauses.some((p) => p.to === null);
  const length = rule.length + extendedBy;
  const dueOn = stillPaused && metOn === null ? null : countFrom(rule.unit, start.on, length, paused, calendars);

  let standing: ClockStanding;
  if (metOn !== null) standing = dueOn === null || metOn <= dueOn ? 'met_on_time' : 'met_late';
  else if (dueOn === null) standing = 'paused';
  else if (today > dueOn) standing = 'overdue';
  else {
    const left = rule.unit === 'working_day' ? workingDaysBetween(today, dueOn, calendars) : daysBetween(today, dueOn);
    standing = left <= rule.dueSoonDays ? 'due_soon' : 'on_time';
  }
  return { startedOn: start.on, dueOn, extendedBy, standing };
}

function countFrom(unit: ClockRule['unit'], start: string, length: number, paused: (date: string) => boolean, calendars: CalendarSet): string {
  if (unit === 'working_day') return addWorkingDays(start, length, calendars, paused);
  let date = start;
  for (let counted = 0; counted < length; ) {
    date = addCalendarDays(date, 1);
    if (!paused(date)) counted += 1;
  }
  return date;
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

