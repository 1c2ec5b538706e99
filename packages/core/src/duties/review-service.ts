import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { addCalendarDays, isoWeekMonday, isoWeekOf, type MonthlyMinutesInput, type WeeklyReportInput, invalidRequest } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { DutyMonthlyMinutesTable, DutyWeeklyReportsTable } from '../db/schema-duties.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import { lockEnterpriseFor, requireList } from './duty-access.ts';

export type WeeklyReportRow = Selectable<DutyWeeklyReportsTable>;
export type MonthlyMinutesRow = Selectable<DutyMonthlyMinutesTable>;

/**
 * The weekly review report (周排查, 《每周食品安全排查治理报告》) of an ISO week, signed by a current food safety
 * director. The hazards found and fixed that week are counted from the daily checks. A second save of the same
 * week amends it (audited).
 */
export async function saveWeeklyReport(ctx: Ctx, enterpriseId: string, input: WeeklyReportInput, on: string = today()): Promise<WeeklyReportRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'duties.manage');
    await requireList(trx.db, enterpriseId);
    const monday = isoWeekMonday(input.week);
    const sunday = addCalendarDays(monday, 6);
    const director = await trx.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('id', '=', input.signedByPersonId)
      .where('enterpriseId', '=', enterpriseId)
      .where('role', '=', 'food_safety_director')
      .where('appointedOn', '<=', on)
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', on)]))
      .executeTakeFirst();
    // `2026-W53` passes the pattern but 2026 has 52 ISO weeks: its "Monday" falls in 2027-W01.
    const weekExists = isoWeekOf(monday) === input.week;
    const details = [
      ...(weekExists ? [] : [{ path: 'week', message: 'field.iso_week' }]),
      ...(weekExists && monday > on ? [{ path: 'week', message: 'field.period_in_future' }] : []),
      ...(director ? [] : [{ path: 'signedByPersonId', message: 'field.not_director' }]),
    ];
    if (details.length || !director) throw invalidRequest(details);
    const counts = await trx.db
      .selectFrom('dutyHazards')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('foundOn', '>=', monday), w('foundOn', '<=', sunday)])).as('found'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('fixedOn', '>=', monday), w('fixedOn', '<=', sunday)])).as('fixed'),
      ])
      .where('enterpriseId', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    const values = { summary: input.summary, hazardsFound: Number(counts.found), hazardsFixed: Number(counts.fixed), signedByPersonId: director.id, signedByName: director.name };
    const before = await trx.db.selectFrom('dutyWeeklyReports').selectAll().where('enterpriseId', '=', enterpriseId).where('week', '=', input.week).executeTakeFirst();
    const after = before
      ? await trx.db.updateTable('dutyWeeklyReports').set({ ...values, version: before.version + 1, updatedAt: new Date() }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await trx.db
          .insertInto('dutyWeeklyReports')
          .values({ id: randomUUID(), enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, week: input.week, weekStart: monday, ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: before ? 'duties.weekly_report.amend' : 'duties.weekly_report.create',
      entityType: 'duty_weekly_report',
      entityId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      enterpriseId,
      before: before ?? null,
      after,
    });
    return after;
  });
}

/** The monthly meeting minutes (月调度, 《每月食品安全调度会议纪要》); a second save of the same month amends them. */
export async function saveMonthlyMinutes(ctx: Ctx, enterpriseId: string, input: MonthlyMinutesInput, on: string = today()): Promise<MonthlyMinutesRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'duties.manage');
    await requireList(trx.db, enterpriseId);
    const details = [
      ...(`${input.month}-01` > on ? [{ path: 'month', message: 'field.period_in_future' }] : []),
      ...(input.meetingOn > on ? [{ path: 'meetingOn', message: 'field.date_in_future' }] : []),
    ];
    if (details.length) throw invalidRequest(details);
    const values = { meetingOn: input.meetingOn, attendees: input.attendees, decisions: input.decisions, nextFocus: input.nextFocus };
    const before = await trx.db.selectFrom('dutyMonthlyMinutes').selectAll().where('enterpriseId', '=', enterpriseId).where('month', '=', input.month).executeTakeFirst();
    const after = before
      ? await trx.db.updateTable('dutyMonthlyMinutes').set({ ...values, version: before.version + 1, updatedAt: new Date() }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await trx.db
          .insertInto('dutyMonthlyMinutes')
          .values({ id: randomUUID(), enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, month: input.month, ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: before ? 'duties.monthly_minutes.amend' : 'duties.monthly_minutes.create',
      entityType: 'duty_monthly_minutes',
      entityId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      enterpriseId,
      before: before ?? null,
      after,
    });
    return after;
  });
}
