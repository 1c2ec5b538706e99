import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGtinCheckDigit, validateGtin } from '../identifiers/gtin.ts';
import { parseEpcUrn } from './epc-urn.ts';

const withCheck = (body: string) => body + String(computeGtinCheckDigit(body));

describe('parseEpcUrn', () => {
  it('reads an SGTIN: indicator digit, company prefix, item reference, computed check digit', () => {
    // Company prefix 0614141, indicator 8, item reference 12345, serial 6789 (the TDS worked example).
    const gtin = withCheck('8' + '0614141' + '12345');
    expect(gtin).toBe('80614141123458');
    expect(validateGtin(gtin).ok).toBe(true);
    expect(parseEpcUrn('urn:epc:id:sgtin:0614141.812345.6789')).toEqual({ scheme: 'sgtin', gtin, serial: '6789' });
  });

  it('reads an LGTIN lot class and decodes its percent-escapes', () => {
    expect(parseEpcUrn('urn:epc:class:lgtin:0614141.812345.L%2F1%25')).toEqual({ scheme: 'lgtin', gtin: '80614141123458', lot: 'L/1%' });
  });

  it('reads an SGTIN pattern with "*" serial as a GTIN class', () => {
    expect(parseEpcUrn('urn:epc:idpat:sgtin:0614141.812345.*')).toEqual({ scheme: 'gtin', gtin: '80614141123458' });
  });

  it('reads an SSCC: extension digit, company prefix, serial reference, computed check digit', () => {
    const sscc = withCheck('1' + '0614141' + '234567890');
    expect(sscc).toHaveLength(18);
    expect(parseEpcUrn('urn:epc:id:sscc:0614141.1234567890')).toEqual({ scheme: 'sscc', sscc });
  });

  it('reads an SGLN, where extension "0" means no extension', () => {
    const gln = withCheck('0614141' + '12345');
    expect(validateGtin(gln).ok).toBe(true);
    expect(parseEpcUrn('urn:epc:id:sgln:0614141.12345.400')).toEqual({ scheme: 'sgln', gln, extension: '400' });
    expect(parseEpcUrn('urn:epc:id:sgln:0614141.12345.0')).toEqual({ scheme: 'sgln', gln, extension: null });
  });

  it('matches the urn:epc: prefix without regard to case, but keeps the serial as written', () => {
    expect(parseEpcUrn('URN:EPC:ID:SGTIN:0614141.812345.abC')).toEqual({ scheme: 'sgtin', gtin: '80614141123458', serial: 'abC' });
  });

  it.each([
    'urn:epc:id:sgtin:0614141.812345', // no serial
    'urn:epc:id:sgtin:0614141.81234.6789', // 12 digits, not 13
    'urn:epc:id:sgtin:06141.81234567.6789', // company prefix of 5 digits
    'urn:epc:id:sgtin:0614141.812345.', // empty serial
    'urn:epc:id:sgtin:0614141.812345.123456789012345678901', // 21 characters
    'urn:epc:id:sgtin:0614141.812345.A%2', // malformed escape
    'urn:epc:id:sgtin:0614141.812345.A B', // space
    'urn:epc:idpat:sgtin:0614141.812345.6789',
    'urn:epc:idpat:sgtin:0614141.*.*',
    'urn:epc:id:sscc:0614141.123456789', // 16 digits
    'urn:epc:id:sscc:0614141.1234567890.1',
    'urn:epc:id:sgln:0614141.1234.0', // 11 digits
    'urn:epc:id:sgln:0614141.12345', // no extension component
    'urn:epc:id:giai:0614141.12345400',
    'https://id.gs1.org/01/80614141123458',
    '',
  ])('refuses %j', (urn) => {
    expect(parseEpcUrn(urn)).toBeNull();
  });

  it('property: an SGTIN gives a valid GTIN-14 made of indicator, prefix and item reference', () => {
    const sgtin = fc
      .integer({ min: 6, max: 12 })
      .chain((cpLength) =>
        fc.tuple(fc.stringMatching(new RegExp(`^\\d{${cpLength}}$`)), fc.stringMatching(new RegExp(`^\\d{${13 - cpLength}}$`))),
      );
    fc.assert(
      fc.property(sgtin, fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), ([companyPrefix, reference], serial) => {
        const parsed = parseEpcUrn(`urn:epc:id:sgtin:${companyPrefix}.${reference}.${serial}`);
        expect(parsed).toMatchObject({ scheme: 'sgtin', serial });
        const gtin = parsed !== null && 'gtin' in parsed ? parsed.gtin : '';
        expect(validateGtin(gtin).ok).toBe(true);
        expect(gtin.slice(0, 1 + companyPrefix.length)).toBe(reference.charAt(0) + companyPrefix);
        expect(gtin.slice(1 + companyPrefix.length, 13)).toBe(reference.slice(1));
      }),
    );
  });
});
