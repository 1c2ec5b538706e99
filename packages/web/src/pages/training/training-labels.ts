import { useLocale } from '../../i18n/setup.ts';

/**
 * The strings of the training pages (培训考核, 抽查考核), zh-CN first, en-US second. Kept beside the pages
 * (the shared catalogue holds only the menu entries) so this capability's text lives in one place.
 */
const LABELS = {
  title: ['培训考核', 'Training and exams'],
  examsTitle: ['抽查考核', 'Spot-check exams'],
  myExams: ['我的考试', 'My exams'],
  records: ['培训记录', 'Training records'],
  hours: ['学时', 'Hours'],
  year: ['年度', 'Year'],
  person: ['人员', 'Person'],
  role: ['岗位', 'Role'],
  enterprise: ['企业', 'Enterprise'],
  course: ['课程', 'Course'],
  provider: ['培训机构', 'Provider'],
  attendedOn: ['培训日期', 'Date'],
  addRecord: ['登记培训', 'Record training'],
  saved: ['已保存', 'Saved'],
  required: ['要求', 'Required'],
  met: ['达标', 'Met'],
  unmet: ['未达标', 'Not met'],
  noExams: ['暂无考试', 'No exams'],
  session: ['考核', 'Exam'],
  closesAt: ['截止时间', 'Closes'],
  questions: ['题量', 'Questions'],
  timeLimit: ['时长（分钟）', 'Time limit (minutes)'],
  passMark: ['合格分', 'Pass mark'],
  attempts: ['考试次数', 'Attempts'],
  status: ['状态', 'Status'],
  bestScore: ['最高分', 'Best score'],
  start: ['开始考试', 'Start'],
  resume: ['继续答题', 'Resume'],
  retake: ['补考', 'Retake'],
  viewResult: ['查看成绩', 'View result'],
  previous: ['上一题', 'Previous'],
  next: ['下一题', 'Next'],
  submit: ['交卷', 'Submit'],
  confirmSubmit: ['确认交卷？', 'Submit your answers?'],
  unanswered: ['还有 {n} 题未作答', '{n} question(s) unanswered'],
  timeLeft: ['剩余时间', 'Time left'],
  timeUp: ['时间到，正在交卷', 'Time is up; submitting'],
  score: ['得分', 'Score'],
  passed: ['合格', 'Passed'],
  failed: ['不合格', 'Failed'],
  in_progress: ['考试中', 'In progress'],
  pending: ['待考', 'To take'],
  correctAnswer: ['正确答案', 'Correct answer'],
  yourAnswer: ['你的答案', 'Your answer'],
  source: ['依据', 'Source'],
  back: ['返回', 'Back'],
  single: ['单选题', 'Single choice'],
  multiple: ['多选题', 'Multiple choice'],
  true_false: ['判断题', 'True or false'],
  createSession: ['发起抽查考核', 'Create exam session'],
  sessions: ['考核批次', 'Sessions'],
  jurisdiction: ['辖区', 'Jurisdiction'],
  pickEnterprises: ['指定企业', 'Named enterprises'],
  drawPercent: ['随机抽取比例（%）', 'Share drawn at random (%)'],
  mode: ['抽取方式', 'Selection'],
  modeDraw: ['随机抽取', 'Random share'],
  modePick: ['指定企业', 'Named enterprises'],
  closesOn: ['截止日期', 'Closing date'],
  candidates: ['应考人数', 'Candidates'],
  passRate: ['抽查考核合格率', 'Exam pass rate'],
  hoursRate: ['培训学时达标率', 'Training hours compliance'],
  kpis: ['考核指标', 'KPIs'],
  target: ['目标', 'Target'],
  basis: ['依据', 'Basis'],
  results: ['考核结果', 'Results'],
  district: ['区', 'District'],
  created: ['已发起', 'Created'],
  attemptNo: ['第 {n} 次', 'Attempt {n}'],
  food_safety_director: ['食品安全总监', 'Food safety director'],
  food_safety_officer: ['食品安全员', 'Food safety officer'],
  quality_authorised_person: ['质量安全受权人', 'Quality authorised person'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof LABELS;

/** `l('key')` in the active locale; `{n}` replaced when given. */
export function useLabels(): (key: LabelKey, n?: number | string) => string {
  const locale = useLocale();
  return (key, n) => {
    const text = LABELS[key][locale === 'zh-CN' ? 0 : 1];
    return n === undefined ? text : text.replace('{n}', String(n));
  };
}

export const isLabelKey = (key: string): key is LabelKey => key in LABELS;
