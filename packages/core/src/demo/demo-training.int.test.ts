import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../auth/sign-in.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import { today } from '../registry/guards.ts';
import { findExamSession, listExamSessions } from '../training/exam-sessions.ts';
import { listMyExams } from '../training/exam-attempts.ts';
import { listTrainingHours } from '../training/training-records.ts';
import { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';
import { loadDemoData } from './load-demo.ts';

let database: Database;

beforeAll(async () => {
  database = await connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedJurisdictions(database.db);
  await loadDemoData(database.db, { sellers: 50, asOf: today() });
}, 240_000);
afterAll(async () => database.close());

const actorFor = async (username: string) => actorOf(await database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow());

describe('the demo training and exams', () => {
  it("gives the demo enterprise's managers this year's hours, one of them below 40", async () => {
    const admin = await actorFor(DEMO_ENTERPRISE_ADMIN.username);
    const hours = await listTrainingHours({ db: database.db, actor: admin }, { year: Number(today().slice(0, 4)) });
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.some((h) => !h.met)).toBe(true);
  });

  it('has a closed session with passes, failures and a passed retake, and an open one for the demo enterprise', async () => {
    const supervisor = await actorFor('pudong-supervisor');
    const sessions = await listExamSessions({ db: database.db, actor: supervisor });
    expect(sessions).toHaveLength(2);
    const closed = sessions.find((s) => s.session.closesAt < new Date());
    if (!closed) throw new Error('no closed session');
    const detail = await findExamSession({ db: database.db, actor: supervisor }, closed.session.id);
    expect(detail.counts.passed).toBeGreaterThan(0);
    expect(detail.counts.failed).toBeGreaterThan(0);
    expect(detail.candidates.some((c) => c.status === 'passed' && c.attempts.length === 2)).toBe(true);

    const admin = await actorFor(DEMO_ENTERPRISE_ADMIN.username);
    const mine = await listMyExams({ db: database.db, actor: admin });
    expect(mine.some((e) => e.status === 'pending' && e.session.closesAt > new Date())).toBe(true);
  });
});
