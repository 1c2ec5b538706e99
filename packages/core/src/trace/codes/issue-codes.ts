import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, makeSerialGenerator } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/connect.ts';
import { withTransaction, type Trx } from '../../db/transaction.ts';
import type { JobHandler } from '../../jobs/job-worker.ts';
import type { CodeBatchRow } from './code-batch-service.ts';

/**
 * The job that issues a batch's item codes (赋码): random, unguessable serials (12 characters, ≈59 bits, from
 * `crypto.randomBytes`; never sequential, so nobody can guess the next pack's code), inserted in chunks.
 *
 * - One chunk is one short transaction: its rows, any top-up after collisions, and `issued` (the progress
 *   the pages show) commit together, so progress is always the number of codes that exist.
 * - Resumable: a crashed run leaves whole chunks behind; the next run counts what is there and continues at
 *   the next `seq`, so a batch's codes are always seq 1…quantity, each once.
 * - Collisions: (gtin, serial) is unique across every batch of the GTIN; a clash is skipped by
 *   `ON CONFLICT DO NOTHING` and the missing positions get fresh serials until the chunk is whole.
 */

/** Rows per INSERT statement: measured on PGlite and PostgreSQL (see the report in docs/performance.md). */
export const ISSUE_CHUNK_SIZE = 20_000;

export interface IssueOptions {
  chunkSize?: number;
  /** Called after each committed chunk with the codes issued so far (the job extends its lease here). */
  onChunk?: (issued: number) => void | Promise<void>;
  /** The random source (tests pass a poor one to force collisions). */
  randomBytes?: (size: number) => Uint8Array;
}

export interface IssueResult {
  batchId: string;
  issued: number;
  /** Serials drawn again because they clashed with an existing code. */
  redrawn: number;
  /** Codes already there when this run started (a resumed run). */
  resumedAt: number;
  ms: number;
}

/** Inserts serials at seq `first`, `first + 1`, …; answers how many rows went in (clashes are skipped). */
async function insertRun(trx: Trx, batch: CodeBatchRow, first: number, serials: readonly string[]): Promise<number> {
  const result = await sql`
    INSERT INTO trace_codes (gtin, serial, batch_id, seq)
    SELECT ${batch.gtin}, t.serial, ${batch.id}::uuid, ${first - 1}::int + t.n::int
    FROM unnest(${sql.val(serials)}::text[]) WITH ORDINALITY AS t(serial, n)
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Inserts serials at the given positions; answers how many rows went in. */
async function insertAt(trx: Trx, batch: CodeBatchRow, seqs: readonly number[], serials: readonly string[]): Promise<number> {
  const result = await sql`
    INSERT INTO trace_codes (gtin, serial, batch_id, seq)
    SELECT ${batch.gtin}, t.serial, ${batch.id}::uuid, t.seq
    FROM unnest(${sql.val(serials)}::text[], ${sql.val(seqs)}::int[]) AS t(serial, seq)
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Rounds of drawing again for clashing serials before the job gives up (a broken random source). */
const MAX_DRAW_ROUNDS = 20;

/** Positions in `from…to` that hold no code yet. */
async function missingSeqs(db: Db | Trx, batchId: string, from: number, to: number): Promise<number[]> {
  const result = await sql<{ seq: number }>`
    SELECT s.seq FROM generate_series(${from}::int, ${to}::int) AS s(seq)
    WHERE NOT EXISTS (SELECT 1 FROM trace_codes c WHERE c.batch_id = ${batchId}::uuid AND c.seq = s.seq)
    ORDER BY s.seq`.execute(db);
  return result.rows.map((r) => Number(r.seq));
}

/** Fills the given positions with fresh serials, drawing again for clashes; answers the serials drawn. */
async function fillPositions(trx: Trx, batch: CodeBatchRow, seqs: readonly number[], draw: () => string): Promise<number> {
  let redrawn = 0;
  let wanted = [...seqs];
  for (let round = 0; wanted.length > 0; round++) {
    // With 59-bit serials a second clash for the same position is already a one-in-10¹⁰ event.
    if (round >= MAX_DRAW_ROUNDS) throw new Error(`the random source keeps repeating serials (${wanted.length} positions still clash)`);
    redrawn += wanted.length;
    const inserted = await insertAt(trx, batch, wanted, wanted.map(draw));
    if (inserted === wanted.length) break;
    wanted = await missingSeqs(trx, batch.id, wanted[0] ?? 0, wanted[wanted.length - 1] ?? 0);
  }
  return redrawn;
}

/** The codes a batch already has: the count and the highest position. */
async function issuedSoFar(db: Db, batchId: string): Promise<{ count: number; maxSeq: number }> {
  const row = await db
    .selectFrom('traceCodes')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('seq').as('maxSeq')])
    .where('batchId', '=', batchId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), maxSeq: Number(row.maxSeq ?? 0) };
}

/**
 * Issues every code of a batch (or the rest of it, after a crash) and marks it `issued`. Idempotent: an
 * issued batch is left as it is.
 */
export async function issueCodeBatch(db: Db, batchId: string, options: IssueOptions = {}): Promise<IssueResult> {
  const started = performance.now();
  const batch = await db.selectFrom('traceCodeBatches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new Error(`code batch ${batchId} does not exist`);
  const chunkSize = options.chunkSize ?? ISSUE_CHUNK_SIZE;
  // About 12.4 random bytes make one serial; a large pool keeps the calls to the random source few.
  const draw = makeSerialGenerator(options.randomBytes ?? cryptoRandomBytes, 64 * 1024);
  const existing = await issuedSoFar(db, batchId);
  let redrawn = 0;
  if (batch.status !== 'issued') {
    await db.updateTable('traceCodeBatches').set({ status: 'issuing' }).where('id', '=', batchId).execute();
    // Chunks commit whole, so the positions are 1…maxSeq without holes; fill any hole all the same.
    if (existing.count < existing.maxSeq) {
      await db.transaction().execute(async (trx) => {
        redrawn += await fillPositions(trx, batch, await missingSeqs(trx, batchId, 1, existing.maxSeq), draw);
      });
    }
    for (let next = existing.maxSeq + 1; next <= batch.quantity; next += chunkSize) {
      const last = Math.min(batch.quantity, next + chunkSize - 1);
      await db.transaction().execute(async (trx) => {
        const serials = Array.from({ length: last - next + 1 }, draw);
        const inserted = await insertRun(trx, batch, next, serials);
        if (inserted < serials.length) redrawn += await fillPositions(trx, batch, await missingSeqs(trx, batchId, next, last), draw);
        await trx.updateTable('traceCodeBatches').set({ issued: last }).where('id', '=', batchId).execute();
      });
      await options.onChunk?.(last);
    }
    await withTransaction({ db, actor: SYSTEM_ACTOR }, async (trx) => {
      const after = await trx.db
        .updateTable('traceCodeBatches')
        .set({ status: 'issued', issued: batch.quantity, finishedAt: new Date() })
        .where('id', '=', batchId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: 'trace.code_batch.issued',
        entityType: 'trace_code_batch',
        entityId: batchId,
        jurisdictionCode: batch.jurisdictionCode,
        enterpriseId: batch.enterpriseId,
        before: { status: batch.status, issued: existing.count },
        after: { status: after.status, issued: after.issued },
      });
    });
  }
  return { batchId, issued: batch.quantity, redrawn, resumedAt: existing.count, ms: Math.round(performance.now() - started) };
}

/**
 * The `trace.issue-codes` job, payload `{ batchId }`: issues the batch, extending the job's lease after every
 * chunk (a million codes outlast the default lease), and marks the batch `failed` when the last attempt fails.
 */
export const issueCodesJob: JobHandler = async (db, job) => {
  const { batchId } = job.payload as { batchId: string }; // written by requestCodeBatch
  try {
    return await issueCodeBatch(db, batchId, {
      onChunk: async () => {
        await db.updateTable('jobs').set({ lockedUntil: new Date(Date.now() + 10 * 60_000) }).where('id', '=', job.id).execute();
      },
    });
  } catch (error) {
    if (job.attempts >= job.maxAttempts) await db.updateTable('traceCodeBatches').set({ status: 'failed' }).where('id', '=', batchId).execute();
    throw error;
  }
};
