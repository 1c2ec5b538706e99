import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, dutyTemplate, type RiskItemCreate, type RiskItemUpdate, invalidRequest } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { DutyRiskItemsTable } from '../db/schema-duties.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { assertVersion, today } from '../registry/guards.ts';
import { lockEnterpriseFor, requireList } from './duty-access.ts';

export type RiskItemRow = Selectable<DutyRiskItemsTable>;

/**
 * Starts an enterprise's risk-control list (风险管控清单) from a template: its items are copied and are the
 * enterprise's own from then on. Records (日管控…) are required from the day it starts.
 */
export async function startRiskList(ctx: Ctx, enterpriseId: string, input: { templateId: string }, on: string = today()): Promise<RiskItemRow[]> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'duties.manage');
    const template = dutyTemplate(input.templateId);
    if (!template) throw invalidRequest([{ path: 'templateId', message: 'field.enum' }]);
    const existing = await trx.db.selectFrom('dutyLists').select('enterpriseId').where('enterpriseId', '=', enterpriseId).executeTakeFirst();
    if (existing) throw new AppError('duties.list_started');
    const list = await trx.db
      .insertInto('dutyLists')
      .values({ enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, templateId: template.id, startedOn: on, createdBy: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const items = await trx.db
      .insertInto('dutyRiskItems')
      .values(
        template.items.map((item, i) => ({
          id: randomUUID(),
          enterpriseId,
          jurisdictionCode: enterprise.jurisdictionCode,
          templateKey: item.key,
          position: i + 1,
          area: item.area,
          hazard: item.hazard,
          control: item.control,
          frequency: item.frequency,
          retiredOn: null,
        })),
      )
      .returningAll()
      .execute();
    await recordAudit(trx, {
      action: 'duties.list.start',
      entityType: 'duty_list',
      entityId: enterpriseId,
      jurisdictionCode: enterprise.jurisdictionCode,
      enterpriseId,
      before: null,
      after: { ...list, items: items.length },
    });
    return items.sort((a, b) => a.position - b.position);
  });
}

/** Adds an item of the enterprise's own to its list. */
export async function addRiskItem(ctx: Ctx, enterpriseId: string, input: RiskItemCreate): Promise<RiskItemRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'duties.manage');
    await requireList(trx.db, enterpriseId);
    const last = await trx.db.selectFrom('dutyRiskItems').select((eb) => eb.fn.max('position').as('max')).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
    const item = await trx.db
      .insertInto('dutyRiskItems')
      .values({ id: randomUUID(), enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, templateKey: null, position: (last?.max ?? 0) + 1, ...input, retiredOn: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditItem(trx, 'duties.risk_item.create', null, item);
    return item;
  });
}

/** Edits an item (send the version you edited), or retires it (`retired: true`) / puts it back (`false`). */
export async function updateRiskItem(ctx: Ctx, id: string, patch: RiskItemUpdate, on: string = today()): Promise<RiskItemRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('dutyRiskItems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'duties.manage', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    assertVersion(before.version, patch.version);
    const { version: _v, retired, ...changes } = patch;
    const retiredOn = retired === undefined ? before.retiredOn : retired ? (before.retiredOn ?? on) : null;
    const after = await trx.db
      .updateTable('dutyRiskItems')
      .set({ ...changes, retiredOn, version: before.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const action = retired === true && !before.retiredOn ? 'duties.risk_item.retire' : 'duties.risk_item.update';
    await auditItem(trx, action, before, after);
    return after;
  });
}

async function auditItem(trx: TrxCtx, action: string, before: RiskItemRow | null, after: RiskItemRow): Promise<void> {
  await recordAudit(trx, { action, entityType: 'duty_risk_item', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after });
}
