import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { listWorkQueue } from '../../deadlines/work-queue.ts';
import { startJobWorker } from '../../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../../jobs/platform-jobs.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { buildTraceChain, type TraceChain } from '../trace-test-kit.ts';
import { findRecall, listRecallNotices, listRecalls } from './recall-queries.ts';
import { acknowledgeNotice, closeRecall, createRecall, type RecallRow } from './recall-service.ts';
import { traceRecallForSpreadsheet } from './recall-spreadsheet.ts';

let database: Database;
let chain: TraceChain;
let pudong: Actor;
let huangpu: Actor;
let city: Actor;
let inspector: Actor;
let makerAdmin: Actor;
let recall: RecallRow;

const ctx = (actor: Actor) => ({ db: database.db, actor });
const drain = async () => {
  const worker = startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 });
  await worker.drain();
  await worker.stop();
};

beforeAll(async () => {
  database = await createTestDatabase();
  chain = await buildTraceChain(database.db);
  [pudong, huangpu, city, inspector, makerAdmin] = await Promise.all([
    buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' }).then((u) => u.actor),
    buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' }).then((u) => u.actor),
    buildUser(database.db, 'city_supervisor', { jurisdictionCode: '310000' }).then((u) => u.actor),
    buildUser(database.db, 'inspector', { jurisdictionCode: '310115' }).then((u) => u.actor),
    buildUser(database.db, 'enterprise_admin', { enterpriseId: chain.maker.enterprise.id }).then((u) => u.actor),
  ]);
  recall = await createRecall(ctx(pudong), { gtin: chain.maker.gtin, lot: chain.lot, level: '1', reason: '阪崎克罗诺杆菌检出' });
});
afterAll(async () => database?.close());

describe('creating a recall (召回)', () => {
  it('takes effect at once, numbered, audited, with its trace job queued', async () => {
    expect(recall).toMatchObject({ status: 'open', initiator: 'regulator', enterpriseId: chain.maker.enterprise.id, gtin: chain.maker.gtin, lot: chain.lot, level: '1', trace: null });
    expect(recall.number).toMatch(/^ZH-310115-\d{4}-\d{6}$/);
    expect(recall.traceJobId).not.toBeNull();
    const job = await database.db.selectFrom('jobs').selectAll().where('id', '=', recall.traceJobId ?? 0).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: 'recall.trace', status: 'queued' });
    const audit = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', recall.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['recall.create']);
  });

  it('is for regulators of the maker\'s jurisdiction and for the maker\'s administrator only', async () => {
    const input = { gtin: chain.maker.gtin, lot: chain.lot, level: '2' as const, reason: '标签不符' };
    await expect(createRecall(ctx(huangpu), input)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(createRecall(ctx(inspector), input)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(createRecall(ctx(chain.d.actor), input)).rejects.toMatchObject({ code: 'auth.forbidden' });
    const own = await createRecall(ctx(makerAdmin), { ...input, lot: undefined, serials: ['X1'] });
    expect(own).toMatchObject({ initiator: 'maker', enterpriseId: chain.maker.enterprise.id, lot: null, serials: ['X1'] });
    // Its own recall the maker may end; a regulator's it may not.
    await expect(closeRecall(ctx(makerAdmin), own.id)).resolves.toMatchObject({ status: 'closed' });
    await expect(closeRecall(ctx(makerAdmin), recall.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('names the GTIN when no registered product has it', async () => {
    await expect(createRecall(ctx(pudong), { gtin: '06901234567892', lot: 'X', level: '3', reason: '—' })).rejects.toMatchObject({
      code: 'request.invalid',
      details: [{ path: 'gtin', message: 'field.recall_gtin_unknown' }],
    });
  });
});

describe('the recall job and its notices', () => {
  beforeAll(drain);

  it('keeps the trace on the recall and notifies every downstream enterprise with its quantity and locations', async () => {
    const view = await findRecall(ctx(pudong), recall.id);
    expect(view.trace?.downstream.length).toBeGreaterThanOrEqual(5);
    const notices = Object.fromEntries(view.notices.map((n) => [n.enterpriseId, { quantity: n.quantity, uom: n.uom, locations: n.locations, acknowledged: n.acknowledgedAt !== null }]));
    expect(notices).toEqual({
      [chain.d.enterprise.id]: { quantity: 9, uom: null, locations: ['一号仓库'], acknowledged: false },
      [chain.s1.enterprise.id]: { quantity: 6, uom: null, locations: ['一号仓库'], acknowledged: false },
      [chain.s2.enterprise.id]: { quantity: 3, uom: null, locations: ['一号仓库'], acknowledged: false },
      [chain.r.enterprise.id]: { quantity: 3, uom: null, locations: ['一号仓库'], acknowledged: false },
      [chain.s3.enterprise.id]: { quantity: 2, uom: null, locations: ['一号仓库'], acknowledged: false },
    });
    expect(view.canClose).toBe(true);
  });

  it('puts the notice in the downstream enterprises\' work queues and nobody else\'s', async () => {
    for (const e of [chain.d, chain.s1, chain.s2, chain.r]) {
      const queue = await listWorkQueue(ctx(e.actor));
      expect(queue.recallNotices.map((n) => n.recallId)).toEqual([recall.id]);
      expect(queue.counts.recallNotices).toBe(1);
      expect(queue.recallNotices[0]).toMatchObject({ recallNumber: recall.number, level: '1', lot: chain.lot, makerName: chain.maker.enterprise.name });
    }
    for (const actor of [chain.other.actor, chain.maker.actor, pudong]) expect((await listWorkQueue(ctx(actor))).recallNotices).toEqual([]);
  });

  it('lets only the notified enterprise confirm its notice', async () => {
    const [notice] = await listRecallNotices(ctx(chain.s1.actor));
    if (!notice) throw new Error('S1 has no notice');
    await expect(acknowledgeNotice(ctx(chain.d.actor), notice.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(acknowledgeNotice(ctx(city), notice.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    const done = await acknowledgeNotice(ctx(chain.s1.actor), notice.id);
    expect(done.acknowledgedAt).not.toBeNull();
    expect((await listWorkQueue(ctx(chain.s1.actor))).recallNotices).toEqual([]);
    const view = await findRecall(ctx(pudong), recall.id);
    expect(view.notices.find((n) => n.id === notice.id)?.acknowledgedAt).not.toBeNull();
    expect(view.recall).toMatchObject({ noticeCount: 5, acknowledgedCount: 1, traced: true });
  });

  it('shows a notified enterprise the recall and its own notice only; the maker its own lot\'s reach', async () => {
    const seen = await findRecall(ctx(chain.s2.actor), recall.id);
    expect(seen.trace).toBeNull();
    expect(seen.notices.map((n) => n.enterpriseId)).toEqual([chain.s2.enterprise.id]);
    expect(seen.canClose).toBe(false);
    const maker = await findRecall(ctx(chain.maker.actor), recall.id);
    expect(maker.trace?.downstream.map((d) => d.enterprise?.id)).not.toContain(chain.s3.enterprise.id);
    expect(maker.notices.map((n) => n.enterpriseId)).not.toContain(chain.s3.enterprise.id);
    expect((await listRecalls(ctx(chain.s2.actor))).map((r) => r.id)).toContain(recall.id);
    expect((await listRecalls(ctx(chain.other.actor))).map((r) => r.id)).toEqual([]);
    expect((await listRecalls(ctx(huangpu))).map((r) => r.id)).toEqual([]);
    await expect(findRecall(ctx(chain.other.actor), recall.id)).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('gives the spreadsheet to regulators and the maker, not to a notified enterprise', async () => {
    const { run, number } = await traceRecallForSpreadsheet(ctx(pudong), recall.id);
    expect(number).toBe(recall.number);
    expect(run.trace.timeline.events).toBe(chain.eventCount);
    await expect(traceRecallForSpreadsheet(ctx(chain.s1.actor), recall.id)).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('ends the recall once', async () => {
    await expect(closeRecall(ctx(pudong), recall.id)).resolves.toMatchObject({ status: 'closed' });
    await expect(closeRecall(ctx(pudong), recall.id)).rejects.toMatchObject({ code: 'recall.not_open' });
    // A closed recall leaves the work queues.
    expect((await listWorkQueue(ctx(chain.d.actor))).recallNotices).toEqual([]);
  });
});
