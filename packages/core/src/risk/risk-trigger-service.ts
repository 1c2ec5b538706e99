import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, type UpgradeTriggerKind } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { RiskTriggersTable } from '../db/schema.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';

export type RiskTriggerRow = Selectable<RiskTriggersTable>;

/**
 * Records an upgrade trigger (升级情形: failed supervisory sampling, punished deliberate violation, incident,
 * failure to recall, refusing inspection…). Sampling and cases will record theirs with their own `source`;
 * until they exist a supervisor enters them by hand. The next grading reads the year's triggers.
 */
export async function recordRiskTrigger(ctx: Ctx, enterpriseId: string, input: { kind: UpgradeTriggerKind; occurredOn: string; note: string }): Promise<RiskTriggerRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    const target = { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId };
    assertCan(ctx.actor, 'risk.manage', target);
    const row = await trx.db
      .insertInto('riskTriggers')
      .values({ id: randomUUID(), enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, kind: input.kind, occurredOn: input.occurredOn, note: input.note, source: 'manual', sourceRef: null, recordedBy: ctx.actor.userId, withdrawnAt: null, withdrawnReason: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'risk_trigger.record', entityType: 'risk_trigger', entityId: row.id, ...target, before: null, after: row });
    return row;
  });
}

/** Withdraws a trigger recorded in error, with the reason (kept; never deleted). */
export async function withdrawRiskTrigger(ctx: Ctx, id: string, reason: string): Promise<RiskTriggerRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('riskTriggers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before || before.withdrawnAt) throw new AppError('resource.not_found');
    const target = { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId };
    assertCan(ctx.actor, 'risk.manage', target);
    const after = await trx.db.updateTable('riskTriggers').set({ withdrawnAt: new Date(), withdrawnReason: reason }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'risk_trigger.withdraw', entityType: 'risk_trigger', entityId: id, ...target, before, after });
    return after;
  });
}
