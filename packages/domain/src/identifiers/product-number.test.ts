import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenceCoversProduct, parseProductNumber, requiredLicenceCategory } from './product-number.ts';
import type { ProductNumberKind } from './product-number.ts';

describe('parseProductNumber', () => {
  it('parses a domestic and an imported health-food registration', () => {
    expect(parseProductNumber('国食健注G20190123')).toEqual({
      ok: true,
      kind: 'health_food_registration',
      number: '国食健注G20190123',
      origin: 'domestic',
      year: 2019,
      sequence: '0123',
      legacy: false,
    });
    expect(parseProductNumber('国食健注J20170045')).toMatchObject({ origin: 'imported', year: 2017, sequence: '0045' });
  });

  it('parses domestic filings with their province and imported filings with 00', () => {
    expect(parseProductNumber('食健备G202031000123')).toEqual({
      ok: true,
      kind: 'health_food_filing',
      number: '食健备G202031000123',
      origin: 'domestic',
      year: 2020,
      provinceCode: '31',
      sequence: '000123',
      legacy: false,
    });
    expect(parseProductNumber('食健备J202100000017')).toMatchObject({
      kind: 'health_food_filing',
      origin: 'imported',
      year: 2021,
      sequence: '000017',
    });
    expect(parseProductNumber('食健备J202101000017')).toMatchObject({ ok: false, problem: 'format' });
  });

  it('rejects a domestic filing with an unknown province code', () => {
    expect(parseProductNumber('食健备G202099000123')).toMatchObject({ ok: false, problem: 'province_code' });
    expect(parseProductNumber('食健备G202000000123')).toMatchObject({ ok: false, problem: 'province_code' });
  });

  it('parses infant formula and FSMP registrations, whose origin the number does not say', () => {
    expect(parseProductNumber('国食注字YP20180007')).toMatchObject({
      ok: true,
      kind: 'infant_formula_registration',
      origin: null,
      year: 2018,
      sequence: '0007',
      legacy: false,
    });
    expect(parseProductNumber('国食注字TY20190002')).toMatchObject({ ok: true, kind: 'fsmp_registration', year: 2019 });
  });

  it('parses legacy approvals and flags them', () => {
    expect(parseProductNumber('国食健字G20041234')).toMatchObject({
      kind: 'legacy_health_food',
      origin: 'domestic',
      year: 2004,
      sequence: '1234',
      legacy: true,
    });
    expect(parseProductNumber('卫食健字(2001)第0123号')).toMatchObject({
      kind: 'legacy_health_food',
      origin: 'domestic',
      year: 2001,
      sequence: '0123',
      legacy: true,
    });
    expect(parseProductNumber('卫进食健字（1999）第056号')).toMatchObject({ origin: 'imported', year: 1999, legacy: true });
    expect(parseProductNumber('卫食健字〔2002〕第0456号')).toMatchObject({ year: 2002, legacy: true });
  });

  it('normalises spaces, full-width letters and lower case', () => {
    expect(parseProductNumber(' 国食健注ｇ2019 0123 ')).toMatchObject({ ok: true, number: '国食健注G20190123' });
    expect(parseProductNumber('国食注字yp20180007').ok).toBe(true);
  });

  it.each(['', '国食健注G2019012', '国食健注X20190123', '食健备G20203100012', '国食注字XX20180007', '卫食健字2001第0123号'])(
    'rejects %j as format',
    (s) => {
      expect(parseProductNumber(s)).toMatchObject({ ok: false, problem: 'format' });
    },
  );

  it('property: any registration year and sequence round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('G', 'J'),
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 0, max: 9999 }),
        (letter, year, seq) => {
          const sequence = String(seq).padStart(4, '0');
          const result = parseProductNumber(`国食健注${letter}${year}${sequence}`);
          expect(result).toMatchObject({ ok: true, year, sequence, origin: letter === 'G' ? 'domestic' : 'imported' });
        },
      ),
    );
  });
});

describe('requiredLicenceCategory', () => {
  it.each([
    ['health_food_registration', '127'],
    ['health_food_filing', '127'],
    ['legacy_health_food', '127'],
    ['fsmp_registration', '128'],
    ['infant_formula_registration', '129'],
  ] as const)('%s must be made under SC category %s', (kind, category) => {
    expect(requiredLicenceCategory(kind)).toBe(category);
  });

  it('checks a licence category list, not only the prefix', () => {
    const kind: ProductNumberKind = 'infant_formula_registration';
    expect(licenceCoversProduct(kind, ['105', '129'])).toBe(true);
    expect(licenceCoversProduct(kind, ['127'])).toBe(false);
    expect(licenceCoversProduct('health_food_filing', [])).toBe(false);
  });
});
