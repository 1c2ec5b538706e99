import { sql } from 'kysely';
import { AppError, assertCan } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { meetClock } from '../deadlines/clock-service.ts';
import type { InspectionRow } from './inspection-schedule.ts';

/**
 * Publishes a finished inspection's result (公开, 49号令 §39: within 20 working days of forming). A
 * supervisor of the jurisdiction or one of the inspection's own inspectors may publish (谁检查、谁公开).
 */
export async function publishInspection(ctx: Ctx, id: string): Promise<InspectionRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('inspections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'inspection.publish', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (ctx.actor.role === 'inspector' && !before.inspectorIds.includes(ctx.actor.userId ?? '')) throw new AppError('inspection.not_assigned');
    if (before.status === 'published') throw new AppError('inspection.already_published');
    if (before.status !== 'completed') throw new AppError('inspection.not_completed');
    const after = await trx.db
      .updateTable('inspections')
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.userId, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await meetClock(trx, 'inspection', id, 'inspection.publication');
    await recordAudit(trx, {
      action: 'inspection.publish',
      entityType: 'inspection',
      entityId: id,
      jurisdictionCode: after.jurisdictionCode,
      enterpriseId: after.enterpriseId,
      before: { status: before.status, publishedAt: null },
      after: { status: after.status, publishedAt: after.publishedAt },
    });
    return after;
  });
}

/** One published result as anyone may see it (公示). */
export interface PublicInspectionResult {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  jurisdictionCode: string;
  kind: InspectionRow['kind'];
  origin: InspectionRow['origin'];
  drawNumber: string | null;
  inspectedOn: string;
  outcome: NonNullable<InspectionRow['outcome']>;
  itemsChecked: number;
  itemsFailed: number;
  publishedAt: Date;
}

export interface PublicResultsQuery {
  enterpriseId?: string | undefined;
  /** Name or credit code, matched from the start of the code or anywhere in the name. */
  q?: string | undefined;
  jurisdictionCode?: string | undefined;
  limit?: number;
  offset?: number;
}

/** Published inspection results, newest first: no sign-in needed. */
export async function listPublishedResults(db: Db, query: PublicResultsQuery): Promise<{ items: PublicInspectionResult[]; total: number }> {
  let base = db
    .selectFrom('inspections')
    .innerJoin('enterprises', 'enterprises.id', 'inspections.enterpriseId')
    .leftJoin('draws', 'draws.id', 'inspections.drawId')
    .where('inspections.status', '=', 'published');
  if (query.enterpriseId) base = base.where('inspections.enterpriseId', '=', query.enterpriseId);
  if (query.jurisdictionCode) base = base.where('inspections.jurisdictionCode', 'like', `${query.jurisdictionCode}%`);
  if (query.q) {
    const q = query.q.trim();
    base = base.where((eb) => eb.or([eb('enterprises.uscc', 'like', `${q.toUpperCase()}%`), eb('enterprises.name', 'like', `%${q}%`)]));
  }
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'inspections.id',
      'inspections.number',
      'inspections.enterpriseId',
      'enterprises.name as enterpriseName',
      'enterprises.uscc',
      'inspections.jurisdictionCode',
      'inspections.kind',
      'inspections.origin',
      'draws.number as drawNumber',
      'inspections.inspectedOn',
      'inspections.outcome',
      'inspections.counts',
      'inspections.publishedAt',
    ])
    .orderBy('inspections.publishedAt', 'desc')
    .orderBy('inspections.id')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  return {
    total,
    items: rows.map((r) => {
      // counts is written by completeInspection from the domain's assessment.
      const counts = (r.counts ?? { checked: 0, failed: 0 }) as { checked: number; failed: number };
      return {
        id: r.id,
        number: r.number,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        uscc: r.uscc,
        jurisdictionCode: r.jurisdictionCode,
        kind: r.kind,
        origin: r.origin,
        drawNumber: r.drawNumber,
        inspectedOn: r.inspectedOn ?? '',
        outcome: r.outcome ?? 'compliant',
        itemsChecked: counts.checked,
        itemsFailed: counts.failed,
        publishedAt: r.publishedAt ?? new Date(0),
      };
    }),
  };
}
