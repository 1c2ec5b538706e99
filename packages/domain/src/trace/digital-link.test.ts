import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGtinCheckDigit, validateGtin } from '../identifiers/gtin.ts';
import { buildDigitalLink, parseDigitalLink } from './digital-link.ts';
import type { Gs1Attributes, Gs1Identifier } from './types.ts';

const REFERENCE = new Date('2025-06-15T00:00:00Z');
/** The GTIN of the GS1 Digital Link standard's examples. */
const GTIN = '09506000134352';
const SSCC = '106141412345678908';
const GLN = '0614141123452';

const AI82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`.split('');
/** Characters that must be percent-encoded in a path segment or query value, drawn more often. */
const RESERVED = ['/', '%', '&', '?', '+', '=', '"', '<', '>', ':', ';', ','];
const x20 = fc.string({ unit: fc.oneof(fc.constantFrom(...AI82), fc.constantFrom(...RESERVED)), minLength: 1, maxLength: 20 });
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const withCheck = (body: string) => body + String(computeGtinCheckDigit(body));
const gtin = fc.constantFrom(7, 11, 12, 13).chain((n) => digits(n).map(withCheck));
const isoDate = fc
  .date({ min: new Date('1977-01-01T00:00:00Z'), max: new Date('2075-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const attributes: fc.Arbitrary<Gs1Attributes> = fc.record({
  expiry: maybe(isoDate),
  productionDate: maybe(isoDate),
  packagingDate: maybe(isoDate),
  bestBefore: maybe(isoDate),
  other: fc.dictionary(fc.constantFrom('3103', '7003', '8008', '30', '37', '02'), x20, { maxKeys: 3 }),
});
const base = fc.constantFrom('', 'https://id.gs1.org', 'https://brand.example', 'http://example.com/p', 'https://example.com/a/b/01/x', '/qr');

const empty: Gs1Attributes = { expiry: null, productionDate: null, packagingDate: null, bestBefore: null, other: {} };
const parse = (uri: string) => parseDigitalLink(uri, REFERENCE);

describe('parseDigitalLink', () => {
  it('uses a valid GTIN in its examples', () => {
    expect(validateGtin(GTIN).ok).toBe(true);
    expect(validateGtin(GLN).ok).toBe(true);
    expect(computeGtinCheckDigit(SSCC.slice(0, -1))).toBe(Number(SSCC.at(-1)));
  });

  it('reads a GTIN with lot, serial, dates and other AIs', () => {
    expect(parse(`https://id.gs1.org/01/${GTIN}/10/ABC%2F1/21/12345?17=280200&11=250101&3103=000500&linkType=gs1:pip`)).toEqual({
      ok: true,
      base: 'https://id.gs1.org',
      value: {
        key: 'gtin',
        gtin: GTIN,
        cpv: null,
        lot: 'ABC/1',
        serial: '12345',
        attributes: { ...empty, expiry: '2028-02-29', productionDate: '2025-01-01', other: { '3103': '000500' } },
      },
    });
  });

  it('returns the scheme, host and path prefix as base, lower-casing scheme and host', () => {
    expect(parse(`HTTPS://Brand.Example/Shop/en/01/${GTIN}/21/S1`)).toMatchObject({ ok: true, base: 'https://brand.example/Shop/en' });
    expect(parse(`http://localhost:3000/01/${GTIN}`)).toMatchObject({ ok: true, base: 'http://localhost:3000' });
    expect(parse(`/01/${GTIN}/10/L1`)).toMatchObject({ ok: true, base: '', value: { lot: 'L1' } });
    expect(parse(`/qr/01/${GTIN}#frag`)).toMatchObject({ ok: true, base: '/qr' });
  });

  it.each([
    ['96385074', '00000096385074'],
    ['012345678905', '00012345678905'],
    ['9506000134352', GTIN],
  ])('pads GTIN %s to %s', (short, long) => {
    expect(parse(`/01/${short}`)).toMatchObject({ ok: true, value: { key: 'gtin', gtin: long } });
  });

  it('reads the CPV qualifier before lot and serial', () => {
    expect(parse(`/01/${GTIN}/22/2A/10/L/21/S`)).toMatchObject({ ok: true, value: { cpv: '2A', lot: 'L', serial: 'S' } });
  });

  it('keeps "+" in values (it is an AI 82 character, not a space)', () => {
    expect(parse(`/01/${GTIN}/10/A+B?3103=1+2`)).toMatchObject({ ok: true, value: { lot: 'A+B', attributes: { other: { '3103': '1+2' } } } });
  });

  it('reads an SSCC and a GLN with extension', () => {
    expect(parse(`https://id.gs1.org/00/${SSCC}?02=${GTIN}&37=12`)).toEqual({
      ok: true,
      base: 'https://id.gs1.org',
      value: { key: 'sscc', sscc: SSCC, attributes: { ...empty, other: { '02': GTIN, '37': '12' } } },
    });
    expect(parse(`https://id.gs1.org/414/${GLN}/254/DOCK%2F3`)).toMatchObject({ ok: true, value: { key: 'gln', gln: GLN, extension: 'DOCK/3' } });
    expect(parse(`https://id.gs1.org/414/${GLN}`)).toMatchObject({ ok: true, value: { key: 'gln', extension: null } });
  });

  it.each([
    [`/01/09506000134353`, 'check_digit'],
    [`/00/106141412345678907`, 'check_digit'],
    [`/414/0614141123453`, 'check_digit'],
    [`/01/${GTIN}/21/S/10/L`, 'qualifier_order'],
    [`/01/x/21/s/10/l`, 'qualifier_order'],
    [`/01/${GTIN}/10/A/10/B`, 'qualifier_order'],
    [`/01/${GTIN}/10/L/22/C`, 'qualifier_order'],
    [`/01/${GTIN}?10=L`, 'qualifier_order'],
    [`/01/${GTIN}?21=S`, 'qualifier_order'],
    [`/01/${GTIN}/17/280101`, 'unknown_key'],
    [`/01/${GTIN}/254/X`, 'unknown_key'],
    [`/00/${SSCC}/21/S`, 'unknown_key'],
    [`/8004/0614141ABC`, 'unknown_key'],
    [`https://example.com/`, 'unknown_key'],
    [`https://example.com`, 'unknown_key'],
    [`/01/${GTIN}/10/123456789012345678901`, 'value_format'],
    [`/01/${GTIN}/21/A%20B`, 'value_format'],
    [`/01/${GTIN}/21/A%23B`, 'value_format'],
    [`/01/${GTIN}/21/%C3%A9`, 'value_format'],
    [`/01/09506000134`, 'value_format'],
    [`/01/0950600013435A`, 'value_format'],
    [`/00/12345`, 'value_format'],
    [`/01/${GTIN}?3103=`, 'value_format'],
    [`ftp://example.com/01/${GTIN}`, 'syntax'],
    [`example.com/01/${GTIN}`, 'syntax'],
    [`https://exa mple.com/01/${GTIN}`, 'syntax'],
    [`/01/${GTIN}/10`, 'syntax'],
    [`/01/${GTIN}/`, 'syntax'],
    [`/01/${GTIN}/10//21/S`, 'syntax'],
    [`/01/${GTIN}/10/%E0%A4%A`, 'syntax'],
    [`/01/${GTIN}?17=280101&17=280102`, 'syntax'],
    [`/01/${GTIN}?17=281301`, 'date'],
    [`/01/${GTIN}?15=250431`, 'date'],
    [`/01/${GTIN}?11=2501`, 'date'],
    [`/01/${GTIN}?13`, 'date'],
  ])('refuses %s as %s', (uri, problem) => {
    const result = parse(uri);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.detail).not.toBe('');
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (uri) => {
        expect(typeof parse(uri).ok).toBe('boolean');
      }),
    );
  });
});

describe('buildDigitalLink', () => {
  it('writes the canonical form: qualifiers in order, padded GTIN, encoded values, sorted query', () => {
    const uri = buildDigitalLink('https://Example.COM/p/', {
      key: 'gtin',
      gtin: '9506000134352',
      serial: "S'1",
      lot: 'A/B%&?',
      attributes: { other: { '3103': '000500' }, expiry: '2028-02-29', productionDate: '2025-01-01' },
    });
    expect(uri).toBe(`https://example.com/p/01/${GTIN}/10/A%2FB%25%26%3F/21/S'1?11=250101&17=280229&3103=000500`);
  });

  it('writes SSCC and GLN links, and bare paths for an empty base', () => {
    expect(buildDigitalLink('', { key: 'sscc', sscc: SSCC })).toBe(`/00/${SSCC}`);
    expect(buildDigitalLink('https://id.gs1.org', { key: 'gln', gln: GLN, extension: '1' })).toBe(`https://id.gs1.org/414/${GLN}/254/1`);
  });

  it.each([
    ['an invalid base', 'example.com', { key: 'gtin', gtin: GTIN }],
    ['a base with a query', 'https://example.com/?x=1', { key: 'gtin', gtin: GTIN }],
    ['a wrong check digit', '', { key: 'gtin', gtin: '09506000134353' }],
    ['an 11-digit GTIN', '', { key: 'gtin', gtin: '01234567890' }],
    ['a lot of 21 characters', '', { key: 'gtin', gtin: GTIN, lot: 'L'.repeat(21) }],
    ['a serial with a space', '', { key: 'gtin', gtin: GTIN, serial: 'A B' }],
    ['an empty serial', '', { key: 'gtin', gtin: GTIN, serial: '' }],
    ['an impossible date', '', { key: 'gtin', gtin: GTIN, attributes: { expiry: '2027-02-29' } }],
    ['a path AI among the attributes', '', { key: 'gtin', gtin: GTIN, attributes: { other: { '10': 'L' } } }],
    ['a date AI among the other attributes', '', { key: 'gtin', gtin: GTIN, attributes: { other: { '17': '280101' } } }],
    ['a non-AI attribute', '', { key: 'gtin', gtin: GTIN, attributes: { other: { linkType: 'x' } } }],
    ['an invalid SSCC', '', { key: 'sscc', sscc: '106141412345678907' }],
    ['an invalid GLN', '', { key: 'gln', gln: '061414112345' }],
  ] as const)('refuses %s', (_name, baseUri, id) => {
    expect(() => buildDigitalLink(baseUri, id)).toThrow(RangeError);
  });

  it('property: parse(build(base, gtin identifier)) gives the identifier back', () => {
    fc.assert(
      fc.property(base, gtin, maybe(x20), maybe(x20), maybe(x20), attributes, (b, g, cpv, lot, serial, attrs) => {
        const id: Gs1Identifier = { key: 'gtin', gtin: g.padStart(14, '0'), cpv, lot, serial, attributes: attrs };
        const uri = buildDigitalLink(b, { ...id, gtin: g });
        expect(parse(uri)).toEqual({ ok: true, value: id, base: b });
        // Building again from the parsed value gives the same canonical string.
        const again = parse(uri);
        if (again.ok) expect(buildDigitalLink(again.base, again.value)).toBe(uri);
      }),
    );
  });

  it('property: SSCC and GLN identifiers round-trip', () => {
    const sscc = digits(17).map(withCheck);
    const gln = digits(12).map(withCheck);
    const id: fc.Arbitrary<Gs1Identifier> = fc.oneof(
      fc.record({ key: fc.constant('sscc' as const), sscc, attributes }),
      fc.record({ key: fc.constant('gln' as const), gln, extension: maybe(x20), attributes }),
    );
    fc.assert(
      fc.property(base, id, (b, value) => {
        expect(parse(buildDigitalLink(b, value))).toEqual({ ok: true, value, base: b });
      }),
    );
  });
});
