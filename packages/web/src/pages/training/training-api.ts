import { useQuery } from '@tanstack/react-query';
import type { Localised } from '@shian/domain/i18n/locale.ts';
import type { Kpi } from '@shian/domain/kpi/kpi.ts';
import { apiGet } from '../../api/client.ts';

/** What the training pages (培训考核, 抽查考核) read from the server: the shapes of `/training/*`, `/exam-*`. */

export interface TrainingHours {
  personId: string;
  name: string;
  role: string;
  enterpriseId: string;
  enterpriseName: string;
  jurisdictionCode: string;
  hours: number;
  required: number;
  met: boolean;
}

export interface TrainingRecord {
  id: string;
  personId: string;
  personName: string;
  enterpriseId: string;
  course: string;
  provider: string | null;
  hours: number;
  attendedOn: string;
}

export type CandidateStatus = 'passed' | 'failed' | 'in_progress' | 'pending';

export interface ExamSession {
  id: string;
  number: string;
  title: string;
  jurisdictionCode: string;
  questionCount: number;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  drawPercent: number | null;
  closesAt: string;
  open: boolean;
  createdAt: string;
  counts: Record<CandidateStatus, number> & { candidates: number; enterprises: number };
}

export interface ExamCandidate {
  id: string;
  person: { id: string; name: string; role: string };
  enterprise: { id: string; name: string };
  status: CandidateStatus;
  bestScore: number | null;
  attempts: { id: string; attemptNo: number; score: number | null; passed: boolean | null; submittedAt: string | null; over: boolean }[];
}

export interface ExamSessionDetail extends ExamSession {
  candidates: ExamCandidate[];
}

export interface MyExam {
  candidateId: string;
  session: { id: string; number: string; title: string; questionCount: number; timeLimitMinutes: number; passMark: number; maxAttempts: number; closesAt: string };
  person: { id: string; name: string; role: string };
  status: CandidateStatus;
  attemptsUsed: number;
  bestScore: number | null;
  openAttemptId: string | null;
  lastAttemptId: string | null;
}

export interface ExamQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  stem: Localised;
  options: { key: string; text: Localised }[];
  answer: string[] | null;
  explanation: Localised | null;
  source: string | null;
  given: string[] | null;
}

export interface ExamAttempt {
  id: string;
  attemptNo: number;
  session: { id: string; number: string; title: string; passMark: number; maxAttempts: number; timeLimitMinutes: number };
  person: { id: string; name: string };
  startedAt: string;
  deadlineAt: string;
  serverTime: string;
  submittedAt: string | null;
  over: boolean;
  correct: number | null;
  score: number | null;
  passed: boolean | null;
  questions: ExamQuestion[];
}

export type TrainingKpi = Kpi;
export interface TrainingKpiSet {
  examPassRate: TrainingKpi;
  trainingHours: TrainingKpi;
}
export interface TrainingKpis {
  year: number;
  jurisdictionCode: string;
  total: TrainingKpiSet;
  districts: ({ districtCode: string; nameZh: string; nameEn: string } & TrainingKpiSet)[];
}

export const useTrainingHours = (year: number) =>
  useQuery({ queryKey: ['training', 'hours', year], queryFn: ({ signal }) => apiGet<{ items: TrainingHours[] }>('/api/v1/training/hours', { query: { year }, signal }) });

export const useTrainingRecords = (year: number) =>
  useQuery({ queryKey: ['training', 'records', year], queryFn: ({ signal }) => apiGet<{ items: TrainingRecord[] }>('/api/v1/training/records', { query: { year }, signal }) });

export const useMyExams = () => useQuery({ queryKey: ['training', 'mine'], queryFn: ({ signal }) => apiGet<{ items: MyExam[] }>('/api/v1/exams/mine', { signal }) });

export const useExamSessions = () => useQuery({ queryKey: ['training', 'sessions'], queryFn: ({ signal }) => apiGet<{ items: ExamSession[] }>('/api/v1/exam-sessions', { signal }) });

export const useExamSession = (id: string) =>
  useQuery({ queryKey: ['training', 'session', id], queryFn: ({ signal }) => apiGet<ExamSessionDetail>(`/api/v1/exam-sessions/${encodeURIComponent(id)}`, { signal }) });

export const useExamAttempt = (id: string) =>
  useQuery({ queryKey: ['training', 'attempt', id], queryFn: ({ signal }) => apiGet<ExamAttempt>(`/api/v1/exam-attempts/${encodeURIComponent(id)}`, { signal }), refetchOnWindowFocus: false });

export const useTrainingKpis = (jurisdictionCode: string | null, year: number) =>
  useQuery({
    queryKey: ['training', 'kpis', jurisdictionCode, year],
    queryFn: ({ signal }) => apiGet<TrainingKpis>('/api/v1/training/kpis', { query: { jurisdictionCode, year }, signal }),
    enabled: jurisdictionCode !== null,
  });
