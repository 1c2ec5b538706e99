import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { claimNextJob, completeJob, enqueueJob, findJob } from './job-queue.ts';
import { startJobWorker, type JobHandler } from './job-worker.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** A job kind of its own per test, so that tests sharing the database never take each other's jobs. */
const kindOf = (name: string) => `test.${name}.${randomUUID().slice(0, 8)}`;

/** Lets a job that waits for its back-off run now, as if the pause had passed. */
const makeDue = (id: number) => sql`UPDATE jobs SET run_after = now() - interval '1 second' WHERE id = ${id}`.execute(database.db);

describe('the job queue', () => {
  it('queues a job once per dedupe key', async () => {
    const kind = kindOf('dedupe');
    const key = `${kind}:2027`;
    const first = await enqueueJob(database.db, { kind, dedupeKey: key, payload: { year: 2027 } });
    const second = await enqueueJob(database.db, { kind, dedupeKey: key, payload: { year: 2028 } });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });

    const rows = await database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'queued', payload: { year: 2027 }, attempts: 0 });

    // Without a key every request is its own job.
    const a = await enqueueJob(database.db, { kind });
    const b = await enqueueJob(database.db, { kind });
    expect(a.id).not.toBe(b.id);
  });

  it('does not hand out a job before its time', async () => {
    const kind = kindOf('later');
    await enqueueJob(database.db, { kind, runAfter: new Date(Date.now() + 3_600_000) });
    expect(await claimNextJob(database.db, [kind])).toBeNull();
  });

  it('retries a failing handler after a growing pause and marks it failed once its attempts are spent', async () => {
    const kind = kindOf('failing');
    const { id } = await enqueueJob(database.db, { kind, maxAttempts: 3 });
    let calls = 0;
    const errors: unknown[] = [];
    const handlers: Record<string, JobHandler> = {
      [kind]: async () => {
        calls += 1;
        throw new Error(`supplier registry unreachable (${calls})`);
      },
    };
    const worker = startJobWorker(database.db, handlers, { pollMs: 0, onError: (error) => errors.push(error) });
    try {
      const pauses: number[] = [];
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const before = Date.now();
        expect(await worker.drain()).toBe(1);
        const job = await findJob(database.db, id);
        expect(job).toMatchObject({ status: 'queued', attempts: attempt, lastError: `supplier registry unreachable (${attempt})`, lockedUntil: null, finishedAt: null });
        pauses.push(job!.runAfter.getTime() - before);
        // Not retried before the pause is over.
        expect(await worker.drain()).toBe(0);
        await makeDue(id);
      }
      expect(pauses[0]).toBeGreaterThanOrEqual(30_000);
      expect(pauses[1]).toBeGreaterThan(pauses[0]! + 30_000);

      expect(await worker.drain()).toBe(1);
      const failed = await findJob(database.db, id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'supplier registry unreachable (3)' });
      expect(failed?.finishedAt).toBeInstanceOf(Date);

      // Spent: never taken again.
      await makeDue(id);
      expect(await worker.drain()).toBe(0);
      expect(calls).toBe(3);
      expect(errors).toHaveLength(3);
    } finally {
      await worker.stop();
    }
  });

  it('records what a successful handler returned', async () => {
    const kind = kindOf('ok');
    const { id } = await enqueueJob(database.db, { kind, payload: { n: 2 } });
    const worker = startJobWorker(database.db, { [kind]: async (_db, job) => ({ doubled: (job.payload as { n: number }).n * 2 }) }, { pollMs: 0 });
    try {
      expect(await worker.drain()).toBe(1);
    } finally {
      await worker.stop();
    }
    const job = await findJob(database.db, id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, result: { doubled: 4 }, lockedUntil: null });
    expect(job?.finishedAt).toBeInstanceOf(Date);
  });

  it('never gives the same job to two claimers', async () => {
    const kind = kindOf('race');
    const ids = new Set<number>();
    for (let i = 0; i < 6; i += 1) ids.add((await enqueueJob(database.db, { kind })).id);

    const claims = await Promise.all(Array.from({ length: 10 }, () => claimNextJob(database.db, [kind])));
    const claimed = claims.filter((c) => c !== null).map((c) => Number(c.id));
    expect(claimed).toHaveLength(6);
    expect(new Set(claimed)).toEqual(ids);
    expect(claims.filter((c) => c !== null).every((c) => c.status === 'running' && c.attempts === 1)).toBe(true);
    expect(await claimNextJob(database.db, [kind])).toBeNull();
  });

  it('takes a job again once the lease of the worker that held it has run out', async () => {
    const kind = kindOf('lease');
    const { id } = await enqueueJob(database.db, { kind });
    const first = await claimNextJob(database.db, [kind]);
    expect(Number(first?.id)).toBe(id);
    expect(first?.lockedUntil).toBeInstanceOf(Date);

    // The worker holding it is alive and within its lease: nobody else gets it.
    expect(await claimNextJob(database.db, [kind])).toBeNull();

    // That worker died; its lease ran out.
    await sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`.execute(database.db);
    const again = await claimNextJob(database.db, [kind]);
    expect(again).toMatchObject({ status: 'running', attempts: 2 });
    expect(Number(again?.id)).toBe(id);

    await completeJob(database.db, id, { ok: true });
    await sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`.execute(database.db);
    expect(await claimNextJob(database.db, [kind])).toBeNull();
  });
});
