import { randomInt, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, QUESTION_BANK_VERSION, TRAINING_RULES, assertCan, isWithin, type ExamSessionCreate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { nextNumber } from '../db/counters.ts';
import type { Db } from '../db/connect.ts';
import type { ExamAttemptsTable, ExamCandidatesTable, ExamSessionsTable } from '../db/schema-training.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { assertJurisdictionUsable, today } from '../registry/guards.ts';
import { trainingScope } from './training-scope.ts';

export type ExamSessionRow = Selectable<ExamSessionsTable>;
export type ExamCandidateRow = Selectable<ExamCandidatesTable>;
export type ExamAttemptRow = Selectable<ExamAttemptsTable>;

/** A candidate's standing: passed; failed (attempts used up, or the session closed without a pass); taking; not yet sat. */
export type CandidateStatus = 'passed' | 'failed' | 'in_progress' | 'pending';

/** The end of the closing day, Beijing time. */
export const closesAtOf = (closesOn: string): Date => new Date(`${closesOn}T23:59:59.999+08:00`);

/** An attempt is over when submitted or past its deadline (an unsubmitted one then scores nothing). */
export const attemptOver = (a: Pick<ExamAttemptRow, 'submittedAt' | 'deadlineAt'>, now: Date): boolean => a.submittedAt !== null || a.deadlineAt <= now;

export function candidateStatus(session: Pick<ExamSessionRow, 'maxAttempts' | 'closesAt'>, attempts: readonly ExamAttemptRow[], now: Date): CandidateStatus {
  if (attempts.some((a) => a.passed === true)) return 'passed';
  if (attempts.some((a) => !attemptOver(a, now))) return 'in_progress';
  if (attempts.length >= session.maxAttempts || session.closesAt <= now) return 'failed';
  return 'pending';
}

/**
 * The bureau creates a spot-check exam session (抽查考核) for enterprises of its jurisdiction: named ones, or a
 * share drawn at random among those with serving managers. Every serving manager (食品安全总监、食品安全员、
 * 质量安全受权人) of each chosen enterprise becomes a candidate.
 */
export async function createExamSession(ctx: Ctx, input: ExamSessionCreate): Promise<ExamSessionRow> {
  assertCan(ctx.actor, 'exam.manage', { jurisdictionCode: input.jurisdictionCode, enterpriseId: null });
  return withTransaction(ctx, async (trx) => {
    await assertJurisdictionUsable(trx.db, ctx.actor, input.jurisdictionCode);
    const day = today();
    if (input.closesOn < day) throw new AppError('request.invalid', { details: [{ path: 'closesOn', message: 'field.exam_closes_past' }], params: { count: 1 } });
    const managers = trx.db
      .selectFrom('people')
      .select(['people.id', 'people.enterpriseId', 'people.jurisdictionCode'])
      .where('people.role', 'in', [...TRAINING_RULES.managerRoles])
      .where('people.appointedOn', '<=', day)
      .where((eb) => eb.or([eb('people.endedOn', 'is', null), eb('people.endedOn', '>=', day)]));
    let enterpriseIds: string[];
    if (input.enterpriseIds) {
      const found = await trx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', 'in', input.enterpriseIds).execute();
      const details = input.enterpriseIds.flatMap((id, i) => {
        const e = found.find((f) => f.id === id);
        return e && isWithin(e.jurisdictionCode, input.jurisdictionCode) ? [] : [{ path: `enterpriseIds.${i}`, message: 'field.exam_enterprise_out_of_scope' }];
      });
      if (details.length > 0) throw new AppError('request.invalid', { details, params: { count: details.length } });
      enterpriseIds = [...new Set(input.enterpriseIds)];
    } else {
      const withManagers = await managers
        .innerJoin('enterprises', 'enterprises.id', 'people.enterpriseId')
        .where('enterprises.status', '=', 'active')
        .where('enterprises.jurisdictionCode', 'like', `${input.jurisdictionCode}%`)
        .execute();
      const pool = [...new Set(withManagers.map((r) => r.enterpriseId))].sort();
      const take = Math.ceil((pool.length * (input.drawPercent ?? 100)) / 100);
      for (let i = 0; i < take; i += 1) {
        const j = i + randomInt(pool.length - i);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      enterpriseIds = pool.slice(0, take);
    }
    const candidates = enterpriseIds.length === 0 ? [] : await managers.where('people.enterpriseId', 'in', enterpriseIds).orderBy('people.id').execute();
    if (candidates.length === 0) throw new AppError('exam.no_candidates');
    const session = await trx.db
      .insertInto('examSessions')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'KH', input.jurisdictionCode, Number(day.slice(0, 4))),
        title: input.title,
        jurisdictionCode: input.jurisdictionCode,
        questionBankVersion: QUESTION_BANK_VERSION,
        questionCount: input.questionCount,
        timeLimitMinutes: input.timeLimitMinutes,
        passMark: input.passMark,
        maxAttempts: input.maxAttempts,
        drawPercent: input.drawPercent ?? null,
        closesAt: closesAtOf(input.closesOn),
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.db
      .insertInto('examCandidates')
      .values(candidates.map((c) => ({ id: randomUUID(), sessionId: session.id, personId: c.id, enterpriseId: c.enterpriseId, jurisdictionCode: c.jurisdictionCode })))
      .execute();
    await recordAudit(trx, {
      action: 'exam.session_create',
      entityType: 'exam_session',
      entityId: session.id,
      jurisdictionCode: session.jurisdictionCode,
      enterpriseId: null,
      before: null,
      after: { ...session, enterpriseIds, candidateCount: candidates.length },
    });
    return session;
  });
}

export interface ExamCandidateView {
  id: string;
  sessionId: string;
  person: { id: string; name: string; role: string };
  enterprise: { id: string; name: string };
  jurisdictionCode: string;
  status: CandidateStatus;
  bestScore: number | null;
  attempts: { id: string; attemptNo: number; score: number | null; passed: boolean | null; submittedAt: Date | null; deadlineAt: Date; over: boolean }[];
}

export interface ExamSessionView {
  session: ExamSessionRow;
  counts: Record<CandidateStatus, number> & { candidates: number; enterprises: number };
  candidates: ExamCandidateView[];
}

/** Candidates in scope of the given sessions, with their attempts and standing. */
export async function candidateViews(db: Db, ctx: Ctx, sessions: readonly ExamSessionRow[], now: Date): Promise<ExamCandidateView[]> {
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const rows = await db
    .selectFrom('examCandidates')
    .innerJoin('people', 'people.id', 'examCandidates.personId')
    .innerJoin('enterprises', 'enterprises.id', 'examCandidates.enterpriseId')
    .select(['examCandidates.id', 'examCandidates.sessionId', 'examCandidates.jurisdictionCode', 'people.id as personId', 'people.name as personName', 'people.role', 'enterprises.id as enterpriseId', 'enterprises.name as enterpriseName'])
    .where('examCandidates.sessionId', 'in', ids)
    .where(trainingScope(ctx.actor, 'examCandidates'))
    .orderBy('enterprises.name')
    .orderBy('people.name')
    .execute();
  const attempts = rows.length === 0 ? [] : await db.selectFrom('examAttempts').selectAll().where('candidateId', 'in', rows.map((r) => r.id)).orderBy('attemptNo').execute();
  return rows.map((r) => {
    const session = sessions.find((s) => s.id === r.sessionId)!;
    const own = attempts.filter((a) => a.candidateId === r.id);
    const scores = own.map((a) => a.score).filter((s): s is number => s !== null);
    return {
      id: r.id,
      sessionId: r.sessionId,
      person: { id: r.personId, name: r.personName, role: r.role },
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      jurisdictionCode: r.jurisdictionCode,
      status: candidateStatus(session, own, now),
      bestScore: scores.length > 0 ? Math.max(...scores) : null,
      attempts: own.map((a) => ({ id: a.id, attemptNo: a.attemptNo, score: a.score, passed: a.passed, submittedAt: a.submittedAt, deadlineAt: a.deadlineAt, over: attemptOver(a, now) })),
    };
  });
}

function countsOf(candidates: readonly ExamCandidateView[]): ExamSessionView['counts'] {
  const count = (s: CandidateStatus) => candidates.filter((c) => c.status === s).length;
  return {
    candidates: candidates.length,
    enterprises: new Set(candidates.map((c) => c.enterprise.id)).size,
    passed: count('passed'),
    failed: count('failed'),
    in_progress: count('in_progress'),
    pending: count('pending'),
  };
}

/** Exam sessions in scope, newest first, with their counts (an enterprise sees only its own candidates). */
export async function listExamSessions(ctx: Ctx): Promise<ExamSessionView[]> {
  assertCan(ctx.actor, 'training.read');
  const sessions = await ctx.db.selectFrom('examSessions').selectAll().where(trainingScope(ctx.actor, 'examSessions')).orderBy('createdAt', 'desc').orderBy('id').limit(100).execute();
  const candidates = await candidateViews(ctx.db, ctx, sessions, new Date());
  return sessions.map((session) => ({ session, counts: countsOf(candidates.filter((c) => c.sessionId === session.id)), candidates: [] }));
}

/** One session with its candidates' results. */
export async function findExamSession(ctx: Ctx, id: string): Promise<ExamSessionView> {
  assertCan(ctx.actor, 'training.read');
  const session = await ctx.db.selectFrom('examSessions').selectAll().where('id', '=', id).where(trainingScope(ctx.actor, 'examSessions')).executeTakeFirst();
  if (!session) throw new AppError('resource.not_found');
  const candidates = await candidateViews(ctx.db, ctx, [session], new Date());
  return { session, counts: countsOf(candidates), candidates };
}
