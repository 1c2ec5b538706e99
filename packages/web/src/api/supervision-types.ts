/**
 * The shapes of the supervision API as the web client uses them: work queues (待办), risk grading (风险分级),
 * rectification orders (责令整改) and recusals (回避). The server's Zod schemas are the source of truth
 * (`routes/work/work-queue.routes.ts`, `routes/risk/risk.contract.ts`, `routes/inspection/rectification.routes.ts`,
 * `routes/inspection/recusal.routes.ts`); these mirror them.
 */
import type { TRiskFacts } from '@shian/domain/risk/risk-facts.ts';
import type { CreditClass, RiskGrade, UpgradeTriggerKind } from '@shian/domain/risk/risk-rules.ts';
import type { Inspection } from './inspection-types.ts';

/** Where a statutory clock stands today. */
export type ClockStanding = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'met_on_time' | 'met_late';

/** One open statutory clock the signed-in user owes (`GET /work-queue`). */
export interface WorkItem {
  clockId: string;
  ruleId: string;
  /** In the request's language. */
  ruleName: string;
  legalBasis: string;
  /** `inspection`, `rectification_order`, `case_lead`… */
  subjectType: string;
  subjectId: string;
  label: string;
  enterprise: { id: string; name: string } | null;
  jurisdictionCode: string;
  startedOn: string;
  /** Null while the clock is paused. */
  dueOn: string | null;
  standing: ClockStanding;
  /** Days added by extensions so far. */
  extendedBy: number;
}

export interface WorkQueue {
  /** `recallNotices`: the enterprise's recall notices still to confirm (召回通知), beside the clocks. */
  counts: { open: number; overdue: number; dueSoon: number; recallNotices?: number };
  items: WorkItem[];
}

/** The one in `/clocks/:id/extension`'s answer. */
export interface ClockExtended {
  clockId: string;
  dueOn: string | null;
}

export type { CreditClass, RiskGrade, TRiskFacts, UpgradeTriggerKind };

/** A line of a grade's explanation: which fact or rule gave how many points. */
export interface RiskExplanationLine {
  part: string;
  factor: string;
  label: { 'zh-CN': string; 'en-US': string };
  value: string;
  points: number | null;
  note: { 'zh-CN': string; 'en-US': string } | null;
}

/** One grade of one year (`RiskGrade` in the OpenAPI document). */
export interface RiskGradeRecord {
  id: string;
  year: number;
  ruleSetId: string;
  /** False while the rule set's figures are not checked against the official text. */
  confirmed: boolean;
  staticScore: number;
  dynamicScore: number;
  totalScore: number;
  scoreGrade: RiskGrade;
  computedGrade: RiskGrade;
  /** The grade in force (the computed one, or the override). */
  grade: RiskGrade;
  previousGrade: RiskGrade | null;
  movement: 'up' | 'keep' | 'down';
  origin: 'regrade' | 'override';
  overrideReason: string | null;
  isCurrent: boolean;
  createdAt: string;
  /** Sentences in the request's language, one per line. */
  explanation: string[];
  lines: RiskExplanationLine[];
}

/** An upgrade trigger (升级情形) on file. */
export interface RiskTrigger {
  id: string;
  kind: UpgradeTriggerKind;
  kindName: string;
  occurredOn: string;
  note: string;
  source: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

export interface RiskProfile {
  risk: TRiskFacts;
  creditClass: CreditClass | null;
  currentGrade: RiskGrade | null;
  version: number;
  updatedAt: string;
}

/** `GET /enterprises/:id/risk`. */
export interface RiskDossier {
  enterpriseId: string;
  profile: RiskProfile | null;
  current: RiskGradeRecord | null;
  history: RiskGradeRecord[];
  triggers: RiskTrigger[];
}

/** `GET /enterprises/:id/eligible-inspectors`: the roster, with why an inspector may not be assigned. */
export interface EligibleInspector {
  id: string;
  name: string;
  jurisdictionCode: string;
  /** Null when the inspector may be assigned; 回避 declared, or outside the enterprise's jurisdiction. */
  ineligible: 'recused' | 'out_of_jurisdiction' | null;
}

/** The kinds a supervisor schedules by hand (follow-ups are made by verification). */
export const SCHEDULED_KINDS = ['routine', 'flight', 'system'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

/** `GET /inspections?enterpriseId=`. */
export interface InspectionList {
  items: Inspection[];
  total: number;
}

export type RectificationStatus = 'open' | 'answered' | 'verified' | 'escalated';
export const RECTIFICATION_STATUSES: readonly RectificationStatus[] = ['open', 'answered', 'verified', 'escalated'];

/** 责令整改通知: the findings to fix, the enterprise's answer and the regulator's verification. */
export interface RectificationOrder {
  id: string;
  number: string;
  inspectionId: string;
  inspectionNumber: string;
  enterprise: { id: string; name: string };
  dueOn: string;
  status: RectificationStatus;
  response: string | null;
  respondedAt: string | null;
  verification: 'remote' | 'follow_up' | null;
  followUpInspectionId: string | null;
  verifiedAt: string | null;
  verificationNote: string | null;
  escalatedAt: string | null;
  /** `itemId` is the checklist item of the inspection; `repeat` when it failed before at this enterprise. */
  findings: { id: string; itemId: string; note: string; repeat: boolean; earlierFailures: number }[];
  evidence: { id: string; filename: string; contentType: string }[];
}

/** The evidence types the server accepts (整改证明材料). */
export const EVIDENCE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export interface EvidenceUpload {
  filename: string;
  contentType: EvidenceContentType;
  /** Base64 of the file's bytes (no data-URL prefix). */
  dataBase64: string;
}

/** The contract's limits on a response, checked in the browser before sending. */
export const RECTIFICATION_LIMITS = {
  responseLength: 5000,
  evidenceFiles: 5,
  /** 14,000,000 base64 characters on the server: about 10 MB of file. */
  evidenceBytes: 10 * 1024 * 1024,
  verificationNoteLength: 2000,
} as const;

/** A standing recusal (回避): the inspector is never drawn or assigned for the enterprise. */
export interface Recusal {
  id: string;
  inspectorId: string;
  inspectorName: string;
  enterpriseId: string;
  enterpriseName: string;
  reason: string;
  declaredOn: string;
}
