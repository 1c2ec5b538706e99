/**
 * Food licence numbers.
 *
 * - Food production licence (食品生产许可证, SC): `SC` + 3-digit food category + 6-digit GB/T 2260 division
 *   + 4-digit sequence + 1 check digit (食品生产许可管理办法 2015 §29).
 * - Food business licence (食品经营许可证, JY): `JY` + 1-digit business type (主体业态) + 6-digit division
 *   + 6-digit sequence + 1 check digit (食品经营许可管理办法 2015 §24).
 *
 * The check-digit algorithms are not published, so they are never enforced: verify a number against the
 * SAMR licence database instead. The division code is the issuing authority's at issuance and may be a
 * historical Shanghai district (310103 卢湾, 310108 闸北, 310119 南汇, 310230 崇明县) or any other province's.
 */
import { isKnownShanghaiDivision, PROVINCE_CODES } from '../jurisdiction/shanghai.ts';
import { computeGtinCheckDigit } from './gtin.ts';
import { normaliseIdentifier } from './normalise.ts';
import type { Localised } from '../i18n/locale.ts';

/** One SC food category (食品类别). `confirmed` says whether a source for the code–name pair was found. */
export interface ScFoodCategory {
  code: string;
  name: Localised;
  confirmed: boolean;
}

/**
 * SC category codes: digit 1 is `1` food or `2` food additive; digits 2–3 number the categories in the order
 * of the 食品生产许可分类目录 (CFDA 公告2015年第198号 guidance; the 2016 list).
 * Confirmed: 101, 127–131 and 201–203 (reference §7.2, secondary sources); 102–113 (public reprints of the
 * category list seen here). Not confirmed (order recalled; the older QS list seen here has the same order
 * for most of them): 114–126, 121 in particular.
 */
export const SC_FOOD_CATEGORIES = [
  { code: '101', name: { 'zh-CN': '粮食加工品', 'en-US': 'Grain products' }, confirmed: true },
  { code: '102', name: { 'zh-CN': '食用油、油脂及其制品', 'en-US': 'Edible oils, fats and their products' }, confirmed: true },
  { code: '103', name: { 'zh-CN': '调味品', 'en-US': 'Condiments' }, confirmed: true },
  { code: '104', name: { 'zh-CN': '肉制品', 'en-US': 'Meat products' }, confirmed: true },
  { code: '105', name: { 'zh-CN': '乳制品', 'en-US': 'Dairy products' }, confirmed: true },
  { code: '106', name: { 'zh-CN': '饮料', 'en-US': 'Beverages' }, confirmed: true },
  { code: '107', name: { 'zh-CN': '方便食品', 'en-US': 'Convenience foods' }, confirmed: true },
  { code: '108', name: { 'zh-CN': '饼干', 'en-US': 'Biscuits' }, confirmed: true },
  { code: '109', name: { 'zh-CN': '罐头', 'en-US': 'Canned foods' }, confirmed: true },
  { code: '110', name: { 'zh-CN': '冷冻饮品', 'en-US': 'Frozen drinks and desserts' }, confirmed: true },
  { code: '111', name: { 'zh-CN': '速冻食品', 'en-US': 'Quick-frozen foods' }, confirmed: true },
  { code: '112', name: { 'zh-CN': '薯类和膨化食品', 'en-US': 'Potato and puffed foods' }, confirmed: true },
  { code: '113', name: { 'zh-CN': '糖果制品', 'en-US': 'Confectionery' }, confirmed: true },
  { code: '114', name: { 'zh-CN': '茶叶及相关制品', 'en-US': 'Tea and related products' }, confirmed: false },
  { code: '115', name: { 'zh-CN': '酒类', 'en-US': 'Alcoholic drinks' }, confirmed: false },
  { code: '116', name: { 'zh-CN': '蔬菜制品', 'en-US': 'Vegetable products' }, confirmed: false },
  { code: '117', name: { 'zh-CN': '水果制品', 'en-US': 'Fruit products' }, confirmed: false },
  { code: '118', name: { 'zh-CN': '炒货食品及坚果制品', 'en-US': 'Roasted seeds and nut products' }, confirmed: false },
  { code: '119', name: { 'zh-CN': '蛋制品', 'en-US': 'Egg products' }, confirmed: false },
  { code: '120', name: { 'zh-CN': '可可及焙烤咖啡产品', 'en-US': 'Cocoa and roasted coffee products' }, confirmed: false },
  { code: '121', name: { 'zh-CN': '食糖', 'en-US': 'Sugar' }, confirmed: false },
  { code: '122', name: { 'zh-CN': '水产制品', 'en-US': 'Aquatic products' }, confirmed: false },
  { code: '123', name: { 'zh-CN': '淀粉及淀粉制品', 'en-US': 'Starch and starch products' }, confirmed: false },
  { code: '124', name: { 'zh-CN': '糕点', 'en-US': 'Pastries' }, confirmed: false },
  { code: '125', name: { 'zh-CN': '豆制品', 'en-US': 'Soy products' }, confirmed: false },
  { code: '126', name: { 'zh-CN': '蜂产品', 'en-US': 'Bee products' }, confirmed: false },
  { code: '127', name: { 'zh-CN': '保健食品', 'en-US': 'Health food' }, confirmed: true },
  { code: '128', name: { 'zh-CN': '特殊医学用途配方食品', 'en-US': 'Food for special medical purposes' }, confirmed: true },
  { code: '129', name: { 'zh-CN': '婴幼儿配方食品', 'en-US': 'Infant formula foods' }, confirmed: true },
  { code: '130', name: { 'zh-CN': '特殊膳食食品', 'en-US': 'Foods for special dietary uses' }, confirmed: true },
  { code: '131', name: { 'zh-CN': '其他食品', 'en-US': 'Other foods' }, confirmed: true },
  { code: '201', name: { 'zh-CN': '食品添加剂', 'en-US': 'Food additives' }, confirmed: true },
  { code: '202', name: { 'zh-CN': '食品用香精', 'en-US': 'Food flavourings' }, confirmed: true },
  { code: '203', name: { 'zh-CN': '复配食品添加剂', 'en-US': 'Compound food additives' }, confirmed: true },
] as const satisfies readonly ScFoodCategory[];

/** A known SC category code. */
export type ScCategoryCode = (typeof SC_FOOD_CATEGORIES)[number]['code'];

/** JY business types (主体业态): 1 food seller (食品销售经营者), 2 catering (餐饮服务经营者), 3 canteen (单位食堂). */
export const JY_BUSINESS_TYPES = {
  1: { 'zh-CN': '食品销售经营者', 'en-US': 'Food seller' },
  2: { 'zh-CN': '餐饮服务经营者', 'en-US': 'Catering service' },
  3: { 'zh-CN': '单位食堂', 'en-US': 'Institutional canteen' },
} as const satisfies Record<number, Localised>;

/** A JY business type digit. The meaning of the digits is from memory ([R] in the reference). */
export type JyBusinessType = keyof typeof JY_BUSINESS_TYPES;

/** What is wrong with a licence number. */
export type LicenceProblem = 'format' | 'category' | 'division_code';

/** A parsed licence number, or the problem found. `number` is the normalised input. */
export type LicenceNumberResult =
  | {
      ok: true;
      kind: 'SC';
      number: string;
      categoryCode: ScCategoryCode;
      divisionCode: string;
      sequence: string;
      checkDigit: string;
    }
  | {
      ok: true;
      kind: 'JY';
      number: string;
      businessType: JyBusinessType;
      divisionCode: string;
      sequence: string;
      checkDigit: string;
    }
  | { ok: false; problem: LicenceProblem; number: string };

const SC_PATTERN = /^SC([12]\d{2})(\d{6})(\d{4})(\d)$/;
const JY_PATTERN = /^JY([1-3])(\d{6})(\d{6})(\d)$/;
const CATEGORY_CODES: ReadonlySet<string> = new Set(SC_FOOD_CATEGORIES.map((category) => category.code));

function isScCategoryCode(code: string): code is ScCategoryCode {
  return CATEGORY_CODES.has(code);
}

function isJyBusinessType(digit: number): digit is JyBusinessType {
  return digit === 1 || digit === 2 || digit === 3;
}

/**
 * Whether a 6-digit division code may appear in a licence number: a Shanghai code must be the city, a
 * current district or a historical one; another province's code is accepted as long as its province
 * digits are a GB/T 2260 province (licences issued elsewhere).
 */
export function isAcceptableLicenceDivision(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = code.slice(0, 2);
  if (province === '31') return isKnownShanghaiDivision(code);
  return PROVINCE_CODES.includes(province);
}

/** Parses an SC or JY licence number (normalised first). The check digit is returned, never verified. */
export function parseLicenceNumber(input: string): LicenceNumberResult {
  const number = normaliseIdentifier(input);
  const sc = SC_PATTERN.exec(number);
  if (sc) {
    const [, categoryCode = '', divisionCode = '', sequence = '', checkDigit = ''] = sc;
    if (!isScCategoryCode(categoryCode)) return { ok: false, problem: 'category', number };
    if (!isAcceptableLicenceDivision(divisionCode)) return { ok: false, problem: 'division_code', number };
    return { ok: true, kind: 'SC', number, categoryCode, divisionCode, sequence, checkDigit };
  }
  const jy = JY_PATTERN.exec(number);
  if (jy) {
    const [, typeDigit = '', divisionCode = '', sequence = '', checkDigit = ''] = jy;
    const businessType = Number(typeDigit);
    if (!isJyBusinessType(businessType)) return { ok: false, problem: 'format', number };
    if (!isAcceptableLicenceDivision(divisionCode)) return { ok: false, problem: 'division_code', number };
    return { ok: true, kind: 'JY', number, businessType, divisionCode, sequence, checkDigit };
  }
  return { ok: false, problem: 'format', number };
}

/**
 * A placeholder check digit for generated numbers: the GS1 mod-10 digit over the 13 digits before it. The
 * real algorithm is unpublished; {@link parseLicenceNumber} does not check it either way.
 */
function placeholderCheckDigit(digits13: string): string {
  return String(computeGtinCheckDigit(digits13));
}

function assertDivision(divisionCode: string): void {
  if (!isAcceptableLicenceDivision(divisionCode)) throw new RangeError(`Unacceptable division code: ${divisionCode}`);
}

function assertSequence(seq: number, max: number): void {
  if (!Number.isSafeInteger(seq) || seq < 0 || seq > max) throw new RangeError(`Sequence out of range 0..${max}: ${seq}`);
}

/**
 * Builds a well-formed SC number for demo data, e.g. `makeScNumber('127', '310115', 42)`.
 * Throws a `RangeError` on an unacceptable division code or a sequence outside 0–9999.
 */
export function makeScNumber(category: ScCategoryCode, divisionCode: string, seq: number): string {
  assertDivision(divisionCode);
  assertSequence(seq, 9999);
  const digits = `${category}${divisionCode}${String(seq).padStart(4, '0')}`;
  return `SC${digits}${placeholderCheckDigit(digits)}`;
}

/**
 * Builds a well-formed JY number for demo data, e.g. `makeJyNumber(1, '310101', 7)`.
 * Throws a `RangeError` on an unacceptable division code or a sequence outside 0–999999.
 */
export function makeJyNumber(businessType: JyBusinessType, divisionCode: string, seq: number): string {
  assertDivision(divisionCode);
  assertSequence(seq, 999_999);
  const digits = `${businessType}${divisionCode}${String(seq).padStart(6, '0')}`;
  return `JY${digits}${placeholderCheckDigit(digits)}`;
}
