import { sql } from 'kysely';
import { CLOCK_RULES, actorScope, addCalendarDays, addWorkingDays, assertCan, clockRule, type ClockStanding, type Localised } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import { listOpenRecallNotices, type RecallNoticeItem } from '../trace/recall/recall-queries.ts';
import { clockState, type ClockRow } from './clock-service.ts';

export interface WorkItem {
  clockId: string;
  ruleId: string;
  ruleName: Localised;
  legalBasis: string;
  subjectType: string;
  subjectId: string;
  label: string;
  enterprise: { id: string; name: string } | null;
  jurisdictionCode: string;
  startedOn: string;
  dueOn: string | null;
  standing: ClockStanding;
  extendedBy: number;
}

export interface WorkQueue {
  items: WorkItem[];
  /** `recallNotices`: the enterprise's recall notices (召回通知) not yet confirmed, beside the clocks. */
  counts: { open: number; overdue: number; dueSoon: number; recallNotices: number };
  /** An enterprise user's open recall notices (of open recalls, not confirmed); empty for everyone else. */
  recallNotices: RecallNoticeItem[];
}

export interface WorkQueueQuery {
  /** Supervisors: only what is overdue (逾期) in their jurisdiction. */
  overdueOnly?: boolean;
  limit?: number;
}

/**
 * What is open for the actor (待办), ordered by deadline: an inspector's own clocks; a supervisor's every
 * clock in the jurisdiction (the enterprises' deadlines too, so an ignored order shows as overdue); an
 * enterprise user's clocks that the enterprise owes.
 */
export async function listWorkQueue(ctx: Ctx, query: WorkQueueQuery = {}): Promise<WorkQueue> {
  assertCan(ctx.actor, 'workqueue.read');
  const on = today();
  let base = ctx.db.selectFrom('clocks').where('clocks.state', '<>', 'met').where(scopeCondition(ctx.actor, 'clocks'));
  const scope = actorScope(ctx.actor);
  if (scope.kind === 'enterprise') base = base.where('clocks.owner', '=', 'enterprise');
  else if (ctx.actor.role === 'inspector') base = base.where(sql<boolean>`clocks.assignee_ids @> ARRAY[${ctx.actor.userId}]::uuid[]`);
  // Supervisors see everything open in their jurisdiction, the enterprises' deadlines included.
  if (query.overdueOnly) base = base.where('clocks.dueOn', '<', on);

  // "Due soon" is each rule's own window, in its own unit: the last day of the window per rule, computed here.
  const soonUntil = sql.join(
    Object.values(CLOCK_RULES).map(
      (rule) => sql`WHEN ${rule.id} THEN ${rule.unit === 'working_day' ? addWorkingDays(on, rule.dueSoonDays) : addCalendarDays(on, rule.dueSoonDays)}::date`,
    ),
    sql` `,
  );
  const counts = await base
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE clocks.due_on < ${on})::int`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE clocks.due_on >= ${on} AND clocks.due_on <= (CASE clocks.rule_id ${soonUntil} END))::int`.as('dueSoon'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('enterprises', 'enterprises.id', 'clocks.enterpriseId')
    .selectAll('clocks')
    .select(['enterprises.name as enterpriseName'])
    .orderBy(sql`clocks.due_on NULLS LAST`)
    .orderBy('clocks.id')
    .limit(query.limit ?? 100)
    .execute();
  const items = rows.map((row) => toWorkItem(row, row.enterpriseName, on));
  const recallNotices = await listOpenRecallNotices(ctx);
  return { items, counts: { ...counts, recallNotices: recallNotices.length }, recallNotices };
}

function toWorkItem(row: ClockRow, enterpriseName: string | null, on: string): WorkItem {
  const rule = clockRule(row.ruleId);
  const state = clockState(row, on);
  return {
    clockId: row.id,
    ruleId: row.ruleId,
    ruleName: rule.name,
    legalBasis: rule.legalBasis,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    label: row.label,
    enterprise: row.enterpriseId && enterpriseName ? { id: row.enterpriseId, name: enterpriseName } : null,
    jurisdictionCode: row.jurisdictionCode,
    startedOn: row.startedOn,
    dueOn: state.dueOn,
    standing: state.standing,
    extendedBy: state.extendedBy,
  };
}
