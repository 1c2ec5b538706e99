import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { AppError, SYSTEM_ACTOR, addCalendarDays, assertCan } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import type { RectificationOrdersTable } from '../db/schema.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { meetClock, startClock } from '../deadlines/clock-service.ts';
import { scopeCondition } from '../access/scope.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import { today } from '../registry/guards.ts';
import { insertInspection } from './inspection-schedule.ts';
import { ineligibility, loadInspectorRoster } from './inspector-roster.ts';

export type RectificationOrderRow = Selectable<RectificationOrdersTable>;

export interface RectificationOrderView {
  order: RectificationOrderRow;
  enterpriseName: string;
  inspectionNumber: string;
  findings: { id: string; itemId: string; itemKey: string; note: string; earlierFailures: number }[];
  evidence: { id: string; filename: string; contentType: string }[];
}

export async function listRectificationOrders(ctx: Ctx, query: { status?: RectificationOrderRow['status'] | undefined; enterpriseId?: string | undefined }): Promise<RectificationOrderView[]> {
  assertCan(ctx.actor, 'inspection.read');
  let q = ctx.db.selectFrom('rectificationOrders').selectAll().where(scopeCondition(ctx.actor, 'rectificationOrders'));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.enterpriseId) q = q.where('enterpriseId', '=', query.enterpriseId);
  // Unsettled orders first (open, escalated, answered), each group by deadline.
  const rows = await q.orderBy(sql`status = 'verified'`).orderBy('dueOn').orderBy('id').limit(100).execute();
  return viewsOf(ctx.db, rows);
}

export async function findRectificationOrder(ctx: Ctx, id: string): Promise<RectificationOrderView> {
  assertCan(ctx.actor, 'inspection.read');
  const row = await ctx.db.selectFrom('rectificationOrders').selectAll().where('id', '=', id).where(scopeCondition(ctx.actor, 'rectificationOrders')).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  const [view] = await viewsOf(ctx.db, [row]);
  return view!;
}

async function viewsOf(db: Db, rows: RectificationOrderRow[]): Promise<RectificationOrderView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [enterprises, inspections, findings, evidence] = await Promise.all([
    db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', rows.map((r) => r.enterpriseId)).execute(),
    db.selectFrom('inspections').select(['id', 'number']).where('id', 'in', rows.map((r) => r.inspectionId)).execute(),
    db.selectFrom('inspectionFindings').select(['id', 'itemId', 'itemKey', 'note', 'earlierFailures']).where('id', 'in', rows.flatMap((r) => r.findingIds)).execute(),
    db.selectFrom('rectificationEvidence').select(['id', 'orderId', 'filename', 'contentType']).where('orderId', 'in', ids).orderBy('createdAt').execute(),
  ]);
  return rows.map((order) => ({
    order,
    enterpriseName: enterprises.find((e) => e.id === order.enterpriseId)?.name ?? '',
    inspectionNumber: inspections.find((i) => i.id === order.inspectionId)?.number ?? '',
    findings: findings.filter((f) => order.findingIds.includes(f.id)),
    evidence: evidence.filter((e) => e.orderId === order.id).map(({ orderId: _o, ...e }) => e),
  }));
}

export interface EvidenceUpload {
  filename: string;
  contentType: string;
  dataBase64: string;
}

/** The enterprise reports what it fixed, with evidence (整改报告); the inspectors' verification clock starts. */
export async function respondToRectification(ctx: Ctx, id: string, input: { response: string; evidence: EvidenceUpload[] }): Promise<RectificationOrderRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockOrder(trx, id);
    assertCan(ctx.actor, 'rectification.respond', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (before.status !== 'open' && before.status !== 'escalated') throw new AppError('rectification.not_open');
    for (const file of input.evidence) {
      await trx.db
        .insertInto('rectificationEvidence')
        .values({ id: randomUUID(), orderId: id, filename: file.filename, contentType: file.contentType, bytes: Buffer.from(file.dataBase64, 'base64'), createdBy: ctx.actor.userId })
        .execute();
    }
    const after = await updateOrder(trx, before, { status: 'answered', response: input.response, respondedAt: new Date(), respondedBy: ctx.actor.userId });
    await meetClock(trx, 'rectification_order', id, 'rectification.response');
    const inspection = await trx.db.selectFrom('inspections').select(['inspectorIds']).where('id', '=', before.inspectionId).executeTakeFirstOrThrow();
    await startClock(trx, {
      ruleId: 'rectification.verification',
      subjectType: 'rectification_order',
      subjectId: id,
      enterpriseId: before.enterpriseId,
      jurisdictionCode: before.jurisdictionCode,
      assigneeIds: inspection.inspectorIds,
      label: before.number,
      startedOn: today(),
    });
    await auditOrder(trx, 'rectification.respond', before, { ...after, evidenceFiles: input.evidence.map((e) => e.filename) });
    return after;
  });
}

export type VerifyInput = { method: 'remote'; note: string } | { method: 'follow_up'; scheduledOn?: string | undefined };

/**
 * The inspector verifies the fix: remotely from the evidence (书面/远程核查), or by a follow-up inspection (现场
 * 复查) that is created here with the original inspectors and settles the order when it is completed.
 */
export async function verifyRectification(ctx: Ctx, id: string, input: VerifyInput): Promise<RectificationOrderRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockOrder(trx, id);
    assertCan(ctx.actor, 'rectification.verify', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (before.status === 'verified') throw new AppError('rectification.not_open');
    if (input.method === 'remote') {
      if (before.status !== 'answered') throw new AppError('rectification.not_answered');
      const after = await updateOrder(trx, before, { status: 'verified', verification: 'remote', verifiedAt: new Date(), verifiedBy: ctx.actor.userId, verificationNote: input.note });
      await meetClock(trx, 'rectification_order', id, 'rectification.verification');
      await auditOrder(trx, 'rectification.verify', before, after);
      return after;
    }
    const after = await scheduleFollowUp(trx, before, input.scheduledOn ?? addCalendarDays(today(), 5));
    await auditOrder(trx, 'rectification.follow_up', before, after);
    return after;
  });
}

/**
 * Creates the follow-up inspection (复查) with the original inspectors where they are still eligible; one who
 * has since declared a conflict or left the jurisdiction is replaced from the roster. Null when fewer than two
 * eligible inspectors remain (the order stays escalated for a supervisor to staff by hand).
 */
async function scheduleFollowUp(trx: TrxCtx, order: RectificationOrderRow, scheduledOn: string): Promise<RectificationOrderRow> {
  if (order.followUpInspectionId) return order;
  const original = await trx.db.selectFrom('inspections').selectAll().where('id', '=', order.inspectionId).executeTakeFirstOrThrow();
  const enterprise = await lockEnterprise(trx, order.enterpriseId);
  const roster = await loadInspectorRoster(trx.db, enterprise.jurisdictionCode);
  const eligible = roster.filter((i) => ineligibility(i, enterprise) === null).map((i) => i.id);
  const team = [...original.inspectorIds.filter((id) => eligible.includes(id)), ...eligible.filter((id) => !original.inspectorIds.includes(id))].slice(0, 2);
  if (team.length < 2) return order;
  const followUp = await insertInspection(trx, enterprise, {
    enterpriseId: enterprise.id,
    kind: 'follow_up',
    origin: 'follow_up',
    scheduledOn,
    inspectorIds: team,
    templateId: original.templateId,
    drawId: null,
    followUpOf: original.id,
  });
  return updateOrder(trx, order, { followUpInspectionId: followUp.id, verification: 'follow_up' });
}

/**
 * The daily sweep (job `deadlines.sweep`): an order past its deadline without an answer escalates (逾期未整改)
 * — it shows as overdue to the district's supervisors and a follow-up inspection is scheduled for it.
 */
export async function escalateOverdueOrders(db: Db, on: string = today()): Promise<number> {
  const overdue = await db.selectFrom('rectificationOrders').select('id').where('status', '=', 'open').where('dueOn', '<', on).orderBy('id').execute();
  const ctx: Ctx = { db, actor: SYSTEM_ACTOR };
  let escalated = 0;
  for (const { id } of overdue) {
    await withTransaction(ctx, async (trx) => {
      const before = await lockOrder(trx, id);
      if (before.status !== 'open') return;
      escalated += 1;
      const marked = await updateOrder(trx, before, { status: 'escalated', escalatedAt: new Date() });
      const after = await scheduleFollowUp(trx, marked, addCalendarDays(on, 3));
      await trx.db.updateTable('clocks').set({ escalatedAt: new Date() }).where('subjectType', '=', 'rectification_order').where('subjectId', '=', id).execute();
      await auditOrder(trx, 'rectification.escalate', before, after);
    });
  }
  return escalated;
}

async function lockOrder(trx: TrxCtx, id: string): Promise<RectificationOrderRow> {
  const row = await trx.db.selectFrom('rectificationOrders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return row;
}

async function updateOrder(trx: TrxCtx, before: RectificationOrderRow, changes: Partial<Omit<RectificationOrderRow, 'id' | 'version'>>): Promise<RectificationOrderRow> {
  return trx.db
    .updateTable('rectificationOrders')
    .set({ ...changes, version: sql`version + 1`, updatedAt: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function auditOrder(trx: TrxCtx, action: string, before: RectificationOrderRow, after: object): Promise<void> {
  await recordAudit(trx, {
    action,
    entityType: 'rectification_order',
    entityId: before.id,
    jurisdictionCode: before.jurisdictionCode,
    enterpriseId: before.enterpriseId,
    before,
    after,
  });
}

/** Evidence file of an order, for whoever may see the order. */
export async function findRectificationEvidence(ctx: Ctx, orderId: string, evidenceId: string): Promise<{ filename: string; contentType: string; bytes: Uint8Array }> {
  await findRectificationOrder(ctx, orderId);
  const row = await ctx.db.selectFrom('rectificationEvidence').select(['filename', 'contentType', 'bytes']).where('id', '=', evidenceId).where('orderId', '=', orderId).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return row;
}
