import type { ErrorDetail } from '../errors/app-error.ts';
import { parseProductNumber, type ProductNumberKind } from '../identifiers/product-number.ts';
import { HEALTH_FUNCTION_CLAIMS, LEGACY_HEALTH_FUNCTIONS, NUTRIENT_SUPPLEMENT_CLAIM } from './claims.ts';
import type { ProductCategory } from './vocabulary.ts';

/** The registration-number kinds each product category (特殊食品类别) may carry. */
export const KINDS_OF_CATEGORY: Record<ProductCategory, readonly ProductNumberKind[]> = {
  health_food: ['health_food_registration', 'health_food_filing', 'legacy_health_food'],
  infant_formula: ['infant_formula_registration'],
  fsmp: ['fsmp_registration'],
};

/**
 * Health-function claims (保健功能声称) a health food may carry: the 2023 list, the 2003 list (products
 * registered under it keep their claims through the 5-year transition) and the nutrient-supplement claim,
 * in general or per nutrient ("补充钙").
 */
export const PERMITTED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...HEALTH_FUNCTION_CLAIMS.items.map((c) => c.name['zh-CN']),
  ...LEGACY_HEALTH_FUNCTIONS.items.map((c) => c.name['zh-CN']),
  NUTRIENT_SUPPLEMENT_CLAIM.name['zh-CN'],
  ...NUTRIENT_SUPPLEMENT_CLAIM.nutrients.map((n) => `补充${n['zh-CN']}`),
]);

/** True when a registration or filing number is of a kind the category may carry. */
export function numberFitsCategory(category: ProductCategory, registrationNumber: string): boolean {
  const parsed = parseProductNumber(registrationNumber);
  return parsed.ok && KINDS_OF_CATEGORY[category].includes(parsed.kind);
}

/** One detail per function a product of this category may not claim; infant formula and FSMP claim none. */
export function functionProblems(category: ProductCategory, functions: readonly string[]): ErrorDetail[] {
  return functions.flatMap((name, i) =>
    category === 'health_food' && PERMITTED_FUNCTIONS.has(name) ? [] : [{ path: `functions.${i}`, message: 'field.function_unknown' }],
  );
}
