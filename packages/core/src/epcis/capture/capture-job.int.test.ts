import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { claimNextJob, enqueueJob, releaseOrphanedJobs } from '../../jobs/job-queue.ts';
import { startJobWorker } from '../../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../../jobs/platform-jobs.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { assertWithinLimits } from './capture-document.ts';
import { CAPTURE_JOB_KIND, acceptCapture, runCaptureJob } from './capture-job.ts';
import { CAPTURE_LIMITS } from './capture-pipeline.ts';
import { findCapture, listCaptures } from './capture-status.ts';
import { buildCapturingEnterprise, commissioning, epcisDocument, itemLink, serials, type CapturingEnterprise } from './capture-test-kit.ts';
import { ensureEventPartitions, partitionName } from './event-partitions.ts';

let database: Database;
let a: CapturingEnterprise;
let b: CapturingEnterprise;
beforeAll(async () => {
  database = await createTestDatabase();
  a = await buildCapturingEnterprise(database.db);
  b = await buildCapturingEnterprise(database.db, '310101');
});
afterAll(async () => database?.close());

const ctxOf = (e: CapturingEnterprise) => ({ db: database.db, actor: e.actor });
const drain = () => startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 }).drain();
const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('asynchronous capture', () => {
  it('commits the document with its job, then the job stores it: queued → done', async () => {
    const items = serials(3).map((s) => itemLink(a.gtin, s));
    const text = JSON.stringify(epcisDocument([commissioning(a, items)]));
    const { captureId } = await acceptCapture(ctxOf(a), text, { errorBehaviour: 'rollback' });
    const queued = await findCapture(ctxOf(a), captureId);
    expect(queued).toMatchObject({ status: 'queued', eventCount: 1, capturedCount: 0 });
    const row = await database.db.selectFrom('epcisCaptures').select(['document', 'jobId']).where('id', '=', captureId).executeTakeFirstOrThrow();
    expect(row.document).toBe(text);
    expect(await database.db.selectFrom('jobs').select(['kind', 'status']).where('id', '=', row.jobId ?? -1).executeTakeFirst()).toEqual({ kind: CAPTURE_JOB_KIND, status: 'queued' });

    expect(await drain()).toBeGreaterThanOrEqual(1);
    expect(await findCapture(ctxOf(a), captureId)).toMatchObject({ status: 'done', capturedCount: 1, errors: [] });
    const stored = await database.db.selectFrom('epcisEvents').select('epcList').where('captureId', '=', captureId).execute();
    expect(stored.map((r) => r.epcList)).toEqual([items]);
    // A job run again (a crash after the commit) leaves the capture as it is.
    const job = await database.db.selectFrom('jobs').selectAll().where('id', '=', row.jobId ?? -1).executeTakeFirstOrThrow();
    expect(await runCaptureJob(database.db, job)).toEqual({ captureId, status: 'done', captured: 1 });
    expect(await database.db.selectFrom('epcisEvents').select('id').where('captureId', '=', captureId).execute()).toHaveLength(1);
  });

  it('answers schema errors at once under rollback, every one by pointer; nothing is queued', async () => {
    const text = JSON.stringify(epcisDocument([{ type: 'ObjectEvent', eventTime: 'now', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', epcList: ['x y'] }]));
    const before = await listCaptures(ctxOf(a));
    const error = await errorOf(acceptCapture(ctxOf(a), text, { errorBehaviour: 'rollback', locale: 'en-US' }));
    expect(isAppError(error) && [error.code, error.status, error.details.map((d) => d.path)]).toEqual([
      'epcis.validation_failed',
      400,
      ['/epcisBody/eventList/0/eventTime', '/epcisBody/eventList/0/epcList/0'],
    ]);
    expect(await listCaptures(ctxOf(a))).toHaveLength(before.length);
    const malformed = await errorOf(acceptCapture(ctxOf(a), '{"type": "EPCISDocument",', { errorBehaviour: 'rollback' }));
    expect(isAppError(malformed) && malformed.code).toBe('request.malformed_json');
  });

  it('under proceed accepts a document with bad events: the job stores the good ones and lists the others', async () => {
    const good = commissioning(a, serials(1).map((s) => itemLink(a.gtin, s)));
    const text = JSON.stringify(epcisDocument([good, { ...good, bizStep: 'shiping' }, { ...good, readPoint: { id: b.glnLocation } }]));
    const { captureId } = await acceptCapture(ctxOf(a), text, { errorBehaviour: 'proceed' });
    await drain();
    const done = await findCapture(ctxOf(a), captureId);
    expect([done.status, done.capturedCount, done.errors.map((e) => [e.eventIndex, e.code])]).toEqual([
      'done',
      1,
      [
        [1, 'epcis.invalid_field'],
        [2, 'epcis.location_not_own'],
      ],
    ]);
  });

  it('shows each enterprise its own captures; refuses beyond the limits', async () => {
    const { captureId } = await acceptCapture(ctxOf(b), JSON.stringify(epcisDocument([])), { errorBehaviour: 'rollback' });
    expect((await listCaptures(ctxOf(a))).map((c) => c.id)).not.toContain(captureId);
    expect((await listCaptures(ctxOf(b))).map((c) => c.id)).toContain(captureId);
    const hidden = await errorOf(findCapture(ctxOf(a), captureId));
    expect(isAppError(hidden) && hidden.code).toBe('resource.not_found');
    expect(() => assertWithinLimits(CAPTURE_LIMITS.maxEvents + 1, 10)).toThrow('epcis.capture_too_large');
    expect(() => assertWithinLimits(1, CAPTURE_LIMITS.maxBytes + 1)).toThrow('epcis.capture_too_large');
  });
});

describe('jobs left running by a killed process (PGlite)', () => {
  it('go back to the queue at once, their attempt counted', async () => {
    await enqueueJob(database.db, { kind: 'test.orphan', payload: {} });
    const claimed = await claimNextJob(database.db, ['test.orphan']);
    expect(claimed?.status).toBe('running');
    expect(await claimNextJob(database.db, ['test.orphan'])).toBeNull(); // leased for 10 minutes
    expect(await releaseOrphanedJobs(database.db)).toBeGreaterThanOrEqual(1);
    const again = await claimNextJob(database.db, ['test.orphan']);
    expect([again?.id, again?.attempts]).toEqual([claimed?.id, 2]);
  });
});

describe('monthly partitions of the events', () => {
  it('makes this month and the next two, once; a month already in the default partition is left there', async () => {
    // A month far ahead whose event already sits in the default partition.
    await sql`UPDATE epcis_events SET record_time = '2031-05-10T00:00:00Z' WHERE id = (SELECT min(id) FROM epcis_events)`.execute(database.db);
    const now = new Date('2031-04-20T12:00:00Z');
    const first = await ensureEventPartitions(database.db, now);
    expect(first.created).toEqual(['epcis_events_y2031m04', 'epcis_events_y2031m06']);
    expect(first.skipped).toEqual([{ name: 'epcis_events_y2031m05', reason: 'the default partition already holds events of this month' }]);
    const second = await ensureEventPartitions(database.db, now);
    expect([second.created, second.existing]).toEqual([[], ['epcis_events_y2031m04', 'epcis_events_y2031m06']]);
    // New rows of April 2031 land in their month; the year turns in UTC.
    expect(partitionName(new Date('2031-12-31T23:59:59Z'))).toBe('epcis_events_y2031m12');
    const next = await ensureEventPartitions(database.db, new Date('2031-12-31T20:00:00Z'));
    expect(next.created).toEqual(['epcis_events_y2031m12', 'epcis_events_y2032m01', 'epcis_events_y2032m02']);
    await sql`UPDATE epcis_events SET record_time = '2031-04-11T00:00:00Z' WHERE id = (SELECT max(id) FROM epcis_events)`.execute(database.db);
    const placed = await sql<{ name: string }>`SELECT tableoid::regclass::text AS name FROM epcis_events WHERE record_time = '2031-04-11T00:00:00Z'`.execute(database.db);
    expect(placed.rows.map((r) => r.name)).toEqual(['epcis_events_y2031m04']);
  });
});
