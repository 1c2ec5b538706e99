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
  'import.invalid_file': { 'zh-CN': '无法读取文件：{{reason}}', 'en-US': 'The file cannot be read: {{reason}}' },
  'import.not_found': { 'zh-CN': '导入批次不存在或已过期', 'en-US': 'The import does not exist or has expired' },
  'import.already_applied': { 'zh-CN': '该导入批次已确认', 'en-US': 'This import has already been applied' },
  'import.has_errors': {
    'zh-CN': '文件中有 {{count}} 处错误，修正后重新上传',
    'en-US': 'The file has {{count}} error(s); fix them and upload again',
  },
  internal: { 'zh-CN': '系统内部错误，请稍后重试（请求号 {{requestId}}）', 'en-US': 'Internal error; please retry later (request {{requestId}})' },
  unavailable: { 'zh-CN': '系统正在启动或维护，请稍后重试', 'en-US': 'The platform is starting or under maintenance' },
};
