import type { Localised } from '@shian/domain/i18n/locale.ts';
import type { Locale } from '../../i18n/setup.ts';
import type { WallStatus } from './wall-api.ts';

/**
 * Texts of the monitoring wall (监测大屏) and a site's charts (监测曲线), zh-CN first, en-US second, kept beside
 * the pages. Device kinds, grades and rule kinds come from `@shian/domain`; alert statuses from handling-text.ts.
 */
const l = (zh: string, en: string): Localised => ({ 'zh-CN': zh, 'en-US': en });

export const W = {
  navGroup: l('智慧监管', 'Smart monitoring'),
  navWall: l('监测大屏', 'Monitoring wall'),
  wallTitle: l('监测大屏', 'Monitoring wall'),
  district: l('辖区', 'District'),
  allDistricts: l('全部辖区', 'All districts'),
  updatedAt: l('更新于 {{time}}（每 10 秒刷新）', 'Updated at {{time}} (refreshes every 10 s)'),
  refreshFailed: l('刷新失败：{{message}}', 'Refresh failed: {{message}}'),
  sites: l('监测点位', 'Sites'),
  devices: l('设备', 'Devices'),
  reporting: l('在线', 'Reporting'),
  silent: l('离线', 'Silent'),
  openAlerts: l('未关闭预警', 'Open alerts'),
  search: l('搜索企业、场所或地址', 'Search enterprise, premises or address'),
  noMatch: l('没有符合的点位', 'No site matches'),
  noSites: l('暂无监测点位：登记设备后即显示在此', 'No monitored sites yet: sites appear here once devices are registered'),
  deviceLine: l('设备 {{devices}} · 在线 {{reporting}} · 离线 {{silent}}', '{{devices}} devices · {{reporting}} reporting · {{silent}} silent'),
  lastReading: l('最近读数 {{time}}', 'Last reading {{time}}'),
  neverReported: l('从未上报', 'Never reported'),
  alertCount: l('{{grade}} {{count}}', '{{grade}} {{count}}'),
  enterpriseSite: l('企业住所', 'Registered address'),
  siteTitle: l('监测曲线', 'Site charts'),
  back: l('返回大屏', 'Back to the wall'),
  range24h: l('24 小时', '24 h'),
  range7d: l('7 天', '7 d'),
  noDevices: l('该点位没有在用设备', 'No active device at this site'),
  noReadings: l('所选时段内没有读数', 'No readings in this period'),
  lastHeartbeat: l('最近心跳 {{time}}', 'Last heartbeat {{time}}'),
  cameraNoChart: l('摄像头只上报心跳；离线与 AI 识别事件（未戴发帽、吸烟、鼠患等）见下方预警。', 'A camera reports heartbeats only; going offline and its AI events (no hairnet, smoking, rodents, …) appear as alerts below.'),
  lastValue: l('最新值 {{value}}（{{time}}）', 'Last value {{value}} ({{time}})'),
  limit: l('限值 {{range}}', 'Limit {{range}}'),
  noLimit: l('无限值（心跳）', 'No limit (heartbeat)'),
  unconfirmed: l('默认值，待核实', 'Default, unconfirmed'),
  confirmed: l('已确认', 'Confirmed'),
  limitSource: l('依据：{{source}}', 'Source: {{source}}'),
  seriesAvg: l('平均', 'Average'),
  seriesMin: l('最小', 'Minimum'),
  seriesMax: l('最大', 'Maximum'),
  limitMin: l('下限', 'Lower limit'),
  limitMax: l('上限', 'Upper limit'),
  chartLabel: l('{{device}} {{kind}}曲线', '{{device}} {{kind}} chart'),
  alerts: l('本点位预警', 'Alerts of this site'),
  noAlerts: l('暂无预警', 'No alerts'),
  alertGrade: l('等级', 'Grade'),
  alertRule: l('规则', 'Rule'),
  alertDevice: l('设备', 'Device'),
  alertOpened: l('发生时间', 'Opened'),
  alertStatus: l('状态', 'Status'),
  alertHandle: l('处置', 'Handle'),
  viewAlerts: l('查看', 'View'),
  cleared: l('已恢复', 'Cleared'),
} satisfies Record<string, Localised>;

export const WALL_STATUS_LABELS: Record<WallStatus, Localised> = {
  immediate: l('立即处置', 'Immediate'),
  deadline: l('限期处置', 'With a deadline'),
  routine: l('一般关注', 'Routine'),
  no_data: l('无数据', 'No data'),
  ok: l('正常', 'Normal'),
};

/** Site colours: red immediate, orange with a deadline, blue routine, green ok, grey no data. */
export const WALL_STATUS_COLORS: Record<WallStatus, string> = { immediate: '#cf1322', deadline: '#d46b08', routine: '#1677ff', ok: '#389e0d', no_data: '#8c8c8c' };

/** A text in the locale with `{{name}}` placeholders filled. */
export function wallText(locale: Locale, entry: Localised, params: Record<string, string | number> = {}): string {
  return entry[locale].replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(params[key] ?? ''));
}
