import type { DigitalLinkProblem, Locale } from '@shian/domain';

/**
 * The words of the public scan page (扫码查询页), zh-CN first. Kept apart from the web app's catalogues: the
 * page is rendered on the server for a phone's in-app browser and carries no script.
 */
export interface ScanPageText {
  title: string;
  registered: string;
  notRegisteredTitle: string;
  notRegistered: string;
  counterfeitAdvice: string;
  malformedTitle: string;
  malformed: string;
  problems: Record<DigitalLinkProblem, string>;
  recallTitle: string;
  recallLevel: (level: string) => string;
  recallAdvice: string;
  recallNumber: string;
  registrationNumber: string;
  category: string;
  maker: string;
  licence: string;
  lot: string;
  productionDate: string;
  expiryDate: string;
  expired: string;
  serial: string;
  release: string;
  releaseResult: { conformant: string; non_conformant: string; none: string; other: string };
  route: string;
  routeNone: string;
  scans: (n: number, first: string) => string;
  scansFirst: string;
  scansWarning: string;
  lotMismatch: string;
  lotRecalls: string;
  classPage: string;
  hotline: string;
  footer: string;
  otherLanguage: { lang: Locale; label: string };
}

export const SCAN_PAGE_TEXT: Record<Locale, ScanPageText> = {
  'zh-CN': {
    title: '食品安全追溯查询',
    registered: '本追溯码已在上海市食品安全追溯平台登记',
    notRegisteredTitle: '未登记的追溯码',
    notRegistered: '该追溯码未在上海市食品安全追溯平台登记，可能是假冒产品。',
    counterfeitAdvice: '请勿食用，保留产品和购物凭证，并拨打 12315 投诉举报。',
    malformedTitle: '无法识别的追溯码',
    malformed: '该网址不是有效的 GS1 数字链接追溯码：',
    problems: {
      syntax: '网址格式错误',
      unknown_key: '不支持的 GS1 标识',
      qualifier_order: '标识顺序错误',
      check_digit: '商品条码校验位错误',
      value_format: '取值格式错误',
      date: '日期格式错误',
    },
    recallTitle: '召回警示：本产品正在召回',
    recallLevel: (level) => `${{ '1': '一', '2': '二', '3': '三' }[level] ?? level}级召回`,
    recallAdvice: '请立即停止食用，联系购买商家退货或拨打 12315。',
    recallNumber: '召回编号',
    registrationNumber: '注册号/备案号',
    category: '产品类别',
    maker: '生产企业',
    licence: '生产许可证编号',
    lot: '批号',
    productionDate: '生产日期',
    expiryDate: '有效期至',
    expired: '已过期，请勿食用',
    serial: '追溯码序列号',
    release: '出厂检验',
    releaseResult: { conformant: '合格', non_conformant: '不合格', none: '未上报', other: '已上报' },
    route: '流通轨迹',
    routeNone: '暂无流通记录',
    scans: (n, first) => `您是第 ${n} 次查询；首次查询于 ${first}。`,
    scansFirst: '您是第 1 次查询本追溯码。',
    scansWarning: '该追溯码已被多次查询。如您是第一次扫码，产品可能是复制码，请谨慎购买并拨打 12315 举报。',
    lotMismatch: '标签上的批号与平台登记的批号不一致，请谨慎购买。',
    lotRecalls: '以下批次正在召回',
    classPage: '本码未含序列号，只能查询产品信息，无法查询单件产品。',
    hotline: '投诉举报电话 12315',
    footer: '上海市市场监督管理局 · 食品安全追溯平台',
    otherLanguage: { lang: 'en-US', label: 'English' },
  },
  'en-US': {
    title: 'Food safety trace check',
    registered: 'This code is registered on the Shanghai food safety traceability platform',
    notRegisteredTitle: 'Unregistered code',
    notRegistered: 'This code is not registered on the Shanghai food safety traceability platform. The product may be counterfeit.',
    counterfeitAdvice: 'Do not consume it; keep the product and receipt, and call the 12315 complaint hotline.',
    malformedTitle: 'Unreadable code',
    malformed: 'This address is not a valid GS1 Digital Link code: ',
    problems: {
      syntax: 'malformed address',
      unknown_key: 'unsupported GS1 key',
      qualifier_order: 'qualifiers out of order',
      check_digit: 'wrong check digit',
      value_format: 'invalid value',
      date: 'invalid date',
    },
    recallTitle: 'RECALL: this product is being recalled',
    recallLevel: (level) => `Class ${level} recall`,
    recallAdvice: 'Stop consuming it now; return it to the seller or call 12315.',
    recallNumber: 'Recall number',
    registrationNumber: 'Registration / filing number',
    category: 'Category',
    maker: 'Manufacturer',
    licence: 'Production licence',
    lot: 'Lot',
    productionDate: 'Production date',
    expiryDate: 'Expiry date',
    expired: 'Expired: do not consume',
    serial: 'Serial number',
    release: 'Release inspection',
    releaseResult: { conformant: 'Passed', non_conformant: 'Failed', none: 'Not reported', other: 'Reported' },
    route: 'Where it has been',
    routeNone: 'No distribution records yet',
    scans: (n, first) => `This is check number ${n} of this code; first checked on ${first}.`,
    scansFirst: 'This is the first check of this code.',
    scansWarning: 'This code has been checked many times. If this is your first scan, it may be a copied code: buy with care and report it to 12315.',
    lotMismatch: 'The lot on the label does not match the registered lot: buy with care.',
    lotRecalls: 'Lots being recalled',
    classPage: 'This code has no serial number: it identifies the product, not a single pack.',
    hotline: 'Complaint hotline 12315',
    footer: 'Shanghai Administration for Market Regulation · Food safety traceability platform',
    otherLanguage: { lang: 'zh-CN', label: '中文' },
  },
};
