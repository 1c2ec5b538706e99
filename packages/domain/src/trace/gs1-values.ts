/**
 * Small checks shared by the Digital Link, EPC URN and canonical-identifier modules of traceability
 * (追溯). Internal to `trace/`: the package index does not re-export them.
 */
import { computeGtinCheckDigit } from '../identifiers/gtin.ts';

/** The longest lot (AI 10), serial (AI 21), CPV (AI 22) or GLN extension (AI 254) GS1 allows. */
export const MAX_X20 = 20;

/**
 * One to 20 characters of the GS1 AI encodable character set 82: `!"%&'()*+,-./`, digits, `:;<=>?`, A–Z,
 * `_` and a–z. In ASCII that is 0x21–0x22, 0x25–0x3F, A–Z, `_`, a–z.
 */
const AI82_X20 = /^[!"%-?A-Z_a-z]{1,20}$/;

/** True when `value` is a valid X..20 value (lot, serial, CPV, GLN extension) after percent-decoding. */
export function isX20(value: string): boolean {
  return AI82_X20.test(value);
}

/** What is wrong with a GS1 key (GTIN, SSCC, GLN) given as digits. */
export type KeyDigitsProblem = 'value_format' | 'check_digit';

/**
 * Checks that `digits` is all ASCII digits, of one of `lengths`, and ends with the GS1 mod-10 check digit.
 * Returns null when it is valid.
 */
export function checkKeyDigits(digits: string, lengths: readonly number[]): KeyDigitsProblem | null {
  if (!lengths.includes(digits.length) || !/^\d+$/.test(digits)) return 'value_format';
  const expected = computeGtinCheckDigit(digits.slice(0, -1));
  return digits.charCodeAt(digits.length - 1) - 48 === expected ? null : 'check_digit';
}

/** The GTIN lengths GS1 defines; Digital Link and the canonical form pad the shorter ones to 14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/**
 * Decodes `%XX` escapes (UTF-8, `decodeURIComponent` semantics). `+` stays `+`: it is a character of the
 * AI 82 set, not a space. Returns null for a malformed escape.
 */
export function decodePercent(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Percent-encodes a value for a URI path segment or query value with `encodeURIComponent` semantics: of the
 * AI 82 set, letters, digits and `-_.!*'()` stay as they are and `"%&+,/:;<=>?` are encoded.
 */
export const encodeValue: (value: string) => string = encodeURIComponent;

/** Appends the GS1 check digit to a run of digits. */
export function withCheckDigit(body: string): string {
  return body + String(computeGtinCheckDigit(body));
}
