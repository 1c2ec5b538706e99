import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';
import type { JobsTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';

/**
 * A job queue in PostgreSQL itself (no extra server): a `jobs` row per job, claimed with
 * `FOR UPDATE SKIP LOCKED` so two workers never take the same one, leased so a crashed worker's job is taken
 * again after the lease, retried with back-off, and deduplicated by key (a yearly re-grade is queued once).
 */
export type JobRow = Selectable<JobsTable>;

export interface JobRequest {
  kind: string;
  payload?: Record<string, unknown>;
  /** A job with the same key is not queued twice (e.g. `risk.regrade:2027`). */
  dedupeKey?: string;
  runAfter?: Date;
  requestedBy?: string | null;
  maxAttempts?: number;
}

/** Queues a job; `created` is false when one with the same dedupe key already exists. */
export async function enqueueJob(db: Db | Trx, request: JobRequest): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: request.kind,
      payload: JSON.stringify(request.payload ?? {}),
      dedupeKey: request.dedupeKey ?? null,
      runAfter: request.runAfter ?? new Date(),
      requestedBy: request.requestedBy ?? null,
      maxAttempts: request.maxAttempts ?? 3,
      lockedUntil: null,
      lastError: null,
      result: null,
      finishedAt: null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: Number(inserted.id), created: true };
  const existing = await db.selectFrom('jobs').select('id').where('dedupeKey', '=', request.dedupeKey ?? '').executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/** Takes the next due job (or one whose worker's lease ran out), marking it running under a lease. */
export async function claimNextJob(db: Db, kinds: readonly string[], leaseMs = 10 * 60_000): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  // A job whose worker died on its last attempt is not taken again: it failed.
  await sql`UPDATE jobs SET status = 'failed', last_error = coalesce(last_error, 'the worker stopped during the last attempt'),
      finished_at = now(), locked_until = NULL
    WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts`.execute(db);
  const result = await sql<JobRow>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = (
      SELECT id FROM jobs
      WHERE run_after <= now() AND kind = ANY(${sql.val(kinds)}::text[])
        AND (status = 'queued' OR (status = 'running' AND locked_until < now() AND attempts < max_attempts))
      ORDER BY run_after, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return result.rows[0] ?? null;
}

export async function completeJob(db: Db, id: number, result: unknown): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', result: JSON.stringify(result ?? null), finishedAt: new Date(), lockedUntil: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failure: back to the queue after a growing pause, or `failed` once its attempts are spent. */
export async function failJob(db: Db, job: JobRow, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const spent = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: spent ? 'failed' : 'queued',
      lastError: message.slice(0, 2000),
      lockedUntil: null,
      runAfter: new Date(Date.now() + 30_000 * 2 ** job.attempts),
      finishedAt: spent ? new Date() : null,
    })
    .where('id', '=', job.id)
    .execute();
}

export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The most recent jobs of some kinds, newest first (for the operator pages). */
export async function listJobs(db: Db, kinds: readonly string[], limit = 20): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('kind', 'in', [...kinds]).orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Puts jobs left `running` by a process that died back in the queue, at once. Only for the embedded
 * database (PGlite): one process owns its data directory by construction, so at start-up no other worker
 * can be holding them, and waiting out the 10-minute lease would only delay acknowledged work (an EPCIS
 * capture answered 202). On a PostgreSQL server other processes may be running them: there the lease
 * applies and this must not be called. The interrupted attempt still counts.
 */
export async function releaseOrphanedJobs(db: Db): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', lockedUntil: null, runAfter: new Date() })
    .where('status', '=', 'running')
    .where((eb) => eb('attempts', '<', eb.ref('maxAttempts')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
