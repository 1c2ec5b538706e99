/**
 * Permitted health-function claims (保健功能声称) of health food (保健食品), as versioned data.
 *
 * The current list is 《允许保健食品声称的保健功能目录 非营养素补充剂（2023年版）》 (SAMR, NHC and NATCM,
 * announced 2023-08-31): 24 functions. Items 1–18 are confirmed verbatim (reference §8.2, from the SAMR
 * notice as reprinted by 广州市市场监管局 on 2023-09-26); items 19–24 agree with the official mapping table
 * but their exact wording is not confirmed. The old list of 27 (卫生部 2003) is kept as a legacy-to-current
 * mapping: three functions were removed, and products already registered or filed must conform within 5 years.
 * English texts are working translations, not official ones.
 */
import type { Localised } from '../i18n/locale.ts';

/** One permitted function of the current list. */
export interface HealthFunctionClaim {
  /** Stable key, `HF01`–`HF24`, in the order of the 2023 list. */
  code: string;
  name: Localised;
  /** Whether the Chinese wording is confirmed verbatim. */
  confirmed: boolean;
}

/** A versioned list of items. */
export interface VersionedList<T> {
  version: string;
  source: string;
  items: readonly T[];
}

const claim = (n: number, zh: string, en: string): HealthFunctionClaim => ({
  code: `HF${String(n).padStart(2, '0')}`,
  name: { 'zh-CN': zh, 'en-US': en },
  confirmed: n <= 18,
});

/** The 24 functions a non-nutrient-supplement health food may claim (2023 edition). */
export const HEALTH_FUNCTION_CLAIMS: VersionedList<HealthFunctionClaim> = {
  version: '2023',
  source: '允许保健食品声称的保健功能目录 非营养素补充剂（2023年版）, SAMR/NHC/NATCM announcement of 2023-08-31',
  items: [
    claim(1, '有助于增强免疫力', 'Helps strengthen immunity'),
    claim(2, '有助于抗氧化', 'Helps antioxidation'),
    claim(3, '辅助改善记忆', 'Aids memory'),
    claim(4, '缓解视觉疲劳', 'Relieves visual fatigue'),
    claim(5, '清咽润喉', 'Soothes the throat'),
    claim(6, '有助于改善睡眠', 'Helps improve sleep'),
    claim(7, '缓解体力疲劳', 'Relieves physical fatigue'),
    claim(8, '耐缺氧', 'Tolerance of hypoxia'),
    claim(9, '有助于控制体内脂肪', 'Helps control body fat'),
    claim(10, '有助于改善骨密度', 'Helps improve bone density'),
    claim(11, '改善缺铁性贫血', 'Improves iron-deficiency anaemia'),
    claim(12, '有助于改善痤疮', 'Helps improve acne'),
    claim(13, '有助于改善黄褐斑', 'Helps improve chloasma'),
    claim(14, '有助于改善皮肤水份状况', 'Helps improve skin moisture'),
    claim(15, '有助于调节肠道菌群', 'Helps regulate gut flora'),
    claim(16, '有助于消化', 'Aids digestion'),
    claim(17, '有助于润肠通便', 'Helps bowel movement'),
    claim(18, '辅助保护胃黏膜', 'Helps protect the gastric mucosa'),
    claim(19, '有助于维持血脂（胆固醇/甘油三酯）健康水平', 'Helps maintain healthy blood lipids (cholesterol/triglycerides)'),
    claim(20, '有助于维持血糖健康水平', 'Helps maintain healthy blood sugar'),
    claim(21, '有助于维持血压健康水平', 'Helps maintain healthy blood pressure'),
    claim(22, '对化学性肝损伤有辅助保护作用', 'Helps protect against chemical liver injury'),
    claim(23, '对电离辐射危害有辅助保护作用', 'Helps protect against ionising radiation'),
    claim(24, '有助于排铅', 'Helps lead excretion'),
  ],
};

/** One function of the old list and what became of it: the current code, or null when it was removed. */
export interface LegacyHealthFunction {
  name: Localised;
  currentCode: string | null;
}

const legacy = (zh: string, en: string, current: number | null): LegacyHealthFunction => ({
  name: { 'zh-CN': zh, 'en-US': en },
  currentCode: current === null ? null : `HF${String(current).padStart(2, '0')}`,
});

/** The old list of 27 functions (卫生部 2003) with the legacy-to-current mapping. */
export const LEGACY_HEALTH_FUNCTIONS: VersionedList<LegacyHealthFunction> & {
  /** Under the old regime a product could claim at most this many functions. */
  maxClaimsPerProduct: number;
  /** Years registered or filed products have to conform to the 2023 list. */
  transitionYears: number;
} = {
  version: '2003',
  source: '卫生部 2003 list of 27 permitted functions; mapping per the table published with the 2023 list',
  maxClaimsPerProduct: 2,
  transitionYears: 5,
  items: [
    legacy('增强免疫力', 'Strengthens immunity', 1),
    legacy('辅助降血脂', 'Aids lowering blood lipids', 19),
    legacy('辅助降血糖', 'Aids lowering blood sugar', 20),
    legacy('抗氧化', 'Antioxidation', 2),
    legacy('辅助改善记忆', 'Aids memory', 3),
    legacy('缓解视疲劳', 'Relieves eye strain', 4),
    legacy('促进排铅', 'Promotes lead excretion', 24),
    legacy('清咽', 'Clears the throat', 5),
    legacy('辅助降血压', 'Aids lowering blood pressure', 21),
    legacy('改善睡眠', 'Improves sleep', 6),
    legacy('促进泌乳', 'Promotes lactation', null),
    legacy('缓解体力疲劳', 'Relieves physical fatigue', 7),
    legacy('提高缺氧耐受力', 'Raises tolerance of hypoxia', 8),
    legacy('对辐射危害有辅助保护功能', 'Helps protect against radiation', 23),
    legacy('减肥', 'Weight loss', 9),
    legacy('改善生长发育', 'Improves growth and development', null),
    legacy('增加骨密度', 'Increases bone density', 10),
    legacy('改善营养性贫血', 'Improves nutritional anaemia', 11),
    legacy('对化学性肝损伤有辅助保护功能', 'Helps protect against chemical liver injury', 22),
    legacy('祛痤疮', 'Removes acne', 12),
    legacy('祛黄褐斑', 'Removes chloasma', 13),
    legacy('改善皮肤水份', 'Improves skin moisture', 14),
    legacy('改善皮肤油份', 'Improves skin oil', null),
    legacy('调节肠道菌群', 'Regulates gut flora', 15),
    legacy('促进消化', 'Promotes digestion', 16),
    legacy('通便', 'Relieves constipation', 17),
    legacy('对胃粘膜损伤有辅助保护功能', 'Helps protect against gastric mucosa damage', 18),
  ],
};

/** The current claim a legacy function maps to, or null when it was removed (or is unknown). */
export function currentClaimForLegacy(legacyNameZh: string): HealthFunctionClaim | null {
  const entry = LEGACY_HEALTH_FUNCTIONS.items.find((item) => item.name['zh-CN'] === legacyNameZh);
  if (!entry || entry.currentCode === null) return null;
  return HEALTH_FUNCTION_CLAIMS.items.find((item) => item.code === entry.currentCode) ?? null;
}

/**
 * The claim of nutrient supplements (营养素补充剂, filing route): supplementing vitamins and minerals, with
 * set wording per nutrient ("补充" + nutrient) in the 2023 edition. [S] in the reference; the nutrient list
 * below is the reference's and is not exhaustive.
 */
export const NUTRIENT_SUPPLEMENT_CLAIM = {
  version: '2023',
  source: '允许保健食品声称的保健功能目录 营养素补充剂（2023年版）',
  confirmed: false,
  name: { 'zh-CN': '补充维生素、矿物质', 'en-US': 'Supplements vitamins and minerals' },
  nutrients: [
    { 'zh-CN': '钙', 'en-US': 'Calcium' },
    { 'zh-CN': '镁', 'en-US': 'Magnesium' },
    { 'zh-CN': '钾', 'en-US': 'Potassium' },
    { 'zh-CN': '锰', 'en-US': 'Manganese' },
    { 'zh-CN': '铁', 'en-US': 'Iron' },
    { 'zh-CN': '锌', 'en-US': 'Zinc' },
    { 'zh-CN': '硒', 'en-US': 'Selenium' },
    { 'zh-CN': '铜', 'en-US': 'Copper' },
    { 'zh-CN': '维生素A', 'en-US': 'Vitamin A' },
    { 'zh-CN': '维生素D', 'en-US': 'Vitamin D' },
    { 'zh-CN': '维生素B1', 'en-US': 'Vitamin B1' },
    { 'zh-CN': '维生素B2', 'en-US': 'Vitamin B2' },
    { 'zh-CN': '维生素B6', 'en-US': 'Vitamin B6' },
    { 'zh-CN': '维生素B12', 'en-US': 'Vitamin B12' },
    { 'zh-CN': '烟酸', 'en-US': 'Niacin' },
    { 'zh-CN': '叶酸', 'en-US': 'Folate' },
    { 'zh-CN': '生物素', 'en-US': 'Biotin' },
    { 'zh-CN': '胆碱', 'en-US': 'Choline' },
    { 'zh-CN': '维生素C', 'en-US': 'Vitamin C' },
    { 'zh-CN': '泛酸', 'en-US': 'Pantothenic acid' },
    { 'zh-CN': '维生素E', 'en-US': 'Vitamin E' },
    { 'zh-CN': 'n-3多不饱和脂肪酸', 'en-US': 'n-3 polyunsaturated fatty acids' },
  ] satisfies readonly Localised[],
} as const;
