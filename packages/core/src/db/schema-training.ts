import type { ColumnType } from 'kysely';
import type { DateString, DefaultTimestamp, Timestamp } from './schema.ts';

/** Tables of training and spot-check exams (培训考核、抽查考核), migration 0006. */

export interface TrainingRecordsTable {
  id: string;
  personId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  course: string;
  provider: string | null;
  hours: number;
  attendedOn: DateString;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface ExamSessionsTable {
  id: string;
  number: string;
  title: string;
  jurisdictionCode: string;
  questionBankVersion: string;
  questionCount: number;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  drawPercent: number | null;
  closesAt: Timestamp;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface ExamCandidatesTable {
  id: string;
  sessionId: string;
  personId: string;
  enterpriseId: string;
  jurisdictionCode: string;
}

export interface ExamAttemptsTable {
  id: string;
  candidateId: string;
  sessionId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  attemptNo: number;
  questionIds: string[];
  startedAt: Timestamp;
  deadlineAt: Timestamp;
  /** Question id → chosen keys, as submitted. */
  answers: ColumnType<unknown, string | null | undefined, string | null>;
  submittedAt: Timestamp | null;
  correct: number | null;
  score: number | null;
  passed: boolean | null;
  takenBy: string | null;
}
