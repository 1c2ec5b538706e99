import { canonicalEpc, parseDigitalLink, type FieldMessageKey } from '@shian/domain';
import type { CbvVocabulary } from './query-vocabulary.ts';

/**
 * Readers of single query-parameter values (查询参数取值) of the EPCIS SimpleEventQuery: each returns the
 * value in the form the SQL compares (canonical identifiers, bare CBV words, ISO times) or the problem, as
 * a field-message key with its parameters. Pure: no I/O.
 */

/** What is wrong with one value, before it is named by its parameter. */
export interface ValueProblem {
  message: FieldMessageKey;
  params?: Record<string, string | number>;
}

/** A value read, or what is wrong with it. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

/** Reads one value of a parameter. */
export type ValueReader<T> = (value: string) => ValueResult<T>;

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const bad = (message: FieldMessageKey, params?: Record<string, string | number>): ValueResult<never> => ({ ok: false, problem: { message, ...(params ? { params } : {}) } });

/** A URI: a scheme, a colon and no white space (RFC 3986 in its loosest useful form). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** One of a fixed set of words (`ObjectEvent`, `ADD`, `eventTime`, `ASC`). */
export const oneOf =
  <W extends string>(words: readonly W[]): ValueReader<W> =>
  (value) =>
    (words as readonly string[]).includes(value) ? ok(value as W) : bad('field.epcis_query_one_of', { value, options: words.join(', ') });

/** Any URI, compared as given (event IDs, transformation IDs, device IDs). */
export const uri: ValueReader<string> = (value) => (URI.test(value) ? ok(value) : bad('field.epcis_query_uri', { value }));

/**
 * A word of a CBV vocabulary, as the bare word capture stores (`shipping`): the bare word itself, or one of
 * its URI forms (`https://ref.gs1.org/cbv/BizStep-shipping`, `urn:epcglobal:cbv:bizstep:shipping`). A custom
 * value must be a URI outside the vocabulary's namespaces and is kept as given.
 */
export const vocabulary =
  (vocab: CbvVocabulary): ValueReader<string> =>
  (value) => {
    if (vocab.words.has(value)) return ok(value);
    const prefix = vocab.prefixes.find((p) => value.toLowerCase().startsWith(p.toLowerCase()));
    const word = prefix === undefined ? null : value.slice(prefix.length);
    if (word !== null && vocab.words.has(word)) return ok(word);
    if (prefix === undefined && URI.test(value)) return ok(value);
    return bad('field.schema_vocabulary', { value, examples: [...vocab.words].slice(0, 3).join(', ') });
  };

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/** An instant with its offset (`2026-03-01T08:00:00+08:00`, `…Z`), kept as written for PostgreSQL to read. */
export const time: ValueReader<string> = (value) => {
  const match = TIME.exec(value);
  if (match) {
    const [year, month, day, hour, minute, second = 0, offsetHour = 0, offsetMinute = 0] = match.slice(1).map((part) => Number(part ?? 0));
    const lastDay = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
    const valid = (month ?? 0) >= 1 && (month ?? 0) <= 12 && (day ?? 0) >= 1 && (day ?? 0) <= lastDay;
    if (valid && (hour ?? 0) <= 23 && (minute ?? 0) <= 59 && second <= 59 && offsetHour <= 14 && offsetMinute <= 59) return ok(value);
  }
  return bad('field.epcis_query_time', { value });
};

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number (quantities). */
export const decimal: ValueReader<number> = (value) => {
  const number = Number(value);
  return DECIMAL.test(value) && Number.isFinite(number) ? ok(number) : bad('field.epcis_query_number', { value });
};

/** A whole number within bounds. */
export const integer =
  (min: number, max: number): ValueReader<number> =>
  (value) => {
    const number = Number(value);
    return /^\d{1,15}$/.test(value) && number >= min && number <= max ? ok(number) : bad('field.epcis_query_integer', { min, max });
  };

/** An `EXISTS_…` parameter: present without a value, or `true`, means yes; `false` means no filter. */
export const flag: ValueReader<boolean> = (value) =>
  value === '' || value === 'true' ? ok(true) : value === 'false' ? ok(false) : bad('field.epcis_query_boolean');

/** Text as given (the page token, checked later). */
export const text: ValueReader<string> = (value) => ok(value);

// ------------------------------------------------------------------------------------------ identifiers

/** A GS1 key that is malformed (bad check digit, qualifiers out of order), as opposed to a URI of another scheme. */
function malformedGs1(value: string): boolean {
  if (/^urn:epc:(id:sgtin|class:lgtin|id:sscc|id:sgln):/i.test(value)) return true;
  if (!/^https?:\/\//i.test(value)) return false;
  const read = parseDigitalLink(value);
  return !read.ok && (read.problem === 'check_digit' || read.problem === 'qualifier_order' || read.problem === 'value_format');
}

/** A canonical identifier, or the problem with the value (not a URI, a malformed GS1 key, an unknown pattern). */
function canonical(value: string): ValueResult<ReturnType<typeof canonicalEpc>> {
  if (!URI.test(value)) return bad('field.epcis_query_uri', { value });
  const read = canonicalEpc(value);
  if (read.kind !== 'other') return ok(read);
  if (/^urn:epc:idpat:/i.test(value)) return bad('field.epcis_query_pattern', { value });
  if (malformedGs1(value)) return bad('field.epcis_query_identifier', { value });
  return ok(read);
}

/**
 * What an instance parameter (`MATCH_epc`, `MATCH_anyEPC`, …) asks for: one identifier (`exact`, canonical
 * Digital Link or a URI of another scheme as given), every item of a GTIN (`gtin`: the pattern
 * `urn:epc:idpat:sgtin:…*` or a GTIN-only Digital Link), or every item of a lot (`lot`: a lot class, whose
 * items are known when their lot was captured with them or they carry a code the platform issued).
 */
export type InstanceMatch = { kind: 'exact'; epc: string } | { kind: 'gtin' | 'lot'; gtin: string; classUri: string };

/** A value of an instance parameter: an identifier in any form, or a pattern. */
export const instance: ValueReader<InstanceMatch> = (value) => {
  const read = canonical(value);
  if (!read.ok) return read;
  const { epc, kind, gtin } = read.value;
  if ((kind === 'gtin' || kind === 'lgtin') && gtin !== null) return ok({ kind: kind === 'gtin' ? 'gtin' : 'lot', gtin, classUri: epc });
  return ok({ kind: 'exact', epc });
};

/** A class parameter's value (`MATCH_epcClass`, …): a lot class, a GTIN class (or its idpat pattern), or another class URI. */
export interface ClassMatch {
  /** Canonical: `https://id.gs1.org/01/{gtin14}/10/{lot}`, `https://id.gs1.org/01/{gtin14}`, or the URI as given. */
  uri: string;
  gtin: string | null;
  lot: string | null;
}

/** A value of a class parameter; an item, unit or location is not a class. */
export const epcClass: ValueReader<ClassMatch> = (value) => {
  const read = canonical(value);
  if (!read.ok) return read;
  const { epc, kind, gtin, lot } = read.value;
  if (kind === 'lgtin' || kind === 'gtin') return ok({ uri: epc, gtin, lot: kind === 'lgtin' ? lot : null });
  if (kind !== 'other') return bad('field.epcis_query_not_class', { value });
  return ok({ uri: epc, gtin: null, lot: null });
};

/**
 * A location (readPoint, bizLocation): GLN Digital Links and `urn:epc:id:sgln:` become
 * `https://id.gs1.org/414/{gln}[/254/{extension}]` as capture stores them; a platform location
 * (`urn:shian:loc:…`) or any other URI is kept as given.
 */
export const location: ValueReader<string> = (value) => {
  const read = canonical(value);
  return read.ok ? ok(read.value.epc) : read;
};
