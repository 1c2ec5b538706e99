import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGtinCheckDigit, toGtin14, validateGtin } from './gtin.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const validGtin = fc.constantFrom(7, 11, 12, 13).chain((n) => digits(n).map((body) => body + computeGtinCheckDigit(body)));

describe('validateGtin', () => {
  it.each([
    ['4006381333931', 'GTIN-13'],
    ['9501101530003', 'GTIN-13'],
    ['6901234567892', 'GTIN-13'],
    ['012345678905', 'GTIN-12'],
    ['036000291452', 'GTIN-12'],
    ['96385074', 'GTIN-8'],
    ['10012345678902', 'GTIN-14'],
  ])('accepts the published GTIN %s as %s', (gtin, kind) => {
    expect(validateGtin(gtin)).toEqual({ ok: true, gtin, kind, checkDigit: Number(gtin.at(-1)) });
  });

  it('reports a wrong check digit with the expected one', () => {
    expect(validateGtin('4006381333932')).toEqual({
      ok: false,
      problem: 'check_digit',
      gtin: '4006381333932',
      kind: 'GTIN-13',
      expectedCheckDigit: 1,
    });
  });

  it.each(['', '4006381333', '40063813339312345', 'ABCDEFGHIJKLM', '4006381-33393'])('rejects %j as format', (gtin) => {
    expect(validateGtin(gtin)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('normalises spaces and full-width digits', () => {
    expect(validateGtin(' 4006381 333931 ').ok).toBe(true);
    expect(validateGtin('４００６３８１３３３９３１').gtin).toBe('4006381333931');
  });

  it('property: a body plus its computed check digit validates', () => {
    fc.assert(fc.property(validGtin, (gtin) => validateGtin(gtin).ok));
  });

  it('property: changing any one digit breaks the check', () => {
    fc.assert(
      fc.property(validGtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (gtin, at, shift) => {
        const pos = at % gtin.length;
        const changed = String((Number(gtin.charAt(pos)) + shift) % 10);
        const mutated = gtin.slice(0, pos) + changed + gtin.slice(pos + 1);
        expect(validateGtin(mutated)).toMatchObject({ ok: false, problem: 'check_digit' });
      }),
    );
  });
});

describe('computeGtinCheckDigit', () => {
  it('weights digits 3, 1, 3, … from the right', () => {
    expect(computeGtinCheckDigit('400638133393')).toBe(1);
    expect(computeGtinCheckDigit('01234567890')).toBe(5);
    expect(computeGtinCheckDigit('9638507')).toBe(4);
  });

  it('rejects non-digits', () => {
    expect(() => computeGtinCheckDigit('12A4')).toThrow(RangeError);
  });
});

describe('toGtin14', () => {
  it('left-pads valid GTINs to 14 digits', () => {
    expect(toGtin14('012345678905')).toBe('00012345678905');
    expect(toGtin14('96385074')).toBe('00000096385074');
    expect(toGtin14('10012345678902')).toBe('10012345678902');
  });

  it('returns null for invalid input', () => {
    expect(toGtin14('4006381333932')).toBeNull();
    expect(toGtin14('abc')).toBeNull();
  });

  it('property: the padded form is itself a valid GTIN-14 and is idempotent', () => {
    fc.assert(
      fc.property(validGtin, (gtin) => {
        const padded = toGtin14(gtin);
        expect(padded).toHaveLength(14);
        expect(validateGtin(padded ?? '').ok).toBe(true);
        expect(toGtin14(padded ?? '')).toBe(padded);
      }),
    );
  });
});
