import type { RiskRuleSet, ScoreBand } from '../risk-rules.ts';

/**
 * Risk grading after 食品生产经营风险分级管理办法（试行）(食药监食监一〔2016〕115号), applied through
 * 食品生产经营监督检查管理办法 (总局令第49号) §21–22, first Shanghai variant.
 *
 * Confirmed: the A–D scale from low to high risk and the grading factors (49号令 §21 ¶2); one full-checklist
 * inspection every 2 years (§22 ¶1); the priority targets (§22 ¶2); the six national upgrade triggers
 * (secondary sources agree). NOT confirmed (reference §12): the 40/60 static/dynamic split, the boundaries
 * 30/45/60, the downgrade conditions and the per-grade frequencies (local practice only). The static bands,
 * the points per failed item and the draw weights are this platform's working values, not taken from any
 * text. Correct this file, not the code, when the official figures are in hand, and bump `version`.
 */

/** Bands for a count of SKUs where none scores nothing. */
const skuBands = (low: number, mid: number, lowPoints: number): readonly ScoreBand[] => [
  { upTo: 0, points: 0 },
  { upTo: low, points: lowPoints },
  { upTo: mid, points: lowPoints + 1 },
  { upTo: null, points: lowPoints + 2 },
];

const TRIAL_MEASURES = '食品生产经营风险分级管理办法（试行）（食药监食监一〔2016〕115号）';

export const CN_2016_TRIAL_SHANGHAI_1: RiskRuleSet = {
  id: 'cn-2016-trial/shanghai-1',
  version: 1,
  source: `${TRIAL_MEASURES}；食品生产经营监督检查管理办法（总局令第49号）第二十一条、第二十二条`,
  confirmed: false,
  staticMax: 40,
  dynamicMax: 60,
  thresholds: [
    { grade: 'A', maxScore: 30 },
    { grade: 'B', maxScore: 45 },
    { grade: 'C', maxScore: 60 },
  ],
  aboveThresholds: 'D',
  staticFactors: {
    // Maximum 15 + 8 + 4 + 5 + 4 + 4 = 40.
    production: {
      foodCategory: { infant_formula: 15, fsmp: 15, health_food: 12, general: 5 },
      scale: { large: 8, medium: 5, small: 2 },
      employees: [
        { upTo: 20, points: 1 },
        { upTo: 100, points: 2 },
        { upTo: 300, points: 3 },
        { upTo: null, points: 4 },
      ],
      hasExtraction: 5,
      sharedLineWithGeneralFood: 4,
      outsourcedProcessing: 4,
    },
    // Maximum 6 + 3×4 + 4 + 5 + 5 + 4 + 6 + 3 = 45: the largest sellers reach the static cap of 40.
    sales: {
      areaM2: [
        { upTo: 50, points: 1 },
        { upTo: 200, points: 2 },
        { upTo: 1000, points: 4 },
        { upTo: null, points: 6 },
      ],
      prepackagedSkus: {
        ambient: skuBands(50, 500, 2),
        chilled: skuBands(20, 100, 2),
        frozen: skuBands(20, 100, 2),
      },
      bulkSkus: {
        ambient: skuBands(20, 100, 2),
        chilled: skuBands(10, 50, 3),
        frozen: skuBands(10, 50, 3),
      },
      supplierCount: [
        { upTo: 10, points: 1 },
        { upTo: 50, points: 2 },
        { upTo: 200, points: 3 },
        { upTo: null, points: 4 },
      ],
      specialFoodItems: { infant_formula: 6, fsmp: 6, health_food: 4 },
      onlineSales: 3,
    },
  },
  dynamic: {
    pointsPerFailedKeyItem: 10,
    pointsPerFailedGeneralItem: 2,
    combine: 'worst',
    // Unconfirmed: with no inspection in the year nothing was seen either way; a modest score keeps an
    // uninspected firm from looking safer than an inspected one with minor findings.
    defaultWithoutInspection: 10,
  },
  upgradeTriggers: {
    deliberate_violation_punished: {
      name: { 'zh-CN': '故意违法被处以罚款、没收或责令停产停业', 'en-US': 'Deliberate violation punished by fine, confiscation or suspension' },
      basis: TRIAL_MEASURES,
      steps: 1,
    },
    failed_supervisory_sampling: {
      name: { 'zh-CN': '国家或省级监督抽检不合格', 'en-US': 'Failed national or provincial supervisory sampling' },
      basis: TRIAL_MEASURES,
      steps: 1,
    },
    violation_bad_social_impact: {
      name: { 'zh-CN': '违法行为造成不良社会影响', 'en-US': 'Violation with bad social impact' },
      basis: TRIAL_MEASURES,
      steps: 1,
    },
    food_safety_incident: {
      name: { 'zh-CN': '发生食品安全事故', 'en-US': 'Food safety incident' },
      basis: TRIAL_MEASURES,
      steps: 2,
    },
    failed_to_recall: {
      name: { 'zh-CN': '未按规定召回或停止经营', 'en-US': 'Failed to recall or stop sales as required' },
      basis: TRIAL_MEASURES,
      steps: 1,
    },
    obstructed_inspection: {
      name: { 'zh-CN': '拒绝、逃避、阻挠监督检查或调查', 'en-US': 'Refused, evaded or obstructed inspection or investigation' },
      basis: TRIAL_MEASURES,
      steps: 1,
    },
    provincial_other: {
      name: { 'zh-CN': '省级市场监管部门规定的其他情形', 'en-US': 'Other case set by the province' },
      basis: `${TRIAL_MEASURES}；省级规定`,
      steps: 1,
    },
  },
  combineTriggers: 'largest',
  upgradeBasis: `${TRIAL_MEASURES}：上一年度存在升级情形的，下一年度风险等级调高1至2级`,
  downgrade: {
    confirmed: false,
    basis: `${TRIAL_MEASURES}（降级条件未经原文核实，参见参考资料 §12）`,
    steps: 1,
    minInspections: 1,
    consecutiveCompliantYears: 3,
  },
  frequency: {
    confirmed: false,
    source: '各地实施细则（如海南保健食品风险分级管理办法2018）：A级每年至少1次，B级1–2次，C级2–3次，D级3–4次',
    perGrade: {
      A: { min: 1, max: 1 },
      B: { min: 1, max: 2 },
      C: { min: 2, max: 3 },
      D: { min: 3, max: 4 },
    },
    ungradedAs: 'B',
    fullChecklistEveryYears: 2,
    fullChecklistBasis: '食品生产经营监督检查管理办法（总局令第49号）第二十二条第一款',
    priority: {
      specialFoodProducers: true,
      producerGrades: ['C', 'D'],
      sellerGrades: ['D'],
      basis: '食品生产经营监督检查管理办法（总局令第49号）第二十二条第二款',
    },
    coverage: {
      producers: {
        kinds: ['producer'],
        ratio: 1,
        basis: '保健食品生产企业每年检查覆盖率100％',
      },
      sellers: {
        kinds: ['seller', 'online_seller', 'importer'],
        ratio: 0.5,
        basis: '经营企业每年检查覆盖率不少于50％',
      },
    },
  },
  drawWeights: {
    confirmed: false,
    source: '平台工作取值；信用风险分类参照国市监信发〔2022〕6号（A类降低、D类大幅提高抽查比例）',
    byGrade: { A: 1, B: 2, C: 3, D: 4 },
    ungradedAs: 'B',
    byCreditClass: { A: 0.5, B: 1, C: 1.5, D: 2 },
    unknownCreditMultiplier: 1,
  },
};
