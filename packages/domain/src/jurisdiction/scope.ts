/**
 * Pure helpers over jurisdiction codes (辖区代码). A scope is a node code; everything whose code starts
 * with the scope's prefix lies within it. Codes are compared as codes: a record carrying a historical
 * district code (e.g. 310108 闸北区) is not within its successor until the caller maps it with
 * {@link successorDistrict} or {@link districtOf}.
 */
import { HISTORICAL_DIVISIONS, findJurisdiction } from './shanghai.ts';

const CODE_PATTERN = /^(\d{6}|\d{9})$/;

/** Whether a string has the shape of a division code: 6 digits (province to district) or 9 (township). */
export function isDivisionCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/**
 * The prefix shared by every code within a scope: a province (`xx0000`) gives 2 digits, a prefecture
 * (`xxxx00`) 4, a district its 6, a street or town its 9. `'310000'` → `'31'`, `'310101'` → `'310101'`,
 * `'310101002'` → `'310101002'`. Throws a `RangeError` for anything but 6 or 9 digits (a programming error).
 */
export function scopePrefix(code: string): string {
  if (!CODE_PATTERN.test(code)) throw new RangeError(`Not a division code: ${code}`);
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * Whether `code` lies within `scopeCode` (or is it). A district is not within one of its streets, and a
 * sibling is never within another. Returns false when either argument is not a division code.
 */
export function isWithin(code: string, scopeCode: string): boolean {
  if (!CODE_PATTERN.test(code) || !CODE_PATTERN.test(scopeCode)) return false;
  // Codes are positional (2 province, 2 prefecture, 2 county, 3 township digits) and a county part is
  // never 00, so a prefix test is exact.
  return code.startsWith(scopePrefix(scopeCode));
}

/** The current district that took over a historical district code, or null if the code is not historical. */
export function successorDistrict(historicalCode: string): string | null {
  return HISTORICAL_DIVISIONS.find((division) => division.code === historicalCode)?.successorCode ?? null;
}

/**
 * The current Shanghai district a district or street code belongs to. Historical district codes map to
 * their successor. Returns null for the city, for codes outside Shanghai and for unknown codes.
 */
export function districtOf(code: string): string | null {
  if (!CODE_PATTERN.test(code)) return null;
  const six = code.slice(0, 6);
  if (findJurisdiction(six)?.level === 'district') return six;
  return successorDistrict(six);
}
