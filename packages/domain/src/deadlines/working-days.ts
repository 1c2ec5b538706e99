import type { CalendarSet, YearCalendar } from './calendar.ts';
import { CN_2025 } from './calendars/cn-2025.ts';
import { CN_2026 } from './calendars/cn-2026.ts';
import { CN_2027 } from './calendars/cn-2027.ts';
import { calendarSet } from './calendar.ts';

/** The calendars the platform ships. Add a year by adding its file here. */
export const CHINA_CALENDARS: CalendarSet = calendarSet([CN_2025, CN_2026, CN_2027]);

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const dayOfWeek = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

function calendarFor(date: string, calendars: CalendarSet): YearCalendar {
  const year = Number(date.slice(0, 4));
  const calendar = calendars.get(year);
  // Counting working days without the year's notice would silently treat holidays as working days.
  if (!calendar) throw new Error(`no working-day calendar for ${year}: add the year's notice as deadlines/calendars/cn-${year}.ts`);
  return calendar;
}

/** A working day (工作日): a weekday that is no public holiday, or a weekend day that is a make-up working day. */
export function isWorkingDay(date: string, calendars: CalendarSet = CHINA_CALENDARS): boolean {
  const calendar = calendarFor(date, calendars);
  if (calendar.makeUpWorkdays.includes(date)) return true;
  if (calendar.holidays.some((h) => date >= h.start && date <= h.end)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/**
 * The day on which a time limit of `n` working days that starts on `start` ends: the day of the event does
 * not count (the first day is the next working day), so the result is the n-th working day after `start`.
 * `skip` leaves out days on which the clock stood still (testing or appraisal time, which does not count).
 */
export function addWorkingDays(start: string, n: number, calendars: CalendarSet = CHINA_CALENDARS, skip: (date: string) => boolean = () => false): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, calendars) && !skip(date)) counted += 1;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendars: CalendarSet = CHINA_CALENDARS): number {
  let count = 0;
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    if (isWorkingDay(date, calendars)) count += 1;
  }
  return count;
}
