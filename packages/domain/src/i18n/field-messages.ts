import type { Localised } from './locale.ts';

/**
 * Messages for field-level problems that Zod's own locale messages do not cover. A schema sets the key as
 * the issue message (`{ message: 'field.uscc_format' }`); the server translates it into the user's language.
 */
export const FIELD_MESSAGES = {
  'field.required': { 'zh-CN': '必填', 'en-US': 'Required' },
  'field.uscc_format': {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
    'en-US': 'A unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)',
  },
  'field.licence_format': {
    'zh-CN': '许可证编号格式应为 SC 或 JY 加 14 位数字',
    'en-US': 'A licence number is SC or JY followed by 14 digits',
  },
  'field.licence_kind_mismatch': { 'zh-CN': '许可证类型与编号前缀不符', 'en-US': 'The licence kind does not match the number prefix' },
  'field.product_number_format': {
    'zh-CN': '注册/备案号格式不正确（如 国食健注G20200001、食健备G202031000001、国食注字YP20200001）',
    'en-US': 'Not a valid registration or filing number (e.g. 国食健注G20200001, 食健备G202031000001, 国食注字YP20200001)',
  },
  'field.gtin_check_digit': { 'zh-CN': '商品条码 {{value}} 校验位错误', 'en-US': 'GTIN {{value}} has a wrong check digit' },
  'field.gtin_format': { 'zh-CN': '商品条码应为 8、12、13 或 14 位数字', 'en-US': 'A GTIN has 8, 12, 13 or 14 digits' },
  'field.jurisdiction_unknown': { 'zh-CN': '辖区代码不存在', 'en-US': 'Unknown jurisdiction code' },
  'field.date_format': { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'en-US': 'Dates are written YYYY-MM-DD' },
  'field.date_order': { 'zh-CN': '有效期截止日应晚于发证日期', 'en-US': 'The expiry date must be after the issue date' },
  'field.function_unknown': { 'zh-CN': '不在允许声称的保健功能目录中', 'en-US': 'Not in the list of permitted health functions' },
  'field.phone_format': { 'zh-CN': '电话号码格式不正确', 'en-US': 'Not a valid phone number' },
  'field.enum': { 'zh-CN': '取值不在允许范围内：{{options}}', 'en-US': 'Must be one of: {{options}}' },
  'field.duplicate_in_file': { 'zh-CN': '与第 {{row}} 行重复', 'en-US': 'Duplicates row {{row}}' },
  'field.enterprise_unknown': { 'zh-CN': '未找到该统一社会信用代码对应的企业', 'en-US': 'No enterprise with this credit code' },
  'field.licence_unknown': { 'zh-CN': '未找到该许可证', 'en-US': 'No such licence' },
} as const satisfies Record<string, Localised>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export const isFieldMessageKey = (value: string): value is FieldMessageKey => value in FIELD_MESSAGES;
