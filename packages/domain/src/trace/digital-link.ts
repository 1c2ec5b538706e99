/**
 * GS1 Digital Link URIs (`https://{host}[/{prefix}]/{key AI}/{value}[/{qualifier AI}/{value}…][?{AI}={value}&…]`),
 * the web addresses printed as QR codes on packs (一物一码). Parsing is hand-written (no `new URL()`): it
 * runs for every scanned code.
 */
import { decodeGs1Date, encodeGs1Date } from './gs1-dates.ts';
import { checkKeyDigits, decodePercent, encodeValue, GTIN_LENGTHS, isX20 } from './gs1-values.ts';
import type { DigitalLinkProblem, DigitalLinkResult, Gs1Attributes, Gs1Identifier, Gs1IdentifierInput } from './types.ts';

type DateField = 'expiry' | 'productionDate' | 'packagingDate' | 'bestBefore';

/** The date attributes by AI. */
const DATE_FIELDS: ReadonlyMap<string, DateField> = new Map([
  ['11', 'productionDate'],
  ['13', 'packagingDate'],
  ['15', 'bestBefore'],
  ['17', 'expiry'],
]);

/** The key qualifiers each primary key allows, in the only order GS1 allows them. */
const QUALIFIERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['01', ['22', '10', '21']],
  ['00', []],
  ['414', ['254']],
]);
const QUALIFIER_NAMES: ReadonlyMap<string, string> = new Map([
  ['22', 'CPV'],
  ['10', 'lot'],
  ['21', 'serial'],
  ['254', 'GLN extension'],
]);

/** AIs that belong in the path and never in the query string. */
const PATH_AIS = new Set(['01', '00', '414', '22', '10', '21', '254']);
const AI_NAME = /^\d{2,4}$/;
const ORIGIN = /^https?:\/\/[^/?#\s]+/i;
const BASE = /^((?:https?:\/\/[^/?#\s]+)?)((?:\/[^/?#\s]*)*)$/i;

type Failure = { ok: false; problem: DigitalLinkProblem; detail: string };
const fail = (problem: DigitalLinkProblem, detail: string): Failure => ({ ok: false, problem, detail });

type WithoutAttributes<T> = T extends unknown ? Omit<T, 'attributes'> : never;

/** The key part of a Digital Link: its identifier without the query-string attributes. */
export type DigitalLinkKey = WithoutAttributes<Gs1Identifier>;

/** A Digital Link read up to its query string, which is returned unread. */
export type DigitalLinkKeyResult = { ok: true; key: DigitalLinkKey; base: string; query: string } | Failure;

/**
 * Reads the scheme, host and path of a Digital Link (or a bare path starting with `/`), leaving the query
 * string unread. The primary key is the rightmost AI 01, 00 or 414 that is followed by whole AI/value
 * pairs; everything before it is the path prefix. Qualifier order is checked before the values.
 */
export function readDigitalLinkKey(uri: string): DigitalLinkKeyResult {
  let origin = '';
  let rest = uri;
  if (uri.charCodeAt(0) !== 47 /* '/' */) {
    const match = ORIGIN.exec(uri);
    rest = uri.slice(match?.[0].length ?? 0);
    if (match === null || (rest !== '' && !'/?#'.includes(rest.charAt(0)))) {
      return fail('syntax', 'a Digital Link is an http(s) URI or a path starting with "/"');
    }
    origin = match[0].toLowerCase();
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const path = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);

  const segments = path.split('/');
  let at = segments.length - 2;
  while (at >= 1 && !QUALIFIERS.has(segments[at] ?? '')) at -= 2;
  if (at < 1) {
    const stray = segments.find((segment, index) => index > 0 && QUALIFIERS.has(segment));
    return stray === undefined
      ? fail('unknown_key', 'the path holds no GS1 primary key (01 GTIN, 00 SSCC, 414 GLN)')
      : fail('syntax', `AI ${stray} is not followed by AI/value pairs (a missing value or a trailing "/")`);
  }
  const primary = segments[at] ?? '';
  const allowed = QUALIFIERS.get(primary) ?? [];
  const raw: (string | null)[] = allowed.map(() => null);
  let next = 0;
  for (let i = at + 2; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const index = allowed.indexOf(ai);
    if (index < 0) {
      return fail(
        'unknown_key',
        DATE_FIELDS.has(ai)
          ? `AI ${ai} is a data attribute; it belongs in the query string (?${ai}=…)`
          : `AI ${ai} is not a key qualifier of AI ${primary}`,
      );
    }
    if (index < next) return fail('qualifier_order', `the qualifiers of AI ${primary} come in the order ${allowed.join(', ')}, each once`);
    raw[index] = segments[i + 1] ?? '';
    next = index + 1;
  }

  const keyValue = readValue(primary, segments[at + 1] ?? '');
  if (typeof keyValue !== 'string') return keyValue;
  const values: (string | null)[] = [];
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i] ?? null;
    const ai = allowed[i] ?? '';
    const read = value === null ? null : readValue(ai, value);
    if (read !== null && typeof read !== 'string') return read;
    values.push(read);
  }
  const base = at === 1 ? origin : origin + segments.slice(0, at).join('/');
  return { ok: true, key: toKey(primary, keyValue, values), base, query };
}

/** Decodes and checks one path value: a key's digits or an X..20 qualifier. */
function readValue(ai: string, encoded: string): string | Failure {
  if (encoded === '') return fail('syntax', `AI ${ai} has an empty value`);
  const value = decodePercent(encoded);
  if (value === null) return fail('syntax', `AI ${ai} has a malformed percent-encoding`);
  if (ai === '01' || ai === '00' || ai === '414') {
    const problem = checkKeyDigits(value, ai === '01' ? GTIN_LENGTHS : ai === '00' ? [18] : [13]);
    if (problem === null) return ai === '01' ? value.padStart(14, '0') : value;
    const name = ai === '01' ? 'a GTIN (8, 12, 13 or 14 digits)' : ai === '00' ? 'an SSCC (18 digits)' : 'a GLN (13 digits)';
    return fail(problem, problem === 'check_digit' ? `AI ${ai}: wrong check digit in ${value}` : `AI ${ai} must be ${name}`);
  }
  if (!isX20(value)) return fail('value_format', `AI ${ai} (${QUALIFIER_NAMES.get(ai) ?? ai}) must be 1–20 characters of the GS1 AI 82 set`);
  return value;
}

function toKey(primary: string, keyValue: string, values: readonly (string | null)[]): DigitalLinkKey {
  if (primary === '00') return { key: 'sscc', sscc: keyValue };
  if (primary === '414') return { key: 'gln', gln: keyValue, extension: values[0] ?? null };
  return { key: 'gtin', gtin: keyValue, cpv: values[0] ?? null, lot: values[1] ?? null, serial: values[2] ?? null };
}

const emptyAttributes = (): Gs1Attributes => ({ expiry: null, productionDate: null, packagingDate: null, bestBefore: null, other: {} });

/** Reads the AIs of a query string (without the `?`); other parameters are skipped. */
function readAttributes(query: string, reference: Date | undefined): Gs1Attributes | Failure {
  const attributes = emptyAttributes();
  if (query === '') return attributes;
  const seen = new Set<string>();
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    const ai = equals < 0 ? part : part.slice(0, equals);
    if (!AI_NAME.test(ai)) continue;
    if (seen.has(ai)) return fail('syntax', `AI ${ai} appears twice in the query string`);
    seen.add(ai);
    if (PATH_AIS.has(ai)) return fail('qualifier_order', `AI ${ai} is a key or key qualifier; it belongs in the path`);
    const value = decodePercent(equals < 0 ? '' : part.slice(equals + 1));
    if (value === null) return fail('syntax', `AI ${ai} has a malformed percent-encoding`);
    const field = DATE_FIELDS.get(ai);
    if (field !== undefined) {
      const iso = decodeGs1Date(value, reference);
      if (iso === null) return fail('date', `AI ${ai} must be a date YYMMDD, got ${JSON.stringify(value)}`);
      attributes[field] = iso;
    } else {
      if (value === '') return fail('value_format', `AI ${ai} has an empty value`);
      attributes.other[ai] = value;
    }
  }
  return attributes;
}

/**
 * Parses a GS1 Digital Link URI on any host (`http` or `https`), or a bare path such as `/01/…` (then
 * `base` is `''`). GTIN-8/12/13 come back padded to 14 digits; path values and query values come back
 * percent-decoded. The century of dates comes from the sliding window around `reference` (default: now,
 * see `decodeGs1Date`). Never throws: a refused link comes back as `{ ok: false, problem, detail }`.
 *
 * @example parseDigitalLink('https://id.gs1.org/01/09506000134352/10/ABC1?17=280200')
 *   // → { ok: true, base: 'https://id.gs1.org', value: { key: 'gtin', gtin: '09506000134352', lot: 'ABC1',
 *   //     attributes: { expiry: '2028-02-29', … }, … } }
 */
export function parseDigitalLink(uri: string, reference?: Date): DigitalLinkResult {
  const read = readDigitalLinkKey(uri);
  if (!read.ok) return read;
  const attributes = readAttributes(read.query, reference);
  if ('ok' in attributes) return attributes;
  return { ok: true, value: { ...read.key, attributes }, base: read.base };
}

/** Checks an X..20 qualifier for {@link buildDigitalLink} and formats it as a path pair. */
function pathPair(ai: string, value: string | null | undefined): string {
  if (value == null) return '';
  if (!isX20(value)) throw new RangeError(`AI ${ai} (${QUALIFIER_NAMES.get(ai) ?? ai}) must be 1–20 characters of the GS1 AI 82 set: ${value}`);
  return `/${ai}/${encodeValue(value)}`;
}

function requireKey(ai: string, digits: string, lengths: readonly number[]): string {
  const problem = checkKeyDigits(digits, lengths);
  if (problem !== null) throw new RangeError(`AI ${ai}: ${problem === 'check_digit' ? 'wrong check digit' : 'wrong format'} in ${digits}`);
  return digits;
}

function buildQuery(attributes: Partial<Gs1Attributes> | undefined): string {
  if (attributes === undefined) return '';
  const pairs: [string, string][] = [];
  for (const [ai, field] of DATE_FIELDS) {
    const iso = attributes[field];
    if (iso != null) pairs.push([ai, encodeGs1Date(iso)]);
  }
  for (const [ai, value] of Object.entries(attributes.other ?? {})) {
    if (!AI_NAME.test(ai) || PATH_AIS.has(ai) || DATE_FIELDS.has(ai)) {
      throw new RangeError(`attributes.other cannot carry AI ${ai} (not an AI, a path AI, or a date with its own field)`);
    }
    if (value === '') throw new RangeError(`AI ${ai} has an empty value`);
    pairs.push([ai, encodeValue(value)]);
  }
  if (pairs.length === 0) return '';
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `?${pairs.map(([ai, value]) => `${ai}=${value}`).join('&')}`;
}

/**
 * Builds the canonical Digital Link of `id` under `base` (`https://{host}[/{prefix}]`, or `''` for a bare
 * path; scheme and host are lower-cased, trailing slashes dropped): qualifiers in GS1 order, GTIN padded to
 * 14 digits, values percent-encoded (`encodeURIComponent`), dates as `YYMMDD`, query AIs sorted. For any
 * valid input, `parseDigitalLink(buildDigitalLink(b, x))` gives `x` back (dates within the sliding window).
 * Throws a `RangeError` for an invalid base, key, qualifier, date or attribute.
 */
export function buildDigitalLink(base: string, id: Gs1IdentifierInput): string {
  const match = BASE.exec(base);
  if (match === null) throw new RangeError(`a Digital Link base is https://host[/prefix] or a path: ${base}`);
  const prefix = (match[1] ?? '').toLowerCase() + (match[2] ?? '').replace(/\/+$/, '');
  let path: string;
  if (id.key === 'gtin') {
    const gtin = requireKey('01', id.gtin, GTIN_LENGTHS).padStart(14, '0');
    path = `/01/${gtin}${pathPair('22', id.cpv)}${pathPair('10', id.lot)}${pathPair('21', id.serial)}`;
  } else if (id.key === 'sscc') {
    path = `/00/${requireKey('00', id.sscc, [18])}`;
  } else {
    path = `/414/${requireKey('414', id.gln, [13])}${pathPair('254', id.extension)}`;
  }
  return prefix + path + buildQuery(id.attributes);
}
