import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { registerDevice } from '../monitoring/device-service.ts';
import { buildEnterprise } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { enqueueJob } from './job-queue.ts';
import { startJobWorker } from './job-worker.ts';
import { PLATFORM_JOBS } from './platform-jobs.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('the daily monitoring job', () => {
  it('makes the reading partitions ahead and refreshes the statistics the wall is planned with', async () => {
    const enterprise = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
    for (const code of ['T-1', 'T-2', 'T-3']) {
      await registerDevice({ db: database.db, actor: SYSTEM_ACTOR }, enterprise.id, { kind: 'temperature', code, area: '灌装间', cleanClass: 'class_100000', ruleSetId: 'gmp-clean-area/1' });
    }
    await enqueueJob(database.db, { kind: 'monitoring.partitions', dedupeKey: 'monitoring.partitions:test' });
    const worker = startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 });
    expect(await worker.drain()).toBe(1);
    await worker.stop();
    const job = await database.db.selectFrom('jobs').select(['status']).where('dedupeKey', '=', 'monitoring.partitions:test').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const stats = await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE relname = 'monitoring_devices'`.execute(database.db);
    expect(Number(stats.rows[0]?.reltuples)).toBe(3);
    const partitions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'monitoring_readings'::regclass`.execute(database.db);
    expect(partitions.rows[0]?.n).toBeGreaterThanOrEqual(4); // the default and three months
  });
});
