import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGs1Date, encodeGs1Date, gs1FullYear } from './gs1-dates.ts';

const REFERENCE = new Date('2025-06-15T00:00:00Z');

describe('encodeGs1Date', () => {
  it.each([
    ['2028-02-29', '280229'],
    ['2025-01-01', '250101'],
    ['1999-12-31', '991231'],
    ['2100-03-09', '000309'],
  ])('formats %s as %s', (iso, yymmdd) => {
    expect(encodeGs1Date(iso)).toBe(yymmdd);
  });

  it.each(['2027-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '2025-01-00', '25-01-01', '2025-1-1', ''])(
    'refuses %j',
    (iso) => {
      expect(() => encodeGs1Date(iso)).toThrow(RangeError);
    },
  );
});

describe('decodeGs1Date', () => {
  it.each([
    ['280200', '2028-02-29'],
    ['270200', '2027-02-28'],
    ['250400', '2025-04-30'],
    ['251200', '2025-12-31'],
    ['250100', '2025-01-31'],
  ])('reads day 00 of %s as the last day of the month, %s', (yymmdd, iso) => {
    expect(decodeGs1Date(yymmdd, REFERENCE)).toBe(iso);
  });

  it('applies the Gregorian leap rules of the resolved century', () => {
    expect(decodeGs1Date('000200', new Date('2000-01-01T00:00:00Z'))).toBe('2000-02-29');
    expect(decodeGs1Date('000200', new Date('2090-01-01T00:00:00Z'))).toBe('2100-02-28');
    expect(decodeGs1Date('000229', new Date('2090-01-01T00:00:00Z'))).toBeNull();
  });

  it.each(['251301', '250001', '250431', '270229', '250132', '25013', '2501011', 'ab0101', '25-1-1', ''])('refuses %j', (yymmdd) => {
    expect(decodeGs1Date(yymmdd, REFERENCE)).toBeNull();
  });

  it.each([
    ['750101', '2075-01-01'], // 50 years ahead: this century
    ['760101', '1976-01-01'], // 51 years ahead: previous century
    ['990101', '1999-01-01'],
    ['000101', '2000-01-01'],
    ['250615', '2025-06-15'],
  ])('puts %s in the window around 2025 as %s', (yymmdd, iso) => {
    expect(decodeGs1Date(yymmdd, REFERENCE)).toBe(iso);
  });

  it('moves to the next century when the year is 50 or more behind', () => {
    const reference = new Date('2080-03-01T00:00:00Z');
    expect(decodeGs1Date('310101', reference)).toBe('2031-01-01'); // 49 behind
    expect(decodeGs1Date('300101', reference)).toBe('2130-01-01'); // 50 behind
    expect(decodeGs1Date('290101', reference)).toBe('2129-01-01');
  });

  it('takes the reference year in UTC', () => {
    // 2026-01-01 07:00 UTC, still 2025 in California: 76 is 50 years ahead of 26.
    expect(decodeGs1Date('760101', new Date('2025-12-31T23:00:00-08:00'))).toBe('2076-01-01');
  });

  it('refuses an invalid reference date', () => {
    expect(() => decodeGs1Date('250101', new Date(Number.NaN))).toThrow(RangeError);
  });

  it('property: every date within −49 … +50 years of the reference round-trips', () => {
    const referenceYear = REFERENCE.getUTCFullYear();
    const isoInWindow = fc
      .record({ year: fc.integer({ min: referenceYear - 49, max: referenceYear + 50 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10))
      .filter((iso) => Number(iso.slice(0, 4)) <= referenceYear + 50 && Number(iso.slice(0, 4)) >= referenceYear - 49);
    fc.assert(fc.property(isoInWindow, (iso) => decodeGs1Date(encodeGs1Date(iso), REFERENCE) === iso));
  });
});

describe('gs1FullYear', () => {
  it('property: the year keeps its two digits and lies within −49 … +50 years of the reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1950, max: 2500 }), (yy, referenceYear) => {
        const year = gs1FullYear(yy, referenceYear);
        expect(year % 100).toBe(yy);
        expect(year - referenceYear).toBeGreaterThanOrEqual(-49);
        expect(year - referenceYear).toBeLessThanOrEqual(50);
      }),
    );
  });
});
