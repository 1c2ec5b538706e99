import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, isWithin } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { scopeCondition } from '../access/scope.ts';
import type { RecusalsTable } from '../db/schema.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import { today } from '../registry/guards.ts';

export type RecusalRow = Selectable<RecusalsTable>;

/**
 * A declared conflict of interest (回避, 49号令 §23; 行政处罚法 §43): the inspector is never drawn or assigned
 * for that enterprise while the declaration stands. An inspector declares for themself; a supervisor may
 * record one for any inspector of their jurisdiction.
 */
export async function declareRecusal(ctx: Ctx, input: { enterpriseId: string; inspectorId?: string | undefined; reason: string }): Promise<RecusalRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, input.enterpriseId);
    assertCan(ctx.actor, 'recusal.declare', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    const inspectorId = input.inspectorId ?? ctx.actor.userId;
    if (!inspectorId) throw new AppError('auth.unauthenticated');
    if (ctx.actor.role === 'inspector' && inspectorId !== ctx.actor.userId) throw new AppError('auth.forbidden');
    const inspector = await trx.db.selectFrom('users').select(['id', 'role', 'jurisdictionCode']).where('id', '=', inspectorId).executeTakeFirst();
    if (!inspector || inspector.role !== 'inspector' || !inspector.jurisdictionCode || !isWithin(inspector.jurisdictionCode, ctx.actor.jurisdictionCode ?? '')) {
      throw new AppError('request.invalid', { params: { count: 1 }, details: [{ path: 'inspectorId', message: 'field.inspector_unknown' }] });
    }
    const existing = await trx.db.selectFrom('recusals').selectAll().where('inspectorId', '=', inspectorId).where('enterpriseId', '=', enterprise.id).where('withdrawnAt', 'is', null).executeTakeFirst();
    if (existing) return existing;
    const row = await trx.db
      .insertInto('recusals')
      .values({ id: randomUUID(), inspectorId, enterpriseId: enterprise.id, jurisdictionCode: enterprise.jurisdictionCode, reason: input.reason, declaredOn: today(), withdrawnAt: null, createdBy: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'recusal.declare', entityType: 'recusal', entityId: row.id, jurisdictionCode: row.jurisdictionCode, enterpriseId: row.enterpriseId, before: null, after: row });
    return row;
  });
}

export async function withdrawRecusal(ctx: Ctx, id: string): Promise<RecusalRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('recusals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before || before.withdrawnAt) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'recusal.declare', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (ctx.actor.role === 'inspector' && before.inspectorId !== ctx.actor.userId) throw new AppError('auth.forbidden');
    const after = await trx.db.updateTable('recusals').set({ withdrawnAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'recusal.withdraw', entityType: 'recusal', entityId: id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
    return after;
  });
}

/** Standing declarations in scope; an inspector sees their own. */
export async function listRecusals(ctx: Ctx, query: { enterpriseId?: string | undefined }): Promise<(RecusalRow & { inspectorName: string; enterpriseName: string })[]> {
  assertCan(ctx.actor, 'recusal.declare');
  let q = ctx.db
    .selectFrom('recusals')
    .innerJoin('users', 'users.id', 'recusals.inspectorId')
    .innerJoin('enterprises', 'enterprises.id', 'recusals.enterpriseId')
    .selectAll('recusals')
    .select(['users.displayName as inspectorName', 'enterprises.name as enterpriseName'])
    .where(scopeCondition(ctx.actor, 'recusals'))
    .where('recusals.withdrawnAt', 'is', null);
  if (ctx.actor.role === 'inspector') q = q.where('recusals.inspectorId', '=', ctx.actor.userId ?? '');
  if (query.enterpriseId) q = q.where('recusals.enterpriseId', '=', query.enterpriseId);
  return q.orderBy('recusals.createdAt', 'desc').limit(200).execute();
}
