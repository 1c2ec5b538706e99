import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';
import { evaluateClock, type ClockRule } from './clock.ts';

describe('working days across the 2025 and 2026 holiday notices', () => {
  it('skips the Spring Festival week and counts its make-up Sunday and Saturday', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2025-01-28')).toBe(false); // 除夕
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday, 调休上班
    // Five working days from Friday 24 January: Sun 26, Mon 27, then Wed 5, Thu 6, Fri 7 February.
    expect(addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    expect(addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
  });

  it('skips the National Day week of 2025 and counts the make-up days around it', () => {
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28'); // Sunday worked
    expect(addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11'); // Saturday worked
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
  });

  it('follows the 2026 notice: nine days of Spring Festival, two make-up Saturdays', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('refuses to count in a year without a calendar rather than guess', () => {
    expect(() => addWorkingDays('2028-12-28', 5)).toThrow(/calendar/);
  });

  it('lands on a working day exactly n working days later (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const start = addCalendarDays('2025-01-01', offset);
        const due = addWorkingDays(start, n);
        expect(workingDaysBetween(start, due)).toBe(n);
        if (n > 0) expect(isWorkingDay(due)).toBe(true);
      }),
    );
  });
});

describe('a statutory clock', () => {
  const publication: ClockRule = {
    id: 'inspection.publication',
    name: { 'zh-CN': '检查结果公开', 'en-US': 'Publication of inspection results' },
    unit: 'working_day',
    length: 20,
    legalBasis: '食品生产经营监督检查管理办法（总局令第49号）第39条',
    dueSoonDays: 3,
  };

  it('runs, comes due, and is overdue on the working-day calendar', () => {
    const events = [{ type: 'start' as const, on: '2025-09-19' }];
    // 20 working days from Friday 19 September 2025, across the National Day week and both make-up days.
    const due = addWorkingDays('2025-09-19', 20);
    expect(due).toBe('2025-10-23');
    expect(evaluateClock(publication, events, '2025-09-22')).toMatchObject({ dueOn: due, standing: 'on_time' });
    expect(evaluateClock(publication, events, '2025-10-21').standing).toBe('due_soon');
    expect(evaluateClock(publication, events, '2025-10-27').standing).toBe('overdue');
  });

  it('does not count paused days, moves the due date by them, and records an extension', () => {
    const base = [{ type: 'start' as const, on: '2025-09-19' }];
    const paused = [...base, { type: 'pause' as const, on: '2025-10-13', reason: '检验' }];
    expect(evaluateClock(publication, paused, '2025-10-30')).toMatchObject({ dueOn: null, standing: 'paused' });
    // Paused after Monday 13 October, resumed on Friday 17: four working days did not count.
    const resumed = [...paused, { type: 'resume' as const, on: '2025-10-17' }];
    expect(evaluateClock(publication, resumed, '2025-10-20').dueOn).toBe(addWorkingDays('2025-10-23', 4));
    const extended = [...resumed, { type: 'extend' as const, by: 15, reason: '情况复杂', approvedBy: '局长' }];
    const state = evaluateClock(publication, extended, '2025-10-20');
    expect(state.extendedBy).toBe(15);
    expect(state.dueOn).toBe(addWorkingDays('2025-10-23', 19));
    expect(evaluateClock(publication, [...extended, { type: 'meet', on: '2025-11-03' }], '2025-12-01').standing).toBe('met_on_time');
  });

  it('counts calendar days where the law says 日', () => {
    const decision: ClockRule = { ...publication, id: 'case.decision', unit: 'calendar_day', length: 90, legalBasis: '行政处罚法 第60条' };
    expect(evaluateClock(decision, [{ type: 'start', on: '2025-01-01' }], '2025-01-02').dueOn).toBe('2025-04-01');
    const late = evaluateClock(decision, [{ type: 'start', on: '2025-01-01' }, { type: 'meet', on: '2025-04-02' }], '2025-04-02');
    expect(late.standing).toBe('met_late');
  });
});
