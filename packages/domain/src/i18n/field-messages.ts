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
  'field.end_before_start': { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  'field.product_number_category': {
    'zh-CN': '注册/备案号与产品类别不符（保健食品：国食健注/食健备；婴幼儿配方乳粉：国食注字YP；特医食品：国食注字TY）',
    'en-US': 'The number does not fit the category (health food: 国食健注/食健备; infant formula: 国食注字YP; FSMP: 国食注字TY)',
  },
  'field.function_unknown': { 'zh-CN': '不在允许声称的保健功能目录中', 'en-US': 'Not in the list of permitted health functions' },
  'field.phone_format': { 'zh-CN': '电话号码格式不正确', 'en-US': 'Not a valid phone number' },
  'field.enum': { 'zh-CN': '取值不在允许范围内：{{options}}', 'en-US': 'Must be one of: {{options}}' },
  'field.duplicate_in_file': { 'zh-CN': '与第 {{row}} 行重复', 'en-US': 'Duplicates row {{row}}' },
  'field.enterprise_unknown': { 'zh-CN': '未找到该统一社会信用代码对应的企业', 'en-US': 'No enterprise with this credit code' },
  'field.licence_unknown': { 'zh-CN': '未找到该许可证', 'en-US': 'No such licence' },
  // Spreadsheet import (导入): cell problems, then reasons a whole file is refused (inside import.invalid_file).
  'field.too_long': { 'zh-CN': '不能超过 {{max}} 个字符', 'en-US': 'At most {{max}} characters' },
  'field.too_many': { 'zh-CN': '最多 {{max}} 项', 'en-US': 'At most {{max}} items' },
  'field.invalid': { 'zh-CN': '取值无效', 'en-US': 'Not a valid value' },
  'field.import_yes_no': { 'zh-CN': '请填写“是”或“否”', 'en-US': 'Write yes or no' },
  'field.import_kind_unknown': {
    'zh-CN': '主体类型“{{value}}”无法识别，可填：生产企业、销售者、进口商、电商平台、网络销售者、贮存运输',
    'en-US': 'Unknown kind "{{value}}"; use: Producer, Seller, Importer, E-commerce platform, Online seller, Storage and transport',
  },
  'field.import_jurisdiction_name_unknown': {
    'zh-CN': '辖区“{{value}}”无法识别，请填写区名或“区名/街道名”，如 浦东新区/陆家嘴街道',
    'en-US': 'Unknown jurisdiction "{{value}}"; write a district, or district/street such as 浦东新区/陆家嘴街道',
  },
  'field.import_jurisdiction_ambiguous': {
    'zh-CN': '有多个街道名为“{{value}}”，请写成“区名/街道名”',
    'en-US': 'More than one street is called "{{value}}"; write district/street',
  },
  'field.import_jurisdiction_mismatch': {
    'zh-CN': '所属辖区与所属辖区代码 {{code}} 不一致',
    'en-US': 'The jurisdiction does not match jurisdiction code {{code}}',
  },
  'field.import_uscc_unconfirmed': {
    'zh-CN': '统一社会信用代码校验位不符（应为 {{expected}}），如确认无误请在“确认代码”列填写“是”，该记录将标记待复核',
    'en-US': 'The credit code check character does not match (expected {{expected}}); write yes in the Confirm code column to import it flagged for review',
  },
  'field.import_registered_elsewhere': {
    'zh-CN': '该统一社会信用代码已登记在您的管辖范围以外，不能导入',
    'en-US': 'This credit code is registered outside your jurisdiction and cannot be imported',
  },
  'field.import_category_unknown': {
    'zh-CN': '产品类别应为：保健食品、婴幼儿配方乳粉、特殊医学用途配方食品',
    'en-US': 'The product category is one of: Health food, Infant formula, Food for special medical purposes',
  },
  'field.import_licence_category_unknown': {
    'zh-CN': '许可类别“{{value}}”无法识别，请填写 3 位类别代码或类别名称（如 127 或 保健食品）',
    'en-US': 'Unknown licence category "{{value}}"; write a 3-digit code or a category name (e.g. 127 or Health food)',
  },
  'field.import_licence_status_unknown': {
    'zh-CN': '状态应为：有效、暂停、吊销、注销',
    'en-US': 'The status is one of: valid, suspended, revoked, cancelled',
  },
  'field.import_licence_elsewhere': {
    'zh-CN': '许可证 {{number}} 已登记在其他企业名下',
    'en-US': 'Licence {{number}} is registered to another enterprise',
  },
  'field.import_product_elsewhere': {
    'zh-CN': '注册/备案号 {{number}} 已登记在其他企业名下',
    'en-US': 'Product number {{number}} is registered to another enterprise',
  },
  'field.import_category_fixed': { 'zh-CN': '已登记产品的类别不能修改', 'en-US': 'The category of a registered product cannot change' },
  'field.import_product_category_mismatch': {
    'zh-CN': '注册/备案号与产品类别不符',
    'en-US': 'The registration number does not match the product category',
  },
  'field.import_legacy_number': {
    'zh-CN': '旧版批准文号 {{number}} 只能用于更新登记库中已有的产品',
    'en-US': 'Legacy approval number {{number}} can only update a product the registry already holds',
  },
  'field.import_column_ignored': { 'zh-CN': '未识别的列“{{header}}”，已忽略', 'en-US': 'Unrecognised column "{{header}}" was ignored' },
  'field.import_column_repeated': { 'zh-CN': '列“{{header}}”重复，只读取第一列', 'en-US': 'Column "{{header}}" appears twice; only the first is read' },
  'field.import_file_type': { 'zh-CN': '只接受 .xlsx 或 .csv 文件', 'en-US': 'only .xlsx and .csv files are accepted' },
  'field.import_file_corrupt': { 'zh-CN': '文件已损坏或不是有效的 Excel 工作簿', 'en-US': 'the file is damaged or not an Excel workbook' },
  'field.import_no_file': { 'zh-CN': '请在 file 字段上传文件', 'en-US': 'send the file in the "file" field' },
  'field.import_no_header': { 'zh-CN': '第 1 行没有可识别的列名', 'en-US': 'row 1 has no recognised column headers' },
  'field.import_missing_columns': { 'zh-CN': '缺少必需的列：{{columnsZh}}', 'en-US': 'required columns are missing: {{columnsEn}}' },
  'field.import_no_rows': { 'zh-CN': '没有数据行', 'en-US': 'the file has no data rows' },
  'field.import_too_many_rows': { 'zh-CN': '数据超过 {{limit}} 行，请拆分文件', 'en-US': 'more than {{limit}} data rows; split the file' },
  'field.import_csv_quote': { 'zh-CN': '第 {{row}} 行的引号没有闭合', 'en-US': 'a quote opened in row {{row}} is never closed' },
  // Risk-based inspection (风险分级与监督检查).
  'field.inspection_answer_missing': { 'zh-CN': '该检查项尚未填写结果', 'en-US': 'This item has no result yet' },
  'field.inspection_unknown_item': { 'zh-CN': '检查表中没有该检查项', 'en-US': 'No such item in the checklist' },
  'field.inspection_note_required': { 'zh-CN': '不符合的检查项须写明问题', 'en-US': 'Describe the problem of a failed item' },
  'field.inspection_disposition_required': {
    'zh-CN': '一般项不符合须选择“当场整改”或“限期整改”（影响食品安全的除外）',
    'en-US': 'A failed general item needs "fixed on site" or "rectify by deadline" (unless it affects food safety)',
  },
  'field.inspection_disposition_not_allowed': { 'zh-CN': '该检查项不适用整改方式', 'en-US': 'A fix method does not apply to this item' },
  'field.inspection_affects_safety_not_allowed': { 'zh-CN': '仅不符合的一般项可标注影响食品安全', 'en-US': 'Only a failed general item can be marked as affecting safety' },
  'field.inspectors_min_two': { 'zh-CN': '至少指派 2 名执法检查人员', 'en-US': 'Assign at least 2 inspectors' },
  'field.inspector_unknown': { 'zh-CN': '不是本辖区的执法检查人员', 'en-US': 'Not an inspector of your jurisdiction' },
  'field.signature_missing': { 'zh-CN': '缺少签名', 'en-US': 'Signature missing' },
  'field.photo_unknown': { 'zh-CN': '引用的照片未上传', 'en-US': 'The photo referred to was not uploaded' },
  'field.photo_size': { 'zh-CN': '照片为空或超过 4 MB', 'en-US': 'The photo is empty or larger than 4 MB' },
  'field.date_in_future': { 'zh-CN': '日期不能晚于今天', 'en-US': 'The date cannot be in the future' },
} as const satisfies Record<string, Localised>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export const isFieldMessageKey = (value: string): value is FieldMessageKey => value in FIELD_MESSAGES;
