import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGtin14 } from '@shian/domain';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { listWorkQueue } from '../deadlines/work-queue.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import { findLotRelease } from '../qa-release/qa-release-service.ts';
import { today } from '../registry/guards.ts';
import { computeSelfInspectionKpis } from '../self-inspection/self-inspection-kpis.ts';
import { actorOf } from '../auth/sign-in.ts';
import { loadDemoSelfInspection, type SelfInspectionSummary } from './demo-self-inspection.ts';
import { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';
import { loadDemoData } from './load-demo.ts';

/** The demo city with a stand-in for the trace demo's lot (a code batch of the demo enterprise's product). */
let database: Database;
let summary: SelfInspectionSummary;
const asOf = today();
const YEAR = Number(asOf.slice(0, 4));
let gtin: string;

beforeAll(async () => {
  database = await connectDatabase({ dataDir: 'memory://' });
  const db = database.db;
  await migrateToLatest(db);
  await seedJurisdictions(db);
  await loadDemoData(db, { sellers: 50, asOf });
  const admin = await db.selectFrom('users').selectAll().where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirstOrThrow();
  const product = await db.selectFrom('products').select(['id', 'gtins', 'jurisdictionCode']).where('enterpriseId', '=', admin.enterpriseId!).where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow();
  gtin = toGtin14(product.gtins[0]!)!;
  await db
    .insertInto('traceCodeBatches')
    .values({ id: randomUUID(), number: `TB-${randomUUID()}`, enterpriseId: admin.enterpriseId!, productId: product.id, jurisdictionCode: product.jurisdictionCode, gtin, lot: '2611A01', productionDate: '2026-11-01', expiryDate: '2028-10-31', quantity: 10, issued: 10, status: 'issued', jobId: null, requestedBy: null, finishedAt: new Date() })
    .execute();
  summary = await loadDemoSelfInspection(db, { asOf });
}, 240_000);
afterAll(async () => database?.close());

describe('the demo self-inspection record', () => {
  it("gives every special-food producer last year's submitted report, and this year a mix of stages", async () => {
    const db = database.db;
    const producers = await db.selectFrom('enterprises').select('id').where(sql<boolean>`kinds @> ARRAY['producer']::text[]`).execute();
    const last = await db.selectFrom('selfInspectionReports').select(['enterpriseId', 'status']).where('year', '=', YEAR - 1).execute();
    expect(new Set(last.map((r) => r.enterpriseId)).size).toBe(producers.length);
    expect(last.every((r) => r.status === 'acknowledged')).toBe(true);
    const current = await db.selectFrom('selfInspectionReports').select('status').where('year', '=', YEAR).execute();
    const statuses = new Set(current.map((r) => r.status));
    for (const s of ['draft', 'submitted', 'acknowledged', 'returned']) expect(statuses).toContain(s);
    expect(current.length).toBeLessThan(producers.length);
    expect(summary.reports).toBe(last.length + current.length);
  });

  it("puts the demo enterprise's overdue rectification item in its work queue", async () => {
    const admin = await database.db.selectFrom('users').selectAll().where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirstOrThrow();
    const queue = await listWorkQueue({ db: database.db, actor: actorOf(admin) });
    const items = queue.items.filter((i) => i.subjectType === 'self_inspection_rectification');
    expect(items.map((i) => i.standing).sort()).toEqual(['on_time', 'overdue']);
  });

  it('gives the city KPIs below target and a release decision for the trace lot', async () => {
    const supervisor = await database.db.selectFrom('users').selectAll().where('username', '=', 'city-supervisor').executeTakeFirstOrThrow();
    const kpis = await computeSelfInspectionKpis({ db: database.db, actor: actorOf(supervisor) }, '310000', YEAR);
    expect(kpis.total.reportRate.denominator).toBeGreaterThan(kpis.total.reportRate.numerator);
    expect(kpis.total.reportRate.numerator).toBeGreaterThan(0);
    expect(kpis.total.rectificationRate.denominator).toBeGreaterThan(kpis.total.rectificationRate.numerator);
    expect(await findLotRelease(database.db, { gtin }, '2611A01')).toMatchObject({ decision: 'release', corrected: false });
    expect(await findLotRelease(database.db, { gtin }, '2611R01')).toMatchObject({ decision: 'reject' });
    expect(summary.releases).toBe(2);
  });
});
