import type { Selectable } from 'kysely';
import { AppError, assertCan, findSelfInspectionChecklist, type SelfInspectionChecklist } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Db } from '../db/connect.ts';
import type { SelfInspectionAnswersTable, SelfInspectionRectificationsTable, SelfInspectionReportsTable } from '../db/schema-self-inspection.ts';
import type { Ctx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';

/**
 * Reads of self-inspection (自查): reports and rectification items, narrowed through the enterprise they belong
 * to (`scopeCondition` on `enterprises`: regulators by jurisdiction, enterprise users their own enterprise).
 */
export type SelfInspectionReportRow = Selectable<SelfInspectionReportsTable>;
export type SelfInspectionAnswerRow = Selectable<SelfInspectionAnswersTable>;
export type RectificationItemRow = Selectable<SelfInspectionRectificationsTable>;

export interface SelfInspectionReportSummary {
  report: SelfInspectionReportRow;
  enterprise: { id: string; name: string };
  answered: number;
  items: number;
  nonConformities: number;
}

export interface SelfInspectionReportView extends SelfInspectionReportSummary {
  checklist: SelfInspectionChecklist;
  answers: SelfInspectionAnswerRow[];
  rectifications: RectificationItemRow[];
}

export interface RectificationItemView {
  item: RectificationItemRow;
  enterprise: { id: string; name: string };
  report: { id: string; number: string; title: string };
}

export interface ReportListQuery {
  year?: number | undefined;
  status?: SelfInspectionReportRow['status'] | undefined;
  kind?: SelfInspectionReportRow['kind'] | undefined;
  /** A district or street code under the actor's jurisdiction (regulators). */
  jurisdictionCode?: string | undefined;
  enterpriseId?: string | undefined;
  limit?: number | undefined;
}

export function checklistOf(report: Pick<SelfInspectionReportRow, 'checklistId'>): SelfInspectionChecklist {
  const checklist = findSelfInspectionChecklist(report.checklistId);
  if (!checklist) throw new Error(`unknown self-inspection checklist ${report.checklistId}`);
  return checklist;
}

const itemCount = (c: SelfInspectionChecklist): number => c.sections.reduce((n, s) => n + s.items.length, 0);

export async function listSelfInspectionReports(ctx: Ctx, query: ReportListQuery = {}): Promise<SelfInspectionReportSummary[]> {
  assertCan(ctx.actor, 'self_inspection.read');
  let q = ctx.db
    .selectFrom('selfInspectionReports as r')
    .innerJoin('enterprises', 'enterprises.id', 'r.enterpriseId')
    .selectAll('r')
    .select(['enterprises.name as enterpriseName'])
    .where(scopeCondition(ctx.actor, 'enterprises'));
  if (query.year) q = q.where('r.year', '=', query.year);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.kind) q = q.where('r.kind', '=', query.kind);
  if (query.jurisdictionCode) q = q.where('r.jurisdictionCode', 'like', `${query.jurisdictionCode}%`);
  if (query.enterpriseId) q = q.where('r.enterpriseId', '=', query.enterpriseId);
  const rows = await q.orderBy('r.year', 'desc').orderBy('r.createdAt', 'desc').orderBy('r.id').limit(query.limit ?? 200).execute();
  const counts = await answerCounts(ctx.db, rows.map((r) => r.id));
  return rows.map(({ enterpriseName, ...report }) => ({
    report,
    enterprise: { id: report.enterpriseId, name: enterpriseName },
    answered: counts.get(report.id)?.answered ?? 0,
    items: itemCount(checklistOf(report)),
    nonConformities: counts.get(report.id)?.nonConformities ?? 0,
  }));
}

async function answerCounts(db: Db, ids: string[]): Promise<Map<string, { answered: number; nonConformities: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('selfInspectionAnswers')
    .select(['reportId', (eb) => eb.fn.countAll<number>().as('answered'), (eb) => eb.fn.sum<number>(eb.case().when('result', '=', 'non_conformant').then(1).else(0).end()).as('nc')])
    .where('reportId', 'in', ids)
    .groupBy('reportId')
    .execute();
  return new Map(rows.map((r) => [r.reportId, { answered: Number(r.answered), nonConformities: Number(r.nc) }]));
}

/** One report with its checklist, answers and rectification items; out of scope it does not exist (404). */
export async function findSelfInspectionReport(ctx: Ctx, id: string): Promise<SelfInspectionReportView> {
  assertCan(ctx.actor, 'self_inspection.read');
  const row = await ctx.db
    .selectFrom('selfInspectionReports as r')
    .innerJoin('enterprises', 'enterprises.id', 'r.enterpriseId')
    .selectAll('r')
    .select(['enterprises.name as enterpriseName'])
    .where('r.id', '=', id)
    .where(scopeCondition(ctx.actor, 'enterprises'))
    .executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  const { enterpriseName, ...report } = row;
  const [answers, rectifications] = await Promise.all([
    ctx.db.selectFrom('selfInspectionAnswers').selectAll().where('reportId', '=', id).orderBy('itemKey').execute(),
    ctx.db.selectFrom('selfInspectionRectifications').selectAll().where('reportId', '=', id).orderBy('number').execute(),
  ]);
  const checklist = checklistOf(report);
  return {
    report,
    enterprise: { id: report.enterpriseId, name: enterpriseName },
    checklist,
    answers,
    rectifications,
    answered: answers.length,
    items: itemCount(checklist),
    nonConformities: answers.filter((a) => a.result === 'non_conformant').length,
  };
}

export interface RectificationListQuery {
  status?: RectificationItemRow['status'] | undefined;
  /** Only open items past their deadline (逾期). */
  overdue?: boolean | undefined;
  jurisdictionCode?: string | undefined;
  on?: string | undefined;
  limit?: number | undefined;
}

/** Rectification items (整改项) in scope: open ones first, each group by deadline. */
export async function listRectificationItems(ctx: Ctx, query: RectificationListQuery = {}): Promise<RectificationItemView[]> {
  assertCan(ctx.actor, 'self_inspection.read');
  let q = ctx.db
    .selectFrom('selfInspectionRectifications as i')
    .innerJoin('enterprises', 'enterprises.id', 'i.enterpriseId')
    .innerJoin('selfInspectionReports as r', 'r.id', 'i.reportId')
    .selectAll('i')
    .select(['enterprises.name as enterpriseName', 'r.number as reportNumber', 'r.title as reportTitle'])
    .where(scopeCondition(ctx.actor, 'enterprises'));
  if (query.status) q = q.where('i.status', '=', query.status);
  if (query.overdue) q = q.where('i.status', '=', 'open').where('i.dueOn', '<', query.on ?? today());
  if (query.jurisdictionCode) q = q.where('i.jurisdictionCode', 'like', `${query.jurisdictionCode}%`);
  const rows = await q
    .orderBy((eb) => eb.case().when('i.status', '=', 'open').then(0).when('i.status', '=', 'closed').then(1).else(2).end())
    .orderBy('i.dueOn')
    .orderBy('i.id')
    .limit(query.limit ?? 200)
    .execute();
  return rows.map(({ enterpriseName, reportNumber, reportTitle, ...item }) => ({
    item,
    enterprise: { id: item.enterpriseId, name: enterpriseName },
    report: { id: item.reportId, number: reportNumber, title: reportTitle },
  }));
}
