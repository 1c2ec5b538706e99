/**
 * The GS1 identifiers traceability (追溯) reads from and writes to GS1 Digital Link URIs: a GTIN with its
 * key qualifiers, an SSCC or a GLN, each with the data attributes of the query string.
 */

/**
 * Data attributes from a Digital Link query string. The four dates are ISO `YYYY-MM-DD` (read from GS1
 * `YYMMDD`); `other` holds every other AI by its number, value percent-decoded (e.g. `{ '3103': '000500' }`).
 * Query parameters whose name is not an AI (such as `linkType`) are not kept.
 */
export interface Gs1Attributes {
  /** AI 17, expiry date (有效期至). */
  expiry: string | null;
  /** AI 11, production date (生产日期). */
  productionDate: string | null;
  /** AI 13, packaging date (包装日期). */
  packagingDate: string | null;
  /** AI 15, best-before date (保质期至). */
  bestBefore: string | null;
  /** Every other AI (2–4 digits) of the query string, by AI. */
  other: Record<string, string>;
}

/** A trade item (商品): GTIN (AI 01) with the optional qualifiers CPV (22), lot (10) and serial (21). */
export interface Gs1GtinIdentifier {
  key: 'gtin';
  /** Always 14 digits: GTIN-8/12/13 are left-padded with zeros. */
  gtin: string;
  /** AI 22, consumer product variant. */
  cpv: string | null;
  /** AI 10, batch or lot number (批号). */
  lot: string | null;
  /** AI 21, serial number (序列号). */
  serial: string | null;
  attributes: Gs1Attributes;
}

/** A logistic unit (物流单元) such as a pallet: SSCC (AI 00), 18 digits. */
export interface Gs1SsccIdentifier {
  key: 'sscc';
  sscc: string;
  attributes: Gs1Attributes;
}

/** A location or party (位置/参与方): GLN (AI 414), 13 digits, with the optional extension (AI 254). */
export interface Gs1GlnIdentifier {
  key: 'gln';
  gln: string;
  /** AI 254, GLN extension component (e.g. a dock or a room). */
  extension: string | null;
  attributes: Gs1Attributes;
}

/** A GS1 identifier read from a Digital Link, told apart by `key`. */
export type Gs1Identifier = Gs1GtinIdentifier | Gs1SsccIdentifier | Gs1GlnIdentifier;

/**
 * What `buildDigitalLink` takes: a {@link Gs1Identifier}, where absent qualifiers and attributes may
 * also be left out. GTINs may have 8, 12, 13 or 14 digits.
 */
export type Gs1IdentifierInput =
  | {
      key: 'gtin';
      gtin: string;
      cpv?: string | null;
      lot?: string | null;
      serial?: string | null;
      attributes?: Partial<Gs1Attributes>;
    }
  | { key: 'sscc'; sscc: string; attributes?: Partial<Gs1Attributes> }
  | { key: 'gln'; gln: string; extension?: string | null; attributes?: Partial<Gs1Attributes> };

/**
 * Why a Digital Link was refused: `syntax` (not an http(s) URI or an absolute path, an AI without a value,
 * an empty value, a malformed `%` escape, an AI repeated in the query), `unknown_key` (no GS1 primary key
 * in the path, or an AI in the path that is not a qualifier of the key), `qualifier_order` (a qualifier out
 * of order or repeated, or a key or qualifier in the query string), `check_digit`, `value_format` (wrong
 * length or characters outside the AI 82 set) and `date` (a date attribute that is not a `YYMMDD` date).
 */
export type DigitalLinkProblem = 'syntax' | 'unknown_key' | 'qualifier_order' | 'check_digit' | 'value_format' | 'date';

/**
 * The outcome of `parseDigitalLink`. `base` is the scheme, host (both lower-cased) and path prefix
 * before the primary key (`https://example.com/p`), or `''` for a bare path such as `/01/…`.
 */
export type DigitalLinkResult =
  | { ok: true; value: Gs1Identifier; base: string }
  | { ok: false; problem: DigitalLinkProblem; detail: string };
