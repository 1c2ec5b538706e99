/**
 * Global trade item numbers (GTIN, 商品条码) with the GS1 mod-10 check digit: GTIN-8 (EAN-8), GTIN-12
 * (UPC-A), GTIN-13 (EAN-13; Chinese products mostly start 690–699) and GTIN-14 (case codes).
 */
import { normaliseIdentifier } from './normalise.ts';

/** The GTIN lengths GS1 defines. */
export type GtinKind = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

/** What is wrong with a GTIN. */
export type GtinProblem = 'format' | 'check_digit';

/** The outcome of {@link validateGtin}. `gtin` is the normalised input. */
export type GtinResult =
  | { ok: true; gtin: string; kind: GtinKind; checkDigit: number }
  | { ok: false; problem: 'format'; gtin: string }
  | { ok: false; problem: 'check_digit'; gtin: string; kind: GtinKind; expectedCheckDigit: number };

const KIND_BY_LENGTH: Readonly<Record<number, GtinKind>> = { 8: 'GTIN-8', 12: 'GTIN-12', 13: 'GTIN-13', 14: 'GTIN-14' };

/**
 * Computes the GS1 check digit for the digits before it (7, 11, 12 or 13 of them; any non-empty run of
 * digits works). From the rightmost digit leftwards the weights are 3, 1, 3, 1, …; the check digit brings the
 * weighted sum up to a multiple of 10. Throws a `RangeError` if `body` is not all digits.
 */
export function computeGtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`GTIN body must be digits: ${body}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Validates a GTIN-8/12/13/14 (normalised first: spaces removed, full-width digits made half-width). Never throws. */
export function validateGtin(input: string): GtinResult {
  const gtin = normaliseIdentifier(input);
  const kind = KIND_BY_LENGTH[gtin.length];
  if (kind === undefined || !/^\d+$/.test(gtin)) return { ok: false, problem: 'format', gtin };
  const checkDigit = gtin.charCodeAt(gtin.length - 1) - 48;
  const expectedCheckDigit = computeGtinCheckDigit(gtin.slice(0, -1));
  if (checkDigit !== expectedCheckDigit) return { ok: false, problem: 'check_digit', gtin, kind, expectedCheckDigit };
  return { ok: true, gtin, kind, checkDigit };
}

/**
 * Returns the 14-digit form of a valid GTIN (left-padded with zeros, which keeps the check digit valid),
 * or null when the input is not a valid GTIN. Use it as the storage and comparison key.
 */
export function toGtin14(input: string): string | null {
  const result = validateGtin(input);
  return result.ok ? result.gtin.padStart(14, '0') : null;
}
