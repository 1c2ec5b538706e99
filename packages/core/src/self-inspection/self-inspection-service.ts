import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  AppError,
  assertCan,
  selfInspectionChecklistFor,
  submissionProblems,
  unknownAnswerProblems,
  type ProductCategory,
  type SelfInspectionAnswers,
  type SelfInspectionCreate,
  type SelfInspectionReview,
} from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { nextNumber } from '../db/counters.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { startClock } from '../deadlines/clock-service.ts';
import { today } from '../registry/guards.ts';
import { checklistOf, type SelfInspectionReportRow } from './self-inspection-queries.ts';

/**
 * The self-inspection report's life (自查报告): the enterprise starts one (annual, or ad hoc: 临时自查) against
 * the newest checklist of its products, fills it, submits it to the district bureau; each non-conformity
 * becomes a rectification item (整改项) with an owner and a deadline clock (待办); the bureau acknowledges the
 * report or returns it with a comment, and a returned report is edited and submitted again.
 */

const EDITABLE: readonly SelfInspectionReportRow['status'][] = ['draft', 'returned'];

export async function createSelfInspectionReport(ctx: Ctx, input: SelfInspectionCreate): Promise<SelfInspectionReportRow> {
  return withTransaction(ctx, async (trx) => {
    const enterpriseId = input.enterpriseId ?? ctx.actor.enterpriseId;
    if (!enterpriseId) throw new AppError('request.invalid', { params: { count: 1 }, details: [{ path: 'enterpriseId', message: 'field.required' }] });
    const enterprise = await trx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode', 'name']).where('id', '=', enterpriseId).executeTakeFirst();
    if (!enterprise) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'self_inspection.write', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    const checklistId = input.checklistId ?? (await defaultChecklist(trx, enterprise.id));
    if (input.kind === 'annual') {
      const existing = await trx.db.selectFrom('selfInspectionReports').select('id').where('enterpriseId', '=', enterprise.id).where('kind', '=', 'annual').where('year', '=', input.year).executeTakeFirst();
      if (existing) throw new AppError('self_inspection.duplicate_annual', { params: { year: input.year }, data: { reportId: existing.id } });
    }
    const report = await trx.db
      .insertInto('selfInspectionReports')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'ZC', enterprise.jurisdictionCode, input.year),
        enterpriseId: enterprise.id,
        jurisdictionCode: enterprise.jurisdictionCode,
        kind: input.kind,
        year: input.year,
        checklistId,
        title: input.kind === 'annual' ? `${input.year}年度食品安全自查报告` : (input.title ?? ''),
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
        reviewComment: null,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, 'self_inspection.create', report, null, report);
    return report;
  });
}

/** The newest checklist for the enterprise's main special-food category (health food first, as most producers are). */
async function defaultChecklist(trx: TrxCtx, enterpriseId: string): Promise<string> {
  const categories = await trx.db.selectFrom('products').select('category').distinct().where('enterpriseId', '=', enterpriseId).where('status', '=', 'active').execute();
  const order: ProductCategory[] = ['health_food', 'infant_formula', 'fsmp'];
  const category = order.find((c) => categories.some((p) => p.category === c)) ?? 'health_food';
  return selfInspectionChecklistFor(category).id;
}

/** Saves some or all answers of a draft or returned report (optimistic: the report's version). */
export async function saveSelfInspectionAnswers(ctx: Ctx, id: string, input: SelfInspectionAnswers): Promise<SelfInspectionReportRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockReport(trx, id);
    assertCan(ctx.actor, 'self_inspection.write', before);
    if (!EDITABLE.includes(before.status)) throw new AppError('self_inspection.not_editable');
    if (before.version !== input.version) throw new AppError('resource.conflict');
    const problems = unknownAnswerProblems(checklistOf(before), input.answers);
    if (problems.length > 0) throw new AppError('request.invalid', { params: { count: problems.length }, details: problems });
    for (const answer of input.answers) {
      const values = { note: answer.note, result: answer.result, rectificationOwner: answer.rectificationOwner, rectificationDueOn: answer.rectificationDueOn, updatedAt: new Date() };
      await trx.db
        .insertInto('selfInspectionAnswers')
        .values({ reportId: id, itemKey: answer.itemKey, ...values })
        .onConflict((oc) => oc.columns(['reportId', 'itemKey']).doUpdateSet(values))
        .execute();
    }
    const after = await bump(trx, id, {});
    await audit(trx, 'self_inspection.answer', after, before, { ...after, answers: input.answers });
    return after;
  });
}

/**
 * Submits the report to the district bureau (上报). Every item answered; each non-conformity with its finding,
 * owner and deadline becomes a rectification item (once per item: a resubmission adds only new ones) with an
 * enterprise clock that shows in the work queue and turns overdue after the deadline. `on`: the day of
 * submission (the demo submits last year's reports on their day).
 */
export async function submitSelfInspectionReport(ctx: Ctx, id: string, on: string = today()): Promise<SelfInspectionReportRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockReport(trx, id);
    assertCan(ctx.actor, 'self_inspection.write', before);
    if (!EDITABLE.includes(before.status)) throw new AppError('self_inspection.not_editable');
    const answers = await trx.db.selectFrom('selfInspectionAnswers').selectAll().where('reportId', '=', id).execute();
    const existing = new Set((await trx.db.selectFrom('selfInspectionRectifications').select('itemKey').where('reportId', '=', id).execute()).map((r) => r.itemKey));
    // A resubmitted report keeps the items already raised: their deadlines may have passed since.
    const problems = submissionProblems(checklistOf(before), answers, on).filter((p) => !(p.message === 'field.self_inspection_due_in_past' && existing.has(p.path.split('.')[1] ?? '')));
    if (problems.length > 0) throw new AppError('self_inspection.incomplete', { params: { count: problems.length }, details: problems });
    const raised: string[] = [];
    for (const answer of answers) {
      if (answer.result !== 'non_conformant' || existing.has(answer.itemKey) || !answer.rectificationOwner || !answer.rectificationDueOn) continue;
      const item = await trx.db
        .insertInto('selfInspectionRectifications')
        .values({
          id: randomUUID(),
          number: await nextNumber(trx.db, 'ZG', before.jurisdictionCode, Number(on.slice(0, 4))),
          reportId: id,
          enterpriseId: before.enterpriseId,
          jurisdictionCode: before.jurisdictionCode,
          itemKey: answer.itemKey,
          finding: answer.note,
          ownerName: answer.rectificationOwner,
          dueOn: answer.rectificationDueOn,
          evidence: null,
          closedAt: null,
          closedBy: null,
          verifiedAt: null,
          verifiedBy: null,
          verificationNote: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await startClock(trx, {
        ruleId: 'self_inspection.rectification',
        subjectType: 'self_inspection_rectification',
        subjectId: item.id,
        enterpriseId: item.enterpriseId,
        jurisdictionCode: item.jurisdictionCode,
        label: `${item.number} ${answer.itemKey}`,
        startedOn: on,
        length: calendarDaysBetween(on, item.dueOn),
      });
      await recordAudit(trx, { action: 'self_inspection.rectification_raise', entityType: 'self_inspection_rectification', entityId: item.id, jurisdictionCode: item.jurisdictionCode, enterpriseId: item.enterpriseId, before: null, after: item });
      raised.push(item.number);
    }
    const after = await bump(trx, id, { status: 'submitted', submittedAt: submittedAt(on), submittedBy: ctx.actor.userId, reviewedAt: null, reviewedBy: null });
    await audit(trx, 'self_inspection.submit', after, before, { ...after, raised });
    return after;
  });
}

/** The district bureau acknowledges (确认) or returns (退回, with a comment) a submitted report. */
export async function reviewSelfInspectionReport(ctx: Ctx, id: string, input: SelfInspectionReview): Promise<SelfInspectionReportRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockReport(trx, id);
    assertCan(ctx.actor, 'self_inspection.review', before);
    if (before.status !== 'submitted') throw new AppError('self_inspection.not_submitted');
    const after = await bump(trx, id, {
      status: input.decision === 'acknowledge' ? 'acknowledged' : 'returned',
      reviewedAt: new Date(),
      reviewedBy: ctx.actor.userId,
      reviewComment: input.comment || null,
    });
    await audit(trx, input.decision === 'acknowledge' ? 'self_inspection.acknowledge' : 'self_inspection.return', after, before, after);
    return after;
  });
}

/** Midday of the day in Shanghai: the submission time of a report submitted on a given day. */
const submittedAt = (on: string): Date => (on === today() ? new Date() : new Date(`${on}T12:00:00+08:00`));

export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function lockReport(trx: TrxCtx, id: string): Promise<SelfInspectionReportRow> {
  const row = await trx.db.selectFrom('selfInspectionReports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return row;
}

async function bump(trx: TrxCtx, id: string, changes: Partial<Omit<SelfInspectionReportRow, 'id' | 'version'>>): Promise<SelfInspectionReportRow> {
  return trx.db
    .updateTable('selfInspectionReports')
    .set({ ...changes, version: sql`version + 1`, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function audit(trx: TrxCtx, action: string, report: SelfInspectionReportRow, before: object | null, after: object): Promise<void> {
  await recordAudit(trx, { action, entityType: 'self_inspection_report', entityId: report.id, jurisdictionCode: report.jurisdictionCode, enterpriseId: report.enterpriseId, before, after });
}
