import type { Localised } from '@shian/domain/i18n/locale.ts';

/** The self-inspection pages' texts (zh-CN first, en-US second), kept beside the pages that use them. */
const l = (zh: string, en: string): Localised => ({ 'zh-CN': zh, 'en-US': en });

export const L = {
  navReports: l('自查报告', 'Self-inspection'),
  navRectifications: l('整改项', 'Rectification items'),
  navReleases: l('出厂放行', 'QA release'),
  reportsTitle: l('自查报告', 'Self-inspection reports'),
  reviewTitle: l('自查报告审核', 'Self-inspection review'),
  newAnnual: l('新建年度自查报告', 'New annual report'),
  newAdHoc: l('新建临时自查', 'New ad-hoc self-inspection'),
  adHocTitle: l('自查事由', 'Reason for the self-inspection'),
  year: l('年度', 'Year'),
  district: l('辖区', 'District'),
  status: l('状态', 'Status'),
  enterprise: l('企业', 'Enterprise'),
  number: l('编号', 'Number'),
  title: l('名称', 'Title'),
  kind: l('类型', 'Kind'),
  progress: l('填写进度', 'Progress'),
  nonConformities: l('不符合项', 'Non-conformities'),
  submittedAt: l('提交时间', 'Submitted'),
  open: l('打开', 'Open'),
  save: l('保存', 'Save'),
  saved: l('已保存', 'Saved'),
  submit: l('提交至区局', 'Submit to the district bureau'),
  submitted: l('已提交', 'Submitted'),
  acknowledge: l('确认', 'Acknowledge'),
  return: l('退回', 'Return'),
  reviewComment: l('审核意见', 'Review comment'),
  returnedBecause: l('区局退回意见', "The bureau's comment"),
  note: l('说明', 'Note'),
  owner: l('整改责任人', 'Owner'),
  dueOn: l('整改期限', 'Deadline'),
  finding: l('发现的问题', 'Finding'),
  evidence: l('整改情况', 'What was done'),
  close: l('整改完成', 'Close'),
  verify: l('验证', 'Verify'),
  verifyNote: l('验证意见', 'Verification note'),
  overdueOnly: l('仅看逾期', 'Overdue only'),
  overdue: l('逾期', 'Overdue'),
  checklistSource: l('清单依据', 'Checklist source'),
  unconfirmed: l('依据待核实，可配置', 'Basis unconfirmed, configurable'),
  kpiTitle: l('自查工作指标', 'Self-inspection KPIs'),
  reportRate: l('自查报告率', 'Report rate'),
  rectificationRate: l('整改率', 'Rectification rate'),
  kpiLine: l('{{n}} / {{d}} · 目标 {{t}}', '{{n}} / {{d}} · target {{t}}'),
  basis: l('依据', 'Basis'),
  releasesTitle: l('出厂放行记录', 'QA release records'),
  newRelease: l('记录放行决定', 'Record a decision'),
  correct: l('更正', 'Correct'),
  product: l('产品', 'Product'),
  lot: l('批号', 'Lot'),
  tests: l('检验项目', 'Tests'),
  testName: l('项目', 'Test'),
  testResult: l('结果', 'Result'),
  conclusion: l('结论', 'Conclusion'),
  addTest: l('添加检验项目', 'Add a test'),
  decision: l('放行决定', 'Decision'),
  person: l('质量安全受权人', 'Quality authorised person'),
  decidedAt: l('决定时间', 'Decided at'),
  reason: l('备注 / 更正理由', 'Note / reason for the correction'),
  superseded: l('已更正', 'Corrected'),
  corrects: l('更正记录', 'Correction'),
  empty: l('暂无记录', 'Nothing yet'),
  notAllowed: l('无权查看', 'Not available to you'),
} as const;

export const STATUS: Record<string, Localised> = {
  draft: l('草稿', 'Draft'),
  submitted: l('待审核', 'Submitted'),
  acknowledged: l('已确认', 'Acknowledged'),
  returned: l('已退回', 'Returned'),
};
export const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'blue', acknowledged: 'green', returned: 'orange' };
export const KIND: Record<string, Localised> = { annual: l('年度自查', 'Annual'), ad_hoc: l('临时自查', 'Ad hoc') };
export const RESULT: Record<string, Localised> = { conformant: l('符合', 'Conformant'), non_conformant: l('不符合', 'Non-conformant'), not_applicable: l('不适用', 'Not applicable') };
export const ITEM_STATUS: Record<string, Localised> = { open: l('整改中', 'Open'), closed: l('已整改', 'Closed'), verified: l('已验证', 'Verified') };
export const DECISION: Record<string, Localised> = { release: l('放行', 'Release'), reject: l('不予放行', 'Reject') };
export const CONCLUSION: Record<string, Localised> = { pass: l('合格', 'Pass'), fail: l('不合格', 'Fail') };
