/**
 * Special-food product numbers (特殊食品注册号/备案号).
 *
 * - 保健食品 (health food) registration: `国食健注` + G (domestic) / J (imported) + 4-digit year + 4-digit sequence.
 * - 保健食品 filing (备案): `食健备G` + year + 2-digit province + 6-digit sequence (domestic);
 *   `食健备J` + year + `00` + 6-digit sequence (imported).
 * - 婴幼儿配方乳粉 (infant formula) formula registration: `国食注字YP` + year + sequence.
 * - 特殊医学用途配方食品 (FSMP) registration: `国食注字TY` + year + sequence.
 * - Legacy health-food approvals, still seen on old stock: `国食健字G/J` + 8 digits (SFDA era) and
 *   `卫食健字(YYYY)第NNNN号` / `卫进食健字(YYYY)第NNNN号` (Ministry of Health, before about 2003). They parse
 *   with `legacy: true`; they are valid only if the registry holds them.
 *
 * Formats are [S] in the reference (several consistent secondary sources), legacy ones [R/S].
 */
import { PROVINCE_CODES } from '../jurisdiction/shanghai.ts';
import type { ScCategoryCode } from './licence-number.ts';
import { normaliseIdentifier } from './normalise.ts';

/** The kinds of product number. */
export type ProductNumberKind =
  | 'health_food_registration'
  | 'health_food_filing'
  | 'infant_formula_registration'
  | 'fsmp_registration'
  | 'legacy_health_food';

/** What is wrong with a product number. */
export type ProductNumberProblem = 'format' | 'province_code';

/** A parsed product number. `origin` is null when the number does not say (infant formula, FSMP). */
export interface ParsedProductNumber {
  ok: true;
  kind: ProductNumberKind;
  number: string;
  origin: 'domestic' | 'imported' | null;
  year: number;
  /** Filing numbers only: the filing province's GB/T 2260 code (2 digits; `00` never appears here). */
  provinceCode?: string;
  sequence: string;
  legacy: boolean;
}

/** The outcome of {@link parseProductNumber}; `number` is the normalised input. */
export type ProductNumberResult = ParsedProductNumber | { ok: false; problem: ProductNumberProblem; number: string };

type Origin = 'domestic' | 'imported';

const originOf = (letter: string): Origin => (letter === 'J' ? 'imported' : 'domestic');

interface Rule {
  pattern: RegExp;
  build: (m: readonly string[], number: string) => ProductNumberResult;
}

const parsed = (
  number: string,
  kind: ProductNumberKind,
  origin: Origin | null,
  year: string,
  sequence: string,
  legacy = false,
): ParsedProductNumber => ({ ok: true, kind, number, origin, year: Number(year), sequence, legacy });

const RULES: readonly Rule[] = [
  {
    pattern: /^国食健注([GJ])(\d{4})(\d{4})$/,
    build: ([, o = '', y = '', s = ''], n) => parsed(n, 'health_food_registration', originOf(o), y, s),
  },
  {
    pattern: /^食健备G(\d{4})(\d{2})(\d{6})$/,
    build: ([, y = '', province = '', s = ''], n) =>
      PROVINCE_CODES.includes(province)
        ? { ...parsed(n, 'health_food_filing', 'domestic', y, s), provinceCode: province }
        : { ok: false, problem: 'province_code', number: n },
  },
  {
    pattern: /^食健备J(\d{4})00(\d{6})$/,
    build: ([, y = '', s = ''], n) => parsed(n, 'health_food_filing', 'imported', y, s),
  },
  {
    pattern: /^国食注字YP(\d{4})(\d{4})$/,
    build: ([, y = '', s = ''], n) => parsed(n, 'infant_formula_registration', null, y, s),
  },
  {
    pattern: /^国食注字TY(\d{4})(\d{4})$/,
    build: ([, y = '', s = ''], n) => parsed(n, 'fsmp_registration', null, y, s),
  },
  {
    pattern: /^国食健字([GJ])(\d{4})(\d{4})$/,
    build: ([, o = '', y = '', s = ''], n) => parsed(n, 'legacy_health_food', originOf(o), y, s, true),
  },
  {
    // Brackets vary in print: (), [], 〔〕 (full-width forms are normalised to ASCII first).
    pattern: /^卫(进)?食健字[([〔](\d{4})[)\]〕]第(\d{1,6})号$/,
    build: ([, imported, y = '', s = ''], n) =>
      parsed(n, 'legacy_health_food', imported ? 'imported' : 'domestic', y, s, true),
  },
];

/**
 * Parses a special-food product number (normalised first: spaces removed, full-width letters, digits and
 * brackets made half-width, letters upper-cased). Never throws.
 */
export function parseProductNumber(input: string): ProductNumberResult {
  const number = normaliseIdentifier(input);
  for (const rule of RULES) {
    const match = rule.pattern.exec(number);
    if (match) return rule.build(match, number);
  }
  return { ok: false, problem: 'format', number };
}

/** The SC food category a licence must cover to make each product kind: 127 health food, 128 FSMP, 129 infant formula. */
export const REQUIRED_LICENCE_CATEGORY: Readonly<Record<ProductNumberKind, ScCategoryCode>> = {
  health_food_registration: '127',
  health_food_filing: '127',
  legacy_health_food: '127',
  fsmp_registration: '128',
  infant_formula_registration: '129',
};

/** The SC category that must make a product of this kind (for the "product type and licence category agree" check). */
export function requiredLicenceCategory(kind: ProductNumberKind): ScCategoryCode {
  return REQUIRED_LICENCE_CATEGORY[kind];
}

/**
 * Whether a licence's category list covers a product kind. Check the licence's full list of categories, not
 * just the SC number's prefix: a firm licensed for several categories carries its main product's prefix.
 */
export function licenceCoversProduct(kind: ProductNumberKind, licenceCategories: readonly string[]): boolean {
  return licenceCategories.includes(requiredLicenceCategory(kind));
}
