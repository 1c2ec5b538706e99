import { randomInt, randomUUID } from 'node:crypto';
import { AppError, QUESTION_BANK, assertCan, drawQuestions, findQuestion, scoreExam, type ExamSubmit, type Question } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { attemptOver, candidateViews, type CandidateStatus, type ExamAttemptRow, type ExamSessionRow } from './exam-sessions.ts';
import { trainingScope } from './training-scope.ts';

/** Answers reaching the server this long after the deadline still count (the time the request was on the way). */
export const SUBMIT_GRACE_MS = 10_000;

const uniform = (): number => randomInt(0, 2 ** 47) / 2 ** 47;

export interface MyExam {
  candidateId: string;
  session: Pick<ExamSessionRow, 'id' | 'number' | 'title' | 'questionCount' | 'timeLimitMinutes' | 'passMark' | 'maxAttempts' | 'closesAt'>;
  person: { id: string; name: string; role: string };
  status: CandidateStatus;
  attemptsUsed: number;
  bestScore: number | null;
  /** The attempt being taken, to resume. */
  openAttemptId: string | null;
  lastAttemptId: string | null;
}

/** The exams of the enterprise's managers (我的考试): what to take, what is running, what is done. */
export async function listMyExams(ctx: Ctx): Promise<MyExam[]> {
  assertCan(ctx.actor, 'exam.take');
  const now = new Date();
  const sessions = await ctx.db.selectFrom('examSessions').selectAll().where(trainingScope(ctx.actor, 'examSessions')).orderBy('closesAt', 'desc').limit(50).execute();
  const candidates = await candidateViews(ctx.db, ctx, sessions, now);
  return candidates.map((c) => {
    const s = sessions.find((x) => x.id === c.sessionId)!;
    return {
      candidateId: c.id,
      session: { id: s.id, number: s.number, title: s.title, questionCount: s.questionCount, timeLimitMinutes: s.timeLimitMinutes, passMark: s.passMark, maxAttempts: s.maxAttempts, closesAt: s.closesAt },
      person: c.person,
      status: c.status,
      attemptsUsed: c.attempts.length,
      bestScore: c.bestScore,
      openAttemptId: c.attempts.find((a) => !a.over)?.id ?? null,
      lastAttemptId: c.attempts.at(-1)?.id ?? null,
    };
  });
}

/**
 * Starts an attempt (or returns the one running): a new random draw of the session's question count, in random
 * order, and a deadline the server enforces (the time limit, but never past the session's close).
 */
export async function startAttempt(ctx: Ctx, candidateId: string): Promise<ExamAttemptRow> {
  return withTransaction(ctx, async (trx) => {
    const candidate = await trx.db.selectFrom('examCandidates').selectAll().where('id', '=', candidateId).forUpdate().executeTakeFirst();
    if (!candidate) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'exam.take', { jurisdictionCode: candidate.jurisdictionCode, enterpriseId: candidate.enterpriseId });
    const session = await trx.db.selectFrom('examSessions').selectAll().where('id', '=', candidate.sessionId).executeTakeFirstOrThrow();
    const attempts = await trx.db.selectFrom('examAttempts').selectAll().where('candidateId', '=', candidateId).orderBy('attemptNo').execute();
    const now = new Date();
    const running = attempts.find((a) => !attemptOver(a, now));
    if (running) return running;
    if (attempts.some((a) => a.passed === true)) throw new AppError('exam.already_passed');
    if (session.closesAt <= now) throw new AppError('exam.session_closed');
    if (attempts.length >= session.maxAttempts) throw new AppError('exam.no_attempts_left', { params: { max: session.maxAttempts } });
    const questions = drawQuestions(QUESTION_BANK, session.questionCount, uniform);
    const limit = new Date(now.getTime() + session.timeLimitMinutes * 60_000);
    const attempt = await trx.db
      .insertInto('examAttempts')
      .values({
        id: randomUUID(),
        candidateId,
        sessionId: session.id,
        enterpriseId: candidate.enterpriseId,
        jurisdictionCode: candidate.jurisdictionCode,
        attemptNo: attempts.length + 1,
        questionIds: questions.map((q) => q.id),
        startedAt: now,
        deadlineAt: limit < session.closesAt ? limit : session.closesAt,
        takenBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'exam.attempt_start', entityType: 'exam_attempt', entityId: attempt.id, jurisdictionCode: attempt.jurisdictionCode, enterpriseId: attempt.enterpriseId, before: null, after: attempt });
    return attempt;
  });
}

export interface AttemptView {
  attempt: ExamAttemptRow;
  session: Pick<ExamSessionRow, 'id' | 'number' | 'title' | 'passMark' | 'maxAttempts' | 'timeLimitMinutes'>;
  person: { id: string; name: string };
  /** The drawn questions in order; the answers and explanations only once the attempt is over. */
  questions: { question: Question; reveal: boolean }[];
}

/** One attempt, for taking it or reading its result (the enterprise's users and the regulators over it). */
export async function findAttempt(ctx: Ctx, id: string): Promise<AttemptView> {
  assertCan(ctx.actor, 'training.read');
  const attempt = await ctx.db.selectFrom('examAttempts').selectAll().where('id', '=', id).where(trainingScope(ctx.actor, 'examAttempts')).executeTakeFirst();
  if (!attempt) throw new AppError('resource.not_found');
  const session = await ctx.db.selectFrom('examSessions').select(['id', 'number', 'title', 'passMark', 'maxAttempts', 'timeLimitMinutes']).where('id', '=', attempt.sessionId).executeTakeFirstOrThrow();
  const person = await ctx.db
    .selectFrom('examCandidates')
    .innerJoin('people', 'people.id', 'examCandidates.personId')
    .select(['people.id', 'people.name'])
    .where('examCandidates.id', '=', attempt.candidateId)
    .executeTakeFirstOrThrow();
  const reveal = attemptOver(attempt, new Date());
  const questions = attempt.questionIds.flatMap((qid) => {
    const question = findQuestion(qid);
    return question ? [{ question, reveal }] : [];
  });
  return { attempt, session, person, questions };
}

/** Submits the answers: refused after the deadline; scored against the pass mark; stored with who submitted. */
export async function submitAttempt(ctx: Ctx, id: string, input: ExamSubmit): Promise<ExamAttemptRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('examAttempts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'exam.take', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (before.submittedAt !== null) throw new AppError('exam.attempt_submitted');
    const now = new Date();
    if (now.getTime() > before.deadlineAt.getTime() + SUBMIT_GRACE_MS) throw new AppError('exam.deadline_passed');
    const session = await trx.db.selectFrom('examSessions').select(['passMark']).where('id', '=', before.sessionId).executeTakeFirstOrThrow();
    const questions = before.questionIds.flatMap((qid) => findQuestion(qid) ?? []);
    const answers = Object.fromEntries(before.questionIds.filter((qid) => input.answers[qid] !== undefined).map((qid) => [qid, input.answers[qid] ?? []]));
    const result = scoreExam(questions, answers, session.passMark);
    const after = await trx.db
      .updateTable('examAttempts')
      .set({ answers: JSON.stringify(answers), submittedAt: now, correct: result.correct, score: result.score, passed: result.passed, takenBy: ctx.actor.userId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'exam.attempt_submit', entityType: 'exam_attempt', entityId: id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
    return after;
  });
}
