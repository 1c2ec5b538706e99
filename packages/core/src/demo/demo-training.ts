/**
 * The demo city's training and spot-check exams (培训考核、抽查考核): this year's courses of every producer's
 * managers (most reach the 40 hours, some do not — one of the demo enterprise's among them), a closed 浦东
 * session with results (a few failures and one retake that passed), and an open session that examines the
 * demo enterprise's managers, so the exam page of `ent-admin-1` is alive. Rows are written in bulk inside the
 * demo load's transaction (its `demo.load` audit entry covers them).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { QUESTION_BANK, QUESTION_BANK_VERSION, TRAINING_RULES, addCalendarDays, drawQuestions, scoreExam } from '@shian/domain';
import { nextNumber } from '../db/counters.ts';
import type { ExamAttemptsTable, ExamCandidatesTable, TrainingRecordsTable } from '../db/schema-training.ts';
import type { TrxCtx } from '../db/transaction.ts';
import { createRandom, type Random } from './random.ts';

const COURSES = [
  { course: '食品安全法及实施条例解读', provider: '上海市食品安全工作联合会', hours: 8 },
  { course: '保健食品良好生产规范（GMP）实务', provider: '上海市保健食品行业协会', hours: 12 },
  { course: '日管控、周排查、月调度操作培训', provider: '区市场监督管理局', hours: 4 },
  { course: '特殊食品标签与广告合规', provider: '上海市食品药品安全研究会', hours: 6 },
  { course: '食品安全风险管控清单编制', provider: '区市场监督管理局', hours: 8 },
  { course: '追溯体系与召回管理', provider: '上海市食品安全信息追溯平台', hours: 6 },
  { course: 'HACCP 体系内审员培训', provider: '第三方认证机构', hours: 16 },
] as const;

interface Summary {
  trainingRecords: number;
  sessions: number;
  candidates: number;
  attempts: number;
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Answers with `wrong` of the drawn questions answered wrongly. */
function answersFor(questionIds: readonly string[], wrong: number): Record<string, string[]> {
  return Object.fromEntries(
    questionIds.map((id, i) => {
      const q = QUESTION_BANK.find((x) => x.id === id);
      const right = q ? [...q.answer] : [];
      const other = q?.options.map((o) => o.key).find((k) => !right.includes(k));
      return [id, i < wrong && other ? [other] : right];
    }),
  );
}

function attemptRow(random: Random, candidate: Insertable<ExamCandidatesTable>, sessionId: string, attemptNo: number, day: string, wrong: number, passMark: number): Insertable<ExamAttemptsTable> {
  const questions = drawQuestions(QUESTION_BANK, 20, () => random.next());
  const questionIds = questions.map((q) => q.id);
  const answers = answersFor(questionIds, wrong);
  const result = scoreExam(questions, answers, passMark);
  const startedAt = at(day, 9 + attemptNo);
  return {
    id: randomUUID(),
    candidateId: candidate.id,
    sessionId,
    enterpriseId: candidate.enterpriseId,
    jurisdictionCode: candidate.jurisdictionCode,
    attemptNo,
    questionIds,
    startedAt,
    deadlineAt: new Date(startedAt.getTime() + 30 * 60_000),
    answers: JSON.stringify(answers),
    submittedAt: new Date(startedAt.getTime() + random.int(12, 26) * 60_000),
    correct: result.correct,
    score: result.score,
    passed: result.passed,
    takenBy: null,
  };
}

export async function loadDemoTraining(trx: TrxCtx, options: { seed: number; asOf: string; demoEnterpriseId: string }): Promise<Summary> {
  const random = createRandom(options.seed, 'training');
  const { asOf } = options;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const managers = await trx.db
    .selectFrom('people')
    .innerJoin('enterprises', 'enterprises.id', 'people.enterpriseId')
    .select(['people.id', 'people.enterpriseId', 'people.jurisdictionCode'])
    .where('people.role', 'in', [...TRAINING_RULES.managerRoles])
    .where('people.endedOn', 'is', null)
    .where(sql<boolean>`enterprises.kinds @> ARRAY['producer']::text[]`)
    .orderBy('people.id')
    .execute();

  // Training: about three in four managers reach 40 h; the demo enterprise's first manager stays below.
  const records: Insertable<TrainingRecordsTable>[] = [];
  const span = Math.max(1, Math.round((Date.parse(asOf) - Date.parse(yearStart)) / 86_400_000));
  let demoShort = false;
  for (const m of managers) {
    const short = (m.enterpriseId === options.demoEnterpriseId && !demoShort) || random.chance(0.25);
    if (m.enterpriseId === options.demoEnterpriseId && !demoShort) demoShort = true;
    const goal = short ? random.int(8, 32) : random.int(40, 56);
    let total = 0;
    for (const c of random.sample(COURSES, COURSES.length)) {
      if (total >= goal) break;
      const hours = Math.min(c.hours, Math.max(goal - total, 2));
      records.push({ id: randomUUID(), personId: m.id, enterpriseId: m.enterpriseId, jurisdictionCode: m.jurisdictionCode, course: c.course, provider: c.provider, hours, attendedOn: addCalendarDays(yearStart, random.int(0, span - 1)) });
      total += hours;
    }
  }
  for (let i = 0; i < records.length; i += 1000) await trx.db.insertInto('trainingRecords').values(records.slice(i, i + 1000)).execute();

  // Sessions in 浦东 (310115), by its district supervisor when the account exists.
  const district = '310115';
  const supervisor = await trx.db.selectFrom('users').select('id').where('username', '=', 'pudong-supervisor').executeTakeFirst();
  const inDistrict = managers.filter((m) => m.jurisdictionCode.startsWith(district));
  const otherEnterprises = random.sample([...new Set(inDistrict.map((m) => m.enterpriseId))].filter((id) => id !== options.demoEnterpriseId), 8);
  const year = Number(asOf.slice(0, 4));
  const candidatesOf = (sessionId: string, enterpriseIds: readonly string[]): Insertable<ExamCandidatesTable>[] =>
    managers.filter((m) => enterpriseIds.includes(m.enterpriseId)).map((m) => ({ id: randomUUID(), sessionId, personId: m.id, enterpriseId: m.enterpriseId, jurisdictionCode: m.jurisdictionCode }));

  const pastId = randomUUID();
  const pastCreated = addCalendarDays(asOf, -45);
  const rules = { questionBankVersion: QUESTION_BANK_VERSION, questionCount: 20, timeLimitMinutes: 30, passMark: 80, maxAttempts: 2, createdBy: supervisor?.id ?? null };
  await trx.db
    .insertInto('examSessions')
    .values({ id: pastId, number: await nextNumber(trx.db, 'KH', district, year), title: `${year}年浦东新区特殊食品生产企业食品安全管理人员抽查考核（第一批）`, jurisdictionCode: district, drawPercent: 20, closesAt: at(addCalendarDays(asOf, -15), 23), createdAt: at(pastCreated, 10), ...rules })
    .execute();
  const past = candidatesOf(pastId, [options.demoEnterpriseId, ...otherEnterprises]);
  const attempts: Insertable<ExamAttemptsTable>[] = [];
  past.forEach((c, i) => {
    const day = addCalendarDays(pastCreated, 2 + (i % 10));
    if (i === 1) {
      // A retake: failed first, passed the second time (a new draw).
      attempts.push(attemptRow(random, c, pastId, 1, day, 7, 80), attemptRow(random, c, pastId, 2, addCalendarDays(day, 3), 2, 80));
    } else if (i % 6 === 4) {
      attempts.push(attemptRow(random, c, pastId, 1, day, random.int(5, 9), 80), attemptRow(random, c, pastId, 2, addCalendarDays(day, 2), random.int(5, 8), 80));
    } else {
      attempts.push(attemptRow(random, c, pastId, 1, day, random.int(0, 3), 80));
    }
  });

  const openId = randomUUID();
  await trx.db
    .insertInto('examSessions')
    .values({ id: openId, number: await nextNumber(trx.db, 'KH', district, year), title: `${year}年浦东新区特殊食品生产企业食品安全管理人员抽查考核（第二批）`, jurisdictionCode: district, drawPercent: null, closesAt: at(addCalendarDays(asOf, 14), 23), createdAt: at(addCalendarDays(asOf, -2), 10), ...rules })
    .execute();
  const open = candidatesOf(openId, [options.demoEnterpriseId, ...otherEnterprises.slice(0, 3)]);
  const candidates = [...past, ...open];
  if (candidates.length > 0) await trx.db.insertInto('examCandidates').values(candidates).execute();
  if (attempts.length > 0) await trx.db.insertInto('examAttempts').values(attempts).execute();
  return { trainingRecords: records.length, sessions: 2, candidates: candidates.length, attempts: attempts.length };
}
