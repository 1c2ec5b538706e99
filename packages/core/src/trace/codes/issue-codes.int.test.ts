import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR, SERIAL_ALPHABET, SERIAL_LENGTH, SYSTEM_ACTOR, isAppError } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { claimNextJob, findJob } from '../../jobs/job-queue.ts';
import { startJobWorker } from '../../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../../jobs/platform-jobs.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { findCodeBatch, listCodeBatches, requestCodeBatch } from './code-batch-service.ts';
import { actorFor, batchRequest, buildProducer, type Producer } from './codes-test-kit.ts';
import { ISSUE_CHUNK_SIZE, issueCodeBatch } from './issue-codes.ts';

let database: Database;
let producer: Producer;
let other: Producer;
beforeAll(async () => {
  database = await createTestDatabase();
  producer = await buildProducer(database.db, '310115007');
  other = await buildProducer(database.db, '310101002');
});
afterAll(async () => database?.close());

const codesOf = (batchId: string) =>
  database.db.selectFrom('traceCodes').select(['serial', 'seq', 'gtin']).where('batchId', '=', batchId).orderBy('seq').execute();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; paths: string[] }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, paths: error.details.map((d) => d.path) };
}

describe('requesting a batch (申请赋码)', () => {
  it('numbers the batch, queues the job and audits, with the GTIN stored as GTIN-14', async () => {
    const ctx = { db: database.db, actor: producer.admin };
    const batch = await requestCodeBatch(ctx, batchRequest(producer, { quantity: 25 }));
    expect(batch).toMatchObject({ status: 'queued', issued: 0, quantity: 25, enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007' });
    expect(batch.number).toMatch(/^MA-310115-\d{4}-\d{6}$/);
    expect(batch.gtin).toBe(`0${producer.product.gtins[0]}`);
    expect(batch.productName).toBe(producer.product.name);
    const job = await findJob(database.db, batch.jobId ?? 0);
    expect(job).toMatchObject({ kind: 'trace.issue-codes', status: 'queued', payload: { batchId: batch.id } });
    const audit = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', batch.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['trace.code_batch.request']);
  });

  it('lists every problem of a request at once', async () => {
    const ctx = { db: database.db, actor: producer.admin };
    const wrongGtin = other.product.gtins[0] ?? '';
    const refused = await refusal(requestCodeBatch(ctx, batchRequest(producer, { gtin: wrongGtin, lot: '批号 1', productionDate: '2026-05-01', expiryDate: '2026-04-30' })));
    expect(refused).toEqual({ code: 'request.invalid', paths: ['gtin', 'lot', 'expiryDate'] });
    const badCheck = `${(producer.product.gtins[0] ?? '').slice(0, 12)}${(Number((producer.product.gtins[0] ?? '0').slice(12)) + 1) % 10}`;
    expect(await refusal(requestCodeBatch(ctx, batchRequest(producer, { gtin: badCheck })))).toEqual({ code: 'request.invalid', paths: ['gtin'] });
    expect(await refusal(requestCodeBatch(ctx, batchRequest(producer, { lot: 'X'.repeat(21) })))).toEqual({ code: 'request.invalid', paths: ['lot'] });
    expect(await refusal(requestCodeBatch(ctx, batchRequest(producer, { quantity: 10_000_001 })))).toEqual({ code: 'request.invalid', paths: ['quantity'] });
  });

  it("refuses another enterprise's product as if it did not exist, and a reader without trace.write", async () => {
    expect(await refusal(requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(other)))).toEqual({ code: 'resource.not_found', paths: [] });
    const inspector = actorFor('inspector', { jurisdictionCode: '310115' });
    expect(await refusal(requestCodeBatch({ db: database.db, actor: inspector }, batchRequest(producer)))).toEqual({ code: 'auth.forbidden', paths: [] });
  });
});

describe('issuing codes (the job)', () => {
  it('issues 10,000 distinct, non-sequential serials at seq 1…10,000 with progress after each chunk', async () => {
    const batch = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: 10_000 }));
    const progress: number[] = [];
    const result = await issueCodeBatch(database.db, batch.id, {
      chunkSize: 3000,
      onChunk: async (issued) => {
        progress.push(issued);
        // Progress is committed with the chunk: another connection sees it.
        expect((await findCodeBatch({ db: database.db, actor: SYSTEM_ACTOR }, batch.id)).issued).toBe(issued);
      },
    });
    expect(progress).toEqual([3000, 6000, 9000, 10_000]);
    expect(result).toMatchObject({ issued: 10_000, resumedAt: 0 });
    const codes = await codesOf(batch.id);
    expect(codes.map((c) => c.seq)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(new Set(codes.map((c) => c.serial)).size).toBe(10_000);
    const pattern = new RegExp(`^[${SERIAL_ALPHABET}]{${SERIAL_LENGTH}}$`);
    expect(codes.every((c) => pattern.test(c.serial) && c.gtin === batch.gtin)).toBe(true);
    // Not sequential: consecutive positions share no long prefix, and the serials are not in sorted order.
    const sharedPrefix = codes.slice(1).filter((c, i) => c.serial.slice(0, 6) === codes[i]?.serial.slice(0, 6)).length;
    expect(sharedPrefix).toBeLessThan(5);
    const ascending = codes.slice(1).filter((c, i) => c.serial > (codes[i]?.serial ?? '')).length;
    expect(ascending).toBeGreaterThan(4000);
    expect(ascending).toBeLessThan(6000);
    expect(await findCodeBatch({ db: database.db, actor: producer.admin }, batch.id)).toMatchObject({ status: 'issued', issued: 10_000 });
  });

  it('resumes after a crash mid-way: the committed chunks stay, the rest follows, nothing twice', async () => {
    const batch = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: 10_000 }));
    const crash = new Error('simulated crash');
    await expect(
      issueCodeBatch(database.db, batch.id, {
        chunkSize: 4000,
        onChunk: (issued) => {
          if (issued >= 4000) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const halfway = await findCodeBatch({ db: database.db, actor: producer.admin }, batch.id);
    expect(halfway).toMatchObject({ status: 'issuing', issued: 4000 });
    const firstRun = await codesOf(batch.id);
    expect(firstRun).toHaveLength(4000);

    const result = await issueCodeBatch(database.db, batch.id, { chunkSize: 4000 });
    expect(result).toMatchObject({ resumedAt: 4000, issued: 10_000 });
    const codes = await codesOf(batch.id);
    expect(codes.map((c) => c.seq)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(new Set(codes.map((c) => c.serial)).size).toBe(10_000);
    expect(codes.slice(0, 4000)).toEqual(firstRun);
    // Issued once: running it again changes nothing.
    expect(await issueCodeBatch(database.db, batch.id)).toMatchObject({ resumedAt: 10_000 });
    expect(await codesOf(batch.id)).toHaveLength(10_000);
  });

  it('draws again when a serial clashes with an existing code of the GTIN', async () => {
    const first = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: 40 }));
    const recorded: Uint8Array[] = [];
    await issueCodeBatch(database.db, first.id, {
      randomBytes: (size) => {
        const bytes = randomBytes(size);
        recorded.push(bytes);
        return bytes;
      },
    });
    // The second batch's random source first replays the first one's bytes: its first 40 serials all clash.
    let calls = 0;
    const replaying = (size: number): Uint8Array => (calls++ === 0 ? (recorded[0] ?? randomBytes(size)) : randomBytes(size));
    const second = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: 40 }));
    const result = await issueCodeBatch(database.db, second.id, { randomBytes: replaying });
    expect(result.redrawn).toBe(40);
    const all = [...(await codesOf(first.id)), ...(await codesOf(second.id))];
    expect(new Set(all.map((c) => c.serial)).size).toBe(80);
    expect((await codesOf(second.id)).map((c) => c.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('gives up, rather than loop, on a random source that only repeats itself', async () => {
    const batch = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: 20 }));
    const constant = (size: number): Uint8Array => new Uint8Array(size).fill(7);
    await expect(issueCodeBatch(database.db, batch.id, { randomBytes: constant })).rejects.toThrow(/repeat/);
    // The failed chunk rolled back whole.
    expect(await codesOf(batch.id)).toHaveLength(0);
  });

  it('runs as the trace.issue-codes job through the worker', async () => {
    const batch = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: ISSUE_CHUNK_SIZE + 5 }));
    const worker = startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 });
    await worker.drain();
    await worker.stop();
    expect(await findJob(database.db, batch.jobId ?? 0)).toMatchObject({ status: 'done', result: { batchId: batch.id, issued: ISSUE_CHUNK_SIZE + 5 } });
    expect(await findCodeBatch({ db: database.db, actor: producer.admin }, batch.id)).toMatchObject({ status: 'issued', issued: ISSUE_CHUNK_SIZE + 5 });
    expect(await claimNextJob(database.db, ['trace.issue-codes'])).toBeNull();
  });
});

describe('reading batches', () => {
  it('scopes lists: an enterprise its own, a district its own, the city all', async () => {
    const mine = await requestCodeBatch({ db: database.db, actor: other.admin }, batchRequest(other));
    const ours = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer));
    const idsFor = async (actor: ReturnType<typeof actorFor>) => (await listCodeBatches({ db: database.db, actor }, { limit: 200 })).items.map((b) => b.id);
    expect(await idsFor(other.admin)).toEqual([mine.id]);
    expect(await idsFor(actorFor('district_supervisor', { jurisdictionCode: '310101' }))).toEqual([mine.id]);
    const pudong = await idsFor(actorFor('inspector', { jurisdictionCode: '310115007' }));
    expect(pudong).toContain(ours.id);
    expect(pudong).not.toContain(mine.id);
    const city = await listCodeBatches({ db: database.db, actor: actorFor('city_supervisor', { jurisdictionCode: '310000' }) }, { limit: 200 });
    expect(city.total).toBe(pudong.length + 1);
    await expect(findCodeBatch({ db: database.db, actor: producer.admin }, mine.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(listCodeBatches({ db: database.db, actor: PUBLIC_ACTOR })).rejects.toMatchObject({ code: 'auth.unauthenticated' });
  });
});
