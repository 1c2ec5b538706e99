import type { Localised } from '../i18n/locale.ts';
import { LICENCE_EXPIRY_NOTICE_DAYS, PRODUCT_LICENCE_CATEGORY, type ProductCategory } from './vocabulary.ts';

/** Things about an enterprise's dossier that a regulator should look at. Derived, never stored. */
export const FLAG_CODES = [
  'uscc_unconfirmed',
  'no_food_safety_director',
  'licence_expiring',
  'licence_expired',
  'product_licence_mismatch',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const FLAG_MESSAGES: Record<FlagCode, Localised> = {
  uscc_unconfirmed: { 'zh-CN': '统一社会信用代码校验未通过，待人工复核', 'en-US': 'Credit code failed its check; awaiting review' },
  no_food_safety_director: {
    'zh-CN': '特殊食品生产企业未配备食品安全总监',
    'en-US': 'Special-food producer without a food safety director',
  },
  licence_expiring: { 'zh-CN': '许可证将在 90 天内到期', 'en-US': 'A licence expires within 90 days' },
  licence_expired: { 'zh-CN': '许可证已过期', 'en-US': 'A licence has expired' },
  product_licence_mismatch: { 'zh-CN': '产品类型与生产许可类别不符', 'en-US': 'A product does not match its licence category' },
};

export interface DossierFacts {
  kinds: readonly string[];
  usccCheckFailed: boolean;
  licences: readonly { id: string; kind: string; categories: readonly string[]; validUntil: string; status: string }[];
  products: readonly { category: ProductCategory; licenceId: string | null }[];
  people: readonly { role: string; endedOn: string | null }[];
}

/** Days from `today` to `date` (both `YYYY-MM-DD`); negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

const SPECIAL_FOOD_CATEGORIES = new Set(Object.values(PRODUCT_LICENCE_CATEGORY));

/** A producer holding an SC licence for a special-food category (127/128/129) or making special-food products. */
export function isSpecialFoodProducer(facts: Pick<DossierFacts, 'kinds' | 'licences' | 'products'>): boolean {
  if (!facts.kinds.includes('producer')) return false;
  const licensed = facts.licences.some((l) => l.kind === 'SC' && l.status === 'valid' && l.categories.some((c) => SPECIAL_FOOD_CATEGORIES.has(c)));
  return licensed || facts.products.length > 0;
}

/** The flags of a dossier on `today`, each at most once. */
export function dossierFlags(facts: DossierFacts, today: string): FlagCode[] {
  const flags = new Set<FlagCode>();
  if (facts.usccCheckFailed) flags.add('uscc_unconfirmed');
  const hasDirector = facts.people.some((p) => p.role === 'food_safety_director' && (p.endedOn === null || p.endedOn >= today));
  if (isSpecialFoodProducer(facts) && !hasDirector) flags.add('no_food_safety_director');
  for (const licence of facts.licences) {
    if (licence.status !== 'valid') continue;
    const days = daysUntil(licence.validUntil, today);
    if (days < 0) flags.add('licence_expired');
    else if (days <= LICENCE_EXPIRY_NOTICE_DAYS) flags.add('licence_expiring');
  }
  const byId = new Map(facts.licences.map((l) => [l.id, l]));
  for (const product of facts.products) {
    const licence = product.licenceId ? byId.get(product.licenceId) : undefined;
    if (licence && !licence.categories.includes(PRODUCT_LICENCE_CATEGORY[product.category])) flags.add('product_licence_mismatch');
  }
  return FLAG_CODES.filter((code) => flags.has(code));
}
