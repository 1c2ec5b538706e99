import { z } from 'zod';
import type { AttemptView, ExamCandidateView, ExamSessionView, MyExam, TrainingHoursRow, TrainingRecordView } from '@shian/core';
import { kpiSchema } from '../common.contract.ts';

/** Shapes of the training and spot-check exam API (培训考核、抽查考核). */

export const yearQuery = z.coerce.number().int().min(2020).max(2100);
const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const trainingRecordSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    enterpriseId: z.uuid(),
    jurisdictionCode: z.string(),
    course: z.string(),
    provider: z.string().nullable(),
    hours: z.number(),
    attendedOn: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TrainingRecord' });

export const presentTrainingRecord = (r: TrainingRecordView) => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  enterpriseId: r.enterpriseId,
  jurisdictionCode: r.jurisdictionCode,
  course: r.course,
  provider: r.provider,
  hours: r.hours,
  attendedOn: r.attendedOn,
  createdAt: r.createdAt.toISOString(),
});

export const trainingHoursSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    role: z.string(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    jurisdictionCode: z.string(),
    hours: z.number(),
    required: z.number(),
    met: z.boolean(),
  })
  .meta({ id: 'TrainingHours' });
export const presentTrainingHours = (r: TrainingHoursRow) => r;

const sessionFields = {
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  jurisdictionCode: z.string(),
  questionBankVersion: z.string(),
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  drawPercent: z.number().int().nullable(),
  closesAt: z.string(),
  open: z.boolean(),
  createdAt: z.string(),
  counts: z.object({ candidates: z.number().int(), enterprises: z.number().int(), passed: z.number().int(), failed: z.number().int(), in_progress: z.number().int(), pending: z.number().int() }),
};
const statusSchema = z.enum(['passed', 'failed', 'in_progress', 'pending']);

export const examSessionSchema = z.object(sessionFields).meta({ id: 'ExamSession' });

const candidateSchema = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
  enterprise: z.object({ id: z.uuid(), name: z.string() }),
  jurisdictionCode: z.string(),
  status: statusSchema,
  bestScore: z.number().int().nullable(),
  attempts: z.array(z.object({ id: z.uuid(), attemptNo: z.number().int(), score: z.number().int().nullable(), passed: z.boolean().nullable(), submittedAt: z.string().nullable(), deadlineAt: z.string(), over: z.boolean() })),
});

export const examSessionDetailSchema = z.object({ ...sessionFields, candidates: z.array(candidateSchema) }).meta({ id: 'ExamSessionDetail' });

const presentCandidate = (c: ExamCandidateView) => ({
  id: c.id,
  person: c.person,
  enterprise: c.enterprise,
  jurisdictionCode: c.jurisdictionCode,
  status: c.status,
  bestScore: c.bestScore,
  attempts: c.attempts.map((a) => ({ ...a, submittedAt: iso(a.submittedAt), deadlineAt: a.deadlineAt.toISOString() })),
});

export function presentExamSession(v: ExamSessionView) {
  const s = v.session;
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    jurisdictionCode: s.jurisdictionCode,
    questionBankVersion: s.questionBankVersion,
    questionCount: s.questionCount,
    timeLimitMinutes: s.timeLimitMinutes,
    passMark: s.passMark,
    maxAttempts: s.maxAttempts,
    drawPercent: s.drawPercent,
    closesAt: s.closesAt.toISOString(),
    open: s.closesAt.getTime() > Date.now(),
    createdAt: s.createdAt.toISOString(),
    counts: v.counts,
  };
}
export const presentExamSessionDetail = (v: ExamSessionView) => ({ ...presentExamSession(v), candidates: v.candidates.map(presentCandidate) });

export const myExamSchema = z
  .object({
    candidateId: z.uuid(),
    session: z.object({ id: z.uuid(), number: z.string(), title: z.string(), questionCount: z.number().int(), timeLimitMinutes: z.number().int(), passMark: z.number().int(), maxAttempts: z.number().int(), closesAt: z.string() }),
    person: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
    status: statusSchema,
    attemptsUsed: z.number().int(),
    bestScore: z.number().int().nullable(),
    openAttemptId: z.uuid().nullable(),
    lastAttemptId: z.uuid().nullable(),
  })
  .meta({ id: 'MyExam' });
export const presentMyExam = (e: MyExam) => ({ ...e, session: { ...e.session, closesAt: e.session.closesAt.toISOString() } });

export const examAttemptSchema = z
  .object({
    id: z.uuid(),
    attemptNo: z.number().int(),
    session: z.object({ id: z.uuid(), number: z.string(), title: z.string(), passMark: z.number().int(), maxAttempts: z.number().int(), timeLimitMinutes: z.number().int() }),
    person: z.object({ id: z.uuid(), name: z.string() }),
    startedAt: z.string(),
    deadlineAt: z.string(),
    /** The server's clock when answering, so the countdown does not trust the phone's clock. */
    serverTime: z.string(),
    submittedAt: z.string().nullable(),
    over: z.boolean(),
    correct: z.number().int().nullable(),
    score: z.number().int().nullable(),
    passed: z.boolean().nullable(),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['single', 'multiple', 'true_false']),
        stem: localised,
        options: z.array(z.object({ key: z.string(), text: localised })),
        /** Only once the attempt is over. */
        answer: z.array(z.string()).nullable(),
        explanation: localised.nullable(),
        source: z.string().nullable(),
        given: z.array(z.string()).nullable(),
      }),
    ),
  })
  .meta({ id: 'ExamAttempt' });

export function presentAttempt(v: AttemptView) {
  const a = v.attempt;
  // Stored by the use case as question id → keys (jsonb); read back as parsed JSON.
  const given = (a.answers ?? {}) as Record<string, string[]>;
  const over = v.questions.some((q) => q.reveal) || a.submittedAt !== null;
  return {
    id: a.id,
    attemptNo: a.attemptNo,
    session: v.session,
    person: v.person,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    serverTime: new Date().toISOString(),
    submittedAt: iso(a.submittedAt),
    over,
    correct: a.correct,
    score: a.score,
    passed: a.passed,
    questions: v.questions.map(({ question: q, reveal }) => ({
      id: q.id,
      kind: q.kind,
      stem: q.stem,
      options: [...q.options],
      answer: reveal ? [...q.answer] : null,
      explanation: reveal ? q.explanation : null,
      source: reveal ? q.source : null,
      given: given[q.id] ?? null,
    })),
  };
}

const kpiSetSchema = { examPassRate: kpiSchema, trainingHours: kpiSchema };
export const trainingKpisSchema = z
  .object({
    year: z.number().int(),
    jurisdictionCode: z.string(),
    ruleSetId: z.string(),
    total: z.object(kpiSetSchema),
    districts: z.array(z.object({ districtCode: z.string(), nameZh: z.string(), nameEn: z.string(), ...kpiSetSchema })),
  })
  .meta({ id: 'TrainingKpis' });
