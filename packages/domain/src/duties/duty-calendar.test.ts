import { describe, expect, it } from 'vitest';
import { computeDutyRates, dutyPeriods, isoWeekMonday, isoWeekOf, isoWeekStart } from './duty-calendar.ts';

describe('ISO weeks', () => {
  it('puts a date in the week of its Thursday, across year ends', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: the week of 31 December 2026
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday whose Thursday is in 2025
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47'); // a Sunday
    expect(isoWeekStart('2026-11-22')).toBe('2026-11-16');
  });

  it('finds the Monday of a week, the inverse of isoWeekOf', () => {
    expect(isoWeekMonday('2025-W01')).toBe('2024-12-30');
    expect(isoWeekMonday('2026-W47')).toBe('2026-11-16');
    for (const day of ['2026-03-04', '2020-12-31', '2021-01-03']) expect(isoWeekMonday(isoWeekOf(day))).toBe(isoWeekStart(day));
    expect(() => isoWeekMonday('2026-47')).toThrow(RangeError);
  });
});

describe('required periods', () => {
  it('requires every ended day from the start, and today only once recorded', () => {
    const p = dutyPeriods('2026-02-26', '2026-03-02');
    expect(p.days).toEqual([
      { key: '2026-02-26', ended: true },
      { key: '2026-02-27', ended: true },
      { key: '2026-02-28', ended: true },
      { key: '2026-03-01', ended: true },
      { key: '2026-03-02', ended: false },
    ]);
    expect(p.months).toEqual([
      { key: '2026-02', ended: true },
      { key: '2026-03', ended: false },
    ]);
    // 26 Feb 2026 is a Thursday: its week (W09) ends Sunday 1 March; W10 is running.
    expect(p.weeks).toEqual([
      { key: '2026-W09', ended: true },
      { key: '2026-W10', ended: false },
    ]);
  });

  it('requires nothing before the list starts', () => {
    expect(dutyPeriods('2026-03-05', '2026-03-01')).toEqual({ days: [], weeks: [], months: [] });
  });
});

describe('computeDutyRates', () => {
  it('counts the gaps: 3 of 4 ended days, today recorded as well', () => {
    const rates = computeDutyRates({
      startedOn: '2026-03-01',
      asOf: '2026-03-05',
      checkDays: ['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-05', '2026-02-20'],
      reportWeeks: [],
      minuteMonths: ['2026-03'],
    });
    expect(rates.daily).toEqual({ numerator: 4, denominator: 5, rate: 0.8, missing: ['2026-03-03'] });
    // W09 (23 Feb – 1 Mar) has ended and holds the start; W10 is running and has no report yet.
    expect(rates.weekly).toEqual({ numerator: 0, denominator: 1, rate: 0, missing: ['2026-W09'] });
    expect(rates.monthly).toEqual({ numerator: 1, denominator: 1, rate: 1, missing: [] });
  });

  it('is 100 % when nothing was required yet', () => {
    const rates = computeDutyRates({ startedOn: '2026-03-05', asOf: '2026-03-05', checkDays: [], reportWeeks: [], minuteMonths: [] });
    expect(rates.daily).toEqual({ numerator: 0, denominator: 0, rate: 1, missing: [] });
  });
});
