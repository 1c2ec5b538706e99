import type { Localised } from '../i18n/locale.ts';

/**
 * Risk-control list templates (风险管控清单模板) by business kind, as versioned data. An enterprise starts its
 * list from one and edits it from there; the template is only where it began.
 *
 * Source: SAMR Order No. 60 《企业落实食品安全主体责任监督管理规定》 (2022; revised 2025 as 《食品生产经营企业落实
 * 食品安全主体责任监督管理规定》) and the sample checklists local bureaus issue with it. The items below are a
 * starting point drawn from those samples and from GB 17405 / GB 23790 practice, NOT a confirmed national list:
 * `confirmed: false`, configurable (edit or replace a template by adding a new version).
 */

export const DUTY_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type DutyFrequency = (typeof DUTY_FREQUENCIES)[number];

export const DUTY_FREQUENCY_NAMES: Record<DutyFrequency, Localised> = {
  daily: { 'zh-CN': '每日', 'en-US': 'Daily' },
  weekly: { 'zh-CN': '每周', 'en-US': 'Weekly' },
  monthly: { 'zh-CN': '每月', 'en-US': 'Monthly' },
};

export interface DutyTemplateItem {
  /** Stable within the template id across versions. */
  key: string;
  area: string;
  hazard: string;
  control: string;
  frequency: DutyFrequency;
}

export interface DutyTemplate {
  /** `<kind>/<version>`: a change of items is a new version, never an edit in place. */
  id: string;
  kind: DutyTemplateKind;
  version: number;
  name: Localised;
  source: string;
  confirmed: boolean;
  items: readonly DutyTemplateItem[];
}

export const DUTY_TEMPLATE_KINDS = ['health_food_producer', 'infant_formula_producer', 'special_food_seller'] as const;
export type DutyTemplateKind = (typeof DUTY_TEMPLATE_KINDS)[number];

const SOURCE =
  '国家市场监督管理总局令第60号《企业落实食品安全主体责任监督管理规定》（2022）及地方配套《食品安全风险管控清单》样表；条目为平台初始模板，未经确认，可按企业实际修改';

const item = (key: string, area: string, hazard: string, control: string, frequency: DutyFrequency): DutyTemplateItem => ({ key, area, hazard, control, frequency });

const PRODUCER_COMMON: readonly DutyTemplateItem[] = [
  item('staff-health', '人员管理', '从业人员健康状况不符合要求、个人卫生不规范', '上岗前晨检，检查健康证明、工作服帽、洗手消毒', 'daily'),
  item('raw-incoming', '原辅料进货', '原辅料来源不明、无合格证明或检验不合格', '查验供应商资质与批次检验报告，不合格原料隔离退回', 'daily'),
  item('raw-storage', '原辅料贮存', '贮存条件不当导致变质、过期原料投入使用', '检查库房温湿度、先进先出、效期标识', 'daily'),
  item('process-control', '生产过程', '关键工艺参数偏离、投料差错', '核对批生产记录、关键控制点参数与投料复核', 'daily'),
  item('clean-area', '洁净区', '洁净区温湿度、压差超出范围，交叉污染', '记录洁净区温湿度与压差，检查人员物料进出程序', 'daily'),
  item('equipment-clean', '设备设施', '设备清洁消毒不到位、计量器具未校准', '检查清场记录、清洁消毒记录，核对校准有效期', 'weekly'),
  item('release-test', '出厂检验', '未经检验或检验不合格产品出厂', '核对出厂检验报告与质量受权人放行记录', 'daily'),
  item('pest-control', '虫害控制', '鼠虫害侵入', '检查防鼠防虫设施、捕获记录', 'weekly'),
  item('traceability', '追溯与召回', '追溯信息不完整，不能及时召回', '核对批次追溯记录与上传情况，演练召回流程', 'monthly'),
  item('complaints', '投诉处理', '消费者投诉未及时处理，风险未识别', '汇总投诉并分析原因，提出整改措施', 'monthly'),
];

export const DUTY_TEMPLATES: readonly DutyTemplate[] = [
  {
    id: 'health_food_producer/1',
    kind: 'health_food_producer',
    version: 1,
    name: { 'zh-CN': '保健食品生产企业', 'en-US': 'Health food producer' },
    source: `${SOURCE}；GB 17405《保健食品良好生产规范》`,
    confirmed: false,
    items: [...PRODUCER_COMMON, item('pre-processing', '原料前处理', '提取、纯化等前处理工序控制不当', '核对前处理工艺参数及提取物检验结果', 'daily')],
  },
  {
    id: 'infant_formula_producer/1',
    kind: 'infant_formula_producer',
    version: 1,
    name: { 'zh-CN': '婴幼儿配方乳粉生产企业', 'en-US': 'Infant formula producer' },
    source: `${SOURCE}；GB 23790《粉状婴幼儿配方食品良好生产规范》`,
    confirmed: false,
    items: [
      ...PRODUCER_COMMON,
      item('cronobacter', '清洁作业区', '阪崎克罗诺杆菌等致病菌污染', '环境微生物监控取样，异常时追溯排查', 'weekly'),
      item('formula-check', '配方管理', '配方与注册配方不一致', '核对投料配方与注册配方、标签营养成分', 'monthly'),
    ],
  },
  {
    id: 'special_food_seller/1',
    kind: 'special_food_seller',
    version: 1,
    name: { 'zh-CN': '特殊食品销售者', 'en-US': 'Special food seller' },
    source: SOURCE,
    confirmed: false,
    items: [
      item('shelf-separate', '专区专柜', '特殊食品与普通食品、药品混放', '检查保健食品、婴配乳粉专区专柜及提示牌', 'daily'),
      item('expiry', '商品陈列', '销售过期、变质或标签不符产品', '检查效期与标签，临期商品下架登记', 'daily'),
      item('purchase-check', '进货查验', '进货无票证、来源不明', '查验供货者许可证与产品检验合格证明，记录进货台账', 'weekly'),
      item('storage', '贮存', '贮存温湿度不当', '检查仓库温湿度记录', 'daily'),
      item('advertising', '宣传销售', '虚假宣传疾病预防、治疗功能', '检查宣传材料与销售人员话术', 'weekly'),
      item('recall-notice', '召回', '收到召回通知未及时下架', '核对召回通知处理情况', 'monthly'),
    ],
  },
];

/** The newest version of every template kind. */
export function currentDutyTemplates(): DutyTemplate[] {
  const newest = new Map<DutyTemplateKind, DutyTemplate>();
  for (const template of DUTY_TEMPLATES) {
    const known = newest.get(template.kind);
    if (!known || known.version < template.version) newest.set(template.kind, template);
  }
  return DUTY_TEMPLATE_KINDS.flatMap((kind) => newest.get(kind) ?? []);
}

export function dutyTemplate(id: string): DutyTemplate | undefined {
  return DUTY_TEMPLATES.find((t) => t.id === id);
}

/**
 * The template an enterprise starts from by what it is: a producer by its special-food product categories
 * (infant formula before health food), anything else as a seller.
 */
export function suggestDutyTemplate(facts: { kinds: readonly string[]; productCategories: readonly string[] }): DutyTemplate {
  const templates = currentDutyTemplates();
  const of = (kind: DutyTemplateKind) => templates.find((t) => t.kind === kind)!;
  if (facts.kinds.includes('producer')) {
    return facts.productCategories.includes('infant_formula') ? of('infant_formula_producer') : of('health_food_producer');
  }
  return of('special_food_seller');
}
