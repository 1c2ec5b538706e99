/**
 * Messages for identifier problems, in both languages, keyed `<identifier>.<problem>`. Plain data: the
 * form layer shows them beside a field; `{{x}}` placeholders take values from the validator's result
 * (fill them with `interpolate` from `i18n/locale.ts`).
 */
import type { Localised } from '../i18n/locale.ts';
import type { GtinProblem } from './gtin.ts';
import type { LicenceProblem } from './licence-number.ts';
import type { ProductNumberProblem } from './product-number.ts';
import type { UsccProblem } from './uscc.ts';

/** Every identifier problem code. */
export type IdentifierProblemCode =
  | `uscc.${UsccProblem}`
  | `licence.${LicenceProblem}`
  | `product_number.${ProductNumberProblem}`
  | 'product_number.legacy'
  | `gtin.${GtinProblem}`;

/** The message of every identifier problem. */
export const IDENTIFIER_PROBLEM_MESSAGES: Readonly<Record<IdentifierProblemCode, Localised>> = {
  'uscc.format': {
    'zh-CN': '统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z），第 3–8 位为数字',
    'en-US': 'A unified social credit code has 18 digits and capital letters (no I, O, S, V or Z); positions 3–8 are digits',
  },
  'uscc.check_character': {
    'zh-CN': '统一社会信用代码校验位错误（应为 {{expected}}），请核对；如确认无误，可勾选“确认代码”后提交，记录将标记待复核',
    'en-US': 'The credit code check character is wrong (expected {{expected}}); check it, or confirm it to save it flagged for review',
  },
  'uscc.organisation_code': {
    'zh-CN': '统一社会信用代码中的组织机构代码（第 9–17 位）校验不符，请核对',
    'en-US': 'The organisation code inside the credit code (positions 9–17) fails its check; please verify it',
  },
  'licence.format': {
    'zh-CN': '许可证编号格式错误：生产许可证为 SC 加 14 位数字，经营许可证为 JY 加 14 位数字',
    'en-US': 'Wrong licence number format: SC or JY followed by 14 digits',
  },
  'licence.category': {
    'zh-CN': '生产许可证编号中的食品类别代码无效',
    'en-US': 'The food category code in the production licence number is not a known category',
  },
  'licence.division_code': {
    'zh-CN': '许可证编号中的行政区划代码无效',
    'en-US': 'The administrative division code in the licence number is not valid',
  },
  'product_number.format': {
    'zh-CN': '注册号或备案号格式错误，例如：国食健注G20190001、食健备G202031000001、国食注字YP20180001',
    'en-US': 'Wrong registration or filing number format, e.g. 国食健注G20190001, 食健备G202031000001, 国食注字YP20180001',
  },
  'product_number.province_code': {
    'zh-CN': '备案号中的省份代码无效',
    'en-US': 'The province code in the filing number is not valid',
  },
  'product_number.legacy': {
    'zh-CN': '这是旧版批准文号（{{number}}），仅在登记库中存在时有效',
    'en-US': 'This is a legacy approval number ({{number}}); it is valid only if the registry holds it',
  },
  'gtin.format': {
    'zh-CN': '商品条码应为 8、12、13 或 14 位数字',
    'en-US': 'A GTIN has 8, 12, 13 or 14 digits',
  },
  'gtin.check_digit': {
    'zh-CN': '商品条码校验位错误（应为 {{expected}}）',
    'en-US': 'The GTIN check digit is wrong (expected {{expected}})',
  },
};
