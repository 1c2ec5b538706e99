import type { Localised } from '@shian/domain/i18n/locale.ts';
import type { AlertGrade, LimitKey } from '@shian/domain';
import type { Locale } from '../../i18n/setup.ts';

/**
 * Texts of the device page (设备管理) and the alert-handling page (预警处置), zh-CN first, en-US second, kept
 * beside the pages. Device kinds, clean classes, grades and rule kinds come from `@shian/domain`.
 */
const l = (zh: string, en: string): Localised => ({ 'zh-CN': zh, 'en-US': en });

export const H = {
  navDevices: l('设备管理', 'Devices'),
  navAlerts: l('预警处置', 'Alert handling'),
  devicesTitle: l('设备管理', 'Monitoring devices'),
  alertsTitle: l('预警处置', 'Alert handling'),
  enterprise: l('企业', 'Enterprise'),
  allEnterprises: l('全部企业', 'All enterprises'),
  searchEnterprise: l('输入企业名称搜索', 'Type an enterprise name'),
  kind: l('设备类型', 'Kind'),
  code: l('设备编号', 'Code'),
  area: l('区域', 'Area'),
  cleanClass: l('洁净级别', 'Clean class'),
  boundary: l('压差比较对象', 'Pressure compared with'),
  premises: l('所属场所', 'Premises'),
  premisesNone: l('（企业住所）', '(the enterprise’s address)'),
  ruleSet: l('规则集', 'Rule set'),
  lastSeen: l('最近上报', 'Last seen'),
  neverSeen: l('从未上报', 'Never'),
  credential: l('设备凭证', 'Credential'),
  credentialIssued: l('已签发', 'Issued'),
  credentialNone: l('未签发', 'Not issued'),
  register: l('登记设备', 'Register a device'),
  siteRule: l('新建现场规则', 'New site rule set'),
  siteRuleMade: l('现场规则已保存，可在设备列表中选用', 'Site rule set saved: choose it for devices in the list'),
  siteRuleParent: l('基于规则', 'Based on'),
  siteRuleNameZh: l('名称（中文）', 'Name (Chinese)'),
  siteRuleNameEn: l('名称（英文）', 'Name (English)'),
  siteRuleSource: l('依据', 'Basis'),
  siteRuleSourceHint: l('如：本企业工艺验证报告编号、适用标准条款', "e.g. the site's process validation report, the clause of a standard"),
  min: l('下限', 'Min'),
  max: l('上限', 'Max'),
  sustainSeconds: l('持续超限判定（秒）', 'Out of range for (seconds)'),
  silenceSeconds: l('失联判定（秒）', 'Silent after (seconds)'),
  registered: l('设备已登记', 'Device registered'),
  issue: l('签发凭证', 'Issue credential'),
  reissue: l('重新签发', 'Reissue'),
  reissueConfirm: l('重新签发后旧密钥立即失效，确定继续？', 'The old secret stops working at once. Continue?'),
  credentialTitle: l('设备凭证 · {{code}}', 'Device credential · {{code}}'),
  credentialWarning: l('密钥只显示这一次，关闭后无法再次查看；请立即复制并妥善保存。', 'The secret is shown only this once and cannot be seen again after closing: copy it now and keep it safe.'),
  deviceId: l('设备 ID', 'Device ID'),
  secret: l('密钥', 'Secret'),
  mqttTopic: l('MQTT 主题', 'MQTT topic'),
  mqttHint: l(
    'MQTT：用户名为设备 ID，密码为密钥，向上述主题发布 {"readings":[{"at","value"}]}。默认为平台内置代理（端口 1884）；如部署方另行配置了代理，请向平台管理员确认地址。',
    'MQTT: the user name is the device ID, the password the secret; publish {"readings":[{"at","value"}]} to the topic above. By default the platform’s embedded broker (port 1884); if the deployment uses another broker, ask the platform administrator for its address.',
  ),
  httpsExample: l('HTTPS 上报示例', 'HTTPS example'),
  copy: l('复制', 'Copy'),
  copied: l('已复制', 'Copied'),
  copyFailed: l('复制失败，请手动选择复制', 'Could not copy; select the text and copy it by hand'),
  done: l('我已保存，关闭', 'I have saved it, close'),
  changeRuleSet: l('更换规则集', 'Change rule set'),
  ruleSetChanged: l('规则集已更换', 'Rule set changed'),
  noDevices: l('暂无设备', 'No devices'),
  actions: l('操作', 'Actions'),
  precisionTitle: l('规则准确率（按预警规则）', 'Precision per rule'),
  ruleKind: l('预警规则', 'Rule'),
  closedCount: l('已关闭', 'Closed'),
  falsePositives: l('误报', 'False positives'),
  precision: l('准确率', 'Precision'),
  noPrecision: l('暂无已关闭的预警', 'No closed alerts yet'),
  grade: l('分级', 'Grade'),
  device: l('设备', 'Device'),
  openedAt: l('预警时间', 'Opened'),
  readingCount: l('读数', 'Readings'),
  status: l('状态', 'Status'),
  allStatuses: l('全部状态', 'All statuses'),
  cleared: l('已恢复', 'Condition ended'),
  note: l('说明', 'Note'),
  noAlerts: l('暂无预警', 'No alerts'),
  acknowledge: l('确认', 'Acknowledge'),
  send: l('下发企业', 'Send to enterprise'),
  verify: l('核实', 'Verify'),
  close: l('关闭', 'Close'),
  closeTitle: l('关闭预警 · {{code}}', 'Close the alert · {{code}}'),
  outcome: l('处置结论', 'Outcome'),
  outcomeReal: l('确有问题', 'A real problem'),
  outcomeFalse: l('误报', 'False positive'),
  closeNote: l('处置说明', 'What was found'),
  stepDone: l('已更新', 'Updated'),
  closed: l('预警已关闭', 'Alert closed'),
  filterDevice: l('仅看设备 {{code}}', 'Device {{code}} only'),
  showAll: l('显示全部', 'Show all'),
  readOnly: l('预警由监管部门处置，企业可查看处置进度。', 'Alerts are handled by the bureau; the enterprise follows their progress here.'),
  agoMinutes: l('{{n}} 分钟前', '{{n}} min ago'),
  agoHours: l('{{n}} 小时前', '{{n}} h ago'),
  agoDays: l('{{n}} 天前', '{{n}} d ago'),
  justNow: l('刚刚', 'just now'),
} satisfies Record<string, Localised>;

export const ALERT_STATUS_LABELS = {
  open: l('待确认', 'Open'),
  acknowledged: l('已确认', 'Acknowledged'),
  sent: l('已下发企业', 'Sent to enterprise'),
  verified: l('已核实', 'Verified'),
  closed: l('已关闭', 'Closed'),
} satisfies Record<string, Localised>;

export const BOUNDARY_LABELS = {
  to_non_clean: l('对非洁净区', 'To a non-clean area'),
  between_classes: l('相邻不同级别', 'Between classes'),
} satisfies Record<string, Localised>;

/** Grade tag colours: immediate red, with a deadline orange, routine blue. */
export const GRADE_COLORS: Record<AlertGrade, string> = { immediate: 'red', deadline: 'orange', routine: 'blue' };

/** A text in the locale with `{{name}}` placeholders filled. */
export function fill(locale: Locale, entry: Localised, params: Record<string, string | number> = {}): string {
  return entry[locale].replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(params[key] ?? ''));
}

/** "5 分钟前" / "5 min ago"; the never-seen text when there is no time. */
export function relativeTime(locale: Locale, iso: string | null, now = Date.now()): string {
  if (!iso) return H.neverSeen[locale];
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return H.justNow[locale];
  if (minutes < 60) return fill(locale, H.agoMinutes, { n: minutes });
  if (minutes < 24 * 60) return fill(locale, H.agoHours, { n: Math.floor(minutes / 60) });
  return fill(locale, H.agoDays, { n: Math.floor(minutes / (24 * 60)) });
}

/** The limits a site rule set may change, by limit key. */
export const LIMIT_LABELS: Record<LimitKey, Localised> = {
  temperature: l('温度 (°C)', 'Temperature (°C)'),
  humidity: l('相对湿度 (%RH)', 'Relative humidity (%RH)'),
  pressure_to_non_clean: l('对一般区压差 (Pa)', 'Pressure to non-clean areas (Pa)'),
  pressure_between_classes: l('不同级别间压差 (Pa)', 'Pressure between classes (Pa)'),
};
