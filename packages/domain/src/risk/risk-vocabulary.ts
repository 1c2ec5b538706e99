/** Names shown in risk-grading explanations, in both languages. */
import type { Localised } from '../i18n/locale.ts';
import { PRODUCT_CATEGORY_NAMES } from '../registry/vocabulary.ts';
import type { ExplanationPart, GradeMovement } from './risk-assessment.ts';

const l = (zh: string, en: string): Localised => ({ 'zh-CN': zh, 'en-US': en });

/** Labels of the facts and rules an explanation line can name, by `factor`. */
export const RISK_FACTOR_LABELS: Record<string, Localised> = {
  foodCategory: l('食品类别', 'Food category'),
  scale: l('业态规模', 'Scale'),
  employees: l('从业人员数', 'Employees'),
  hasExtraction: l('原料前处理/提取', 'Raw-material pre-processing or extraction'),
  sharedLineWithGeneralFood: l('与普通食品共线生产', 'Line shared with general food'),
  outsourcedProcessing: l('委托加工', 'Outsourced processing'),
  areaM2: l('经营场所面积', 'Premises area'),
  'prepackagedSkus.ambient': l('预包装食品品种数（常温）', 'Prepackaged SKUs (ambient)'),
  'prepackagedSkus.chilled': l('预包装食品品种数（冷藏）', 'Prepackaged SKUs (chilled)'),
  'prepackagedSkus.frozen': l('预包装食品品种数（冷冻）', 'Prepackaged SKUs (frozen)'),
  'bulkSkus.ambient': l('散装食品品种数（常温）', 'Bulk SKUs (ambient)'),
  'bulkSkus.chilled': l('散装食品品种数（冷藏）', 'Bulk SKUs (chilled)'),
  'bulkSkus.frozen': l('散装食品品种数（冷冻）', 'Bulk SKUs (frozen)'),
  supplierCount: l('供货者数量', 'Suppliers'),
  specialFoodItems: l('经营特殊食品', 'Special foods sold'),
  onlineSales: l('网络销售', 'Online sales'),
  static_cap: l('静态风险分值上限', 'Static score cap'),
  inspection: l('监督检查', 'Inspection'),
  no_inspection: l('本年度无监督检查', 'No inspection this year'),
  dynamic_cap: l('动态风险分值上限', 'Dynamic score cap'),
  total: l('风险总分', 'Total score'),
  upgrade: l('升级', 'Upgrade'),
  downgrade: l('降级', 'Downgrade'),
};

/** The label of a factor, or the factor itself when it has none. */
export function factorLabel(factor: string): Localised {
  return RISK_FACTOR_LABELS[factor] ?? l(factor, factor);
}

export const EXPLANATION_PART_NAMES: Record<ExplanationPart, Localised> = {
  static: l('静态风险', 'Static risk'),
  dynamic: l('动态风险', 'Dynamic risk'),
  threshold: l('分级', 'Grade band'),
  trigger: l('升级情形', 'Upgrade trigger'),
  downgrade: l('降级', 'Downgrade'),
};

export const GRADE_MOVEMENT_NAMES: Record<GradeMovement, Localised> = {
  up: l('上调', 'up'),
  keep: l('不变', 'unchanged'),
  down: l('下调', 'down'),
};

/** Names of the coded values a line's `value` may hold. */
export const RISK_VALUE_NAMES: Record<string, Localised> = {
  ...PRODUCT_CATEGORY_NAMES,
  general: l('普通食品', 'general food'),
  large: l('大型', 'large'),
  medium: l('中型', 'medium'),
  small: l('小型', 'small'),
  true: l('是', 'yes'),
  false: l('否', 'no'),
  none: l('无', 'none'),
};
