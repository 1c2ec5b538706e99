import { describe, expect, it } from 'vitest';
import { addCounts, kpiOf, NO_COUNT } from './kpi.ts';

describe('KPIs of the work plans', () => {
  it('divide, compare with the target, and count nothing due as met', () => {
    expect(kpiOf({ numerator: 9, denominator: 10 }, 1, 's')).toEqual({ numerator: 9, denominator: 10, rate: 0.9, target: 1, met: false, basis: 's' });
    expect(kpiOf({ numerator: 9, denominator: 10 }, 0.9, 's').met).toBe(true);
    expect(kpiOf(NO_COUNT, 1, 's')).toMatchObject({ rate: 1, met: true });
    expect(addCounts({ numerator: 1, denominator: 2 }, { numerator: 3, denominator: 4 })).toEqual({ numerator: 4, denominator: 6 });
  });

  it('refuse a pair that is not counts', () => {
    expect(() => kpiOf({ numerator: 3, denominator: 2 }, 1, 's')).toThrow(RangeError);
    expect(() => kpiOf({ numerator: -1, denominator: 2 }, 1, 's')).toThrow(RangeError);
    expect(() => kpiOf({ numerator: 0.5, denominator: 2 }, 1, 's')).toThrow(RangeError);
  });
});
