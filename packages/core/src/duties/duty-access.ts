import { AppError, assertCan, type Action } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx, TrxCtx } from '../db/transaction.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';

/**
 * Access to one enterprise's duties (主体责任): the enterprise must exist and lie in the actor's scope (else
 * 404, so its existence does not leak), and the actor's role must grant the action.
 */
export async function enterpriseFor(ctx: Ctx, enterpriseId: string, action: Action): Promise<EnterpriseRow> {
  const row = await ctx.db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  assertCan(ctx.actor, action, { jurisdictionCode: row.jurisdictionCode, enterpriseId: row.id });
  return row;
}

/** The same inside a write: the enterprise row is locked, so one enterprise's duty writes run one after another. */
export async function lockEnterpriseFor(trx: TrxCtx, enterpriseId: string, action: Action): Promise<EnterpriseRow> {
  const row = await lockEnterprise(trx, enterpriseId);
  assertCan(trx.actor, action, { jurisdictionCode: row.jurisdictionCode, enterpriseId: row.id });
  return row;
}

/** The list an enterprise keeps (风险管控清单); 422 when it has not started one. */
export async function requireList(db: Db | TrxCtx['db'], enterpriseId: string): Promise<{ templateId: string; startedOn: string }> {
  const list = await db.selectFrom('dutyLists').select(['templateId', 'startedOn']).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
  if (!list) throw new AppError('duties.no_risk_list');
  return list;
}

/** The acting user's display name, for records that name who did them. */
export async function actorName(trx: TrxCtx): Promise<string> {
  if (!trx.actor.userId) return trx.actor.username;
  const user = await trx.db.selectFrom('users').select('displayName').where('id', '=', trx.actor.userId).executeTakeFirst();
  return user?.displayName ?? trx.actor.username;
}

