/**
 * The working-day calendar (工作日历) of one year, as the State Council's yearly holiday notice sets it:
 * public holidays (法定节假日, including the weekend days folded into them) and make-up working days (调休
 * 上班日) that fall on a Saturday or Sunday. Data with its source, one file per year in `calendars/`.
 */
export interface HolidayPeriod {
  nameZh: string;
  nameEn: string;
  /** First and last day off, inclusive, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

export interface YearCalendar {
  year: number;
  /** The notice that sets the year (e.g. 国办发明电〔2024〕12号). */
  source: string;
  /** False while the figures have not been checked against the notice's own text. */
  confirmed: boolean;
  holidays: readonly HolidayPeriod[];
  /** Saturdays and Sundays that are working days (调休). */
  makeUpWorkdays: readonly string[];
}

/** All calendars known to the platform, by year. A date in a year without one cannot be counted in working days. */
export type CalendarSet = ReadonlyMap<number, YearCalendar>;

export function calendarSet(calendars: readonly YearCalendar[]): CalendarSet {
  return new Map(calendars.map((c) => [c.year, c]));
}
