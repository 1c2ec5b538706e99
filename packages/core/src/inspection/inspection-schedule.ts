import { randomUUID } from 'node:crypto';
import { AppError, assertCan, chooseTemplate, findChecklistTemplate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { nextNumber } from '../db/counters.ts';
import type { EnterpriseRow, InspectionsTable } from '../db/schema.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { startClock } from '../deadlines/clock-service.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import { today } from '../registry/guards.ts';
import type { Selectable } from 'kysely';
import { ineligibility, loadInspectorRoster } from './inspector-roster.ts';

export type InspectionRow = Selectable<InspectionsTable>;

export interface ScheduleInspectionInput {
  enterpriseId: string;
  kind: InspectionRow['kind'];
  scheduledOn: string;
  inspectorIds: string[];
  templateId?: string | undefined;
}

/** Schedules an inspection by hand (a supervisor assigns ≥2 eligible inspectors). */
export async function scheduleInspection(ctx: Ctx, input: ScheduleInspectionInput): Promise<InspectionRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, input.enterpriseId);
    assertCan(ctx.actor, 'inspection.schedule', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    await assertEligibleInspectors(trx, enterprise, input.inspectorIds);
    return insertInspection(trx, enterprise, { ...input, origin: 'manual', drawId: null, followUpOf: null });
  });
}

/** Refuses inspectors who are not active inspectors covering the enterprise, or who declared a conflict. */
export async function assertEligibleInspectors(trx: TrxCtx, enterprise: Pick<EnterpriseRow, 'id' | 'jurisdictionCode'>, inspectorIds: readonly string[]): Promise<void> {
  const unique = [...new Set(inspectorIds)];
  if (unique.length < 2) {
    throw new AppError('request.invalid', { params: { count: 1 }, details: [{ path: 'inspectorIds', message: 'field.inspectors_min_two' }] });
  }
  const roster = new Map((await loadInspectorRoster(trx.db, enterprise.jurisdictionCode)).map((i) => [i.id, i]));
  for (const id of unique) {
    const inspector = roster.get(id);
    if (!inspector || ineligibility(inspector, enterprise)) {
      const user = await trx.db.selectFrom('users').select('displayName').where('id', '=', id).executeTakeFirst();
      throw new AppError('inspection.inspector_ineligible', { params: { name: user?.displayName ?? id } });
    }
  }
}

export interface NewInspection extends ScheduleInspectionInput {
  origin: InspectionRow['origin'];
  drawId: string | null;
  followUpOf: string | null;
}

/** Inserts an inspection with its number and starts its "carry out" clock for the assigned inspectors. */
export async function insertInspection(trx: TrxCtx, enterprise: EnterpriseRow, input: NewInspection): Promise<InspectionRow> {
  const templateId = input.templateId ?? (await defaultTemplateId(trx, enterprise));
  if (!findChecklistTemplate(templateId)) {
    throw new AppError('request.invalid', { params: { count: 1 }, details: [{ path: 'templateId', message: 'field.enum' }] });
  }
  const year = Number(input.scheduledOn.slice(0, 4));
  const inspection = await trx.db
    .insertInto('inspections')
    .values({
      id: randomUUID(),
      number: await nextNumber(trx.db, 'JC', enterprise.jurisdictionCode, year),
      enterpriseId: enterprise.id,
      jurisdictionCode: enterprise.jurisdictionCode,
      kind: input.kind,
      origin: input.origin,
      drawId: input.drawId,
      followUpOf: input.followUpOf,
      templateId,
      scheduledOn: input.scheduledOn,
      inspectorIds: [...new Set(input.inspectorIds)],
      outcome: null,
      counts: null,
      inspectedOn: null,
      completedAt: null,
      completedBy: null,
      publishedAt: null,
      publishedBy: null,
      createdBy: trx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const startedOn = today();
  await startClock(trx, {
    ruleId: 'inspection.conduct',
    subjectType: 'inspection',
    subjectId: inspection.id,
    enterpriseId: enterprise.id,
    jurisdictionCode: enterprise.jurisdictionCode,
    assigneeIds: inspection.inspectorIds,
    label: inspection.number,
    startedOn,
    length: Math.max(0, Math.round((Date.parse(input.scheduledOn) - Date.parse(startedOn)) / 86_400_000)),
  });
  await recordAudit(trx, {
    action: 'inspection.schedule',
    entityType: 'inspection',
    entityId: inspection.id,
    jurisdictionCode: inspection.jurisdictionCode,
    enterpriseId: enterprise.id,
    before: null,
    after: inspection,
  });
  return inspection;
}

/** The checklist an enterprise is inspected with by default: production for special-food producers. */
async function defaultTemplateId(trx: TrxCtx, enterprise: EnterpriseRow): Promise<string> {
  const product = await trx.db.selectFrom('products').select('id').where('enterpriseId', '=', enterprise.id).limit(1).executeTakeFirst();
  return chooseTemplate(enterprise.kinds, enterprise.kinds.includes('producer') && product !== undefined).id;
}

/** The inspectors a supervisor may assign to an enterprise, with why the others may not (回避, jurisdiction). */
export async function listEligibleInspectors(ctx: Ctx, enterpriseId: string): Promise<{ id: string; name: string; jurisdictionCode: string; ineligible: 'recused' | 'out_of_jurisdiction' | null }[]> {
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'inspection.schedule', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId });
  const roster = await loadInspectorRoster(ctx.db, enterprise.jurisdictionCode);
  return roster.map((i) => ({ id: i.id, name: i.displayName, jurisdictionCode: i.jurisdictionCode, ineligible: ineligibility(i, enterprise) }));
}
