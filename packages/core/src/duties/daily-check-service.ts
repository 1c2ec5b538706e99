import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, assertCan, daysUntil, type DailyCheckInput, type HazardStanding, invalidRequest } from '@shian/domain';
import { recordAudit, type AuditInput } from '../audit/record-audit.ts';
import type { DutyDailyChecksTable, DutyHazardsTable } from '../db/schema-duties.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { meetClock, startClock } from '../deadlines/clock-service.ts';
import { today } from '../registry/guards.ts';
import { actorName, lockEnterpriseFor, requireList } from './duty-access.ts';

export type DailyCheckRow = Selectable<DutyDailyChecksTable>;
export type HazardRow = Selectable<DutyHazardsTable>;

/** A hazard's standing on a day: open past its deadline is escalated to the food safety director (报告总监). */
export function hazardStanding(row: Pick<HazardRow, 'status' | 'dueOn'>, on: string = today()): HazardStanding {
  if (row.status === 'fixed') return 'fixed';
  return row.dueOn < on ? 'escalated' : 'open';
}

/** The clock of a hazard's fix in the deadline engine: it shows in the enterprise's 待办 and goes overdue there. */
export const HAZARD_CLOCK = { ruleId: 'duties.hazard_fix', subjectType: 'duty_hazard' } as const;

/**
 * Records the day's check (日管控) against the risk-control list. No problems is the one-tap "未发现问题"
 * and still a record (零风险). Each problem becomes a hazard (隐患) with an owner and a deadline, and a clock.
 * One record per enterprise and day: a second submission the same day amends it (audited as such) and adds
 * its hazards; a day with hazards stays a day with problems.
 */
export async function recordDailyCheck(ctx: Ctx, enterpriseId: string, input: DailyCheckInput, on: string = today()): Promise<{ check: DailyCheckRow; hazards: HazardRow[] }> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'duties.record');
    await requireList(trx.db, enterpriseId);
    const problems = input.problems ?? [];
    const itemIds = problems.flatMap((p) => (p.riskItemId ? [p.riskItemId] : []));
    const items = itemIds.length
      ? await trx.db.selectFrom('dutyRiskItems').select('id').where('enterpriseId', '=', enterpriseId).where('retiredOn', 'is', null).where('id', 'in', itemIds).execute()
      : [];
    const known = new Set(items.map((i) => i.id));
    const details = problems.flatMap((p, i) => [
      ...(p.riskItemId && !known.has(p.riskItemId) ? [{ path: `problems.${i}.riskItemId`, message: 'field.risk_item_unknown' }] : []),
      ...(p.dueOn < on ? [{ path: `problems.${i}.dueOn`, message: 'field.due_before_today' }] : []),
    ]);
    if (details.length) throw invalidRequest(details);

    const before = await trx.db.selectFrom('dutyDailyChecks').selectAll().where('enterpriseId', '=', enterpriseId).where('checkDate', '=', on).executeTakeFirst();
    const outcome = problems.length > 0 || before?.outcome === 'problems' ? 'problems' : 'no_problem';
    const name = await actorName(trx);
    const check = before
      ? await trx.db
          .updateTable('dutyDailyChecks')
          .set({ outcome, note: input.note ?? before.note, checkedBy: ctx.actor.userId, checkedByName: name, amendments: before.amendments + 1, updatedAt: new Date() })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx.db
          .insertInto('dutyDailyChecks')
          .values({ id: randomUUID(), enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, checkDate: on, outcome, note: input.note ?? null, checkedBy: ctx.actor.userId, checkedByName: name })
          .returningAll()
          .executeTakeFirstOrThrow();

    const hazards: HazardRow[] = [];
    for (const p of problems) {
      const hazard = await trx.db
        .insertInto('dutyHazards')
        .values({
          id: randomUUID(),
          enterpriseId,
          jurisdictionCode: enterprise.jurisdictionCode,
          dailyCheckId: check.id,
          riskItemId: p.riskItemId ?? null,
          foundOn: on,
          description: p.description,
          ownerName: p.ownerName,
          dueOn: p.dueOn,
          fixNote: null,
          fixedOn: null,
          fixedBy: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await startClock(trx, {
        ...HAZARD_CLOCK,
        subjectId: hazard.id,
        enterpriseId,
        jurisdictionCode: enterprise.jurisdictionCode,
        label: `隐患 ${p.description.slice(0, 40)}（${p.ownerName}）`,
        startedOn: on,
        length: daysUntil(p.dueOn, on),
      });
      hazards.push(hazard);
    }
    const audits: AuditInput[] = [
      { action: before ? 'duties.daily_check.amend' : 'duties.daily_check.record', entityType: 'duty_daily_check', entityId: check.id, jurisdictionCode: check.jurisdictionCode, enterpriseId, before: before ?? null, after: check },
      ...hazards.map((h) => ({ action: 'duties.hazard.create', entityType: 'duty_hazard', entityId: h.id, jurisdictionCode: h.jurisdictionCode, enterpriseId, before: null, after: h })),
    ];
    await recordAudit(trx, ...audits);
    return { check, hazards };
  });
}

/** Closes a hazard with the fix made (整改情况); its clock is met. */
export async function closeHazard(ctx: Ctx, id: string, input: { fixNote: string }, on: string = today()): Promise<HazardRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('dutyHazards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'duties.record', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    if (before.status === 'fixed') throw new AppError('duties.hazard_closed');
    const after = await trx.db
      .updateTable('dutyHazards')
      .set({ status: 'fixed', fixNote: input.fixNote, fixedOn: on, fixedBy: ctx.actor.userId, version: before.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await meetClock(trx, HAZARD_CLOCK.subjectType, id, HAZARD_CLOCK.ruleId, on);
    await recordAudit(trx, { action: 'duties.hazard.close', entityType: 'duty_hazard', entityId: id, jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId, before, after });
    return after;
  });
}
