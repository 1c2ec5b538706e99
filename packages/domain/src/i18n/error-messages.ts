import type { ErrorCode } from '../errors/error-codes.ts';
import type { Localised } from './locale.ts';

/** The message of every error code, in each language. `{{x}}` are parameters from the error. */
export const ERROR_MESSAGES: Record<ErrorCode, Localised> = {
  'request.invalid': { 'zh-CN': '提交的内容有 {{count}} 处错误，请逐项修改', 'en-US': 'The request has {{count}} invalid field(s)' },
  'request.malformed_json': { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  'request.unknown_field': { 'zh-CN': '请求包含未知字段', 'en-US': 'The request contains unknown fields' },
  'request.too_large': { 'zh-CN': '请求内容过大', 'en-US': 'The request body is too large' },
  'request.unsupported_media_type': { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  'auth.unauthenticated': { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账户已锁定，请于 {{minutes}} 分钟后再试',
    'en-US': 'Too many failed sign-ins; the account is locked for {{minutes}} minute(s)',
  },
  'auth.csrf_failed': { 'zh-CN': '页面已过期，请刷新后重试', 'en-US': 'The page has expired; reload and try again' },
  'auth.forbidden': { 'zh-CN': '无权执行此操作', 'en-US': 'You are not allowed to do this' },
  'auth.password_too_weak': {
    'zh-CN': '密码至少 10 位，并包含大写字母、小写字母、数字和符号中的三类',
    'en-US': 'A password needs at least 10 characters from three of: upper case, lower case, digits, symbols',
  },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  'resource.not_found': { 'zh-CN': '记录不存在或无权查看', 'en-US': 'Not found, or not visible to you' },
  'resource.conflict': { 'zh-CN': '记录已被他人修改，请刷新后重试', 'en-US': 'The record was changed by someone else; reload and retry' },
  'registry.uscc_unconfirmed': {
    'zh-CN': '统一社会信用代码校验位不符（应为 {{expected}}），如确认无误请勾选“确认代码”后提交，该记录将标记待复核',
    'en-US': 'The credit code check character does not match (expected {{expected}}); confirm it explicitly to save it flagged for review',
  },
  'registry.duplicate_uscc': { 'zh-CN': '统一社会信用代码 {{code}} 已登记', 'en-US': 'Credit code {{code}} is already registered' },
  'registry.duplicate_licence': { 'zh-CN': '许可证编号 {{number}} 已登记', 'en-US': 'Licence number {{number}} is already registered' },
  'registry.duplicate_product': { 'zh-CN': '产品注册/备案号 {{number}} 已登记', 'en-US': 'Product number {{number}} is already registered' },
  'registry.licence_category_mismatch': {
    'zh-CN': '产品类型与生产许可类别不符：应为 {{expected}} 类别许可证',
    'en-US': 'The product type does not match the licence category: a {{expected}} licence is required',
  },
  'registry.out_of_jurisdiction': { 'zh-CN': '所选辖区不在您的管辖范围内', 'en-US': 'That jurisdiction is outside yours' },
  'registry.duplicate_gln': { 'zh-CN': '全球位置码（GLN）{{gln}} 已被其他场所使用', 'en-US': 'GLN {{gln}} is already used by another premises' },
  'import.invalid_file': { 'zh-CN': '无法读取文件：{{reason}}', 'en-US': 'The file cannot be read: {{reason}}' },
  'import.not_found': { 'zh-CN': '导入批次不存在或已过期', 'en-US': 'The import does not exist or has expired' },
  'import.already_applied': { 'zh-CN': '该导入批次已确认', 'en-US': 'This import has already been applied' },
  'import.has_errors': {
    'zh-CN': '文件中有 {{count}} 处错误，修正后重新上传',
    'en-US': 'The file has {{count}} error(s); fix them and upload again',
  },
  'risk.no_profile': {
    'zh-CN': '该企业尚未填报风险因素（经营面积、品种数等），无法评定风险等级',
    'en-US': 'The enterprise has no risk facts on file (area, SKU counts…); it cannot be graded',
  },
  'risk.no_grade': { 'zh-CN': '该企业尚无风险等级，请先评定', 'en-US': 'The enterprise has no risk grade yet; grade it first' },
  'plan.no_inspectors': { 'zh-CN': '辖区内没有执法检查人员，无法测算检查能力', 'en-US': 'No inspectors in this jurisdiction to plan capacity for' },
  'draw.empty_roster': { 'zh-CN': '按所选条件没有可抽取的检查对象', 'en-US': 'No inspection targets match the filters' },
  'draw.too_few_inspectors': {
    'zh-CN': '可抽取的执法检查人员不足 {{needed}} 名（每个对象至少 2 名）',
    'en-US': 'Fewer than {{needed}} eligible inspectors (each target needs at least 2)',
  },
  'inspection.not_assigned': { 'zh-CN': '您不是该检查的检查人员', 'en-US': 'You are not an inspector of this inspection' },
  'inspection.inspector_ineligible': {
    'zh-CN': '检查人员 {{name}} 不符合条件（需回避或不在该企业所在辖区）',
    'en-US': "Inspector {{name}} is not eligible (recused, or outside the enterprise's jurisdiction)",
  },
  'inspection.not_editable': { 'zh-CN': '该检查已完成，不能再修改', 'en-US': 'This inspection is finished and can no longer be changed' },
  'inspection.sync_conflict': {
    'zh-CN': '服务器上的检查记录已更新（第 {{currentRevision}} 版），本机修改未覆盖，请核对后重新提交',
    'en-US': 'The record on the server has moved on (revision {{currentRevision}}); your changes were not applied — review and resubmit',
  },
  'inspection.invalid_answers': { 'zh-CN': '检查记录有 {{count}} 处需要补充或修改', 'en-US': 'The inspection record has {{count}} problem(s) to fix' },
  'inspection.not_completed': { 'zh-CN': '检查尚未完成', 'en-US': 'The inspection is not finished yet' },
  'inspection.already_published': { 'zh-CN': '检查结果已公示', 'en-US': 'The result is already published' },
  'rectification.not_open': { 'zh-CN': '该整改通知已答复或已关闭', 'en-US': 'This rectification order is already answered or closed' },
  'rectification.not_answered': { 'zh-CN': '企业尚未提交整改情况', 'en-US': 'The enterprise has not answered yet' },
  'clock.not_running': { 'zh-CN': '该期限已办结', 'en-US': 'This deadline has already been met' },
  'trace.codes_not_issued': {
    'zh-CN': '该批追溯码尚未生成完毕（已生成 {{issued}}/{{quantity}}），请稍后下载',
    'en-US': 'The codes of this batch are still being issued ({{issued}} of {{quantity}}); download them when it is done',
  },
  'trace.alert_closed': { 'zh-CN': '该预警已关闭', 'en-US': 'This alert is already closed' },
  'epcis.validation_failed': {
    'zh-CN': 'EPCIS 文档有 {{count}} 处错误，未采集任何事件',
    'en-US': 'The EPCIS document has {{count}} error(s); no event was captured',
  },
  'epcis.capture_too_large': {
    'zh-CN': '文档超过采集上限（最多 {{maxEvents}} 个事件、{{maxBytes}} 字节），请分批提交',
    'en-US': 'The document exceeds the capture limits ({{maxEvents}} events, {{maxBytes}} bytes); send it in parts',
  },
  'epcis.invalid_field': { 'zh-CN': '不符合 EPCIS 2.0 标准', 'en-US': 'Does not conform to EPCIS 2.0' },
  'epcis.not_a_document': { 'zh-CN': 'type 应为 EPCISDocument', 'en-US': 'type must be EPCISDocument' },
  'epcis.unsupported_schema_version': {
    'zh-CN': '不支持的 schemaVersion “{{value}}”，应为 2.0',
    'en-US': 'Unsupported schemaVersion "{{value}}"; use 2.0',
  },
  'epcis.duplicate_event_id': {
    'zh-CN': '事件 ID {{eventId}} 已采集，且内容不同',
    'en-US': 'Event ID {{eventId}} has already been captured with different content',
  },
  'epcis.unsupported_event_type': {
    'zh-CN': '平台不接收扩展事件类型 {{value}}（仅 ObjectEvent、AggregationEvent、TransactionEvent、TransformationEvent、AssociationEvent）',
    'en-US': 'The platform does not accept the extension event type {{value}} (only Object, Aggregation, Transaction, Transformation and Association events)',
  },
  'epcis.invalid_identifier': { 'zh-CN': '标识 {{value}} 不是有效的 GS1 标识', 'en-US': 'Identifier {{value}} is not a valid GS1 identifier' },
  'epcis.location_not_own': {
    'zh-CN': '位置 {{value}} 不是本企业登记的场所',
    'en-US': "Location {{value}} is not a registered premises of your enterprise",
  },
  'epcis.product_not_own': {
    'zh-CN': '商品条码 {{gtin}} 不是本企业登记的产品，不能赋码（commissioning）',
    'en-US': 'GTIN {{gtin}} is not a registered product of your enterprise; it cannot be commissioned',
  },
  'epcis.capture_interrupted': {
    'zh-CN': '采集任务未能完成，请重新提交（请求号 {{requestId}}）',
    'en-US': 'The capture job could not finish; submit the document again (request {{requestId}})',
  },
  'epcis.query_parameter': { 'zh-CN': '查询参数有 {{count}} 处错误', 'en-US': 'The query has {{count}} invalid parameter(s)' },
  'epcis.query_too_large': {
    'zh-CN': '符合条件的事件多于 maxEventCount（{{max}}）个，请缩小查询范围',
    'en-US': 'More events match than maxEventCount ({{max}}); narrow the query',
  },
  'trace.operation_invalid': { 'zh-CN': '作业有 {{count}} 处问题，请逐项修改', 'en-US': 'The operation has {{count}} problem(s); fix each one' },
  'trace.already_received': { 'zh-CN': '该批发货已收货', 'en-US': 'This shipment has already been received' },
  'recall.not_open': { 'zh-CN': '该召回已结束', 'en-US': 'This recall has already been closed' },
  internal: { 'zh-CN': '系统内部错误，请稍后重试（请求号 {{requestId}}）', 'en-US': 'Internal error; please retry later (request {{requestId}})' },
  unavailable: { 'zh-CN': '系统正在启动或维护，请稍后重试', 'en-US': 'The platform is starting or under maintenance' },
};
