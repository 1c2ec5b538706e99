/**
 * The calendar of enterprise duties (日管控、周排查、月调度): which days, ISO weeks and months require a record
 * since the risk-control list started, and the rate of those that have one. Dates are `YYYY-MM-DD` (Shanghai).
 *
 * A period requires a record once it has ended (a day is missing from the next day on); the current period
 * counts too as soon as its record is in, so a rate never exceeds 100 % and today's tap shows at once. A
 * week or month requires a record when the list had started by its last day.
 */

const DAY_MS = 86_400_000;
const toTime = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number): string => new Date(time).toISOString().slice(0, 10);

const addDays = (iso: string, days: number): string => toIso(toTime(iso) + days * DAY_MS);

/** Monday of the ISO week of `iso`. */
export function isoWeekStart(iso: string): string {
  const weekday = (new Date(toTime(iso)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/** The ISO week (`2026-W05`) of a date: the week belongs to the year of its Thursday. */
export function isoWeekOf(iso: string): string {
  const thursday = addDays(isoWeekStart(iso), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toTime(thursday) - toTime(`${year}-01-01`)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week given as `2026-W05`. */
export function isoWeekMonday(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = `${match[1]}-01-04`; // always in week 1
  return addDays(isoWeekStart(jan4), (Number(match[2]) - 1) * 7);
}

export const monthOf = (iso: string): string => iso.slice(0, 7);

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return toIso(Date.UTC(y, m, 0));
}

const nextMonth = (month: string): string => addDays(lastDayOfMonth(month), 1).slice(0, 7);

/** Each day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = toTime(from); t <= toTime(to); t += DAY_MS) out.push(toIso(t));
  return out;
}

export interface DutyRate {
  /** Periods with a record. */
  numerator: number;
  /** Periods that required one. */
  denominator: number;
  /** 1 when nothing was required yet. */
  rate: number;
  /** The required periods without a record, oldest first (days, `2026-W05` weeks, `2026-02` months). */
  missing: string[];
}

export interface DutyRates {
  daily: DutyRate;
  weekly: DutyRate;
  monthly: DutyRate;
}

function rateOf(periods: readonly { key: string; ended: boolean }[], recorded: ReadonlySet<string>): DutyRate {
  const required = periods.filter((p) => p.ended || recorded.has(p.key));
  const missing = required.filter((p) => !recorded.has(p.key)).map((p) => p.key);
  const numerator = required.length - missing.length;
  return { numerator, denominator: required.length, rate: required.length === 0 ? 1 : numerator / required.length, missing };
}

/** The periods of each kind since `startedOn` up to `asOf` (today), with whether each has ended. */
export function dutyPeriods(startedOn: string, asOf: string): { days: { key: string; ended: boolean }[]; weeks: { key: string; ended: boolean }[]; months: { key: string; ended: boolean }[] } {
  if (asOf < startedOn) return { days: [], weeks: [], months: [] };
  const days = daysFrom(startedOn, asOf).map((d) => ({ key: d, ended: d < asOf }));
  const weeks: { key: string; ended: boolean }[] = [];
  // The first week whose Sunday is on or after the start.
  for (let monday = isoWeekStart(startedOn); monday <= asOf; monday = addDays(monday, 7)) {
    weeks.push({ key: isoWeekOf(monday), ended: addDays(monday, 6) < asOf });
  }
  const months: { key: string; ended: boolean }[] = [];
  for (let month = monthOf(startedOn); month <= monthOf(asOf); month = nextMonth(month)) {
    months.push({ key: month, ended: lastDayOfMonth(month) < asOf });
  }
  return { days, weeks, months };
}

/** The three rates of an enterprise: days with a daily check, weeks with a weekly report, months with minutes. */
export function computeDutyRates(input: {
  startedOn: string;
  asOf: string;
  checkDays: Iterable<string>;
  reportWeeks: Iterable<string>;
  minuteMonths: Iterable<string>;
}): DutyRates {
  const periods = dutyPeriods(input.startedOn, input.asOf);
  return {
    daily: rateOf(periods.days, new Set(input.checkDays)),
    weekly: rateOf(periods.weeks, new Set(input.reportWeeks)),
    monthly: rateOf(periods.months, new Set(input.minuteMonths)),
  };
}

/** The duty KPI target of the seeds: every enterprise records (自查实施率 100 %). */
export const DUTY_KPI_TARGET = 1;
export const DUTY_KPI_SOURCE =
  '沪市监特食〔2022〕407号：保健食品生产经营企业自查实施率100％（001 一）；国家市场监督管理总局令第60号 日管控、周排查、月调度（003 （十九））';
