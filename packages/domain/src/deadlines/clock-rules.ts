import type { ClockRule } from './clock.ts';

/**
 * The statutory clocks of risk-based inspection, as data. `length` is the default; a clock row may carry its
 * own length where the law leaves it to the officer (a rectification deadline is set per order).
 * Rules marked `confirmed: false` follow local practice or a secondary source (china-rules.md §12).
 */
export interface ClockRuleDefinition extends ClockRule {
  confirmed: boolean;
  /** Who owes the act: the regulator (inspector, supervisor) or the enterprise. */
  owner: 'regulator' | 'enterprise';
}

export const CLOCK_RULES = {
  'inspection.conduct': {
    id: 'inspection.conduct',
    name: { 'zh-CN': '按计划实施检查', 'en-US': 'Carry out a planned inspection' },
    unit: 'calendar_day',
    length: 0,
    legalBasis: '食品生产经营监督检查管理办法（总局令第49号）第二十一条（年度监督检查计划）',
    dueSoonDays: 2,
    confirmed: true,
    owner: 'regulator',
  },
  'inspection.publication': {
    id: 'inspection.publication',
    name: { 'zh-CN': '检查结果公开', 'en-US': 'Publish the inspection result' },
    unit: 'working_day',
    length: 20,
    legalBasis: '食品生产经营监督检查管理办法（总局令第49号）第三十九条第一款：检查结果形成后20个工作日内公开',
    dueSoonDays: 5,
    confirmed: true,
    owner: 'regulator',
  },
  'rectification.response': {
    id: 'rectification.response',
    name: { 'zh-CN': '限期整改', 'en-US': 'Rectify by the deadline' },
    unit: 'calendar_day',
    length: 15,
    legalBasis: '食品生产经营监督检查管理办法（总局令第49号）第三十三条：一般项不符合的，责令限期改正',
    dueSoonDays: 3,
    confirmed: false,
    owner: 'enterprise',
  },
  'rectification.verification': {
    id: 'rectification.verification',
    name: { 'zh-CN': '整改复查', 'en-US': 'Verify the rectification' },
    unit: 'working_day',
    length: 10,
    legalBasis: '食品生产经营监督检查管理办法（总局令第49号）第三十三条：跟踪整改情况并记录（复查时限为本地做法）',
    dueSoonDays: 3,
    confirmed: false,
    owner: 'regulator',
  },
  'case_lead.review': {
    id: 'case_lead.review',
    name: { 'zh-CN': '案件线索核查', 'en-US': 'Review a case lead' },
    unit: 'working_day',
    length: 15,
    legalBasis: '市场监督管理行政处罚程序规定 第十八条：自发现线索之日起15个工作日内核查，可延长15个工作日',
    dueSoonDays: 5,
    confirmed: false,
    owner: 'regulator',
  },
  'duties.hazard_fix': {
    id: 'duties.hazard_fix',
    name: { 'zh-CN': '日管控隐患整改', 'en-US': 'Fix a hazard found in the daily check' },
    unit: 'calendar_day',
    // The enterprise sets each hazard's own deadline (the clock's length); this is only the default.
    length: 7,
    legalBasis: '企业落实食品安全主体责任监督管理规定（总局令第60号）：日管控发现的隐患立即采取防范措施，逾期未整改的报告食品安全总监',
    dueSoonDays: 1,
    confirmed: false,
    owner: 'enterprise',
  },
  'self_inspection.rectification': {
    id: 'self_inspection.rectification',
    name: { 'zh-CN': '自查问题整改', 'en-US': 'Rectify a self-inspection finding' },
    unit: 'calendar_day',
    // The enterprise sets each item's own deadline (the clock's length); this is only the default.
    length: 30,
    legalBasis: '食品安全法 第八十三条：特殊食品生产企业定期自查并报告；沪市监特食〔2022〕407号：自查发现问题整改率100％',
    dueSoonDays: 3,
    confirmed: false,
    owner: 'enterprise',
  },
} as const satisfies Record<string, ClockRuleDefinition>;

export type ClockRuleId = keyof typeof CLOCK_RULES;

export function clockRule(id: string): ClockRuleDefinition {
  const rule = (CLOCK_RULES as Record<string, ClockRuleDefinition>)[id];
  if (!rule) throw new Error(`unknown clock rule ${id}`);
  return rule;
}
