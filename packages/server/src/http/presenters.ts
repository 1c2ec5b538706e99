import {
  FLAG_MESSAGES,
  GRANTS,
  PERSON_ROLE_NAMES,
  ROLE_NAMES,
  SC_FOOD_CATEGORIES,
  daysUntil,
  findJurisdiction,
  type Actor,
  type FlagCode,
  type Locale,
} from '@shian/domain';
import type { EnterpriseRow, LicenceRow, PersonRow, PremisesRow, ProductRow, UserRow } from '@shian/core';

/** Presenters: the JSON shape of each record in the API, in one place, so no column leaks by accident. */
/** A jurisdiction's name; a street carries its district in front (黄浦区·南京东路街道), since street names repeat. */
export function jurisdictionName(code: string, locale: Locale): string {
  const node = findJurisdiction(code);
  if (!node) return code;
  const name = locale === 'zh-CN' ? node.nameZh : node.nameEn;
  if (node.level !== 'street' || !node.parentCode) return name;
  const district = findJurisdiction(node.parentCode);
  if (!district) return name;
  return locale === 'zh-CN' ? `${district.nameZh}·${name}` : `${name}, ${district.nameEn}`;
}

export function presentEnterprise(e: EnterpriseRow, locale: Locale) {
  return {
    id: e.id,
    uscc: e.uscc,
    usccCheckFailed: e.usccCheckFailed,
    needsReview: e.needsReview,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    kinds: e.kinds,
    jurisdictionCode: e.jurisdictionCode,
    jurisdictionName: jurisdictionName(e.jurisdictionCode, locale),
    address: e.address,
    phone: e.phone,
    status: e.status,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentFlags(flags: readonly FlagCode[], locale: Locale) {
  return flags.map((code) => ({ code, message: FLAG_MESSAGES[code][locale] }));
}

export function presentPremises(p: PremisesRow, locale: Locale) {
  return { id: p.id, name: p.name, address: p.address, kind: p.kind, gln: p.gln, jurisdictionCode: p.jurisdictionCode, jurisdictionName: jurisdictionName(p.jurisdictionCode, locale) };
}

export function presentLicence(l: LicenceRow, locale: Locale, today: string) {
  return {
    id: l.id,
    enterpriseId: l.enterpriseId,
    number: l.number,
    kind: l.kind,
    categories: l.categories,
    categoryNames: l.categories.map((c) => {
      const category = SC_FOOD_CATEGORIES.find((x) => x.code === c);
      return category ? category.name[locale] : c;
    }),
    issuingAuthority: l.issuingAuthority,
    issuedOn: l.issuedOn,
    validUntil: l.validUntil,
    status: l.status,
    expiresInDays: daysUntil(l.validUntil, today),
    version: l.version,
  };
}

export function presentProduct(p: ProductRow) {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    licenceId: p.licenceId,
    name: p.name,
    category: p.category,
    registrationNumber: p.registrationNumber,
    registrationKind: p.registrationKind,
    legacy: p.legacy,
    functions: p.functions,
    gtins: p.gtins,
    specification: p.specification,
    status: p.status,
    version: p.version,
  };
}

export function presentPerson(p: PersonRow, locale: Locale) {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    name: p.name,
    role: p.role,
    roleName: PERSON_ROLE_NAMES[p.role][locale],
    appointedOn: p.appointedOn,
    endedOn: p.endedOn,
    phone: p.phone,
    version: p.version,
  };
}

export function presentUser(user: UserRow, actor: Actor, locale: Locale, enterpriseName: string | null) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: actor.role,
    roleName: ROLE_NAMES[actor.role][locale],
    jurisdictionCode: user.jurisdictionCode,
    jurisdictionName: user.jurisdictionCode ? jurisdictionName(user.jurisdictionCode, locale) : null,
    enterpriseId: user.enterpriseId,
    enterpriseName,
    permissions: [...GRANTS[actor.role]],
  };
}
