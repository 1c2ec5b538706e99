import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, actorScope, assertCan, isRegulator } from '@shian/domain';
import { recordAudit } from '../../audit/record-audit.ts';
import { nextNumber } from '../../db/counters.ts';
import type { RecallNoticesTable, RecallsTable } from '../../db/schema-trace.ts';
import { withTransaction, type Ctx } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/job-queue.ts';
import { today } from '../../registry/guards.ts';
import { productsByGtins } from '../trace-queries.ts';
import { resolveTraceSubject, type TraceLotInput } from '../trace-lot.ts';

export type RecallRow = Selectable<RecallsTable>;
export type RecallNoticeRow = Selectable<RecallNoticesTable>;

/** The job that traces a recall's lot and notifies every downstream enterprise. */
export const RECALL_TRACE_JOB = 'recall.trace';
/** Recall numbers: ZH (召回)-district-year-sequence. */
const NUMBER_PREFIX = 'ZH';

/** 召回级别 (食品召回管理办法 §13): 一级 (serious harm) … 三级 (labelling). */
export type RecallLevel = '1' | '2' | '3';

export interface CreateRecallInput extends TraceLotInput {
  level: RecallLevel;
  reason: string;
}

const gtinInvalid = () => new AppError('request.invalid', { params: { count: 1 }, details: [{ path: 'gtin', message: 'field.recall_gtin_unknown' }] });

/**
 * Marks a lot, or some serials, recalled (召回). A regulator in whose jurisdiction the maker lies may do it
 * (`initiator` regulator), or the maker's enterprise administrator for its own product (`initiator` maker).
 * The row takes effect at once (the public scan page reads open recalls); a job then traces the lot and
 * sends a notice to every enterprise downstream.
 */
export async function createRecall(ctx: Ctx, input: CreateRecallInput): Promise<RecallRow> {
  assertCan(ctx.actor, 'recall.create');
  const subject = await resolveTraceSubject(ctx.db, input).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'resource.not_found') throw gtinInvalid();
    throw error;
  });
  const product = (await productsByGtins(ctx.db, [subject.start.gtin])).get(subject.start.gtin) ?? null;
  const scope = actorScope(ctx.actor);
  // An enterprise recalls its own registered product; whoever made the lot, the maker is then the enterprise.
  const makerId = scope.kind === 'enterprise' && product?.enterpriseId === scope.enterpriseId ? product.enterpriseId : subject.maker.id;
  return withTransaction(ctx, async (trx) => {
    const maker = await trx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', makerId).executeTakeFirstOrThrow();
    assertCan(ctx.actor, 'recall.create', { jurisdictionCode: maker.jurisdictionCode, enterpriseId: maker.id });
    const id = randomUUID();
    const row = await trx.db
      .insertInto('recalls')
      .values({
        id,
        number: await nextNumber(trx.db, NUMBER_PREFIX, maker.jurisdictionCode, Number(today().slice(0, 4))),
        enterpriseId: maker.id,
        productId: product?.enterpriseId === maker.id ? product.id : null,
        jurisdictionCode: maker.jurisdictionCode,
        gtin: subject.start.gtin,
        lot: subject.start.lot,
        serials: [...new Set(input.serials ?? [])],
        level: input.level,
        reason: input.reason,
        initiator: isRegulator(ctx.actor) ? 'regulator' : 'maker',
        trace: null,
        traceJobId: null,
        createdBy: ctx.actor.userId,
        closedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const job = await enqueueJob(trx.db, { kind: RECALL_TRACE_JOB, payload: { recallId: id }, dedupeKey: `${RECALL_TRACE_JOB}:${id}`, requestedBy: ctx.actor.userId });
    const after = await trx.db.updateTable('recalls').set({ traceJobId: job.id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'recall.create', entityType: 'recall', entityId: id, jurisdictionCode: row.jurisdictionCode, enterpriseId: row.enterpriseId, before: null, after });
    return after;
  });
}

/**
 * Ends a recall (召回结束): the scan page stops warning. Regulators in scope close any; the maker closes the
 * recalls it started itself (a regulator's recall is ended by a regulator).
 */
export async function closeRecall(ctx: Ctx, id: string): Promise<RecallRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('recalls').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'recall.create', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (!isRegulator(ctx.actor) && before.initiator !== 'maker') throw new AppError('auth.forbidden');
    if (before.status !== 'open') throw new AppError('recall.not_open');
    const after = await trx.db
      .updateTable('recalls')
      .set({ status: 'closed', closedAt: new Date(), version: before.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'recall.close', entityType: 'recall', entityId: id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
    return after;
  });
}

/**
 * The downstream enterprise confirms it has dealt with the recalled goods (确认已处置): only the notice's own
 * enterprise may (`recall.acknowledge`). Confirming twice keeps the first confirmation.
 */
export async function acknowledgeNotice(ctx: Ctx, noticeId: string): Promise<RecallNoticeRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('recallNotices').selectAll().where('id', '=', noticeId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'recall.acknowledge', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (before.acknowledgedAt) return before;
    const after = await trx.db
      .updateTable('recallNotices')
      .set({ acknowledgedAt: new Date(), acknowledgedBy: ctx.actor.userId })
      .where('id', '=', noticeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'recall.acknowledge', entityType: 'recall_notice', entityId: noticeId, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
    return after;
  });
}
