import { sql } from 'kysely';
import { AppError, assertCan } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { meetClock } from '../deadlines/clock-service.ts';
import { today } from '../registry/guards.ts';
import type { RectificationItemRow } from './self-inspection-queries.ts';

/**
 * Rectification items (整改项) of self-inspections: the enterprise closes one with evidence text (整改情况),
 * which meets its deadline clock, and then verifies it (企业验证: its admin confirms the fix). The regulator
 * reads them (and the 整改率) but does not act on them: the enterprise owns its self-inspection.
 */
export async function closeRectificationItem(ctx: Ctx, id: string, input: { evidence: string }): Promise<RectificationItemRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockItem(trx, id);
    assertCan(ctx.actor, 'self_inspection.write', before);
    if (before.status !== 'open') throw new AppError('self_inspection.rectification_state');
    const after = await update(trx, id, { status: 'closed', evidence: input.evidence, closedAt: new Date(), closedBy: ctx.actor.userId });
    await meetClock(trx, 'self_inspection_rectification', id, 'self_inspection.rectification', today());
    await audit(trx, 'self_inspection.rectification_close', before, after);
    return after;
  });
}

export async function verifyRectificationItem(ctx: Ctx, id: string, input: { note: string }): Promise<RectificationItemRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockItem(trx, id);
    assertCan(ctx.actor, 'self_inspection.verify', before);
    if (before.status !== 'closed') throw new AppError('self_inspection.rectification_state');
    const after = await update(trx, id, { status: 'verified', verifiedAt: new Date(), verifiedBy: ctx.actor.userId, verificationNote: input.note || null });
    await audit(trx, 'self_inspection.rectification_verify', before, after);
    return after;
  });
}

async function lockItem(trx: TrxCtx, id: string): Promise<RectificationItemRow> {
  const row = await trx.db.selectFrom('selfInspectionRectifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return row;
}

async function update(trx: TrxCtx, id: string, changes: Partial<Omit<RectificationItemRow, 'id' | 'version'>>): Promise<RectificationItemRow> {
  return trx.db
    .updateTable('selfInspectionRectifications')
    .set({ ...changes, version: sql`version + 1`, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function audit(trx: TrxCtx, action: string, before: RectificationItemRow, after: RectificationItemRow): Promise<void> {
  await recordAudit(trx, { action, entityType: 'self_inspection_rectification', entityId: before.id, jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId, before, after });
}
