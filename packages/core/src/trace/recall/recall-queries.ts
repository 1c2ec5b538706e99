import { sql, type ExpressionBuilder } from 'kysely';
import { AppError, actorScope, assertCan, can, isRegulator, type Actor } from '@shian/domain';
import { scopeCondition } from '../../access/scope.ts';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../db/transaction.ts';
import type { LotTrace } from '../trace-present.ts';
import type { RecallNoticeRow, RecallRow } from './recall-service.ts';

/** A recall with the names a list shows. */
export interface RecallSummary extends Omit<RecallRow, 'trace'> {
  enterpriseName: string;
  productName: string | null;
  noticeCount: number;
  acknowledgedCount: number;
  traced: boolean;
}

export interface RecallNoticeView extends RecallNoticeRow {
  enterpriseName: string;
  enterpriseUscc: string;
}

/** One recall as its reader may see it: the trace and every notice for regulators and the maker; a notified enterprise sees its own notice only. */
export interface RecallView {
  recall: RecallSummary;
  trace: LotTrace | null;
  notices: RecallNoticeView[];
  /** What the reader may do: close it (regulators, the maker of its own recall). */
  canClose: boolean;
}

/**
 * Who sees a recall: regulators by jurisdiction; an enterprise its own recalls (as maker) and the recalls it
 * has a notice of.
 */
function recallVisible(actor: Actor) {
  const scope = actorScope(actor);
  return (eb: ExpressionBuilder<DB, 'recalls'>) =>
    scope.kind === 'enterprise'
      ? eb.or([
          eb('recalls.enterpriseId', '=', scope.enterpriseId),
          eb.exists(eb.selectFrom('recallNotices as n').select('n.id').whereRef('n.recallId', '=', 'recalls.id').where('n.enterpriseId', '=', scope.enterpriseId)),
        ])
      : scopeCondition(actor, 'recalls');
}

function summaryQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('recalls')
    .innerJoin('enterprises', 'enterprises.id', 'recalls.enterpriseId')
    .leftJoin('products', 'products.id', 'recalls.productId')
    .select([
      'recalls.id',
      'recalls.number',
      'recalls.enterpriseId',
      'recalls.productId',
      'recalls.jurisdictionCode',
      'recalls.gtin',
      'recalls.lot',
      'recalls.serials',
      'recalls.level',
      'recalls.reason',
      'recalls.initiator',
      'recalls.status',
      'recalls.traceJobId',
      'recalls.createdBy',
      'recalls.createdAt',
      'recalls.closedAt',
      'recalls.version',
      'recalls.updatedAt',
      'enterprises.name as enterpriseName',
      'products.name as productName',
      sql<boolean>`recalls.trace IS NOT NULL`.as('traced'),
      sql<number>`(SELECT count(*)::int FROM recall_notices n WHERE n.recall_id = recalls.id)`.as('noticeCount'),
      sql<number>`(SELECT count(*)::int FROM recall_notices n WHERE n.recall_id = recalls.id AND n.acknowledged_at IS NOT NULL)`.as('acknowledgedCount'),
    ])
    .where(recallVisible(ctx.actor));
}

/** Recalls the actor may see, newest first. */
export async function listRecalls(ctx: Ctx, query: { status?: 'open' | 'closed' | undefined; limit?: number } = {}): Promise<RecallSummary[]> {
  assertCan(ctx.actor, 'trace.read');
  let q = summaryQuery(ctx);
  if (query.status) q = q.where('recalls.status', '=', query.status);
  return q
    .orderBy('recalls.createdAt', 'desc')
    .orderBy('recalls.id')
    .limit(query.limit ?? 100)
    .execute();
}

/** The notices of a recall with their enterprises, acknowledged or not. */
async function noticesOf(ctx: Ctx, recallId: string, enterpriseId?: string): Promise<RecallNoticeView[]> {
  let q = ctx.db
    .selectFrom('recallNotices')
    .innerJoin('enterprises', 'enterprises.id', 'recallNotices.enterpriseId')
    .selectAll('recallNotices')
    .select(['enterprises.name as enterpriseName', 'enterprises.uscc as enterpriseUscc'])
    .where('recallNotices.recallId', '=', recallId);
  if (enterpriseId) q = q.where('recallNotices.enterpriseId', '=', enterpriseId);
  const rows = await q.orderBy('enterprises.name').execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) })); // numeric arrives as a string from pg
}

/**
 * The maker sees its own lot's trace: the rows that reached other enterprises only through another maker's
 * transformation (what was made from it elsewhere) are left out, and so are their notices.
 */
function makersView(trace: LotTrace): LotTrace {
  const own = (lots: readonly { classKey: string | null }[], quantities: readonly { classKey: string | null }[]) =>
    [...lots, ...quantities].some((l) => l.classKey === trace.subject.classKey || l.classKey === null || trace.subject.classKey === null);
  return { ...trace, downstream: trace.downstream.filter((d) => own(d.lots, d.quantities)) };
}

/** One recall, with its trace snapshot and notices as far as the reader may see them. */
export async function findRecall(ctx: Ctx, id: string): Promise<RecallView> {
  assertCan(ctx.actor, 'trace.read');
  const recall = await summaryQuery(ctx).where('recalls.id', '=', id).executeTakeFirst();
  if (!recall) throw new AppError('resource.not_found');
  const row = await ctx.db.selectFrom('recalls').select('trace').where('id', '=', id).executeTakeFirstOrThrow();
  const stored = row.trace as LotTrace | null; // written by runRecallTrace
  const scope = actorScope(ctx.actor);
  const canClose =
    recall.status === 'open' &&
    can(ctx.actor, 'recall.create', { jurisdictionCode: recall.jurisdictionCode, enterpriseId: recall.enterpriseId }) &&
    (isRegulator(ctx.actor) || recall.initiator === 'maker');
  if (scope.kind === 'enterprise' && recall.enterpriseId !== scope.enterpriseId) {
    return { recall, trace: null, notices: await noticesOf(ctx, id, scope.enterpriseId), canClose: false };
  }
  if (scope.kind === 'enterprise' && stored) {
    const trace = makersView(stored);
    const visible = new Set(trace.downstream.map((d) => d.enterprise?.id));
    return { recall, trace, notices: (await noticesOf(ctx, id)).filter((n) => visible.has(n.enterpriseId)), canClose };
  }
  return { recall, trace: stored, notices: await noticesOf(ctx, id), canClose };
}

/** A notice with the recall it belongs to, as the notified enterprise sees it. */
export interface RecallNoticeItem extends RecallNoticeView {
  recallNumber: string;
  recallStatus: 'open' | 'closed';
  gtin: string;
  lot: string | null;
  serials: string[];
  level: '1' | '2' | '3';
  reason: string;
  makerName: string;
  productName: string | null;
  recalledAt: Date;
}

function noticeItems(ctx: Ctx) {
  return ctx.db
    .selectFrom('recallNotices')
    .innerJoin('recalls', 'recalls.id', 'recallNotices.recallId')
    .innerJoin('enterprises', 'enterprises.id', 'recallNotices.enterpriseId')
    .innerJoin('enterprises as maker', 'maker.id', 'recalls.enterpriseId')
    .leftJoin('products', 'products.id', 'recalls.productId')
    .selectAll('recallNotices')
    .select([
      'enterprises.name as enterpriseName',
      'enterprises.uscc as enterpriseUscc',
      'recalls.number as recallNumber',
      'recalls.status as recallStatus',
      'recalls.gtin',
      'recalls.lot',
      'recalls.serials',
      'recalls.level',
      'recalls.reason',
      'recalls.createdAt as recalledAt',
      'maker.name as makerName',
      'products.name as productName',
    ])
    .where(scopeCondition(ctx.actor, 'recallNotices'));
}

/** Notices in scope (an enterprise: its own), open ones (not yet confirmed, recall still open) first. */
export async function listRecallNotices(ctx: Ctx, query: { open?: boolean | undefined; limit?: number } = {}): Promise<RecallNoticeItem[]> {
  assertCan(ctx.actor, 'trace.read');
  let q = noticeItems(ctx);
  if (query.open) q = q.where('recallNotices.acknowledgedAt', 'is', null).where('recalls.status', '=', 'open');
  const rows = await q
    .orderBy(sql`recall_notices.acknowledged_at IS NULL`, 'desc')
    .orderBy('recalls.createdAt', 'desc')
    .limit(query.limit ?? 200)
    .execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}

/**
 * The open notices an enterprise user must act on, for the work queue (待办): not confirmed, of open recalls.
 * Other users have none (regulators follow recalls on their own pages).
 */
export async function listOpenRecallNotices(ctx: Ctx, limit = 100): Promise<RecallNoticeItem[]> {
  if (actorScope(ctx.actor).kind !== 'enterprise') return [];
  const rows = await noticeItems(ctx)
    .where('recallNotices.acknowledgedAt', 'is', null)
    .where('recalls.status', '=', 'open')
    .orderBy('recalls.level')
    .orderBy('recalls.createdAt')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}

/** One notice with its recall, as its enterprise (or a regulator in scope) sees it. */
export async function findRecallNotice(ctx: Ctx, id: string): Promise<RecallNoticeItem> {
  assertCan(ctx.actor, 'trace.read');
  const row = await noticeItems(ctx).where('recallNotices.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return { ...row, quantity: Number(row.quantity) };
}
