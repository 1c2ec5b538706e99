import type { Selectable } from 'kysely';
import { AppError, assertCan } from '@shian/domain';
import { scopeCondition } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { TraceAlertsTable } from '../../db/schema-trace.ts';
import { withTransaction, type Ctx } from '../../db/transaction.ts';

/**
 * Alerts of the scan page (可疑码预警): a code scanned like a copy (`possible_copy`, one per code) and scans of
 * codes the platform never issued (`unknown_code`, one per GTIN), opened by the scan recorder. Regulators
 * review and close them; the maker sees its own.
 */
export type TraceAlertRow = Selectable<TraceAlertsTable>;

/** An alert as listed: the row with the names a reviewer needs. */
export interface TraceAlertView extends TraceAlertRow {
  enterpriseName: string | null;
  batchNumber: string | null;
  productName: string | null;
}

export interface TraceAlertFilters {
  status?: TraceAlertRow['status'] | undefined;
  kind?: TraceAlertRow['kind'] | undefined;
  limit?: number | undefined;
}

const alertsWithNames = (ctx: Ctx) =>
  ctx.db
    .selectFrom('traceAlerts')
    .leftJoin('enterprises', 'enterprises.id', 'traceAlerts.enterpriseId')
    .leftJoin('traceCodeBatches', 'traceCodeBatches.id', 'traceAlerts.batchId')
    .leftJoin('products', 'products.id', 'traceCodeBatches.productId');

const NAMES = ['enterprises.name as enterpriseName', 'traceCodeBatches.number as batchNumber', 'products.name as productName'] as const;

/** Alerts in the actor's scope, newest first (a regulator its jurisdiction's, an enterprise its own). */
export async function listTraceAlerts(ctx: Ctx, filters: TraceAlertFilters = {}): Promise<{ items: TraceAlertView[]; total: number }> {
  assertCan(ctx.actor, 'trace.read');
  let query = alertsWithNames(ctx).where(scopeCondition(ctx.actor, 'traceAlerts'));
  if (filters.status) query = query.where('traceAlerts.status', '=', filters.status);
  if (filters.kind) query = query.where('traceAlerts.kind', '=', filters.kind);
  const [items, counted] = await Promise.all([
    query
      .selectAll('traceAlerts')
      .select(NAMES)
      .orderBy('traceAlerts.createdAt', 'desc')
      .orderBy('traceAlerts.id')
      .limit(filters.limit ?? 50)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(counted.n) };
}

/** One alert with its names; out of scope it does not exist. */
export async function findTraceAlert(ctx: Ctx, id: string): Promise<TraceAlertView> {
  const alert = await alertsWithNames(ctx).selectAll('traceAlerts').select(NAMES).where('traceAlerts.id', '=', id).executeTakeFirst();
  if (!alert) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'trace.read', alert);
  return alert;
}

/** Closes an open alert after review (trace.alerts), audited; closing a closed one is a conflict. */
export async function closeTraceAlert(ctx: Ctx, id: string): Promise<TraceAlertRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('traceAlerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'trace.alerts', before);
    if (before.status !== 'open') throw new AppError('trace.alert_closed');
    const after = await trx.db
      .updateTable('traceAlerts')
      .set({ status: 'closed', closedAt: new Date(), closedBy: ctx.actor.userId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'trace.alert.close',
      entityType: 'trace_alert',
      entityId: id,
      jurisdictionCode: before.jurisdictionCode,
      enterpriseId: before.enterpriseId,
      before: { status: before.status },
      after: { status: after.status, closedAt: after.closedAt },
    });
    return after;
  });
}
