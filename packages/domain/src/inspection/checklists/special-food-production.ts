import type { ChecklistTemplate } from './types.ts';

const LAW = '食品安全法';
const REGULATION = '食品安全法实施条例';
const ORDER_49 = '食品生产经营监督检查管理办法（总局令第49号）';

/**
 * 特殊食品生产 (special food production: 保健食品 health food, 婴幼儿配方乳粉 infant formula) checklist,
 * version 1: the production points plus the special-food additions of 49号令 第十八条 (conformity with the
 * registration or filing, quality-system operation, raw-material control, and for health food the
 * pre-processing of raw materials 原料前处理). Items that concern only one of the two kinds say so and are
 * answered "not applicable" for the other.
 */
export const SPECIAL_FOOD_PRODUCTION_V1: ChecklistTemplate = {
  id: 'special-food-production@1',
  code: 'special-food-production',
  version: 1,
  title: {
    'zh-CN': '特殊食品生产监督检查表（保健食品、婴幼儿配方乳粉）',
    'en-US': 'Special food production inspection checklist (health food, infant formula)',
  },
  sector: 'production',
  appliesTo: { 'zh-CN': '保健食品、婴幼儿配方乳粉生产企业', 'en-US': 'Producers of health food and of infant formula milk powder' },
  source: `${LAW} 第八十一条至第八十三条；${REGULATION} 第三十五条；${ORDER_49} 第十三条、第十八条`,
  sections: [
    {
      id: 'sfp-1',
      title: { 'zh-CN': '生产者资质与人员', 'en-US': 'Licence, conditions and staff' },
      items: [
        {
          id: 'sfp-1.1',
          key: 'production.licence_valid',
          text: {
            'zh-CN': '持有有效的食品生产许可证，生产的食品类别、品种明细和生产地址与许可一致',
            'en-US': 'Holds a valid food production licence; the food categories, product list and production address match the licence',
          },
          severity: 'key',
          basis: `${LAW} 第三十五条`,
        },
        {
          id: 'sfp-1.2',
          key: 'production.conditions_maintained',
          text: {
            'zh-CN': '生产场所、设备设施、设备布局和工艺流程与许可时保持一致；发生变化的，已按规定报告或者申请变更',
            'en-US': 'Premises, equipment, layout and process flow are as licensed; any change has been reported or a change of licence applied for',
          },
          severity: 'general',
          basis: `${LAW} 第三十三条、第四十七条`,
        },
        {
          id: 'sfp-1.3',
          key: 'production.food_safety_director',
          text: {
            'zh-CN': '配备食品安全总监和食品安全员，明确岗位职责，并按规定培训、考核',
            'en-US': 'A food safety director and food safety officers are appointed with written duties, and trained and assessed as required',
          },
          severity: 'general',
          basis: `${LAW} 第四十四条；企业落实食品安全主体责任监督管理规定（总局令第60号）`,
        },
        {
          id: 'sfp-1.4',
          key: 'production.staff_health_training',
          text: {
            'zh-CN': '从业人员持有效健康证明上岗，上岗前和在岗期间接受食品安全和质量管理培训',
            'en-US': 'Staff work with valid health certificates and are trained in food safety and quality management before and during employment',
          },
          severity: 'general',
          basis: `${LAW} 第四十四条、第四十五条`,
        },
      ],
    },
    {
      id: 'sfp-2',
      title: { 'zh-CN': '注册备案符合性', 'en-US': 'Conformity with registration or filing' },
      items: [
        {
          id: 'sfp-2.1',
          key: 'production.formula_conformity',
          text: {
            'zh-CN': '按照注册或者备案的产品配方组织生产，原辅料种类和用量与注册或者备案一致',
            'en-US': 'Production follows the registered or filed formula; the kinds and amounts of ingredients match it',
          },
          severity: 'key',
          basis: `${LAW} 第八十二条；${ORDER_49} 第十八条`,
        },
        {
          id: 'sfp-2.2',
          key: 'production.process_conformity',
          text: {
            'zh-CN': '按照注册或者备案的生产工艺组织生产，关键工艺参数与注册或者备案一致',
            'en-US': 'Production follows the registered or filed process; key process parameters match it',
          },
          severity: 'key',
          basis: `${LAW} 第八十二条；${ORDER_49} 第十八条`,
        },
        {
          id: 'sfp-2.3',
          key: 'production.infant_formula_no_repacking',
          text: {
            'zh-CN': '未以分装方式生产婴幼儿配方乳粉，未用同一配方生产不同品牌的婴幼儿配方乳粉（不生产婴幼儿配方乳粉的不适用）',
            'en-US': 'Infant formula is not made by repacking, and one formula is not sold under different brands (not applicable without infant formula)',
          },
          severity: 'key',
          basis: `${LAW} 第八十一条`,
        },
        {
          id: 'sfp-2.4',
          key: 'production.infant_formula_filing',
          text: {
            'zh-CN': '婴幼儿配方乳粉的原料、食品添加剂、产品配方及标签等事项已在生产前向省级市场监管部门备案，发生变化时及时备案（不生产婴幼儿配方乳粉的不适用）',
            'en-US':
              'For infant formula, raw materials, additives, the formula and the label were filed with the provincial bureau before production, and changes are filed promptly (not applicable without infant formula)',
          },
          severity: 'general',
          basis: `${LAW} 第八十一条`,
        },
      ],
    },
    {
      id: 'sfp-3',
      title: { 'zh-CN': '原辅料控制', 'en-US': 'Raw-material control' },
      items: [
        {
          id: 'sfp-3.1',
          key: 'production.supplier_audit',
          text: {
            'zh-CN': '建立并执行供应商审核评价制度，对主要原辅料供应商定期审核评价并保存记录',
            'en-US': 'A supplier approval system is in place and used; the main suppliers are audited and evaluated regularly, with records',
          },
          severity: 'general',
          basis: `${LAW} 第五十条、第八十三条；${ORDER_49} 第十八条`,
        },
        {
          id: 'sfp-3.2',
          key: 'production.incoming_inspection',
          text: {
            'zh-CN':
              '原辅料、食品添加剂和食品相关产品进货时查验供货者许可证和产品合格证明，无法提供合格证明的按照食品安全标准检验，并如实记录；记录和凭证保存期限不得少于产品保质期满后六个月，没有明确保质期的不得少于二年',
            'en-US':
              "Incoming raw materials, additives and food-contact materials are checked (supplier's licence, proof of conformity, or own tests to the standard where there is none) and recorded; records and vouchers are kept at least six months after the shelf life ends, or two years where there is no shelf life",
          },
          severity: 'key',
          basis: `${LAW} 第五十条`,
        },
        {
          id: 'sfp-3.3',
          key: 'production.no_prohibited_inputs',
          text: {
            'zh-CN': '未使用非食品原料、回收食品或者超过保质期的原料，未超范围、超限量使用食品添加剂',
            'en-US': 'No non-food substance, recycled food or expired raw material is used; additives stay within the permitted uses and limits',
          },
          severity: 'key',
          basis: `${LAW} 第三十四条`,
        },
        {
          id: 'sfp-3.4',
          key: 'production.pre_processing',
          text: {
            'zh-CN': '保健食品生产工艺有原料提取、纯化等前处理工序的，具备与所生产保健食品相适应的原料前处理能力（无此类工序的不适用）',
            'en-US':
              'Where a health food process includes extraction, purification or other pre-processing of raw materials, the producer has its own pre-processing capability for it (not applicable without such steps)',
          },
          severity: 'key',
          basis: `${REGULATION} 第三十五条；${ORDER_49} 第十八条`,
        },
        {
          id: 'sfp-3.5',
          key: 'production.raw_material_storage',
          text: {
            'zh-CN': '原辅料按品种、批次分区存放，标识清楚，按规定条件贮存；不合格原辅料隔离存放并按规定处置',
            'en-US': 'Raw materials are stored by kind and lot, clearly labelled and under the required conditions; rejected materials are quarantined and disposed of as required',
          },
          severity: 'general',
          basis: `${LAW} 第三十三条`,
        },
      ],
    },
    {
      id: 'sfp-4',
      title: { 'zh-CN': '生产过程控制', 'en-US': 'Production control' },
      items: [
        {
          id: 'sfp-4.1',
          key: 'production.quality_system',
          text: {
            'zh-CN': '按照良好生产规范建立与所生产食品相适应的生产质量管理体系并有效运行（含HACCP体系的），体系文件与实际操作一致',
            'en-US': 'A quality management system to good manufacturing practice (GMP, with HACCP where applied) fits the products and runs effectively; practice matches the documents',
          },
          severity: 'key',
          basis: `${LAW} 第八十三条；${ORDER_49} 第十八条`,
        },
        {
          id: 'sfp-4.2',
          key: 'production.clean_area_monitoring',
          text: {
            'zh-CN': '洁净区温度、相对湿度、压差等环境参数按规定监测并记录，超出限值时采取纠偏措施；监测记录保存不少于二年',
            'en-US':
              'Clean-area temperature, relative humidity and pressure differential are monitored and recorded as specified, with corrective action when out of limits; the records are kept at least two years',
          },
          severity: 'general',
          basis: 'GB 17405《保健食品良好生产规范》；GB 23790《粉状婴幼儿配方食品良好生产规范》；上海市食品安全条例 第三十四条',
        },
        {
          id: 'sfp-4.3',
          key: 'production.process_parameters',
          text: {
            'zh-CN': '关键控制点和关键工艺参数（如投料、杀菌、干燥、混合均匀度）按规定监控，偏差有记录和处理',
            'en-US': 'Critical control points and key process parameters (dosing, sterilisation, drying, mixing uniformity and the like) are monitored as specified; deviations are recorded and dealt with',
          },
          severity: 'general',
          basis: `${LAW} 第四十六条`,
        },
        {
          id: 'sfp-4.4',
          key: 'production.batch_records',
          text: {
            'zh-CN': '批生产记录真实、完整，能够追溯每批产品的原辅料批次、投料量、工艺参数和操作人员',
            'en-US': "Batch manufacturing records are truthful and complete and trace each batch's raw-material lots, quantities, process parameters and operators",
          },
          severity: 'general',
          basis: `${LAW} 第四十六条`,
        },
        {
          id: 'sfp-4.5',
          key: 'production.cleaning_cross_contamination',
          text: {
            'zh-CN': '生产设备、管道和容器按规定清洁消毒，更换品种或者批次时清场并记录，防止交叉污染',
            'en-US': 'Equipment, pipes and containers are cleaned and disinfected as specified; the line is cleared and the clearance recorded at each change of product or batch, to prevent cross-contamination',
          },
          severity: 'general',
          basis: `${LAW} 第三十三条`,
        },
      ],
    },
    {
      id: 'sfp-5',
      title: { 'zh-CN': '出厂检验', 'en-US': 'Release testing' },
      items: [
        {
          id: 'sfp-5.1',
          key: 'production.release_testing',
          text: {
            'zh-CN': '按照食品安全标准和注册或者备案的技术要求对出厂产品逐批检验（婴幼儿配方乳粉逐批全项目检验），检验合格后方可出厂',
            'en-US':
              'Every batch is tested before release against the food safety standards and the registered or filed specification (infant formula: every batch on all items); only batches that pass are released',
          },
          severity: 'key',
          basis: `${LAW} 第五十二条、第八十一条`,
        },
        {
          id: 'sfp-5.2',
          key: 'production.laboratory',
          text: {
            'zh-CN': '实验室具备与出厂检验项目相适应的检验能力，检验仪器设备按规定检定或者校准，检验原始记录完整，按规定留样',
            'en-US': 'The laboratory can perform the release tests, instruments are verified or calibrated as required, raw test records are complete, and retained samples are kept',
          },
          severity: 'general',
          basis: `${LAW} 第五十二条`,
        },
        {
          id: 'sfp-5.3',
          key: 'production.release_records',
          text: {
            'zh-CN': '如实记录出厂检验和销售信息（名称、规格、数量、生产日期或者生产批号、检验合格证号、销售日期以及购货者名称、地址、联系方式），保存期限符合规定',
            'en-US':
              'Release and sales records are truthful and complete (name, specification, quantity, production date or lot, certificate number, sale date, buyer name, address and contact) and kept for the required period',
          },
          severity: 'general',
          basis: `${LAW} 第五十一条`,
        },
      ],
    },
    {
      id: 'sfp-6',
      title: { 'zh-CN': '标签说明书', 'en-US': 'Labels and inserts' },
      items: [
        {
          id: 'sfp-6.1',
          key: 'production.label_conformity',
          text: {
            'zh-CN':
              '标签、说明书与注册或者备案内容一致，不涉及疾病预防、治疗功能；保健食品载明适宜人群、不适宜人群、功效成分或者标志性成分及其含量，并声明“本品不能代替药物”',
            'en-US':
              'Label and insert match the registration or filing and claim no disease prevention or treatment; health food states suitable and unsuitable groups, the functional or marker ingredient and its amount, and "this product cannot replace medicine"',
          },
          severity: 'key',
          basis: `${LAW} 第七十八条`,
        },
        {
          id: 'sfp-6.2',
          key: 'production.health_food_warning_zone',
          text: {
            'zh-CN': '保健食品最小销售包装主要展示版面设置警示用语区，警示用语、字体、字号和所占面积符合规定（不生产保健食品的不适用）',
            'en-US':
              'The principal display panel of the smallest health food pack has a warning zone whose wording, typeface, character height and share of the panel meet the rules (not applicable without health food)',
          },
          severity: 'general',
          basis: '保健食品标注警示用语指南（总局公告2019年第29号）',
        },
        {
          id: 'sfp-6.3',
          key: 'production.infant_formula_label',
          text: {
            'zh-CN': '婴幼儿配方乳粉标签未明示或者暗示具有益智、增加抵抗力或者免疫力、保护肠道等功能，未以可选择性添加物质命名（不生产婴幼儿配方乳粉的不适用）',
            'en-US':
              'Infant formula labels neither state nor imply brain-boosting, immunity-raising, gut-protecting or similar functions, and the product is not named after an optional ingredient (not applicable without infant formula)',
          },
          severity: 'general',
          basis: `${REGULATION} 第三十八条`,
        },
      ],
    },
    {
      id: 'sfp-7',
      title: { 'zh-CN': '自查、追溯与召回', 'en-US': 'Self-inspection, traceability and recall' },
      items: [
        {
          id: 'sfp-7.1',
          key: 'production.self_inspection_report',
          text: {
            'zh-CN': '定期对生产质量管理体系的运行情况进行自查，并向所在地县级市场监督管理部门提交自查报告',
            'en-US': 'The quality system is self-inspected regularly and the report submitted to the county-level market regulation bureau',
          },
          severity: 'general',
          basis: `${LAW} 第八十三条`,
        },
        {
          id: 'sfp-7.2',
          key: 'production.condition_change_action',
          text: {
            'zh-CN': '生产经营条件发生变化、不再符合食品安全要求的，立即整改；有发生食品安全事故潜在风险的，立即停止生产并报告',
            'en-US': 'When conditions no longer meet food safety requirements they are corrected at once; where an incident may follow, production stops at once and is reported',
          },
          severity: 'general',
          basis: `${LAW} 第四十七条`,
        },
        {
          id: 'sfp-7.3',
          key: 'production.traceability',
          text: {
            'zh-CN': '建立食品安全追溯体系，如实记录原辅料、生产、检验、销售等追溯信息，产品可按“一物一码”追溯',
            'en-US': 'A traceability system records raw materials, production, testing and sales, so that each unit can be traced by its own code (一物一码)',
          },
          severity: 'general',
          basis: `${LAW} 第四十二条；${REGULATION} 第十八条`,
        },
        {
          id: 'sfp-7.4',
          key: 'production.recall',
          text: {
            'zh-CN': '建立并执行不安全食品召回制度，召回和处置记录完整，并按规定报告',
            'en-US': 'A recall system for unsafe food is in place and used; recall and disposal records are complete and reported as required',
          },
          severity: 'general',
          basis: `${LAW} 第六十三条`,
        },
        {
          id: 'sfp-7.5',
          key: 'production.nonconforming_product',
          text: {
            'zh-CN': '不合格品（含退货、召回产品）标识清楚、隔离存放，并按规定处置和记录',
            'en-US': 'Non-conforming products (returns and recalled goods included) are labelled, kept apart, and disposed of and recorded as required',
          },
          severity: 'general',
          basis: `${LAW} 第六十三条`,
        },
      ],
    },
  ],
};
