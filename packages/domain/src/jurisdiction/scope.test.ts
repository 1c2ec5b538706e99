import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtOf, isDivisionCode, isWithin, scopePrefix, successorDistrict } from './scope.ts';
import { SHANGHAI_DISTRICTS, SHANGHAI_JURISDICTIONS, SHANGHAI_STREETS } from './shanghai.ts';

const node = fc.constantFrom(...SHANGHAI_JURISDICTIONS);

describe('scopePrefix', () => {
  it.each([
    ['310000', '31'],
    ['310100', '3101'],
    ['310101', '310101'],
    ['310101002', '310101002'],
  ])('%s → %s', (code, prefix) => {
    expect(scopePrefix(code)).toBe(prefix);
  });

  it.each(['', '31', '3101010', '31010100', 'abcdef', '3101010020'])('throws on %j', (code) => {
    expect(() => scopePrefix(code)).toThrow(RangeError);
  });
});

describe('isWithin', () => {
  it('puts streets in their district and everything in the city', () => {
    expect(isWithin('310101002', '310101')).toBe(true);
    expect(isWithin('310101002', '310000')).toBe(true);
    expect(isWithin('310115', '310000')).toBe(true);
    expect(isWithin('310115', '310100')).toBe(true);
  });

  it('keeps siblings, parents and other provinces out', () => {
    expect(isWithin('310104003', '310101')).toBe(false);
    expect(isWithin('310101', '310101002')).toBe(false);
    expect(isWithin('310000', '310101')).toBe(false);
    expect(isWithin('320101', '310000')).toBe(false);
    expect(isWithin('310000', '310100')).toBe(false);
  });

  it('compares codes only: a historical code is not within its successor', () => {
    expect(isWithin('310108', '310106')).toBe(false);
    expect(isWithin(districtOf('310108') ?? '', '310106')).toBe(true);
  });

  it('returns false for malformed codes instead of throwing', () => {
    expect(isWithin('', '310000')).toBe(false);
    expect(isWithin('310101', 'x')).toBe(false);
  });

  it('property: every node is within itself and within the city', () => {
    fc.assert(fc.property(node, (n) => isWithin(n.code, n.code) && isWithin(n.code, '310000')));
  });

  it('property: a node is within exactly its ancestors among the tree nodes', () => {
    const byCode = new Map(SHANGHAI_JURISDICTIONS.map((n) => [n.code, n]));
    const ancestorsOf = (code: string): string[] => {
      const parent = byCode.get(code)?.parentCode;
      return parent ? [parent, ...ancestorsOf(parent)] : [];
    };
    fc.assert(
      fc.property(node, node, (a, b) => {
        const expected = a.code === b.code || ancestorsOf(a.code).includes(b.code);
        expect(isWithin(a.code, b.code)).toBe(expected);
      }),
    );
  });

  it('property: within is transitive', () => {
    fc.assert(
      fc.property(node, node, node, (a, b, c) => {
        if (isWithin(a.code, b.code) && isWithin(b.code, c.code)) expect(isWithin(a.code, c.code)).toBe(true);
      }),
    );
  });
});

describe('districtOf and successorDistrict', () => {
  it('gives the district of a district or street code', () => {
    for (const street of SHANGHAI_STREETS) expect(districtOf(street.code)).toBe(street.parentCode);
    for (const d of SHANGHAI_DISTRICTS) expect(districtOf(d.code)).toBe(d.code);
  });

  it('maps historical codes to their successors', () => {
    expect(successorDistrict('310103')).toBe('310101');
    expect(successorDistrict('310108')).toBe('310106');
    expect(successorDistrict('310119')).toBe('310115');
    expect(successorDistrict('310230')).toBe('310151');
    expect(districtOf('310230')).toBe('310151');
  });

  it('returns null for the city, current districts as "historical", other provinces and junk', () => {
    expect(districtOf('310000')).toBeNull();
    expect(districtOf('320101')).toBeNull();
    expect(districtOf('nope')).toBeNull();
    expect(successorDistrict('310101')).toBeNull();
    expect(isDivisionCode('310101002')).toBe(true);
    expect(isDivisionCode('3101010')).toBe(false);
  });
});
