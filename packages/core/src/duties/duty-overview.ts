import { sql } from 'kysely';
import { addCalendarDays, computeDutyRates, dutyTemplate, suggestDutyTemplate, type DutyDailyCheck, type DutyOverview } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Ctx } from '../db/transaction.ts';
import { flagCondition } from '../registry/flag-conditions.ts';
import { today } from '../registry/guards.ts';
import { hazardStanding } from './daily-check-service.ts';
import { enterpriseFor } from './duty-access.ts';

const RECENT_DAYS = 60;
const iso = (d: Date): string => d.toISOString();

/** True when the enterprise is a special-food producer without a current 食品安全总监 (the registry's flag). */
export async function isMissingDirector(db: Db, enterpriseId: string): Promise<boolean> {
  const row = await db.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).where(flagCondition('no_food_safety_director')).executeTakeFirst();
  return row !== undefined;
}

/**
 * Everything of one enterprise's duties (主体责任) for its page: appointments and the director flag, the
 * risk-control list, today's check and the last 60 days, hazards (open and escalated first), weekly reports,
 * monthly minutes and the three rates. The enterprise's own users and the regulators over it (`duties.read`).
 */
export async function findDutyOverview(ctx: Ctx, enterpriseId: string, on: string = today()): Promise<DutyOverview> {
  const enterprise = await enterpriseFor(ctx, enterpriseId, 'duties.read');
  const db = ctx.db;
  const [list, people, items, checks, hazards, weekly, monthly, categories, missingDirector] = await Promise.all([
    db.selectFrom('dutyLists').selectAll().where('enterpriseId', '=', enterpriseId).executeTakeFirst(),
    db.selectFrom('people').selectAll().where('enterpriseId', '=', enterpriseId).where('role', 'in', ['food_safety_director', 'food_safety_officer']).orderBy('appointedOn', 'desc').execute(),
    db.selectFrom('dutyRiskItems').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('position').execute(),
    db
      .selectFrom('dutyDailyChecks')
      .selectAll()
      .select((eb) => eb.selectFrom('dutyHazards').select(sql<number>`count(*)::int`.as('n')).whereRef('dutyHazards.dailyCheckId', '=', 'dutyDailyChecks.id').as('hazardCount'))
      .where('enterpriseId', '=', enterpriseId)
      .where('checkDate', '>', addCalendarDays(on, -RECENT_DAYS))
      .orderBy('checkDate', 'desc')
      .execute(),
    db.selectFrom('dutyHazards').selectAll().where('enterpriseId', '=', enterpriseId).orderBy(sql`status = 'fixed'`).orderBy('dueOn').limit(200).execute(),
    db.selectFrom('dutyWeeklyReports').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('week', 'desc').limit(60).execute(),
    db.selectFrom('dutyMonthlyMinutes').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('month', 'desc').limit(24).execute(),
    db.selectFrom('products').select('category').where('enterpriseId', '=', enterpriseId).execute(),
    isMissingDirector(db, enterpriseId),
  ]);
  const rates = list ? await ratesOf(db, enterpriseId, list.startedOn, on) : null;
  const template = list ? dutyTemplate(list.templateId) : undefined;
  const areaOf = new Map(items.map((i) => [i.id, i.area]));
  const recentChecks: DutyDailyCheck[] = checks.map((c) => ({
    id: c.id,
    checkDate: c.checkDate,
    outcome: c.outcome,
    note: c.note,
    checkedByName: c.checkedByName,
    amendments: c.amendments,
    hazardCount: c.hazardCount ?? 0,
    recordedAt: iso(c.updatedAt),
  }));
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, jurisdictionCode: enterprise.jurisdictionCode, kinds: enterprise.kinds },
    asOf: on,
    missingDirector,
    appointments: people.map((p) => ({
      personId: p.id,
      name: p.name,
      role: p.role === 'food_safety_director' ? 'food_safety_director' : 'food_safety_officer',
      phone: p.phone,
      appointedOn: p.appointedOn,
      endedOn: p.endedOn,
      current: p.appointedOn <= on && (p.endedOn === null || p.endedOn >= on),
      version: p.version,
    })),
    list: list ? { templateId: list.templateId, templateName: template?.name ?? null, startedOn: list.startedOn, source: template?.source ?? null } : null,
    suggestedTemplateId: suggestDutyTemplate({ kinds: enterprise.kinds, productCategories: categories.map((c) => c.category) }).id,
    riskItems: items.map((i) => ({ id: i.id, templateKey: i.templateKey, area: i.area, hazard: i.hazard, control: i.control, frequency: i.frequency, retiredOn: i.retiredOn, version: i.version })),
    today: recentChecks.find((c) => c.checkDate === on) ?? null,
    recentChecks,
    hazards: hazards.map((h) => ({
      id: h.id,
      foundOn: h.foundOn,
      riskItemId: h.riskItemId,
      riskItemArea: h.riskItemId ? (areaOf.get(h.riskItemId) ?? null) : null,
      description: h.description,
      ownerName: h.ownerName,
      dueOn: h.dueOn,
      standing: hazardStanding(h, on),
      fixNote: h.fixNote,
      fixedOn: h.fixedOn,
      version: h.version,
    })),
    weeklyReports: weekly.map((w) => ({ id: w.id, week: w.week, weekStart: w.weekStart, summary: w.summary, hazardsFound: w.hazardsFound, hazardsFixed: w.hazardsFixed, signedByName: w.signedByName, updatedAt: iso(w.updatedAt) })),
    monthlyMinutes: monthly.map((m) => ({ id: m.id, month: m.month, meetingOn: m.meetingOn, attendees: m.attendees, decisions: m.decisions, nextFocus: m.nextFocus, updatedAt: iso(m.updatedAt) })),
    rates,
  };
}

async function ratesOf(db: Db, enterpriseId: string, startedOn: string, on: string) {
  const [days, weeks, months] = await Promise.all([
    db.selectFrom('dutyDailyChecks').select('checkDate').where('enterpriseId', '=', enterpriseId).where('checkDate', '>=', startedOn).execute(),
    db.selectFrom('dutyWeeklyReports').select('week').where('enterpriseId', '=', enterpriseId).execute(),
    db.selectFrom('dutyMonthlyMinutes').select('month').where('enterpriseId', '=', enterpriseId).execute(),
  ]);
  return computeDutyRates({ startedOn, asOf: on, checkDays: days.map((d) => d.checkDate), reportWeeks: weeks.map((w) => w.week), minuteMonths: months.map((m) => m.month) });
}
