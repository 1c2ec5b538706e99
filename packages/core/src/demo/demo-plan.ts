/**
 * The in-memory plan of the demo city: complete rows (every column, defaults included) built before anything
 * is written, so that the insert is a handful of multi-row statements and the audit snapshot of a row is
 * exactly the row stored. Also the allocators that keep identifiers unique: credit-code sequences, licence
 * and product-number sequences, GTIN company prefixes.
 */
import { randomUUID } from 'node:crypto';
import { defaultValidUntil, makeUscc, MAX_USCC_SEQUENCE, USCC_CHARSET, nameGrams, normaliseSearchText, type EnterpriseKind, type JurisdictionNode } from '@shian/domain';
import type { EnterpriseRow, LicenceRow, PersonRow, PremisesRow, ProductRow } from '../db/schema.ts';
import type { DistrictProfile } from './places.ts';
import type { Random } from './random.ts';
import { NameBook } from './trade-names.ts';

/** One enterprise of the plan with everything that belongs to it. */
export interface PlannedEnterprise {
  enterprise: EnterpriseRow;
  premises: PremisesRow[];
  licences: LicenceRow[];
  products: ProductRow[];
  people: PersonRow[];
}

/** Shared state of one plan: the reference date, the load's timestamp, and the uniqueness allocators. */
export interface PlanContext {
  /** The reference date (`YYYY-MM-DD`) every generated date is relative to. */
  asOf: string;
  /** The timestamp every row is created at. */
  now: Date;
  names: NameBook;
  /** A valid credit code registered in `divisionCode`, never the same entity identifier twice. */
  nextUscc(divisionCode: string): string;
  /** The next number of a sequence (`key`): starts at a random offset, then climbs by 1–`maxStep`. */
  nextSequence(key: string, random: Random, maxStep: number, start?: [number, number]): number;
  /** A GTIN-13 company prefix (厂商识别代码) of 8 digits, 690–699 + 5 digits, unique in the plan. */
  nextGtinPrefix(random: Random): string;
}

/** Entity identifiers step through the base-31 space by a stride coprime to it, so they look scattered. */
const USCC_STRIDE = 40_503_241;

export function createPlanContext(random: Random, asOf: string, now: Date): PlanContext {
  let usccIndex = 0;
  const usccOffset = random.int(0, MAX_USCC_SEQUENCE);
  const sequences = new Map<string, number>();
  const gtinPrefixes = new Set<string>();
  return {
    asOf,
    now,
    names: new NameBook(),
    nextUscc(divisionCode) {
      const seq = (usccOffset + usccIndex * USCC_STRIDE) % (MAX_USCC_SEQUENCE + 1);
      usccIndex += 1;
      return makeUscc('91', divisionCode, seq);
    },
    nextSequence(key, seqRandom, maxStep, start = [1, 200]) {
      const last = sequences.get(key);
      const value = last === undefined ? seqRandom.int(start[0], start[1]) : last + seqRandom.int(1, maxStep);
      sequences.set(key, value);
      return value;
    },
    nextGtinPrefix(prefixRandom) {
      for (;;) {
        const prefix = `69${prefixRandom.int(0, 9)}${String(prefixRandom.int(0, 99_999)).padStart(5, '0')}`;
        if (!gtinPrefixes.has(prefix)) {
          gtinPrefixes.add(prefix);
          return prefix;
        }
      }
    },
  };
}

export interface EnterpriseInput {
  name: string;
  legalRepresentative: string;
  kinds: EnterpriseKind[];
  district: DistrictProfile;
  street: JurisdictionNode;
  address: string;
  phone: string | null;
  /** The division code inside the credit code: the registering authority's (district, city or a retired one). */
  usccDivision: string;
}

/** An enterprise with its registered premises (住所), same address and jurisdiction. */
export function planEnterprise(ctx: PlanContext, input: EnterpriseInput): PlannedEnterprise {
  const id = randomUUID();
  const enterprise: EnterpriseRow = {
    id,
    uscc: ctx.nextUscc(input.usccDivision),
    usccCheckFailed: false,
    needsReview: false,
    name: input.name,
    legalRepresentative: input.legalRepresentative,
    kinds: input.kinds,
    jurisdictionCode: input.street.code,
    address: input.address,
    phone: input.phone,
    status: 'active',
    searchName: '',
    searchGrams: [],
    searchKeys: [],
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const planned: PlannedEnterprise = { enterprise, premises: [], licences: [], products: [], people: [] };
  addPremises(ctx, planned, 'registered', input.address);
  return planned;
}

export function addPremises(ctx: PlanContext, planned: PlannedEnterprise, kind: PremisesRow['kind'], address: string, name = planned.enterprise.name): PremisesRow {
  const row: PremisesRow = {
    id: randomUUID(),
    enterpriseId: planned.enterprise.id,
    name,
    address,
    kind,
    gln: null,
    jurisdictionCode: planned.enterprise.jurisdictionCode,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  planned.premises.push(row);
  return row;
}

export interface LicenceInput {
  number: string;
  kind: LicenceRow['kind'];
  categories: string[];
  issuingAuthority: string;
  issuedOn: string;
  premisesId: string | null;
}

/** A valid licence; it runs five years from issue (食品生产/经营许可 validity). */
export function addLicence(ctx: PlanContext, planned: PlannedEnterprise, input: LicenceInput): LicenceRow {
  const row: LicenceRow = {
    id: randomUUID(),
    enterpriseId: planned.enterprise.id,
    premisesId: input.premisesId,
    number: input.number,
    kind: input.kind,
    categories: input.categories,
    issuingAuthority: input.issuingAuthority,
    issuedOn: input.issuedOn,
    validUntil: defaultValidUntil(input.issuedOn),
    status: 'valid',
    ...ownedRowStamp(ctx, planned),
  };
  planned.licences.push(row);
  return row;
}

/** The columns every row owned by an enterprise shares: its jurisdiction, first version, creation time. */
export function ownedRowStamp(ctx: PlanContext, planned: PlannedEnterprise) {
  return { jurisdictionCode: planned.enterprise.jurisdictionCode, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
}

export function addPerson(
  ctx: PlanContext,
  planned: PlannedEnterprise,
  input: { name: string; role: PersonRow['role']; appointedOn: string; endedOn?: string | null; phone: string | null },
): PersonRow {
  const row: PersonRow = {
    id: randomUUID(),
    enterpriseId: planned.enterprise.id,
    name: input.name,
    role: input.role,
    appointedOn: input.appointedOn,
    endedOn: input.endedOn ?? null,
    phone: input.phone,
    ...ownedRowStamp(ctx, planned),
  };
  planned.people.push(row);
  return row;
}

/**
 * Stores a deliberately wrong check character (the next character of the set), the way a mistyped or
 * legacy code arrives; such a code is kept but flagged for review, as the registry does on import.
 */
export function breakUsccCheck(planned: PlannedEnterprise): void {
  const { uscc } = planned.enterprise;
  const wrong = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(uscc.charAt(17)) + 1) % USCC_CHARSET.length);
  planned.enterprise.uscc = `${uscc.slice(0, 17)}${wrong}`;
  planned.enterprise.usccCheckFailed = true;
  planned.enterprise.needsReview = true;
}

/** Fills the search columns the way `refreshSearchIndex` does: name, name grams, identifiers as stored. */
export function finaliseSearch(planned: PlannedEnterprise): void {
  const { enterprise } = planned;
  const keys = new Set<string>([enterprise.uscc]);
  for (const licence of planned.licences) keys.add(licence.number);
  for (const product of planned.products) {
    keys.add(product.registrationNumber);
    for (const gtin of product.gtins) keys.add(gtin);
  }
  enterprise.searchName = normaliseSearchText(enterprise.name);
  enterprise.searchGrams = nameGrams(enterprise.name);
  enterprise.searchKeys = [...keys];
}
