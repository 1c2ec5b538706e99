import type { Localised } from '../i18n/locale.ts';

/** Kinds of regulated business an enterprise may be (several at once). */
export const ENTERPRISE_KINDS = ['producer', 'seller', 'importer', 'e_commerce_platform', 'online_seller', 'warehouse'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

export const ENTERPRISE_KIND_NAMES: Record<EnterpriseKind, Localised> = {
  producer: { 'zh-CN': '生产企业', 'en-US': 'Producer' },
  seller: { 'zh-CN': '销售者', 'en-US': 'Seller' },
  importer: { 'zh-CN': '进口商', 'en-US': 'Importer' },
  e_commerce_platform: { 'zh-CN': '电商平台', 'en-US': 'E-commerce platform' },
  online_seller: { 'zh-CN': '网络销售者', 'en-US': 'Online seller' },
  warehouse: { 'zh-CN': '贮存运输', 'en-US': 'Storage and transport' },
};

export const ENTERPRISE_STATUSES = ['active', 'suspended', 'closed'] as const;

/** Special-food product categories (特殊食品). */
export const PRODUCT_CATEGORIES = ['health_food', 'infant_formula', 'fsmp'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_CATEGORY_NAMES: Record<ProductCategory, Localised> = {
  health_food: { 'zh-CN': '保健食品', 'en-US': 'Health food' },
  infant_formula: { 'zh-CN': '婴幼儿配方乳粉', 'en-US': 'Infant formula' },
  fsmp: { 'zh-CN': '特殊医学用途配方食品', 'en-US': 'Food for special medical purposes' },
};

/** The SC licence category a product of each category is made under (食品生产许可分类). */
export const PRODUCT_LICENCE_CATEGORY: Record<ProductCategory, string> = {
  health_food: '127',
  fsmp: '128',
  infant_formula: '129',
};

export const LICENCE_KINDS = ['SC', 'JY'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
export const LICENCE_STATUSES = ['valid', 'suspended', 'revoked', 'cancelled'] as const;

/** Business items of a JY licence relevant here (特殊食品销售 sub-items). */
export const JY_SPECIAL_FOOD_ITEMS = ['health_food_sales', 'fsmp_sales', 'infant_formula_milk_sales', 'other_infant_formula_sales'] as const;

export const PERSON_ROLES = ['food_safety_director', 'food_safety_officer', 'quality_authorised_person'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_NAMES: Record<PersonRole, Localised> = {
  food_safety_director: { 'zh-CN': '食品安全总监', 'en-US': 'Food safety director' },
  food_safety_officer: { 'zh-CN': '食品安全员', 'en-US': 'Food safety officer' },
  quality_authorised_person: { 'zh-CN': '质量安全受权人', 'en-US': 'Quality authorised person' },
};

export const PREMISES_KINDS = ['registered', 'production', 'business', 'warehouse'] as const;

/** A licence is valid for 5 years (食品生产许可管理办法 2015 §24; 食品经营许可管理办法). Data, so a change of law is one edit. */
export const LICENCE_VALIDITY_YEARS = 5;
/** Expiry shows up this many days ahead. */
export const LICENCE_EXPIRY_NOTICE_DAYS = 90;

/** The last day of a licence issued on `issuedOn` (YYYY-MM-DD): LICENCE_VALIDITY_YEARS later, less one day. */
export function defaultValidUntil(issuedOn: string): string {
  const [year = 0, month = 1, day = 1] = issuedOn.split('-').map(Number);
  // Date.UTC rolls 29 February over to 1 March in a common year, so the day before is 28 February.
  return new Date(Date.UTC(year + LICENCE_VALIDITY_YEARS, month - 1, day) - 86_400_000).toISOString().slice(0, 10);
}
