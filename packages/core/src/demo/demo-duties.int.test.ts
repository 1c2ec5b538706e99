import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '@shian/domain';
import { actorOf } from '../auth/sign-in.ts';
import type { Database } from '../db/connect.ts';
import { listWorkQueue } from '../deadlines/work-queue.ts';
import { computeDutyKpis } from '../duties/duty-kpis.ts';
import { findDutyOverview } from '../duties/duty-overview.ts';
import { today } from '../registry/guards.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { DEMO_ENTERPRISE_ADMIN, findDemoEnterprise, loadDemoData } from './load-demo.ts';

/** The demo city's duties (主体责任) as the demo enterprise and the city see them after a load. */
const asOf = today();
let database: Database;
let enterpriseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoData(database.db, { sellers: 0, asOf });
  enterpriseId = (await findDemoEnterprise(database.db))!.id;
});
afterAll(async () => database?.close());

describe('demo duties', () => {
  it('gives the demo enterprise 60 days of checks with 3 gaps, today open for the one tap, and an escalated hazard in its 待办', async () => {
    const user = await database.db.selectFrom('users').selectAll().where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirstOrThrow();
    const ctx = { db: database.db, actor: actorOf(user) };
    const overview = await findDutyOverview(ctx, enterpriseId, asOf);
    expect(overview.list).toMatchObject({ startedOn: addCalendarDays(asOf, -60) });
    expect(overview.today).toBeNull();
    expect(overview.rates?.daily).toMatchObject({ numerator: 57, denominator: 60 });
    expect(overview.rates?.daily.missing).toHaveLength(3);
    expect(overview.hazards.map((h) => h.standing).sort()).toEqual(['escalated', 'fixed', 'open']);
    expect(overview.weeklyReports.length).toBeGreaterThanOrEqual(6);
    expect(overview.monthlyMinutes.length).toBeGreaterThanOrEqual(1);
    const queue = await listWorkQueue(ctx);
    expect(queue.items.filter((w) => w.ruleId === 'duties.hazard_fix').map((w) => w.standing).sort()).toEqual(['on_time', 'overdue']);
  });

  it('fills the district table for the city with rates under 100 % somewhere', async () => {
    const admin = await database.db.selectFrom('users').selectAll().where('role', '=', 'city_admin').executeTakeFirstOrThrow();
    const kpis = await computeDutyKpis({ db: database.db, actor: actorOf(admin) }, '310000', asOf);
    expect(kpis.total.daily.denominator).toBe(57 * 60);
    expect(kpis.total.daily.rate).toBeLessThan(1);
    expect(kpis.total.daily.rate).toBeGreaterThan(0.8);
    expect(kpis.districts.filter((d) => d.enterprises > 0).length).toBeGreaterThan(3);
    expect(kpis.lowest[0]!.daily).toBeLessThanOrEqual(kpis.lowest[kpis.lowest.length - 1]!.daily);
  });
});
