/**
 * Rules of training and spot-check exams as data (one rule set, versioned by id), with their sources and how
 * sure they are in the tags of `reference/china-rules.md`: the 40 hours come from secondary sources [S], so
 * they live here, not in code.
 */
export const TRAINING_RULES = {
  id: 'shian-training/1',
  /** Who must train: the registry's key people (食品安全管理人员). */
  managerRoles: ['food_safety_director', 'food_safety_officer', 'quality_authorised_person'],
  annualHours: 40,
  annualHoursSource: '企业落实食品安全主体责任监督管理规定（总局令第60号）：食品安全总监、食品安全员每年培训不少于40小时',
  annualHoursConfidence: 'S',
  /** 培训学时达标率: managers meeting the hours in the year; target from 004 (生产企业食品安全管理人员培训全部合格). */
  hoursTarget: 1,
  hoursTargetSource: '落实从业人员食品安全知识培训考核制度，生产企业食品安全管理人员培训全部合格（seeds 004 §1）',
  /** 抽查考核合格率: managers examined in the year who passed. */
  passRateTarget: 1,
  passRateSource:
    '《上海市2020年特殊食品安全监管重点工作安排》4：特殊食品生产企业质量安全管理人员抽查考核合格率100％；保健食品：质量管理人员监督抽查考核合格率100％',
  /** Defaults of a new exam session. */
  defaults: { questionCount: 20, timeLimitMinutes: 30, passMark: 80, maxAttempts: 2 },
} as const;
