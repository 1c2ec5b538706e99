import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, clockRule, evaluateClock, type ClockEvent, type ClockRuleDefinition, type ClockState } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { ClocksTable } from '../db/schema.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';

/**
 * Statutory clocks (法定时限) as rows: the events (start, pause, resume, extend, meet) are the truth; the due
 * date and state are kept beside them for the work queues' ordering and are recomputed on every change.
 */
export type ClockRow = Selectable<ClocksTable>;

export interface StartClockInput {
  ruleId: string;
  subjectType: string;
  subjectId: string;
  enterpriseId: string | null;
  jurisdictionCode: string;
  assigneeIds?: readonly string[];
  /** What a person sees in the queue, e.g. the inspection number. */
  label: string;
  startedOn: string;
  /** Overrides the rule's default length where the law leaves it to the officer. */
  length?: number;
}

/** The rule with this clock's own length. */
export function ruleOf(row: Pick<ClockRow, 'ruleId' | 'length'>): ClockRuleDefinition {
  return { ...clockRule(row.ruleId), length: row.length };
}

/** Events are stored as JSON written by this module only. */
export const clockEvents = (row: Pick<ClockRow, 'events'>): ClockEvent[] => row.events as ClockEvent[];

export function clockState(row: ClockRow, on: string = today()): ClockState {
  return evaluateClock(ruleOf(row), clockEvents(row), on);
}

/** Starts a clock for a subject (once per subject and rule; a second start returns the first). */
export async function startClock(trx: TrxCtx, input: StartClockInput): Promise<ClockRow> {
  const rule = clockRule(input.ruleId);
  const length = input.length ?? rule.length;
  const events: ClockEvent[] = [{ type: 'start', on: input.startedOn }];
  const state = evaluateClock({ ...rule, length }, events, input.startedOn);
  const inserted = await trx.db
    .insertInto('clocks')
    .values({
      id: randomUUID(),
      ruleId: rule.id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      enterpriseId: input.enterpriseId,
      jurisdictionCode: input.jurisdictionCode,
      owner: rule.owner,
      assigneeIds: [...(input.assigneeIds ?? [])],
      label: input.label,
      length,
      events: JSON.stringify(events),
      startedOn: input.startedOn,
      dueOn: state.dueOn,
      metOn: null,
      state: 'running',
      escalatedAt: null,
    })
    .onConflict((oc) => oc.columns(['subjectType', 'subjectId', 'ruleId']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ?? (await findClock(trx, input.subjectType, input.subjectId, rule.id))!;
}

export async function findClock(trx: Pick<TrxCtx, 'db'>, subjectType: string, subjectId: string, ruleId: string): Promise<ClockRow | undefined> {
  return trx.db
    .selectFrom('clocks')
    .selectAll()
    .where('subjectType', '=', subjectType)
    .where('subjectId', '=', subjectId)
    .where('ruleId', '=', ruleId)
    .executeTakeFirst();
}

/** Appends an event and recomputes the due date and state. */
async function appendEvent(trx: TrxCtx, row: ClockRow, event: ClockEvent): Promise<ClockRow> {
  if (row.state === 'met') throw new AppError('clock.not_running');
  const events = [...clockEvents(row), event];
  const state = evaluateClock(ruleOf(row), events, today());
  return trx.db
    .updateTable('clocks')
    .set({
      events: JSON.stringify(events),
      dueOn: state.dueOn,
      metOn: event.type === 'meet' ? event.on : null,
      state: event.type === 'meet' ? 'met' : state.standing === 'paused' ? 'paused' : 'running',
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the act done (检查结果已公开, 整改已答复…); a clock that is absent or already met is left alone. */
export async function meetClock(trx: TrxCtx, subjectType: string, subjectId: string, ruleId: string, on: string = today()): Promise<ClockRow | null> {
  const row = await findClock(trx, subjectType, subjectId, ruleId);
  if (!row || row.state === 'met') return null;
  return appendEvent(trx, row, { type: 'meet', on });
}

/** Stops the count (time for testing or appraisal does not count: 检验、鉴定期间不计入). */
export async function pauseClock(trx: TrxCtx, row: ClockRow, reason: string, on: string = today()): Promise<ClockRow> {
  return appendEvent(trx, row, { type: 'pause', on, reason });
}

export async function resumeClock(trx: TrxCtx, row: ClockRow, on: string = today()): Promise<ClockRow> {
  return appendEvent(trx, row, { type: 'resume', on });
}

/** Extends a clock with a reason; the approver is the acting supervisor (audited). */
export async function extendClock(ctx: Ctx, clockId: string, input: { days: number; reason: string }): Promise<ClockRow> {
  return withTransaction(ctx, async (trx) => {
    const row = await trx.db.selectFrom('clocks').selectAll().where('id', '=', clockId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'clock.extend', { jurisdictionCode: row.jurisdictionCode, enterpriseId: row.enterpriseId });
    const after = await appendEvent(trx, row, { type: 'extend', by: input.days, reason: input.reason, approvedBy: ctx.actor.username });
    await recordAudit(trx, {
      action: 'clock.extend',
      entityType: 'clock',
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      enterpriseId: row.enterpriseId,
      before: { dueOn: row.dueOn, events: row.events },
      after: { dueOn: after.dueOn, events: after.events, reason: input.reason },
    });
    return after;
  });
}

/**
 * A supervisor stops or restarts a clock (testing, inspection or appraisal time does not count: 检验、检测、
 * 鉴定期间不计入), with the reason; audited like an extension.
 */
export async function setClockPaused(ctx: Ctx, clockId: string, input: { paused: true; reason: string } | { paused: false }): Promise<ClockRow> {
  return withTransaction(ctx, async (trx) => {
    const row = await trx.db.selectFrom('clocks').selectAll().where('id', '=', clockId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'clock.extend', { jurisdictionCode: row.jurisdictionCode, enterpriseId: row.enterpriseId });
    if (input.paused === (row.state === 'paused')) throw new AppError('resource.conflict');
    const after = input.paused ? await pauseClock(trx, row, input.reason) : await resumeClock(trx, row);
    await recordAudit(trx, {
      action: input.paused ? 'clock.pause' : 'clock.resume',
      entityType: 'clock',
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      enterpriseId: row.enterpriseId,
      before: { state: row.state, dueOn: row.dueOn },
      after: { state: after.state, dueOn: after.dueOn, ...(input.paused ? { reason: input.reason } : {}) },
    });
    return after;
  });
}
