/**
 * Unified social credit code (统一社会信用代码, USCC) per GB 32100-2015.
 *
 * Layout (18 characters): 1 registration department (登记管理部门), 2 entity type (机构类别),
 * 3–8 the registration authority's GB/T 2260 division code, 9–17 the entity identifier (主体标识码,
 * a GB 11714 organisation code with its own check character), 18 the check character.
 *
 * A wrong check character is not a hard reject: at least one real, registered code fails it
 * (`91350203M0001QAY9B`). The validator therefore never throws; it returns structured findings and the
 * caller asks the user to confirm the code explicitly (error `registry.uscc_unconfirmed`).
 */
import { normaliseIdentifier } from './normalise.ts';

export { normaliseIdentifier } from './normalise.ts';

/** The 31 characters a USCC may use (no I, O, S, V, Z), valued 0–30 in this order. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i−1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the 8 body characters of a GB 11714 organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const FIRST_17_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

/**
 * Common two-character prefixes (registration department + entity type). `91` enterprise, `92` individual
 * business (个体工商户), `93` farmers' co-operative (农民专业合作社); `11`–`19` organisations under the staffing
 * commission (机构编制), e.g. `12` public institution (事业单位); `51`–`59` civil affairs (民政), e.g. `51` social
 * group, `52` private non-enterprise unit, `53` foundation; `Y1` other. Only 91/92/93 are confirmed by the
 * reference; the rest of the table is from memory.
 */
export type UsccPrefix = '11' | '12' | '13' | '19' | '51' | '52' | '53' | '59' | '91' | '92' | '93' | 'Y1';

/** What is wrong with a code, most serious first. */
export type UsccProblem = 'format' | 'check_character' | 'organisation_code';

/** The parts of a well-formed code. */
export interface UsccParts {
  /** Position 1: registration department (登记管理部门代码), e.g. `9` market regulation. */
  registrationDept: string;
  /** Position 2: entity type (机构类别代码) within the department, e.g. `1` enterprise. */
  entityType: string;
  /** Positions 3–8: the registering authority's GB/T 2260 code at issuance (may be historical). */
  divisionCode: string;
  /** Positions 9–17: the entity identifier (GB 11714 organisation code, check character included). */
  organisationCode: string;
  /** Position 18. */
  checkChar: string;
}

/**
 * The outcome of {@link validateUscc}. `ok` means the format and the check character are both good.
 * `problem` names the most serious finding: `format` and `check_character` come with `ok: false`;
 * `organisation_code` (the embedded GB 11714 code fails its own check) is advisory and comes with `ok: true`.
 */
export type UsccResult =
  | { ok: false; problem: 'format'; code: string; parts: null; expectedCheckChar: null; organisationCodeValid: null }
  | {
      ok: false;
      problem: 'check_character';
      code: string;
      parts: UsccParts;
      expectedCheckChar: string;
      organisationCodeValid: boolean;
    }
  | {
      ok: true;
      problem: 'organisation_code' | null;
      code: string;
      parts: UsccParts;
      expectedCheckChar: string;
      organisationCodeValid: boolean;
    };

/**
 * Computes the USCC check character (position 18) from the first 17 characters.
 * Throws a `RangeError` if `first17` is not 17 well-formed characters (a programming error, not user input).
 */
export function computeUsccCheckChar(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) throw new RangeError(`Not 17 valid USCC characters: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  const value = (31 - (sum % 31)) % 31;
  return USCC_CHARSET.charAt(value);
}

/**
 * Computes the GB 11714 organisation-code check character from its 8 body characters (0–9, A–Z valued
 * 0–35): C9 = 11 − (Σ mod 11); 10 → `X`, 11 → `0`. Returns null if the body is not 8 such characters.
 */
export function computeOrganisationCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const value = 11 - (sum % 11);
  if (value === 10) return 'X';
  if (value === 11) return '0';
  return String(value);
}

/** Whether a 9-character organisation code (8 body characters + check character) passes GB 11714. */
export function isValidOrganisationCode(code9: string): boolean {
  return code9.length === 9 && computeOrganisationCheckChar(code9.slice(0, 8)) === code9.charAt(8);
}

/**
 * Validates a unified social credit code. The input is normalised first ({@link normaliseIdentifier}):
 * surrounding and inner spaces go, full-width characters become half-width, letters are upper-cased.
 * Never throws.
 */
export function validateUscc(input: string): UsccResult {
  const code = normaliseIdentifier(input);
  if (!USCC_PATTERN.test(code)) {
    return { ok: false, problem: 'format', code, parts: null, expectedCheckChar: null, organisationCodeValid: null };
  }
  const parts: UsccParts = {
    registrationDept: code.charAt(0),
    entityType: code.charAt(1),
    divisionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
    checkChar: code.charAt(17),
  };
  const expectedCheckChar = computeUsccCheckChar(code.slice(0, 17));
  const organisationCodeValid = isValidOrganisationCode(parts.organisationCode);
  if (expectedCheckChar !== parts.checkChar) {
    return { ok: false, problem: 'check_character', code, parts, expectedCheckChar, organisationCodeValid };
  }
  const problem = organisationCodeValid ? null : 'organisation_code';
  return { ok: true, problem, code, parts, expectedCheckChar, organisationCodeValid };
}

/** Largest sequence number {@link makeUscc} accepts: six base-31 digits. */
export const MAX_USCC_SEQUENCE = 31 ** 6 - 1;

/**
 * Builds a valid code deterministically from a sequence number, for demo and test data. The entity
 * identifier is `MA` + the sequence in base 31 over {@link USCC_CHARSET} (six characters) + its GB 11714 check
 * character, the shape of identifiers issued since 2015; the whole code then gets its USCC check character.
 * Throws a `RangeError` on a malformed division code or an out-of-range sequence.
 */
export function makeUscc(prefix: UsccPrefix, divisionCode: string, seq: number): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new RangeError(`Division code must be 6 digits: ${divisionCode}`);
  if (!Number.isSafeInteger(seq) || seq < 0 || seq > MAX_USCC_SEQUENCE) {
    throw new RangeError(`Sequence out of range 0..${MAX_USCC_SEQUENCE}: ${seq}`);
  }
  let digits = '';
  let rest = seq;
  for (let i = 0; i < 6; i++) {
    digits = USCC_CHARSET.charAt(rest % 31) + digits;
    rest = Math.floor(rest / 31);
  }
  const body = `MA${digits}`;
  // The body only uses USCC characters, all of which are 0–9/A–Z, so the check character always exists.
  const orgCheck = computeOrganisationCheckChar(body) ?? '0';
  const first17 = `${prefix}${divisionCode}${body}${orgCheck}`;
  return first17 + computeUsccCheckChar(first17);
}
