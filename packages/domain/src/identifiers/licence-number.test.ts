import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isAcceptableLicenceDivision,
  makeJyNumber,
  makeScNumber,
  parseLicenceNumber,
  SC_FOOD_CATEGORIES,
} from './licence-number.ts';
import type { JyBusinessType, ScCategoryCode } from './licence-number.ts';

describe('parseLicenceNumber: SC', () => {
  it('splits a health-food production licence into its parts', () => {
    expect(parseLicenceNumber('SC12731011500423')).toEqual({
      ok: true,
      kind: 'SC',
      number: 'SC12731011500423',
      categoryCode: '127',
      divisionCode: '310115',
      sequence: '0042',
      checkDigit: '3',
    });
  });

  it('does not enforce the (unpublished) check digit', () => {
    for (const digit of '0123456789') expect(parseLicenceNumber(`SC1293101010001${digit}`).ok).toBe(true);
  });

  it.each(['310103', '310108', '310119', '310230'])('accepts the historical Shanghai division %s', (division) => {
    expect(parseLicenceNumber(`SC129${division}00011`)).toMatchObject({ ok: true, divisionCode: division });
  });

  it('accepts divisions of other provinces and the Shanghai city level', () => {
    expect(parseLicenceNumber('SC12733010600015').ok).toBe(true); // Hangzhou 330106
    expect(parseLicenceNumber('SC12844030500029').ok).toBe(true); // Shenzhen 440305
    expect(parseLicenceNumber('SC12731000000019').ok).toBe(true); // Shanghai 310000
  });

  it('rejects unknown Shanghai codes and non-province prefixes as division_code', () => {
    expect(parseLicenceNumber('SC12731019900011')).toMatchObject({ ok: false, problem: 'division_code' });
    expect(parseLicenceNumber('SC12799010100011')).toMatchObject({ ok: false, problem: 'division_code' });
    expect(parseLicenceNumber('SC12700000000011')).toMatchObject({ ok: false, problem: 'division_code' });
  });

  it('rejects an unknown category code', () => {
    expect(parseLicenceNumber('SC13231010100011')).toMatchObject({ ok: false, problem: 'category' });
    expect(parseLicenceNumber('SC20431010100011')).toMatchObject({ ok: false, problem: 'category' });
  });

  it.each(['SC3273101010001', 'SC1273101010001', 'SC127310101000111', 'SX12731010100011', ''])('rejects %j as format', (s) => {
    expect(parseLicenceNumber(s)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('normalises case, spaces and full-width characters', () => {
    expect(parseLicenceNumber(' sc127 3101 1500 423 ')).toMatchObject({ ok: true, number: 'SC12731011500423' });
    expect(parseLicenceNumber('ＳＣ１２７３１０１１５００４２３').ok).toBe(true);
  });
});

describe('parseLicenceNumber: JY', () => {
  it('splits a food business licence into its parts', () => {
    expect(parseLicenceNumber('JY13101010001234')).toEqual({
      ok: true,
      kind: 'JY',
      number: 'JY13101010001234',
      businessType: 1,
      divisionCode: '310101',
      sequence: '000123',
      checkDigit: '4',
    });
  });

  it('accepts business types 1–3 and rejects others as format', () => {
    expect(parseLicenceNumber('JY23101080000019')).toMatchObject({ ok: true, businessType: 2, divisionCode: '310108' });
    expect(parseLicenceNumber('JY33102300000019')).toMatchObject({ ok: true, businessType: 3 });
    expect(parseLicenceNumber('JY43101010000019')).toMatchObject({ ok: false, problem: 'format' });
  });

  it('rejects an unknown Shanghai division', () => {
    expect(parseLicenceNumber('JY13101020000019')).toMatchObject({ ok: false, problem: 'division_code' });
  });
});

describe('SC category table', () => {
  it('has unique codes including the special-food categories', () => {
    const codes = SC_FOOD_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const byCode = new Map<string, string>(SC_FOOD_CATEGORIES.map((c) => [c.code, c.name['zh-CN']]));
    expect(byCode.get('127')).toBe('保健食品');
    expect(byCode.get('128')).toBe('特殊医学用途配方食品');
    expect(byCode.get('129')).toBe('婴幼儿配方食品');
    expect(byCode.get('130')).toBe('特殊膳食食品');
    for (let n = 101; n <= 131; n++) expect(byCode.has(String(n))).toBe(true);
  });

  it('names every category in both languages', () => {
    for (const c of SC_FOOD_CATEGORIES) {
      expect(c.name['zh-CN'].length).toBeGreaterThan(0);
      expect(c.name['en-US']).toMatch(/^[A-Z]/);
    }
  });
});

describe('isAcceptableLicenceDivision', () => {
  it('knows current and historical Shanghai districts', () => {
    expect(isAcceptableLicenceDivision('310151')).toBe(true);
    expect(isAcceptableLicenceDivision('310230')).toBe(true);
    expect(isAcceptableLicenceDivision('310102')).toBe(false);
    expect(isAcceptableLicenceDivision('31010')).toBe(false);
  });
});

describe('makeScNumber / makeJyNumber', () => {
  const categories: ScCategoryCode[] = SC_FOOD_CATEGORIES.map((c) => c.code);
  const types: JyBusinessType[] = [1, 2, 3];
  const divisions = fc.constantFrom('310000', '310101', '310115', '310108', '310230', '320506');

  it('property: generated SC numbers parse back to their parts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...categories), divisions, fc.integer({ min: 0, max: 9999 }), (category, division, seq) => {
        const number = makeScNumber(category, division, seq);
        expect(parseLicenceNumber(number)).toMatchObject({
          ok: true,
          kind: 'SC',
          categoryCode: category,
          divisionCode: division,
          sequence: String(seq).padStart(4, '0'),
        });
      }),
    );
  });

  it('property: generated JY numbers parse back to their parts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), divisions, fc.integer({ min: 0, max: 999_999 }), (type, division, seq) => {
        expect(parseLicenceNumber(makeJyNumber(type, division, seq))).toMatchObject({
          ok: true,
          kind: 'JY',
          businessType: type,
          divisionCode: division,
          sequence: String(seq).padStart(6, '0'),
        });
      }),
    );
  });

  it('rejects bad divisions and sequences', () => {
    expect(() => makeScNumber('127', '310199', 1)).toThrow(RangeError);
    expect(() => makeScNumber('127', '310101', 10_000)).toThrow(RangeError);
    expect(() => makeJyNumber(1, '310101', 1_000_000)).toThrow(RangeError);
    expect(() => makeJyNumber(2, 'abc', 1)).toThrow(RangeError);
  });
});
