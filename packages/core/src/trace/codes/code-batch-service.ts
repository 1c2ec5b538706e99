import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, parseDigitalLink, toGtin14, validateGtin, type ErrorDetail } from '@shian/domain';
import { scopeCondition } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { nextNumber } from '../../db/counters.ts';
import type { TraceCodeBatchesTable } from '../../db/schema-trace.ts';
import { withTransaction, type Ctx } from '../../db/transaction.ts';
import { enqueueJob } from '../../jobs/job-queue.ts';
import { today } from '../../registry/guards.ts';

/**
 * Code batches (赋码批次) of one code per item (一物一码, 一罐一码): an enterprise asks for N codes for one lot
 * of one of its products; a background job (`trace.issue-codes`, issue-codes.ts) draws the serials.
 */
export type CodeBatchRow = Selectable<TraceCodeBatchesTable>;

/** The job kind that draws a batch's serials. */
export const ISSUE_CODES_JOB = 'trace.issue-codes';
/** Most codes one batch may hold (the table's check). */
export const MAX_CODE_BATCH_QUANTITY = 10_000_000;
/** Series prefix of batch numbers: MA-310115-2026-000001 (码). */
const NUMBER_PREFIX = 'MA';

export interface CodeBatchRequest {
  productId: string;
  /** GTIN-8/12/13/14 of the product; stored as GTIN-14. */
  gtin: string;
  /** Lot (批号, GS1 AI 10). */
  lot: string;
  productionDate: string;
  expiryDate: string;
  quantity: number;
}

/** A batch as listed: the row with its product and enterprise names, and the serial of its first code once there. */
export interface CodeBatchView extends CodeBatchRow {
  productName: string;
  enterpriseName: string;
  firstSerial: string | null;
}

/** True when `lot` is a valid GS1 lot (AI 10): 1–20 characters of the AI 82 set. */
export function isGs1Lot(lot: string): boolean {
  // The Digital Link parser is the one place that knows the AI 82 set; a lot it reads back unchanged is valid.
  const read = parseDigitalLink(`/01/00000000000000/10/${encodeURIComponent(lot)}`);
  return read.ok && read.value.key === 'gtin' && read.value.lot === lot;
}

/** Every problem of a request against the product it names (the route's schema has checked shapes). */
function requestProblems(input: CodeBatchRequest, product: { gtins: string[]; status: string }): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (product.status !== 'active') details.push({ path: 'productId', message: 'field.trace_product_inactive' });
  const gtin = validateGtin(input.gtin);
  if (!gtin.ok) details.push({ path: 'gtin', message: gtin.problem === 'format' ? 'field.gtin_format' : 'field.gtin_check_digit' });
  else if (!product.gtins.some((g) => toGtin14(g) === toGtin14(input.gtin))) details.push({ path: 'gtin', message: 'field.trace_gtin_not_of_product' });
  if (!isGs1Lot(input.lot)) details.push({ path: 'lot', message: 'field.trace_lot_format' });
  if (input.expiryDate < input.productionDate) details.push({ path: 'expiryDate', message: 'field.trace_expiry_before_production' });
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_CODE_BATCH_QUANTITY) {
    details.push({ path: 'quantity', message: 'field.invalid' });
  }
  return details;
}

/**
 * Asks for a batch of item codes (申请赋码) for one lot of the enterprise's own product: checks the GTIN is the
 * product's (check digit included), the lot, the dates and the quantity, numbers the batch, queues the job
 * that draws the serials and records the request in the audit log, all in one transaction.
 */
export async function requestCodeBatch(ctx: Ctx, input: CodeBatchRequest): Promise<CodeBatchView> {
  return withTransaction(ctx, async (trx) => {
    const product = await trx.db
      .selectFrom('products')
      .innerJoin('enterprises', 'enterprises.id', 'products.enterpriseId')
      .select(['products.id', 'products.name', 'products.gtins', 'products.status', 'products.enterpriseId', 'products.jurisdictionCode', 'enterprises.name as enterpriseName'])
      .where('products.id', '=', input.productId)
      .executeTakeFirst();
    if (!product) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'trace.write', product);
    const details = requestProblems(input, product);
    if (details.length > 0) throw new AppError('request.invalid', { params: { count: details.length, value: input.gtin }, details });
    const id = randomUUID();
    const inserted = await trx.db
      .insertInto('traceCodeBatches')
      .values({
        id,
        number: await nextNumber(trx.db, NUMBER_PREFIX, product.jurisdictionCode, Number(today().slice(0, 4))),
        enterpriseId: product.enterpriseId,
        productId: product.id,
        jurisdictionCode: product.jurisdictionCode,
        gtin: toGtin14(input.gtin) ?? input.gtin,
        lot: input.lot,
        productionDate: input.productionDate,
        expiryDate: input.expiryDate,
        quantity: input.quantity,
        jobId: null,
        requestedBy: ctx.actor.userId,
        finishedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const job = await enqueueJob(trx.db, { kind: ISSUE_CODES_JOB, payload: { batchId: id }, dedupeKey: `${ISSUE_CODES_JOB}:${id}`, requestedBy: ctx.actor.userId });
    const batch = await trx.db.updateTable('traceCodeBatches').set({ jobId: job.id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'trace.code_batch.request',
      entityType: 'trace_code_batch',
      entityId: id,
      jurisdictionCode: inserted.jurisdictionCode,
      enterpriseId: inserted.enterpriseId,
      before: null,
      after: batch,
    });
    return { ...batch, productName: product.name, enterpriseName: product.enterpriseName, firstSerial: null };
  });
}

export interface CodeBatchFilters {
  enterpriseId?: string | undefined;
  status?: CodeBatchRow['status'] | undefined;
  limit?: number | undefined;
}

/** Batches with their names and first serial (one index probe each); not yet scoped. */
function batchViews(ctx: Ctx) {
  return ctx.db
    .selectFrom('traceCodeBatches')
    .innerJoin('products', 'products.id', 'traceCodeBatches.productId')
    .innerJoin('enterprises', 'enterprises.id', 'traceCodeBatches.enterpriseId')
    .selectAll('traceCodeBatches')
    .select((eb) => [
      'products.name as productName',
      'enterprises.name as enterpriseName',
      eb.selectFrom('traceCodes').select('traceCodes.serial').whereRef('traceCodes.batchId', '=', 'traceCodeBatches.id').where('traceCodes.seq', '=', 1).as('firstSerial'),
    ]);
}

/** Code batches in the actor's scope (an enterprise its own, a regulator its jurisdiction's), newest first. */
export async function listCodeBatches(ctx: Ctx, filters: CodeBatchFilters = {}): Promise<{ items: CodeBatchView[]; total: number }> {
  assertCan(ctx.actor, 'trace.read');
  let query = batchViews(ctx).where(scopeCondition(ctx.actor, 'traceCodeBatches'));
  if (filters.enterpriseId) query = query.where('traceCodeBatches.enterpriseId', '=', filters.enterpriseId);
  if (filters.status) query = query.where('traceCodeBatches.status', '=', filters.status);
  const [items, counted] = await Promise.all([
    query.orderBy('traceCodeBatches.createdAt', 'desc').orderBy('traceCodeBatches.id').limit(filters.limit ?? 50).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(counted.n) };
}

/** One batch with its progress (`issued` of `quantity`); out of scope it does not exist. */
export async function findCodeBatch(ctx: Ctx, id: string): Promise<CodeBatchView> {
  const batch = await batchViews(ctx).where('traceCodeBatches.id', '=', id).executeTakeFirst();
  if (!batch) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'trace.read', batch);
  return batch;
}

/** One batch whose codes may be downloaded: in scope, and fully issued. */
export async function findIssuedCodeBatch(ctx: Ctx, id: string): Promise<CodeBatchView> {
  const batch = await findCodeBatch(ctx, id);
  if (batch.status !== 'issued') throw new AppError('trace.codes_not_issued', { params: { issued: batch.issued, quantity: batch.quantity } });
  return batch;
}
