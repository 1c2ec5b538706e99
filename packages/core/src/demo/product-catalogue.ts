/**
 * What the demo producers make: health foods (保健食品) whose claims fit their ingredients, infant-formula
 * series (婴幼儿配方乳粉, three stages each) and foods for special medical purposes (特医食品). Product names
 * take the brand in front (品牌名 + 通用名), as labels do: 倍诺牌辅酶Q10软胶囊.
 */
import { HEALTH_FUNCTION_CLAIMS, NUTRIENT_SUPPLEMENT_CLAIM } from '@shian/domain';

/** One kind of health food: the registration route claims functions, the filing route supplements nutrients. */
export interface HealthFoodTemplate {
  name: string;
  route: 'registration' | 'filing';
  /** 1–2 claims are drawn from these (2023 list codes, HF01–HF24). Empty for the filing route. */
  claims: readonly string[];
  /** Unit specification (规格): 0.5g/粒. */
  unit: string;
  /** Package sizes; each size sold gets its own GTIN. */
  packs: readonly string[];
}

const reg = (name: string, claims: readonly number[], unit: string, packs: string): HealthFoodTemplate => ({
  name,
  route: 'registration',
  claims: claims.map((n) => `HF${String(n).padStart(2, '0')}`),
  unit,
  packs: packs.split(' '),
});

const filing = (name: string, unit: string, packs: string): HealthFoodTemplate => ({ name, route: 'filing', claims: [], unit, packs: packs.split(' ') });

export const HEALTH_FOOD_TEMPLATES: readonly HealthFoodTemplate[] = [
  reg('辅酶Q10软胶囊', [2], '0.5g/粒', '60粒/瓶 100粒/瓶 30粒/盒'),
  reg('鱼油软胶囊', [19], '1.0g/粒', '100粒/瓶 200粒/瓶 60粒/瓶'),
  reg('蛋白质粉', [1], '400g/罐', '1罐/盒 2罐/礼盒'),
  reg('灵芝孢子粉胶囊', [1, 23], '0.3g/粒', '60粒/瓶 90粒/盒'),
  reg('褪黑素维生素B6片', [6], '0.3g/片', '60片/瓶 30片/瓶'),
  reg('越橘叶黄素酯软胶囊', [4], '0.5g/粒', '60粒/瓶 90粒/瓶'),
  reg('葡萄籽提取物胶囊', [2, 13], '0.4g/粒', '60粒/瓶 100粒/瓶'),
  reg('西洋参胶囊', [1, 7], '0.5g/粒', '60粒/瓶 24粒/盒'),
  reg('氨糖软骨素钙片', [10], '1.0g/片', '100片/瓶 150片/瓶'),
  reg('益生菌粉', [15], '2g/袋', '30袋/盒 15袋/盒'),
  reg('红曲纳豆胶囊', [19], '0.4g/粒', '60粒/瓶 90粒/瓶'),
  reg('胶原蛋白肽维生素C粉', [14], '5g/袋', '30袋/盒 10袋/盒'),
  reg('左旋肉碱茶多酚片', [9], '0.6g/片', '60片/瓶 120片/瓶'),
  reg('葛根枳椇子片', [22], '0.8g/片', '36片/盒 60片/瓶'),
  reg('红景天胶囊', [8, 7], '0.35g/粒', '60粒/瓶 36粒/盒'),
  reg('罗汉果胖大海含片', [5], '0.5g/片', '48片/盒 24片/盒'),
  reg('芦荟软胶囊', [17], '0.5g/粒', '60粒/瓶 30粒/盒'),
  reg('银杏叶提取物软胶囊', [3, 19], '0.5g/粒', '60粒/瓶 100粒/瓶'),
  reg('苦瓜桑叶胶囊', [20], '0.4g/粒', '90粒/瓶 60粒/瓶'),
  reg('天麻杜仲胶囊', [21], '0.4g/粒', '60粒/瓶 100粒/瓶'),
  reg('螺旋藻片', [1, 2], '0.5g/片', '200片/瓶 100片/瓶'),
  reg('蜂胶软胶囊', [1, 20], '0.5g/粒', '60粒/瓶 100粒/瓶 120粒/瓶'),
  reg('血红素铁口服液', [11], '10mL/支', '10支/盒 20支/盒'),
  reg('猴头菇山药颗粒', [18, 16], '6g/袋', '20袋/盒 12袋/盒'),
  reg('山楂麦芽颗粒', [16], '5g/袋', '24袋/盒 12袋/盒'),
  reg('珍珠粉胶囊', [13, 14], '0.3g/粒', '60粒/瓶'),
  reg('金银花野菊花片', [12], '0.5g/片', '48片/盒'),
  reg('人参牛磺酸口服液', [7], '10mL/支', '10支/盒 12支/盒'),
  reg('大豆异黄酮钙片', [10], '1.2g/片', '60片/瓶 90片/瓶'),
  reg('果胶维生素C咀嚼片', [24], '1.0g/片', '60片/瓶'),
  reg('枸杞黄精口服液', [1, 7], '20mL/支', '10支/盒'),
  filing('维生素C咀嚼片', '1.0g/片', '60片/瓶 100片/瓶 30片/瓶'),
  filing('钙维生素D片', '1.2g/片', '60片/瓶 100片/瓶'),
  filing('多种维生素矿物质片', '1.25g/片', '60片/瓶 100片/瓶 30片/瓶'),
  filing('B族维生素片', '0.5g/片', '100片/瓶 60片/瓶'),
  filing('锌硒片', '0.4g/片', '60片/瓶'),
  filing('铁叶酸片', '0.5g/片', '60片/瓶 90片/瓶'),
  filing('维生素E软胶囊', '0.25g/粒', '100粒/瓶 60粒/瓶'),
  filing('维生素D3软胶囊', '0.3g/粒', '60粒/瓶 90粒/瓶'),
  filing('碳酸钙D3咀嚼片(儿童型)', '1.0g/片', '60片/瓶 48片/盒'),
  filing('钙镁锌片', '1.3g/片', '90片/瓶 60片/瓶'),
  filing('孕妇多种维生素叶酸片', '1.0g/片', '60片/瓶 30片/瓶'),
];

/** The Chinese wording of a 2023-list claim code. */
export function claimText(code: string): string {
  const claim = HEALTH_FUNCTION_CLAIMS.items.find((item) => item.code === code);
  if (!claim) throw new RangeError(`unknown health-function code ${code}`);
  return claim.name['zh-CN'];
}

/** The one claim of nutrient supplements (营养素补充剂, filing route). */
export const NUTRIENT_CLAIM_TEXT: string = NUTRIENT_SUPPLEMENT_CLAIM.name['zh-CN'];

/** Infant-formula series names (系列名); a firm may register at most 3 series of 3 stages (9 formulas). */
export const FORMULA_SERIES = ['臻护', '悠享', '优启', '睿护', '初萃', '亲护', '卓悦', '贝护', '舒安', '金装', '盈养', '爱启'] as const;

/** The three stages of a series: infant (婴儿), follow-on (较大婴儿) and young-child (幼儿) formula. */
export const FORMULA_STAGES = [
  { name: '婴儿配方奶粉', label: '0-6月龄，1段' },
  { name: '较大婴儿配方奶粉', label: '6-12月龄，2段' },
  { name: '幼儿配方奶粉', label: '12-36月龄，3段' },
] as const;

export const FORMULA_PACKS = ['800g/罐', '400g/盒', '900g/罐', '1.2kg/罐'] as const;

/** Foods for special medical purposes: infant FSMP (特医婴儿配方) and general-population formulas. */
export const FSMP_TEMPLATES: readonly { name: string; packs: readonly string[] }[] = [
  { name: '特殊医学用途婴儿配方食品(无乳糖配方)', packs: ['400g/罐', '800g/罐'] },
  { name: '特殊医学用途婴儿配方食品(乳蛋白部分水解配方)', packs: ['400g/罐', '800g/罐'] },
  { name: '特殊医学用途婴儿配方食品(乳蛋白深度水解配方)', packs: ['400g/罐'] },
  { name: '特殊医学用途婴儿配方食品(早产/低出生体重婴儿配方)', packs: ['400g/罐'] },
  { name: '特殊医学用途婴儿配方食品(氨基酸配方)', packs: ['400g/罐'] },
  { name: '全营养配方食品', packs: ['400g/罐', '900g/罐', '250mL/瓶'] },
  { name: '特殊医学用途配方食品(蛋白质组件)', packs: ['300g/罐', '10g/袋×30袋/盒'] },
  { name: '特殊医学用途配方食品(电解质配方)', packs: ['250mL/瓶', '13.5g/袋×10袋/盒'] },
  { name: '特殊医学用途配方食品(增稠组件)', packs: ['125g/罐', '2.2g/袋×50袋/盒'] },
  { name: '特殊医学用途配方食品(碳水化合物组件)', packs: ['400g/罐'] },
];
