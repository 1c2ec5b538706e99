import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naturalLog } from './natural-log.ts';

describe('the natural logarithm of the draw', () => {
  it('gives the correctly rounded value on known points (as C and Python libm do)', () => {
    expect(naturalLog(0.1)).toBe(-2.3025850929940455);
    expect(naturalLog(0.5)).toBe(-0.6931471805599453);
    expect(naturalLog(1e-300)).toBe(-690.7755278982137);
    expect(naturalLog(0.999999999)).toBe(-9.999999722180686e-10);
    expect(naturalLog(1.0000001)).toBe(9.999999505838704e-8);
    expect(naturalLog(0.5 / 2 ** 52)).toBe(-36.7368005696771); // the smallest u the draw can produce
    expect(naturalLog(123456.789)).toBe(11.723646487185881);
    expect(naturalLog(5e-324)).toBe(-744.4400719213812); // subnormal
  });

  it('handles the special values like Math.log', () => {
    expect(naturalLog(1)).toBe(0);
    expect(naturalLog(0)).toBe(-Infinity);
    expect(naturalLog(-0)).toBe(-Infinity);
    expect(naturalLog(Infinity)).toBe(Infinity);
    expect(naturalLog(-1)).toBeNaN();
    expect(naturalLog(Number.NaN)).toBeNaN();
  });

  it('stays within one unit in the last place of Math.log (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const expected = Math.log(x);
        expect(Math.abs(naturalLog(x) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 2 ** -52 + Number.MIN_VALUE);
      }),
      { numRuns: 2000 },
    );
  });
});
