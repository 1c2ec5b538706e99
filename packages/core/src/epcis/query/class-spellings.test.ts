import { describe, expect, it } from 'vitest';
import { canonicalEpc } from '@shian/domain';
import { classSpellings, urnGtinParts } from './class-spellings.ts';

const GTIN = '09521234543213';

/** `LIKE` as PostgreSQL reads it (`\` escapes), for checking the patterns without a database. */
function like(value: string, pattern: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\') regex += (pattern.charAt(++i) || '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') regex += '.*';
    else if (c === '_') regex += '.';
    else regex += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`, 's').test(value);
}

const matches = (spellings: { exact: string[]; like: string[] }, value: string): boolean => spellings.exact.includes(value) || spellings.like.some((p) => like(value, p));

describe('classSpellings', () => {
  const lot = { uri: `https://id.gs1.org/01/${GTIN}/10/L_1`, gtin: GTIN, lot: 'L_1' };

  it('finds a lot however capture received it, and each spelling canonicalises to the same class', () => {
    const spellings = classSpellings(lot);
    const forms = [
      `https://id.gs1.org/01/${GTIN}/10/L_1`,
      `https://brand.example.com/products/01/${GTIN}/10/L_1`,
      `https://brand.example.com/01/${GTIN.slice(1)}/10/L_1?17=261231`,
      `https://brand.example.com/01/${GTIN}/22/V2/10/L_1`,
      'urn:epc:class:lgtin:952123.0454321.L_1',
      'urn:epc:class:lgtin:9521234.054321.L_1',
    ];
    for (const form of forms) {
      expect(matches(spellings, form), form).toBe(true);
      expect(canonicalEpc(form).epc, form).toBe(lot.uri);
    }
  });

  it('does not take another lot, another GTIN, or a lot that merely starts the same', () => {
    const spellings = classSpellings(lot);
    for (const form of [`https://id.gs1.org/01/${GTIN}/10/LX1`, `https://id.gs1.org/01/${GTIN}/10/L_12`, 'urn:epc:class:lgtin:952123.0454321.L_12', `https://id.gs1.org/01/09521234543220/10/L_1`]) {
      expect(matches(spellings, form), form).toBe(false);
    }
  });

  it('finds every lot and the pattern of a GTIN class, and nothing of other GTINs', () => {
    const spellings = classSpellings({ uri: `https://id.gs1.org/01/${GTIN}`, gtin: GTIN, lot: null });
    for (const form of [`https://id.gs1.org/01/${GTIN}`, `https://id.gs1.org/01/${GTIN}/10/ANY`, 'urn:epc:class:lgtin:952123.0454321.ANY', 'urn:epc:idpat:sgtin:952123.0454321.*']) {
      expect(matches(spellings, form), form).toBe(true);
    }
    expect(matches(spellings, 'https://id.gs1.org/01/09521234543220/10/ANY')).toBe(false);
  });

  it('splits a GTIN-14 at every company-prefix length', () => {
    expect(urnGtinParts(GTIN)).toEqual(['952123.0454321', '9521234.054321', '95212345.04321', '952123454.0321', '9521234543.021', '95212345432.01', '952123454321.0']);
  });
});
