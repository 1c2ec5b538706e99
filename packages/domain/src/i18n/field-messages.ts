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
  'field.gln_format': { 'zh-CN': '全球位置码（GLN）应为 13 位数字', 'en-US': 'A GLN has 13 digits' },
  'field.gln_check_digit': { 'zh-CN': '全球位置码 {{value}} 校验位错误', 'en-US': 'GLN {{value}} has a wrong check digit' },
  // Trace operations (追溯作业): scanned codes, premises, lots.
  'field.trace_code_unrecognised': {
    'zh-CN': '无法识别的码（应为商品二维码、SSCC 物流码或平台箱码）',
    'en-US': 'Not a code the platform reads (an item QR code, an SSCC or a platform container label)',
  },
  'field.trace_code_unknown': { 'zh-CN': '平台上没有该码的记录', 'en-US': 'The platform has no record of this code' },
  'field.trace_code_not_in_stock': { 'zh-CN': '该码不在本企业库存中', 'en-US': "This code is not in your enterprise's stock" },
  'field.trace_code_not_container': { 'zh-CN': '应扫描箱码或托盘码（SSCC 或平台箱码）', 'en-US': 'Scan a case or pallet label (an SSCC or a platform container)' },
  'field.trace_code_duplicate': { 'zh-CN': '该码已扫描过', 'en-US': 'This code was already scanned' },
  'field.trace_code_is_parent': { 'zh-CN': '不能把箱码装入自身', 'en-US': 'A container cannot be packed into itself' },
  'field.trace_premises_not_own': { 'zh-CN': '不是本企业的场所', 'en-US': 'Not a premises of your enterprise' },
  'field.trace_premises_not_of_enterprise': { 'zh-CN': '该场所不属于所选企业', 'en-US': 'This premises does not belong to the chosen enterprise' },
  'field.trace_same_premises': { 'zh-CN': '收货场所不能与发货场所相同', 'en-US': 'The destination cannot be the premises shipping' },
  'field.trace_enterprise_unknown': { 'zh-CN': '未找到该企业', 'en-US': 'No such enterprise' },
  'field.trace_lot_invalid': { 'zh-CN': '商品条码或批号无效', 'en-US': 'Not a valid GTIN or lot' },
  // Self-inspection (自查) and QA release (出厂放行).
  'field.self_inspection_checklist_unknown': { 'zh-CN': '未知的自查清单版本', 'en-US': 'Unknown self-inspection checklist version' },
  'field.self_inspection_item_unknown': { 'zh-CN': '该项目不在本报告的自查清单中', 'en-US': "This item is not on the report's checklist" },
  'field.self_inspection_item_duplicate': { 'zh-CN': '同一项目填写了两次', 'en-US': 'This item is answered twice' },
  'field.self_inspection_unanswered': { 'zh-CN': '尚未填写自查结果', 'en-US': 'Not answered yet' },
  'field.self_inspection_due_in_past': { 'zh-CN': '整改期限不能早于今天', 'en-US': 'The rectification deadline cannot be in the past' },
  'field.self_inspection_return_comment': { 'zh-CN': '退回时请说明理由', 'en-US': 'Say why the report is returned' },
  'field.qa_release_no_tests': { 'zh-CN': '至少填写一项检验项目', 'en-US': 'Record at least one test' },
  'field.qa_release_failed_test': { 'zh-CN': '有不合格检验项目时不能放行', 'en-US': 'A lot with a failed test cannot be released' },
  'field.qa_release_correction_reason': { 'zh-CN': '更正记录请说明理由', 'en-US': 'Give the reason for the correction' },
  'field.qa_release_product_not_own': { 'zh-CN': '不是本企业的产品', 'en-US': 'Not a product of your enterprise' },
  'field.qa_release_person_not_qa': { 'zh-CN': '该人员不是本企业在任的质量安全受权人', 'en-US': 'Not a serving quality authorised person of your enterprise' },
  'field.qa_release_lot_mismatch': { 'zh-CN': '更正记录的产品和批号须与原记录一致', 'en-US': 'A correction must name the same product and lot as the record it corrects' },
  'field.trace_lot_not_in_stock': { 'zh-CN': '超过该批次的可发数量', 'en-US': 'More than the stock of this lot' },
  'field.trace_lot_duplicate': { 'zh-CN': '该批次已选择过', 'en-US': 'This lot was already chosen' },
  'field.trace_nothing_to_ship': { 'zh-CN': '请至少扫描一个码或选择一个批次', 'en-US': 'Scan at least one code or choose a lot' },
  'field.trace_not_in_shipment': { 'zh-CN': '不在该批发货中', 'en-US': 'Not in this shipment' },
  'field.trace_quantity_exceeds_shipment': { 'zh-CN': '超过发货数量', 'en-US': 'More than was shipped' },
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
  // One code per item (一物一码).
  'field.trace_gtin_not_of_product': { 'zh-CN': '商品条码 {{value}} 不是该产品登记的条码', 'en-US': "GTIN {{value}} is not one of the product's GTINs" },
  'field.trace_lot_format': {
    'zh-CN': '批号应为 1–20 位字母、数字或 GS1 允许的符号（不含空格和中文）',
    'en-US': 'A lot is 1–20 letters, digits or GS1-allowed symbols (no spaces, no Chinese)',
  },
  'field.trace_expiry_before_production': { 'zh-CN': '有效期至不能早于生产日期', 'en-US': 'The expiry date cannot be before the production date' },
  'field.trace_product_inactive': { 'zh-CN': '该产品已停产或注销，不能申请赋码', 'en-US': 'The product is discontinued or cancelled; no codes can be issued for it' },
  'field.trace_range': { 'zh-CN': '范围超出本批追溯码（共 {{quantity}} 个）', 'en-US': 'The range lies outside the batch ({{quantity}} codes)' },
  // Trace and recall (追溯、召回).
  'field.trace_serial_format': {
    'zh-CN': '序列号应为 1–20 位字母、数字或 GS1 允许的符号',
    'en-US': 'A serial is 1–20 letters, digits or GS1-allowed symbols',
  },
  'field.trace_lot_or_serials': { 'zh-CN': '请填写批号或至少一个序列号', 'en-US': 'Give a lot or at least one serial' },
  'field.recall_gtin_unknown': { 'zh-CN': '平台上没有登记该商品条码的产品', 'en-US': 'No registered product has this GTIN' },
  // EPCIS 2.0 documents (采集): one message per JSON-schema keyword, the bad field named by its JSON pointer.
  'field.schema_required': { 'zh-CN': '缺少必填项 {{property}}', 'en-US': 'Missing required property {{property}}' },
  'field.schema_one_of': { 'zh-CN': '应至少提供其中之一：{{options}}', 'en-US': 'Give at least one of: {{options}}' },
  'field.schema_format_uri': {
    'zh-CN': '应为 URI（如 https://id.gs1.org/01/06901234567892/21/ABC123 或 urn:epc:id:sgtin:…）',
    'en-US': 'Must be a URI (e.g. https://id.gs1.org/01/06901234567892/21/ABC123 or urn:epc:id:sgtin:…)',
  },
  'field.schema_format_date_time': {
    'zh-CN': '应为带时区的日期时间（如 2026-03-01T08:00:00+08:00）',
    'en-US': 'Must be a date-time with its offset (e.g. 2026-03-01T08:00:00+08:00)',
  },
  'field.schema_format': { 'zh-CN': '格式应为 {{format}}', 'en-US': 'Must have the format {{format}}' },
  'field.schema_time_zone_offset': { 'zh-CN': '时区偏移应写作 +08:00 的形式', 'en-US': 'Write the offset as +08:00' },
  'field.schema_pattern': { 'zh-CN': '格式不符合 {{pattern}}', 'en-US': 'Must match {{pattern}}' },
  'field.schema_vocabulary': {
    'zh-CN': '“{{value}}”既不是 CBV 标准词汇（如 {{examples}}），也不是自定义 URI',
    'en-US': '"{{value}}" is neither a CBV word (such as {{examples}}) nor a custom URI',
  },
  'field.schema_type': { 'zh-CN': '类型应为 {{type}}', 'en-US': 'Must be of type {{type}}' },
  'field.schema_min_items': { 'zh-CN': '至少 {{limit}} 项', 'en-US': 'At least {{limit}} item(s)' },
  'field.schema_unique_items': { 'zh-CN': '第 {{i}} 项与第 {{j}} 项重复', 'en-US': 'Items {{i}} and {{j}} are the same' },
  'field.schema_unknown_property': {
    'zh-CN': '标准中没有属性 {{property}}（扩展属性请用带命名空间前缀的名称，如 example:myField）',
    'en-US': 'The standard has no property {{property}} (name extensions with a namespace prefix, e.g. example:myField)',
  },
  'field.schema_ilmd_only_add': {
    'zh-CN': 'ILMD（实例/批次主数据）只能出现在 action 为 ADD 的事件中',
    'en-US': 'ILMD (instance/lot master data) is only allowed on events with action ADD',
  },
  'field.schema_other': { 'zh-CN': '不符合 EPCIS 2.0 标准（{{keyword}}）', 'en-US': 'Does not conform to EPCIS 2.0 ({{keyword}})' },
  'field.epcis_identifier_check_digit': {
    'zh-CN': '标识 {{value}} 的校验位错误',
    'en-US': 'Identifier {{value}} has a wrong check digit',
  },
  'field.epcis_identifier_format': {
    'zh-CN': '标识 {{value}} 不是有效的 GS1 数字链接或 EPC URN',
    'en-US': 'Identifier {{value}} is not a valid GS1 Digital Link or EPC URN',
  },
  // EPCIS queries (查询): every bad parameter of GET /epcis/events is named, with the value at fault.
  'field.epcis_query_unknown': { 'zh-CN': '未知的查询参数（参数名区分大小写）', 'en-US': 'Unknown query parameter (names are case-sensitive)' },
  'field.epcis_query_unsupported': { 'zh-CN': '本平台暂不支持这一 EPCIS 查询参数', 'en-US': 'This EPCIS query parameter is not supported here' },
  'field.epcis_query_repeated': { 'zh-CN': '参数只能出现一次', 'en-US': 'Give this parameter once' },
  'field.epcis_query_empty': { 'zh-CN': '取值不能为空（多个取值用 | 分隔）', 'en-US': 'A value cannot be empty (separate values with |)' },
  'field.epcis_query_one_of': { 'zh-CN': '“{{value}}”不在允许范围内：{{options}}', 'en-US': '"{{value}}" is not one of: {{options}}' },
  'field.epcis_query_uri': { 'zh-CN': '“{{value}}”不是 URI', 'en-US': '"{{value}}" is not a URI' },
  'field.epcis_query_identifier': {
    'zh-CN': '“{{value}}”不是有效的 GS1 标识（校验位、限定符顺序或取值格式有误）',
    'en-US': '"{{value}}" is not a valid GS1 identifier (check digit, qualifier order or value format)',
  },
  'field.epcis_query_pattern': {
    'zh-CN': '不支持的 EPC 模式“{{value}}”（支持 urn:epc:idpat:sgtin:厂商识别代码.项目代码.*）',
    'en-US': 'Unsupported EPC pattern "{{value}}" (supported: urn:epc:idpat:sgtin:{company prefix}.{item reference}.*)',
  },
  'field.epcis_query_not_class': {
    'zh-CN': '“{{value}}”标识单个物品、物流单元或位置，不是类别（批次或商品）；请用 MATCH_epc 等参数',
    'en-US': '"{{value}}" names one item, unit or location, not a class (lot or product); use MATCH_epc and the like',
  },
  'field.epcis_query_time': {
    'zh-CN': '“{{value}}”不是带时区的日期时间（如 2026-03-01T08:00:00+08:00）',
    'en-US': '"{{value}}" is not a date-time with its offset (e.g. 2026-03-01T08:00:00+08:00)',
  },
  'field.epcis_query_number': { 'zh-CN': '“{{value}}”不是数字', 'en-US': '"{{value}}" is not a number' },
  'field.epcis_query_integer': { 'zh-CN': '应为 {{min}} 到 {{max}} 之间的整数', 'en-US': 'Must be a whole number from {{min}} to {{max}}' },
  'field.epcis_query_boolean': { 'zh-CN': '应为 true 或 false', 'en-US': 'Must be true or false' },
  'field.epcis_query_needs_order_by': { 'zh-CN': '须同时指定 orderBy', 'en-US': 'Needs orderBy as well' },
  'field.epcis_query_exclusive': { 'zh-CN': '不能与 {{other}} 同时使用', 'en-US': 'Cannot be used together with {{other}}' },
  'field.epcis_page_token_invalid': { 'zh-CN': '翻页令牌无效', 'en-US': 'The page token is not valid' },
  'field.epcis_page_token_expired': {
    'zh-CN': '翻页令牌已过期（有效期 {{minutes}} 分钟），请重新查询',
    'en-US': 'The page token has expired (it lasts {{minutes}} minutes); run the query again',
  },
  'field.epcis_page_token_mismatch': {
    'zh-CN': '翻页令牌不属于本次查询（查询条件已改变）',
    'en-US': 'The page token belongs to another query (the parameters have changed)',
  },
  // Enterprise duties (主体责任).
  'field.iso_week': { 'zh-CN': '周次格式应为 YYYY-Www（如 2026-W05）', 'en-US': 'A week is written YYYY-Www (e.g. 2026-W05)' },
  'field.month': { 'zh-CN': '月份格式应为 YYYY-MM', 'en-US': 'A month is written YYYY-MM' },
  'field.not_director': { 'zh-CN': '签发人应为本企业现任食品安全总监', 'en-US': 'The signer must be a current food safety director of the enterprise' },
  'field.risk_item_unknown': { 'zh-CN': '不是本企业风险管控清单中的有效条目', 'en-US': 'Not an active item of the enterprise risk-control list' },
  'field.due_before_today': { 'zh-CN': '整改期限不能早于今天', 'en-US': 'The deadline cannot be before today' },
  'field.period_in_future': { 'zh-CN': '不能提前填报尚未开始的周期', 'en-US': 'A period that has not begun cannot be reported' },
  // Training and spot-check exams (培训考核).
  'field.training_hours': { 'zh-CN': '学时应大于 0 且不超过 100', 'en-US': 'Hours must be more than 0 and at most 100' },
  'field.exam_draw_percent': { 'zh-CN': '抽取比例应为 1–100 的整数', 'en-US': 'The share drawn is a whole number from 1 to 100' },
  'field.exam_question_count': { 'zh-CN': '题量应为 5–60 题', 'en-US': 'From 5 to 60 questions' },
  'field.exam_time_limit': { 'zh-CN': '考试时长应为 5–180 分钟', 'en-US': 'From 5 to 180 minutes' },
  'field.exam_pass_mark': { 'zh-CN': '合格分数应为 1–100', 'en-US': 'The pass mark is from 1 to 100' },
  'field.exam_max_attempts': { 'zh-CN': '考试次数应为 1–5 次', 'en-US': 'From 1 to 5 attempts' },
  'field.exam_targets': { 'zh-CN': '请选择企业或填写随机抽取比例（二选一）', 'en-US': 'Pick enterprises or give a share to draw at random (one of the two)' },
  'field.exam_closes_past': { 'zh-CN': '截止日期不能早于今天', 'en-US': 'The closing date cannot be in the past' },
  'field.exam_enterprise_out_of_scope': { 'zh-CN': '该企业不在所选辖区内', 'en-US': 'This enterprise is not in the chosen jurisdiction' },
  'field.training_future': { 'zh-CN': '培训日期不能晚于今天', 'en-US': 'The training date cannot be in the future' },
  // Smart monitoring (智慧监管).
  'field.monitoring_limit_unknown': { 'zh-CN': '规则集中没有该限值', 'en-US': 'The rule set has no such limit' },
  'field.monitoring_number': { 'zh-CN': '应为有限数值', 'en-US': 'Must be a finite number' },
  'field.monitoring_min_above_max': { 'zh-CN': '下限不能高于上限', 'en-US': 'The minimum cannot be above the maximum' },
  'field.monitoring_seconds': { 'zh-CN': '秒数应为 0–86400 的整数', 'en-US': 'Seconds are a whole number from 0 to 86,400' },
  'field.monitoring_device_unknown': { 'zh-CN': '设备不存在或已停用', 'en-US': 'No such active device' },
  'field.monitoring_reading_future': { 'zh-CN': '读数时间晚于当前时间超过 5 分钟', 'en-US': 'The reading is more than 5 minutes in the future' },
  'field.monitoring_rule_set_unknown': { 'zh-CN': '规则集不存在或不适用于本企业', 'en-US': 'No such rule set for this enterprise' },
  'field.monitoring_premises_unknown': { 'zh-CN': '不是本企业的场所', 'en-US': 'Not premises of this enterprise' },
  'field.monitoring_code_taken': { 'zh-CN': '本企业已有该编号的设备', 'en-US': 'The enterprise already has a device with this code' },
  'field.monitoring_boundary': { 'zh-CN': '压差设备须说明比较对象（非洁净区或相邻不同级别）；其他设备不填', 'en-US': 'A pressure gauge says what it compares with (non-clean area or another class); other devices leave it empty' },
  'field.camera_event_id': { 'zh-CN': '事件编号不能超过 200 个字符', 'en-US': 'The event id has at most 200 characters' },
  'field.camera_event_kind': {
    'zh-CN': '未知的 AI 事件类型（no_hairnet、no_mask、no_workwear、smoking、phone_use、rodent、stranger）',
    'en-US': 'Unknown AI event kind (no_hairnet, no_mask, no_workwear, smoking, phone_use, rodent, stranger)',
  },
  'field.camera_event_future': { 'zh-CN': '事件时间晚于当前时间超过 5 分钟', 'en-US': 'The event is more than 5 minutes in the future' },
  'field.camera_confidence': { 'zh-CN': '置信度应为 0–1 之间的数值', 'en-US': 'The confidence is a number from 0 to 1' },
  'field.camera_vendor': { 'zh-CN': '厂商名称不能超过 100 个字符', 'en-US': 'The vendor has at most 100 characters' },
  'field.camera_snapshot_size': { 'zh-CN': '抓拍图片为空或超过 2 MB', 'en-US': 'The snapshot is empty or larger than 2 MB' },
  'field.camera_snapshot_type': { 'zh-CN': '抓拍图片应为 JPEG 或 PNG，且与声明的类型一致', 'en-US': 'The snapshot is a JPEG or PNG image of the type it declares' },
  'field.camera_snapshot_base64': { 'zh-CN': '抓拍图片应为 Base64 编码', 'en-US': 'The snapshot is Base64-encoded' },
} as const satisfies Record<string, Localised>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export const isFieldMessageKey = (value: string): value is FieldMessageKey => value in FIELD_MESSAGES;
