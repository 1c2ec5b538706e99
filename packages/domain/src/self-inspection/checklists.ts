import type { Localised } from '../i18n/locale.ts';
import type { ProductCategory } from '../registry/vocabulary.ts';

/**
 * Self-inspection checklists (自查清单) of special-food producers, as versioned data. 食品安全法 §83 obliges a
 * special-food producer to run a GMP quality system, inspect itself regularly and report to the county bureau;
 * what each item says follows the licensing and GMP texts named in `source`. Those texts were not checked
 * item by item (china-rules.md §9, §12 item 7), so every list is marked unconfirmed and is replaced by a new
 * version, never edited: a report keeps the version it was started with.
 */

export interface SelfInspectionItem {
  /** Stable within the checklist id, e.g. `HF-3.2`. */
  key: string;
  text: Localised;
  /** Where the requirement comes from (article or chapter). */
  basis: string;
}

export interface SelfInspectionSection {
  title: Localised;
  items: readonly SelfInspectionItem[];
}

export interface SelfInspectionChecklist {
  /** `code@version`. */
  id: string;
  code: string;
  version: number;
  /** Product categories whose makers answer this list. */
  categories: readonly ProductCategory[];
  name: Localised;
  source: string;
  /** False: taken from secondary sources, to be checked against the official text (configurable data). */
  confirmed: boolean;
  sections: readonly SelfInspectionSection[];
}

const item = (key: string, zh: string, en: string, basis: string): SelfInspectionItem => ({ key, text: { 'zh-CN': zh, 'en-US': en }, basis });
const section = (zh: string, en: string, items: SelfInspectionItem[]): SelfInspectionSection => ({ title: { 'zh-CN': zh, 'en-US': en }, items });

export const HEALTH_FOOD_SELF_INSPECTION_V1: SelfInspectionChecklist = {
  id: 'health-food-self-inspection@1',
  code: 'health-food-self-inspection',
  version: 1,
  categories: ['health_food'],
  name: { 'zh-CN': '保健食品生产企业年度自查清单', 'en-US': 'Health-food producer annual self-inspection checklist' },
  source: '食品安全法 第八十三条；《保健食品生产许可审查细则》（原国家食品药品监督管理总局，2016）；GB 17405《保健食品良好生产规范》（1998，2025 版待核实）',
  confirmed: false,
  sections: [
    section('机构与人员', 'Organisation and staff', [
      item('HF-1.1', '设置质量管理部门，配备食品安全总监、食品安全员和质量安全受权人并明确职责', 'A quality department, a food-safety director, officers and a quality authorised person with written duties', '审查细则 人员管理；总局令第60号'),
      item('HF-1.2', '从业人员年度培训和健康检查记录完整', 'Annual training and health-check records of the staff are complete', 'GB 17405 人员；食品安全法 第四十五条'),
    ]),
    section('厂房与设施', 'Premises and facilities', [
      item('HF-2.1', '洁净区温湿度、压差符合要求并有监测记录', 'Temperature, humidity and pressure differentials of clean areas are within limits and recorded', 'GB 17405 厂房与设施（洁净级别参数待核实）'),
      item('HF-2.2', '生产设备清洁、维护、校验记录完整', 'Cleaning, maintenance and calibration records of production equipment are complete', '审查细则 设备设施'),
    ]),
    section('物料与生产', 'Materials and production', [
      item('HF-3.1', '原辅料供应商审核及进货查验记录完整', 'Supplier audits and incoming inspection records of raw and auxiliary materials are complete', '食品安全法 第五十条；审查细则 物料管理'),
      item('HF-3.2', '按注册或备案的配方和工艺生产，批生产记录完整', 'Production follows the registered or filed formula and process; batch records are complete', '食品安全法 第八十二条；审查细则 生产管理'),
      item('HF-3.3', '提取、纯化等前处理能力与生产品种相适应', 'Extraction and purification capacity matches the products made', '食品安全法实施条例 第三十五条'),
    ]),
    section('质量控制与放行', 'Quality control and release', [
      item('HF-4.1', '每批产品按标准检验，留样并保存检验记录', 'Every lot is tested against its standard, with retained samples and test records', '审查细则 质量管理'),
      item('HF-4.2', '产品经质量安全受权人审核放行，放行记录完整', 'The quality authorised person reviews and releases every lot; release records are complete', '质量安全受权人制度（沪市监特食〔2022〕407号）'),
    ]),
    section('标签、追溯与召回', 'Labels, traceability and recall', [
      item('HF-5.1', '标签、说明书与注册或备案内容一致', 'Labels and leaflets match the registration or filing', '食品安全法 第七十八条'),
      item('HF-5.2', '建立产品追溯体系并按要求赋码上传', 'A traceability system is in place; codes are assigned and data uploaded', '食品安全法 第四十二条'),
      item('HF-5.3', '不合格品处置和召回制度有效运行', 'Non-conforming products are handled and the recall procedure works', '食品安全法 第六十三条'),
    ]),
  ],
};

export const INFANT_FORMULA_SELF_INSPECTION_V1: SelfInspectionChecklist = {
  id: 'infant-formula-self-inspection@1',
  code: 'infant-formula-self-inspection',
  version: 1,
  categories: ['infant_formula'],
  name: { 'zh-CN': '婴幼儿配方乳粉生产企业年度自查清单', 'en-US': 'Infant-formula producer annual self-inspection checklist' },
  source: '食品安全法 第八十三条；GB 23790《粉状婴幼儿配方食品良好生产规范》；《婴幼儿配方乳粉生产企业食品安全追溯信息记录规范》（原国家食品药品监督管理总局公告2015年第281号）',
  confirmed: false,
  sections: [
    section('机构与人员', 'Organisation and staff', [
      item('IF-1.1', '配备食品安全总监、食品安全员和质量安全受权人并明确职责', 'A food-safety director, officers and a quality authorised person with written duties', '总局令第60号；质量安全受权人制度'),
      item('IF-1.2', '关键岗位人员培训考核合格', 'Staff in key posts are trained and assessed', 'GB 23790 人员'),
    ]),
    section('原料与生产过程', 'Raw materials and process', [
      item('IF-2.1', '生乳、原料粉等主要原料进货查验并可追溯至供应商', 'Raw milk and base powders are checked on receipt and traceable to the supplier', '追溯信息记录规范 原辅料信息'),
      item('IF-2.2', '清洁作业区环境监控（微生物、温湿度、压差）记录完整', 'Environmental monitoring of the clean zone (microbes, temperature, humidity, pressure) is recorded', 'GB 23790 环境监控'),
      item('IF-2.3', '按注册配方和生产工艺组织生产，批记录完整', 'Production follows the registered formula and process; batch records are complete', '食品安全法 第八十一条'),
    ]),
    section('检验与放行', 'Testing and release', [
      item('IF-3.1', '逐批全项目检验，检验记录和留样完整', 'Every lot is tested on all items, with records and retained samples', '食品安全法 第八十一条'),
      item('IF-3.2', '质量安全受权人审核放行每批产品', 'The quality authorised person reviews and releases every lot', '质量安全受权人制度'),
    ]),
    section('追溯与召回', 'Traceability and recall', [
      item('IF-4.1', '追溯信息按规范记录（原料、生产、检验、销售）并保存', 'Traceability records (materials, production, testing, sales) are kept as the rule requires', '追溯信息记录规范（保存期限待核实）'),
      item('IF-4.2', '召回演练和不合格品处置记录完整', 'Recall drills and the handling of non-conforming products are recorded', '食品安全法 第六十三条'),
    ]),
  ],
};

export const FSMP_SELF_INSPECTION_V1: SelfInspectionChecklist = {
  id: 'fsmp-self-inspection@1',
  code: 'fsmp-self-inspection',
  version: 1,
  categories: ['fsmp'],
  name: { 'zh-CN': '特殊医学用途配方食品生产企业年度自查清单', 'en-US': 'FSMP producer annual self-inspection checklist' },
  source: '食品安全法 第八十三条；GB 29923《特殊医学用途配方食品良好生产规范》',
  confirmed: false,
  sections: [
    section('质量管理体系', 'Quality system', [
      item('FS-1.1', '质量管理体系文件完整并有效运行', 'Quality system documents are complete and in use', 'GB 29923'),
      item('FS-1.2', '配备质量安全受权人并审核放行每批产品', 'A quality authorised person reviews and releases every lot', '质量安全受权人制度'),
    ]),
    section('生产与检验', 'Production and testing', [
      item('FS-2.1', '按注册配方和工艺生产，批记录完整', 'Production follows the registered formula and process; batch records are complete', '食品安全法 第八十二条'),
      item('FS-2.2', '逐批检验并留样', 'Every lot is tested and samples retained', 'GB 29923'),
    ]),
  ],
};

/** Every checklist version; a new version is appended, old ones stay for the reports answered against them. */
export const SELF_INSPECTION_CHECKLISTS: readonly SelfInspectionChecklist[] = [HEALTH_FOOD_SELF_INSPECTION_V1, INFANT_FORMULA_SELF_INSPECTION_V1, FSMP_SELF_INSPECTION_V1];

export function findSelfInspectionChecklist(id: string): SelfInspectionChecklist | undefined {
  return SELF_INSPECTION_CHECKLISTS.find((c) => c.id === id);
}

export function selfInspectionItems(checklist: SelfInspectionChecklist): SelfInspectionItem[] {
  return checklist.sections.flatMap((s) => s.items);
}

/** The newest checklist for a product category. */
export function selfInspectionChecklistFor(category: ProductCategory): SelfInspectionChecklist {
  const found = SELF_INSPECTION_CHECKLISTS.filter((c) => c.categories.includes(category)).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`no self-inspection checklist for ${category}`);
  return found;
}
