import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { AppError, assertCan, generatePlan, type InspectionPlanDraft } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { scopeCondition } from '../access/scope.ts';
import type { InspectionPlanItemsTable, InspectionPlansTable } from '../db/schema.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { loadEnterpriseRoster } from '../inspection/enterprise-roster.ts';
import { loadInspectorRoster } from '../inspection/inspector-roster.ts';
import { ACTIVE_RISK_RULE_SET } from '../risk/risk-grading.ts';

export type InspectionPlanRow = Selectable<InspectionPlansTable>;
export type InspectionPlanItemRow = Selectable<InspectionPlanItemsTable>;

/** Inspections one inspector can take part in per month when nobody says otherwise (local practice; data). */
export const DEFAULT_VISITS_PER_INSPECTOR_MONTH = 16;
const INSPECTORS_PER_INSPECTION = 2;

/** What is kept of the draft beside the items: workload by month, coverage against targets, totals. */
export type PlanSummary = Omit<InspectionPlanDraft, 'items'> & { inspectorCount: number; visitsPerInspectorPerMonth: number };

/**
 * Generates (or regenerates, while still a draft) a jurisdiction's annual inspection plan (年度监督检查计划,
 * 49号令 §21) from the roster's grades: required inspections per enterprise, spread over the months, with
 * the workload against inspector capacity and the coverage targets.
 */
export async function generateInspectionPlan(
  ctx: Ctx,
  input: { jurisdictionCode: string; year: number; visitsPerInspectorPerMonth?: number | undefined },
): Promise<InspectionPlanRow> {
  assertCan(ctx.actor, 'plan.manage', { jurisdictionCode: input.jurisdictionCode, enterpriseId: null });
  const enterprises = await loadEnterpriseRoster(ctx.db, input.jurisdictionCode);
  const inspectors = await loadInspectorRoster(ctx.db, input.jurisdictionCode);
  if (inspectors.length === 0) throw new AppError('plan.no_inspectors');
  const visitsPerInspectorPerMonth = input.visitsPerInspectorPerMonth ?? DEFAULT_VISITS_PER_INSPECTOR_MONTH;
  const draft = generatePlan(
    { year: input.year, enterprises, inspectorCount: inspectors.length, visitsPerInspectorPerMonth, inspectorsPerInspection: INSPECTORS_PER_INSPECTION },
    ACTIVE_RISK_RULE_SET,
  );
  const { items, ...rest } = draft;
  const summary: PlanSummary = { ...rest, inspectorCount: inspectors.length, visitsPerInspectorPerMonth };
  const jurisdictionOf = new Map(enterprises.map((e) => [e.id, e.jurisdictionCode]));

  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('inspectionPlans').selectAll().where('jurisdictionCode', '=', input.jurisdictionCode).where('year', '=', input.year).forUpdate().executeTakeFirst();
    if (before?.status === 'approved') throw new AppError('resource.conflict');
    if (before) await trx.db.deleteFrom('inspectionPlans').where('id', '=', before.id).execute();
    const plan = await trx.db
      .insertInto('inspectionPlans')
      .values({ id: randomUUID(), jurisdictionCode: input.jurisdictionCode, year: input.year, ruleSetId: draft.ruleSetId, summary: JSON.stringify(summary), generatedBy: ctx.actor.userId, approvedBy: null, approvedAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (let i = 0; i < items.length; i += 1000) {
      await trx.db
        .insertInto('inspectionPlanItems')
        .values(
          items.slice(i, i + 1000).map((item) => ({
            planId: plan.id,
            enterpriseId: item.enterpriseId,
            jurisdictionCode: jurisdictionOf.get(item.enterpriseId) ?? input.jurisdictionCode,
            grade: item.grade,
            required: item.required,
            priority: item.priority,
            fullChecklistDue: item.fullChecklistDue,
            months: item.months,
            reasons: JSON.stringify(item.reasons),
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      action: before ? 'inspection_plan.regenerate' : 'inspection_plan.generate',
      entityType: 'inspection_plan',
      entityId: plan.id,
      jurisdictionCode: plan.jurisdictionCode,
      enterpriseId: null,
      before: before ? { id: before.id, totals: (before.summary as PlanSummary).totals } : null,
      after: { id: plan.id, year: plan.year, totals: summary.totals, coverage: summary.coverage },
    });
    return plan;
  });
}

export async function approveInspectionPlan(ctx: Ctx, id: string): Promise<InspectionPlanRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('inspectionPlans').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'plan.manage', { jurisdictionCode: before.jurisdictionCode, enterpriseId: null });
    if (before.status === 'approved') throw new AppError('resource.conflict');
    const after = await trx.db
      .updateTable('inspectionPlans')
      .set({ status: 'approved', approvedBy: ctx.actor.userId, approvedAt: new Date(), version: before.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'inspection_plan.approve', entityType: 'inspection_plan', entityId: id, jurisdictionCode: after.jurisdictionCode, enterpriseId: null, before: { status: before.status }, after: { status: after.status } });
    return after;
  });
}

export async function findInspectionPlan(ctx: Ctx, jurisdictionCode: string, year: number): Promise<(InspectionPlanRow & { summary: PlanSummary }) | null> {
  assertCan(ctx.actor, 'plan.read', { jurisdictionCode, enterpriseId: null });
  const row = await ctx.db.selectFrom('inspectionPlans').selectAll().where('jurisdictionCode', '=', jurisdictionCode).where('year', '=', year).executeTakeFirst();
  return row ? { ...row, summary: row.summary as PlanSummary } : null;
}

export interface PlanItemQuery {
  month?: number | undefined;
  priorityOnly?: boolean | undefined;
  limit?: number;
  offset?: number;
}

/** A plan's items with enterprise names: by month, priority first. */
export async function listPlanItems(ctx: Ctx, planId: string, query: PlanItemQuery): Promise<{ items: (InspectionPlanItemRow & { enterpriseName: string })[]; total: number }> {
  assertCan(ctx.actor, 'plan.read');
  const plan = await ctx.db.selectFrom('inspectionPlans').select('id').where('id', '=', planId).where(scopeCondition(ctx.actor, 'inspectionPlans')).executeTakeFirst();
  if (!plan) throw new AppError('resource.not_found');
  let base = ctx.db.selectFrom('inspectionPlanItems').innerJoin('enterprises', 'enterprises.id', 'inspectionPlanItems.enterpriseId').where('inspectionPlanItems.planId', '=', planId);
  if (query.month) base = base.where(sql<boolean>`${query.month} = ANY(inspection_plan_items.months)`);
  if (query.priorityOnly) base = base.where('inspectionPlanItems.priority', '=', true);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const items = await base
    .selectAll('inspectionPlanItems')
    .select('enterprises.name as enterpriseName')
    .orderBy('inspectionPlanItems.priority', 'desc')
    .orderBy('inspectionPlanItems.required', 'desc')
    .orderBy('enterprises.name')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  return { items, total };
}
