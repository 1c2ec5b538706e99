import { sql } from 'kysely';
import { AppError, actorScope, addCalendarDays, assertCan, findChecklistTemplate, type ChecklistTemplate } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Db } from '../db/connect.ts';
import type { Ctx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import type { InspectionRow } from './inspection-schedule.ts';

/** An inspection with what a page or the offline form needs beside it. */
export interface InspectionView {
  inspection: InspectionRow;
  enterprise: { id: string; name: string; uscc: string; address: string; grade: string | null };
  inspectors: { id: string; name: string }[];
  photoIds: string[];
  template: ChecklistTemplate;
}

/** Enterprise users see their inspections only once done: an announced date would defeat unannounced checks. */
const VISIBLE_TO_ENTERPRISE = ['completed', 'published'] as const;

export async function findInspection(ctx: Ctx, id: string): Promise<InspectionView> {
  assertCan(ctx.actor, 'inspection.read');
  let query = ctx.db.selectFrom('inspections').selectAll().where('id', '=', id).where(scopeCondition(ctx.actor, 'inspections'));
  if (actorScope(ctx.actor).kind === 'enterprise') query = query.where('status', 'in', [...VISIBLE_TO_ENTERPRISE]);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  const [view] = await viewsOf(ctx.db, [row]);
  return view!;
}

/** The signed-in inspector's open inspections up to two weeks ahead: what the phone takes offline. */
export async function listAssignedInspections(ctx: Ctx): Promise<InspectionView[]> {
  assertCan(ctx.actor, 'inspection.perform');
  const rows = await ctx.db
    .selectFrom('inspections')
    .selectAll()
    .where(sql<boolean>`inspector_ids @> ARRAY[${ctx.actor.userId}]::uuid[]`)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .where('scheduledOn', '<=', addCalendarDays(today(), 14))
    .orderBy('scheduledOn')
    .orderBy('number')
    .limit(100)
    .execute();
  return viewsOf(ctx.db, rows);
}

export interface InspectionListQuery {
  enterpriseId?: string | undefined;
  status?: InspectionRow['status'] | undefined;
  limit?: number;
}

export async function listInspections(ctx: Ctx, query: InspectionListQuery): Promise<{ items: InspectionView[]; total: number }> {
  assertCan(ctx.actor, 'inspection.read');
  let base = ctx.db.selectFrom('inspections').where(scopeCondition(ctx.actor, 'inspections'));
  if (actorScope(ctx.actor).kind === 'enterprise') base = base.where('status', 'in', [...VISIBLE_TO_ENTERPRISE]);
  if (query.enterpriseId) base = base.where('enterpriseId', '=', query.enterpriseId);
  if (query.status) base = base.where('status', '=', query.status);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('scheduledOn', 'desc').orderBy('number', 'desc').limit(query.limit ?? 50).execute();
  return { items: await viewsOf(ctx.db, rows), total };
}

async function viewsOf(db: Db, rows: InspectionRow[]): Promise<InspectionView[]> {
  if (rows.length === 0) return [];
  const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId))];
  const enterprises = await db
    .selectFrom('enterprises')
    .leftJoin('riskProfiles', 'riskProfiles.enterpriseId', 'enterprises.id')
    .select(['enterprises.id', 'enterprises.name', 'enterprises.uscc', 'enterprises.address', 'riskProfiles.currentGrade'])
    .where('enterprises.id', 'in', enterpriseIds)
    .execute();
  const userIds = [...new Set(rows.flatMap((r) => r.inspectorIds))];
  const users = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute();
  const photos = await db
    .selectFrom('inspectionPhotos')
    .select(['id', 'inspectionId'])
    .where(
      'inspectionId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('createdAt')
    .execute();
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
  const nameById = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((inspection) => {
    const e = enterpriseById.get(inspection.enterpriseId);
    const template = findChecklistTemplate(inspection.templateId);
    if (!e || !template) throw new Error(`inspection ${inspection.id} refers to a missing enterprise or template`);
    return {
      inspection,
      enterprise: { id: e.id, name: e.name, uscc: e.uscc, address: e.address, grade: e.currentGrade },
      inspectors: inspection.inspectorIds.map((id) => ({ id, name: nameById.get(id) ?? id })),
      photoIds: photos.filter((p) => p.inspectionId === inspection.id).map((p) => p.id),
      template,
    };
  });
}

/** A photo taken during an inspection, for whoever may see the inspection. */
export async function findInspectionPhoto(ctx: Ctx, inspectionId: string, photoId: string): Promise<{ contentType: string; bytes: Uint8Array }> {
  await findInspection(ctx, inspectionId);
  const photo = await ctx.db
    .selectFrom('inspectionPhotos')
    .select(['contentType', 'bytes'])
    .where('id', '=', photoId)
    .where('inspectionId', '=', inspectionId)
    .executeTakeFirst();
  if (!photo) throw new AppError('resource.not_found');
  return photo;
}
