/**
 * Chinese business names (企业名称 / 字号) for the demo city, built from word lists: a trade name (字号) of
 * two characters, an industry phrase and an organisational form, or a real retail chain with a branch
 * (分店) name. Producer, importer and brand names are invented; the retail chains are real Shanghai chains,
 * used as in the product's demo brief (their licences and people here are fictitious).
 */
import type { DistrictProfile } from './places.ts';
import type { Random } from './random.ts';

const TRADE_FIRST = [...'康健华恒瑞泰安和润永宏鑫盛嘉德信诚元源新益天金海东联汇昌达兴佳锦万百通博君仁达福祥凯优美尚颐乐众合聚远'] as const;
const TRADE_SECOND = [...'源泰康达盛华信通宇丰欣瑞宁诺正惠美禾邦峰创科然和林合润升晟杰铭辰越航晖朗奥宝颂维誉益嘉辉旭智'] as const;

/** A two-character trade name (字号) such as 康诺, 瑞禾; the characters never repeat. */
export function tradeName(random: Random): string {
  const first = random.pick(TRADE_FIRST);
  let second = random.pick(TRADE_SECOND);
  while (second === first) second = random.pick(TRADE_SECOND);
  return `${first}${second}`;
}

/** The retail formats of the demo sellers. */
export type ShopType = 'pharmacy' | 'supermarket' | 'maternal' | 'health_store';

interface Chain {
  name: string;
  /** A hypermarket or warehouse club: a large seller, which also needs a food-safety director (总监). */
  large: boolean;
}

const chain = (name: string, large = false): Chain => ({ name, large });

/** Real chains operating in Shanghai, by format. */
const CHAINS: Readonly<Record<ShopType, readonly Chain[]>> = {
  pharmacy: ['益丰大药房', '老百姓大药房', '国大药房', '华氏大药房', '第一医药商店', '雷允上药城', '童涵春堂', '养和堂', '海王星辰', '复美大药房', '蔡同德堂', '上药云健康大药房'].map((n) => chain(n)),
  supermarket: [
    ...['联华超市', '上海华联超市', '世纪联华', '农工商超市', '好德便利', '可的便利', '全家便利店', '罗森便利店', '快客便利', '喜士多便利店', '华润万家', '永辉超市'].map((n) => chain(n)),
    ...['家乐福', '大润发', '盒马鲜生', '麦德龙'].map((n) => chain(n, true)),
  ],
  maternal: ['孩子王', '爱婴室', '乐友孕婴童', '丽家宝贝', '贝贝熊孕婴童'].map((n) => chain(n)),
  health_store: ['同仁堂健康', '北京同仁堂', '康恩贝健康'].map((n) => chain(n)),
};

/** Share of each format's shops that belong to a chain. */
const CHAIN_SHARE: Readonly<Record<ShopType, number>> = { pharmacy: 0.7, supermarket: 0.65, maternal: 0.45, health_store: 0.15 };

const INDEPENDENT_FORMS: Readonly<Record<ShopType, readonly ((t: string, d: DistrictProfile) => string)[]>> = {
  pharmacy: [
    (t) => `上海${t}大药房有限公司`,
    (t, d) => `上海${d.short}${t}大药房`,
    (t) => `${t}堂大药房`,
    (t, d) => `上海市${d.node.nameZh}${t}药店`,
  ],
  supermarket: [
    (t) => `上海${t}超市有限公司`,
    (t) => `${t}便利店`,
    (t, d) => `上海市${d.node.nameZh}${t}食品超市`,
    (t) => `${t}生活超市`,
  ],
  maternal: [
    (t) => `上海${t}母婴用品有限公司`,
    (t) => `${t}母婴生活馆`,
    (t, d) => `上海市${d.node.nameZh}${t}母婴用品店`,
    (t) => `${t}孕婴童用品店`,
  ],
  health_store: [
    (t, d) => `上海市${d.node.nameZh}${t}保健品商行`,
    (t) => `${t}营养保健品店`,
    (t) => `上海${t}健康科技有限公司`,
    (t) => `${t}健康生活馆`,
    (t, d) => `上海${d.short}${t}保健食品经营部`,
  ],
};

const BRANCH_FORMS: readonly ((c: string, area: string, d: DistrictProfile) => string)[] = [
  (c, area) => `${c}(${area}店)`,
  (c, area, d) => `${c}${d.short}${area}店`,
  (c, area) => `${c}${area}店`,
  (c, area, d) => `${c}(${d.short}${area}店)`,
];

const ORDINALS = ['二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** A shop's name and whether it is a large seller. */
export interface ShopName {
  name: string;
  large: boolean;
}

/**
 * Keeps generated names unique: a name already used is drawn again (a few times), then numbered as a second,
 * third … branch, the way real registers disambiguate (张江二店).
 */
export class NameBook {
  readonly #used = new Set<string>();

  /** A name from `make` not used before; `numbered` turns a taken name and an ordinal into a fresh one. */
  unique(make: () => string, numbered: (name: string, ordinal: string) => string = (name, ordinal) => `${name}(${ordinal}部)`): string {
    let name = make();
    for (let attempt = 0; attempt < 10 && this.#used.has(name); attempt++) name = make();
    if (this.#used.has(name)) {
      const base = name;
      for (let i = 0; this.#used.has(name); i++) {
        name = numbered(base, ORDINALS[i] ?? String(i + 2));
      }
    }
    this.#used.add(name);
    return name;
  }
}

/** A shop name of the given format in a district, at a branch area (street or road name). */
export function shopName(random: Random, book: NameBook, type: ShopType, district: DistrictProfile, area: string): ShopName {
  if (random.chance(CHAIN_SHARE[type])) {
    const picked = random.pick(CHAINS[type]);
    const name = book.unique(
      () => random.pick(BRANCH_FORMS)(picked.name, area, district),
      (taken, ordinal) => taken.replace(/店(\)?)$/, `${ordinal}店$1`),
    );
    return { name, large: picked.large };
  }
  const forms = INDEPENDENT_FORMS[type];
  return { name: book.unique(() => random.pick(forms)(tradeName(random), district)), large: false };
}

/** Organisational names of the non-retail kinds, `{t}` being the trade name. */
export const COMPANY_FORMS = {
  healthFood: ['上海{t}生物科技有限公司', '上海{t}保健品有限公司', '上海{t}营养食品有限公司', '上海{t}健康产业有限公司', '上海{t}生物工程有限公司'],
  infantFormula: ['上海{t}乳业有限公司', '上海{t}乳品有限公司', '{t}(上海)营养品有限公司'],
  fsmp: ['上海{t}医学营养科技有限公司', '{t}(上海)医用营养品有限公司', '上海{t}特医食品有限公司'],
  importer: ['上海{t}国际贸易有限公司', '{t}(上海)进出口有限公司', '上海{t}跨境贸易有限公司', '上海{t}食品进出口有限公司'],
  platform: ['上海{t}电子商务有限公司', '上海{t}网络科技有限公司', '上海{t}信息技术有限公司'],
  onlineSeller: ['上海{t}电子商务有限公司', '上海{t}商贸有限公司', '上海{t}健康管理有限公司', '上海{t}贸易商行'],
  warehouse: ['上海{t}物流有限公司', '上海{t}供应链管理有限公司', '上海{t}仓储服务有限公司'],
} as const;

export type CompanyKind = keyof typeof COMPANY_FORMS;

/** A unique company name of the kind, e.g. 上海康诺生物科技有限公司. */
export function companyName(random: Random, book: NameBook, kind: CompanyKind): string {
  return book.unique(() => random.pick(COMPANY_FORMS[kind]).replace('{t}', tradeName(random)));
}

const BRAND_FIRST = [...'汇康元健优倍惠维纽安贝美力诺益善宝佳'] as const;
const BRAND_SECOND = [...'能健源康佳倍力诺宝乐美肽菲然素安澳'] as const;

/** A product brand (商标), two characters, distinct per call site's book: 倍诺, 康肽. */
export function brandName(random: Random, used: Set<string>): string {
  for (;;) {
    const first = random.pick(BRAND_FIRST);
    const second = random.pick(BRAND_SECOND);
    const brand = `${first}${second}`;
    if (first !== second && !used.has(brand)) {
      used.add(brand);
      return brand;
    }
  }
}
