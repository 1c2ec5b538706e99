import { SYSTEM_ACTOR, type Actor } from '@shian/domain';
import { createExamSession, startAttempt, today } from '@shian/core';
import { DISTRICTS } from './access-fixtures-inspection.ts';
import { ENTERPRISE_KEYS, recordOf, type AccessCase, type CaseInput, type EnterpriseKey, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of training records and spot-check exams (培训考核、抽查考核). Records, candidates and attempts
 * belong to an enterprise: its users and the regulators over it. A session is made per enterprise for the
 * enterprise's own street, so its scope is exactly that enterprise's; sessions, candidates and attempts are
 * made through the core use cases (as the platform, or as the enterprise for an attempt).
 */

const E = ENTERPRISE_KEYS;
const YEAR = Number(today().slice(0, 4));

const enterpriseActor = (f: Fixtures, key: EnterpriseKey): Actor => ({ userId: null, username: 'matrix-exam', role: 'enterprise_admin', jurisdictionCode: null, enterpriseId: f.at(key).enterprise.id });

/** A new session examining the enterprise's manager; its one candidate's id. */
async function newCandidate(f: Fixtures, key: EnterpriseKey): Promise<{ sessionId: string; candidateId: string }> {
  const e = f.at(key).enterprise;
  const session = await createExamSession(
    { db: f.db, actor: SYSTEM_ACTOR },
    { title: '矩阵抽查考核', jurisdictionCode: e.jurisdictionCode, enterpriseIds: [e.id], questionCount: 5, timeLimitMinutes: 30, passMark: 60, maxAttempts: 3, closesOn: `${YEAR + 1}-06-30` },
  );
  const candidate = await f.db.selectFrom('examCandidates').select('id').where('sessionId', '=', session.id).executeTakeFirstOrThrow();
  return { sessionId: session.id, candidateId: candidate.id };
}

const standing = new WeakMap<Fixtures, Map<string, { sessionId: string; candidateId: string; attemptId: string }>>();
/** One session per enterprise, with a running attempt, made once and kept. */
async function standingExam(f: Fixtures, key: EnterpriseKey) {
  const made = standing.get(f) ?? new Map();
  standing.set(f, made);
  const known = made.get(key);
  if (known) return known;
  const { sessionId, candidateId } = await newCandidate(f, key);
  const attempt = await startAttempt({ db: f.db, actor: enterpriseActor(f, key) }, candidateId);
  const exam = { sessionId, candidateId, attemptId: attempt.id };
  made.set(key, exam);
  return exam;
}

const scopeOf = (f: Fixtures, key: EnterpriseKey) => ({ jurisdictionCode: f.at(key).enterprise.jurisdictionCode, enterpriseId: f.at(key).enterprise.id });
const theSession = async ({ f, on }: CaseInput): Promise<Target> => ({ kind: 'record', table: 'examSessions', id: (await standingExam(f, on as EnterpriseKey)).sessionId, scope: scopeOf(f, on as EnterpriseKey) });
const theCandidate = async ({ f, on }: CaseInput): Promise<Target> => ({ kind: 'record', table: 'examCandidates', id: (await standingExam(f, on as EnterpriseKey)).candidateId, scope: scopeOf(f, on as EnterpriseKey) });
const theAttempt = async ({ f, on }: CaseInput): Promise<Target> => ({ kind: 'record', table: 'examAttempts', id: (await standingExam(f, on as EnterpriseKey)).attemptId, scope: scopeOf(f, on as EnterpriseKey) });
/** Submitting is one-shot: a fresh attempt per run. */
const freshAttempt = async ({ f, on }: CaseInput): Promise<Target> => {
  const { candidateId } = await newCandidate(f, on as EnterpriseKey);
  const attempt = await startAttempt({ db: f.db, actor: enterpriseActor(f, on as EnterpriseKey) }, candidateId);
  return { kind: 'record', table: 'examAttempts', id: attempt.id, scope: scopeOf(f, on as EnterpriseKey) };
};

const yearQuery = () => ({ query: `year=${YEAR}` });

export const TRAINING_CASES: AccessCase[] = [
  // Lists: the grant decides; the rows are narrowed to scope by the queries.
  { endpoint: 'GET /api/v1/training/hours', needs: 'training.read', request: yearQuery },
  { endpoint: 'GET /api/v1/training/records', needs: 'training.read', request: yearQuery },
  { endpoint: 'GET /api/v1/exam-sessions', needs: 'training.read' },
  { endpoint: 'GET /api/v1/exams/mine', needs: 'exam.take' },
  // A course of A's, B's or C's manager: recorded by the enterprise's own users.
  {
    endpoint: 'POST /api/v1/training/records',
    needs: 'training.record',
    on: E,
    target: recordOf('people', (e) => e.personId),
    request: ({ f, on }) => ({ payload: { personId: f.at(on).personId, course: '矩阵培训课程', hours: 4, attendedOn: `${YEAR}-01-02` } }),
  },
  // A district's KPIs: its regulators.
  { endpoint: 'GET /api/v1/training/kpis', needs: 'training.read', on: DISTRICTS, target: ({ on }) => ({ kind: 'area', code: on }), request: ({ on }) => ({ query: `jurisdictionCode=${on}&year=${YEAR}` }) },
  // A session for a district's enterprises: the bureau over the district.
  {
    endpoint: 'POST /api/v1/exam-sessions',
    needs: 'exam.manage',
    on: DISTRICTS,
    target: ({ on }) => ({ kind: 'area', code: on }),
    request: async ({ f, on }) => {
      const ids = E.map((k) => f.at(k).enterprise).filter((e) => e.jurisdictionCode.startsWith(on)).map((e) => e.id);
      return { payload: { title: '矩阵抽查', jurisdictionCode: on, enterpriseIds: ids, questionCount: 5, timeLimitMinutes: 20, passMark: 60, maxAttempts: 2, closesOn: `${YEAR + 1}-06-30` } };
    },
  },
  // A's, B's or C's session, candidate and attempt.
  { endpoint: 'GET /api/v1/exam-sessions/{id}', needs: 'training.read', on: E, target: theSession },
  { endpoint: 'POST /api/v1/exam-candidates/{id}/attempts', needs: 'exam.take', on: E, target: theCandidate },
  { endpoint: 'GET /api/v1/exam-attempts/{id}', needs: 'training.read', on: E, target: theAttempt },
  { endpoint: 'POST /api/v1/exam-attempts/{id}/submit', needs: 'exam.take', on: E, target: freshAttempt, request: () => ({ payload: { answers: {} } }) },
];
