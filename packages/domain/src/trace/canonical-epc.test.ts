import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGtinCheckDigit } from '../identifiers/gtin.ts';
import {
  GS1_CANONICAL_HOST,
  canonicalEpc,
  canonicalGln,
  canonicalGtin,
  canonicalItem,
  canonicalLotClass,
  canonicalSscc,
} from './canonical-epc.ts';

const withCheck = (body: string) => body + String(computeGtinCheckDigit(body));
/** The GTIN of the TDS worked example `urn:epc:id:sgtin:0614141.812345.6789`. */
const GTIN = withCheck('8061414112345');
const SSCC = withCheck('10614141234567890');
const GLN = withCheck('061414112345');

const AI82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`.split('');
const x20 = fc.string({ unit: fc.oneof(fc.constantFrom(...AI82), fc.constantFrom('/', '%', '&', '?', '+')), minLength: 1, maxLength: 20 });
const gtin14 = fc.stringMatching(/^\d{13}$/).map(withCheck);
const host = fc.constantFrom('https://id.gs1.org', 'https://brand.example', 'http://example.com', 'HTTPS://Example.COM/qr/v1');
/** TDS escaping of a serial or lot in an EPC URN: `"%&/<>?` as %XX. */
const tdsEscape = (value: string) => value.replace(/["%&/<>?]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

describe('canonical helpers', () => {
  it('build the canonical URIs on id.gs1.org, padding GTINs and encoding values', () => {
    expect(GS1_CANONICAL_HOST).toBe('https://id.gs1.org');
    expect(canonicalGtin('96385074')).toBe('https://id.gs1.org/01/00000096385074');
    expect(canonicalItem(GTIN, 'A/1')).toBe(`https://id.gs1.org/01/${GTIN}/21/A%2F1`);
    expect(canonicalLotClass('9506000134352', 'L+1')).toBe('https://id.gs1.org/01/09506000134352/10/L%2B1');
    expect(canonicalSscc(SSCC)).toBe(`https://id.gs1.org/00/${SSCC}`);
    expect(canonicalGln(GLN)).toBe(`https://id.gs1.org/414/${GLN}`);
    expect(canonicalGln(GLN, null)).toBe(`https://id.gs1.org/414/${GLN}`);
    expect(canonicalGln(GLN, 'R&D')).toBe(`https://id.gs1.org/414/${GLN}/254/R%26D`);
  });

  it('refuse invalid keys and values', () => {
    expect(() => canonicalGtin('80614141123459')).toThrow(RangeError);
    expect(() => canonicalItem(GTIN, '')).toThrow(RangeError);
    expect(() => canonicalItem(GTIN, 'x'.repeat(21))).toThrow(RangeError);
    expect(() => canonicalLotClass(GTIN, 'a b')).toThrow(RangeError);
    expect(() => canonicalSscc(SSCC.slice(1))).toThrow(RangeError);
    expect(() => canonicalGln(GLN, '')).toThrow(RangeError);
  });
});

describe('canonicalEpc', () => {
  const item = `https://id.gs1.org/01/${GTIN}/21/6789`;
  const lotClass = `https://id.gs1.org/01/${GTIN}/10/L1`;

  it('maps the TDS SGTIN example and its Digital Links, with or without the lot, to one item', () => {
    const fromUrn = canonicalEpc('urn:epc:id:sgtin:0614141.812345.6789');
    const withLot = canonicalEpc(`https://brand.example/p/01/${GTIN}/10/L1/21/6789?17=280200`);
    const withoutLot = canonicalEpc(`https://other.example/01/${GTIN}/21/6789`);
    expect(fromUrn).toEqual({ epc: item, kind: 'sgtin', gtin: GTIN, lot: null, serial: '6789', classKey: null });
    expect(withLot).toEqual({ epc: item, kind: 'sgtin', gtin: GTIN, lot: 'L1', serial: '6789', classKey: lotClass });
    expect(withoutLot).toEqual(fromUrn);
  });

  it('maps lot classes, GTIN classes, SSCCs and GLNs', () => {
    const lot = { epc: lotClass, kind: 'lgtin', gtin: GTIN, lot: 'L1', serial: null, classKey: lotClass };
    expect(canonicalEpc('urn:epc:class:lgtin:0614141.812345.L1')).toEqual(lot);
    expect(canonicalEpc(`http://example.com/01/${GTIN}/22/V2/10/L1`)).toEqual(lot);
    const gtinClass = { epc: `https://id.gs1.org/01/${GTIN}`, kind: 'gtin', gtin: GTIN, lot: null, serial: null, classKey: null };
    expect(canonicalEpc('urn:epc:idpat:sgtin:0614141.812345.*')).toEqual(gtinClass);
    expect(canonicalEpc(`/01/${GTIN}`)).toEqual(gtinClass);
    const sscc = { epc: `https://id.gs1.org/00/${SSCC}`, kind: 'sscc', gtin: null, lot: null, serial: null, classKey: null };
    expect(canonicalEpc('urn:epc:id:sscc:0614141.1234567890')).toEqual(sscc);
    expect(canonicalEpc(`https://example.com/00/${SSCC}?02=${GTIN}`)).toEqual(sscc);
    const sgln = { epc: `https://id.gs1.org/414/${GLN}/254/400`, kind: 'sgln', gtin: null, lot: null, serial: null, classKey: null };
    expect(canonicalEpc('urn:epc:id:sgln:0614141.12345.400')).toEqual(sgln);
    expect(canonicalEpc(`https://example.com/414/${GLN}/254/400`)).toEqual(sgln);
    const gln = { ...sgln, epc: `https://id.gs1.org/414/${GLN}`, kind: 'gln' };
    expect(canonicalEpc('urn:epc:id:sgln:0614141.12345.0')).toEqual(gln);
    expect(canonicalEpc(`https://example.com/414/${GLN}`)).toEqual(gln);
  });

  it('pads GTIN-13 and re-encodes values the same way whatever the input spelling', () => {
    const expected = 'https://id.gs1.org/01/09506000134352/21/A%2FB%2B';
    expect(canonicalEpc('https://x.example/01/9506000134352/21/A%2FB+').epc).toBe(expected);
    expect(canonicalEpc('https://x.example/01/09506000134352/21/A%2fB%2B').epc).toBe(expected);
  });

  it.each([
    `https://example.com/01/${GTIN.slice(0, 13)}0/21/1`, // wrong check digit
    `https://example.com/01/${GTIN}/21/S/10/L`, // qualifier order
    `https://example.com/01/${GTIN}/21/`, // trailing slash
    'urn:epc:id:sgtin:0614141.812345',
    'urn:epc:id:giai:0614141.12345400',
    'mailto:someone@example.com',
    'https://example.com/products/42',
    'not an identifier',
    '',
  ])('returns %j unchanged as other', (identifier) => {
    expect(canonicalEpc(identifier)).toEqual({ epc: identifier, kind: 'other', gtin: null, lot: null, serial: null, classKey: null });
  });

  it('property: a Digital Link on any host, with or without lot, and the SGTIN URN give the same item', () => {
    fc.assert(
      fc.property(gtin14, fc.integer({ min: 6, max: 12 }), x20, x20, host, (gtin, cpLength, lot, serial, base) => {
        const encodedSerial = encodeURIComponent(serial);
        const companyPrefix = gtin.slice(1, 1 + cpLength);
        const urn = `urn:epc:id:sgtin:${companyPrefix}.${gtin.charAt(0)}${gtin.slice(1 + cpLength, 13)}.${tdsEscape(serial)}`;
        const expected = canonicalItem(gtin, serial);
        const withLot = canonicalEpc(`${base}/01/${gtin}/10/${encodeURIComponent(lot)}/21/${encodedSerial}?17=280101`);
        expect(withLot).toEqual({ epc: expected, kind: 'sgtin', gtin, lot, serial, classKey: canonicalLotClass(gtin, lot) });
        expect(canonicalEpc(`${base}/01/${gtin}/21/${encodedSerial}`).epc).toBe(expected);
        expect(canonicalEpc(urn)).toEqual({ ...withLot, lot: null, classKey: null });
        expect(canonicalEpc(expected).epc).toBe(expected);
      }),
    );
  });

  it('property: the fast path for plain links agrees with the general parser', () => {
    // A path prefix sends the same link through the general parser.
    const plain = fc.stringMatching(/^[A-Za-z0-9_.!*'()-]{1,20}$/);
    const digits13 = fc.stringMatching(/^\d{13}$/);
    const anyGtin14 = fc.oneof(gtin14, fc.tuple(digits13, fc.integer({ min: 0, max: 9 })).map(([body, check]) => body + String(check)));
    fc.assert(
      fc.property(anyGtin14, fc.option(plain, { nil: undefined }), fc.option(plain, { nil: undefined }), (gtin, lot, serial) => {
        const path = `/01/${gtin}${lot === undefined ? '' : `/10/${lot}`}${serial === undefined ? '' : `/21/${serial}`}`;
        const fast = canonicalEpc(`https://example.com${path}`);
        const general = canonicalEpc(`https://example.com/prefix${path}`);
        expect(fast.kind === 'other' ? { ...fast, epc: '' } : fast).toEqual(general.kind === 'other' ? { ...general, epc: '' } : general);
      }),
    );
  });
});
