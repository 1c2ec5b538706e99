import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, addCalendarDays, isoWeekOf, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { listWorkQueue } from '../deadlines/work-queue.ts';
import { createPerson, updatePerson } from '../registry/person-service.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildLicence, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { closeHazard, recordDailyCheck } from './daily-check-service.ts';
import { computeDutyKpis, listProducersWithoutDirector } from './duty-kpis.ts';
import { findDutyOverview } from './duty-overview.ts';
import { saveMonthlyMinutes, saveWeeklyReport } from './review-service.ts';
import { addRiskItem, startRiskList, updateRiskItem } from './risk-list-service.ts';

/**
 * Enterprise duties (主体责任) end to end on the database: A in 浦东 (310115) keeps a list from 20 days ago,
 * B in 黄浦 (310101) is another enterprise; users of A, a 浦东 and a 黄浦 district supervisor.
 */
const TODAY = today();
const START = addCalendarDays(TODAY, -20);
let database: Database;
let a: EnterpriseRow;
let b: EnterpriseRow;
let staffA: Actor;
let adminA: Actor;
let adminB: Actor;
let pudong: Actor;
let huangpu: Actor;
const as = (actor: Actor): Ctx => ({ db: database.db, actor });

beforeAll(async () => {
  database = await createTestDatabase();
  a = await buildEnterprise(database.db, { jurisdictionCode: '310115007' });
  b = await buildEnterprise(database.db, { jurisdictionCode: '310101002' });
  staffA = (await buildUser(database.db, 'enterprise_staff', { enterpriseId: a.id })).actor;
  adminA = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: a.id })).actor;
  adminB = (await buildUser(database.db, 'enterprise_admin', { enterpriseId: b.id })).actor;
  pudong = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
  huangpu = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
  await startRiskList(as(adminA), a.id, { templateId: 'health_food_producer/1' }, START);
  await startRiskList(as(adminB), b.id, { templateId: 'special_food_seller/1' }, TODAY);
});
afterAll(async () => database?.close());

const auditActions = async (enterpriseId: string) =>
  (await database.db.selectFrom('auditLog').select('action').where('enterpriseId', '=', enterpriseId).where('action', 'like', 'duties.%').orderBy('seq').execute()).map((r) => r.action);

describe('the risk-control list (风险管控清单)', () => {
  it('starts from the template once, and the enterprise edits, adds and retires items (audited)', async () => {
    const overview = await findDutyOverview(as(staffA), a.id);
    expect(overview.list).toMatchObject({ templateId: 'health_food_producer/1', startedOn: START });
    expect(overview.riskItems.length).toBe(11);
    await expect(startRiskList(as(adminA), a.id, { templateId: 'health_food_producer/1' })).rejects.toMatchObject({ code: 'duties.list_started' });
    await expect(startRiskList(as(adminA), a.id, { templateId: 'nope/9' })).rejects.toMatchObject({ code: 'request.invalid', details: [{ path: 'templateId', message: 'field.enum' }] });

    const added = await addRiskItem(as(adminA), a.id, { area: '包装车间', hazard: '内包材破损', control: '上线前目检内包材', frequency: 'daily' });
    expect(added).toMatchObject({ templateKey: null, position: 12 });
    const first = overview.riskItems[0]!;
    const edited = await updateRiskItem(as(adminA), first.id, { version: first.version, control: '晨检并记录体温' });
    expect(edited.control).toBe('晨检并记录体温');
    await expect(updateRiskItem(as(adminA), first.id, { version: first.version, retired: true })).rejects.toMatchObject({ code: 'resource.conflict' });
    const retired = await updateRiskItem(as(adminA), first.id, { version: edited.version, retired: true });
    expect(retired.retiredOn).toBe(TODAY);
    // Staff record checks but do not edit the list; B's admin does not see A's item at all.
    await expect(updateRiskItem(as(staffA), added.id, { version: 1, area: 'x' })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(updateRiskItem(as(adminB), added.id, { version: 1, area: 'x' })).rejects.toMatchObject({ code: 'resource.not_found' });
    expect(await auditActions(a.id)).toEqual(['duties.list.start', 'duties.risk_item.create', 'duties.risk_item.update', 'duties.risk_item.retire']);
  });
});

describe('the daily check (日管控)', () => {
  it('is one action when nothing is found, and still a record of the day (零风险)', async () => {
    const { check, hazards } = await recordDailyCheck(as(staffA), a.id, { problems: [] });
    expect(check).toMatchObject({ checkDate: TODAY, outcome: 'no_problem', amendments: 0, checkedByName: '测试用户enterprise_staff' });
    expect(hazards).toEqual([]);
    expect((await findDutyOverview(as(adminA), a.id)).today).toMatchObject({ outcome: 'no_problem', hazardCount: 0 });
  });

  it('turns a problem into a hazard with owner, deadline and a clock in the enterprise work queue; a second submission amends the day', async () => {
    const overview = await findDutyOverview(as(staffA), a.id);
    const item = overview.riskItems.find((i) => i.retiredOn === null)!;
    const due = addCalendarDays(TODAY, 3);
    const { check, hazards } = await recordDailyCheck(as(staffA), a.id, { problems: [{ riskItemId: item.id, description: '原料库温度 28°C 超标', ownerName: '李仓管', dueOn: due }] });
    expect(check).toMatchObject({ outcome: 'problems', amendments: 1 });
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({ ownerName: '李仓管', dueOn: due, status: 'open', foundOn: TODAY });
    const count = await database.db.selectFrom('dutyDailyChecks').select((eb) => eb.fn.countAll<number>().as('n')).where('enterpriseId', '=', a.id).where('checkDate', '=', TODAY).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const queue = await listWorkQueue(as(adminA));
    const work = queue.items.find((w) => w.subjectId === hazards[0]!.id);
    expect(work).toMatchObject({ ruleId: 'duties.hazard_fix', dueOn: due, standing: 'on_time' });
    expect((await findDutyOverview(as(staffA), a.id)).hazards[0]).toMatchObject({ standing: 'open', riskItemArea: item.area });
    expect((await auditActions(a.id)).slice(-3)).toEqual(['duties.daily_check.record', 'duties.daily_check.amend', 'duties.hazard.create']);
  });

  it('names every bad problem field', async () => {
    const retired = (await findDutyOverview(as(staffA), a.id)).riskItems.find((i) => i.retiredOn !== null)!;
    await expect(
      recordDailyCheck(as(staffA), a.id, {
        problems: [
          { riskItemId: retired.id, description: '旧条目', ownerName: '王', dueOn: TODAY },
          { description: '过期期限', ownerName: '王', dueOn: addCalendarDays(TODAY, -1) },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'request.invalid',
      details: [
        { path: 'problems.0.riskItemId', message: 'field.risk_item_unknown' },
        { path: 'problems.1.dueOn', message: 'field.due_before_today' },
      ],
    });
  });

  it('escalates a hazard past its deadline to the director, and closing it records the fix and meets the clock', async () => {
    const past = addCalendarDays(TODAY, -5);
    const { hazards } = await recordDailyCheck(as(staffA), a.id, { problems: [{ description: '洁净区压差 3Pa 偏低', ownerName: '赵工', dueOn: addCalendarDays(past, 2) }] }, past);
    const hazard = hazards[0]!;
    const overview = await findDutyOverview(as(adminA), a.id);
    expect(overview.hazards.find((h) => h.id === hazard.id)?.standing).toBe('escalated');
    // Escalated hazards come first in the work queue, overdue.
    const queue = await listWorkQueue(as(adminA));
    expect(queue.items[0]).toMatchObject({ subjectId: hazard.id, standing: 'overdue' });

    await expect(closeHazard(as(adminB), hazard.id, { fixNote: 'x' })).rejects.toMatchObject({ code: 'resource.not_found' });
    const closed = await closeHazard(as(staffA), hazard.id, { fixNote: '更换压差计并调节风阀，复测 12Pa' });
    expect(closed).toMatchObject({ status: 'fixed', fixedOn: TODAY, fixNote: '更换压差计并调节风阀，复测 12Pa' });
    await expect(closeHazard(as(staffA), hazard.id, { fixNote: 'again' })).rejects.toMatchObject({ code: 'duties.hazard_closed' });
    expect((await listWorkQueue(as(adminA))).items.some((w) => w.subjectId === hazard.id)).toBe(false);
    expect((await findDutyOverview(as(adminA), a.id)).hazards.find((h) => h.id === hazard.id)?.standing).toBe('fixed');
  });

  it('refuses a check before the list is started', async () => {
    const c = await buildEnterprise(database.db, { jurisdictionCode: '310115005' });
    await expect(recordDailyCheck(as(SYSTEM_ACTOR), c.id, { problems: [] })).rejects.toMatchObject({ code: 'duties.no_risk_list' });
  });
});

describe('weekly report (周排查) and monthly minutes (月调度)', () => {
  it('the weekly report is signed by a current director and counts the week’s hazards; a second save amends it', async () => {
    const officer = await createPerson(as(adminA), a.id, { name: '钱安全', role: 'food_safety_officer', appointedOn: START, endedOn: null, phone: '13800000001' });
    const week = isoWeekOf(TODAY);
    await expect(saveWeeklyReport(as(adminA), a.id, { week, summary: '本周排查', signedByPersonId: officer.id })).rejects.toMatchObject({ details: [{ path: 'signedByPersonId', message: 'field.not_director' }] });
    const director = await createPerson(as(adminA), a.id, { name: '孙总监', role: 'food_safety_director', appointedOn: START, endedOn: null, phone: '13800000002' });
    const report = await saveWeeklyReport(as(adminA), a.id, { week, summary: '本周排查发现温度隐患', signedByPersonId: director.id });
    expect(report).toMatchObject({ week, signedByName: '孙总监' });
    expect(report.hazardsFound).toBeGreaterThanOrEqual(1);
    const again = await saveWeeklyReport(as(adminA), a.id, { week, summary: '修订', signedByPersonId: director.id });
    expect(again).toMatchObject({ id: report.id, version: 2, summary: '修订' });
    await expect(saveWeeklyReport(as(staffA), a.id, { week, summary: 'x', signedByPersonId: director.id })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(saveWeeklyReport(as(adminA), a.id, { week: isoWeekOf(addCalendarDays(TODAY, 14)), summary: 'x', signedByPersonId: director.id })).rejects.toMatchObject({ details: [{ path: 'week', message: 'field.period_in_future' }] });
    // 2025 has 52 ISO weeks: its W53 does not exist.
    await expect(saveWeeklyReport(as(adminA), a.id, { week: '2025-W53', summary: 'x', signedByPersonId: director.id })).rejects.toMatchObject({ details: [{ path: 'week', message: 'field.iso_week' }] });
  });

  it('monthly minutes are kept per month', async () => {
    const minutes = await saveMonthlyMinutes(as(adminA), a.id, { month: TODAY.slice(0, 7), meetingOn: TODAY, attendees: ['法定代表人', '孙总监'], decisions: '增加洁净区巡检', nextFocus: '压差监控' });
    expect(minutes.attendees).toEqual(['法定代表人', '孙总监']);
    expect((await findDutyOverview(as(pudong), a.id)).monthlyMinutes.map((m) => m.month)).toEqual([TODAY.slice(0, 7)]);
  });
});

describe('rates and scope', () => {
  it('counts the missing days since the list started (here: 19 of 20 ended days missing, today recorded)', async () => {
    const rates = (await findDutyOverview(as(staffA), a.id)).rates!;
    // Days START…yesterday (20) ended; the checks are on TODAY-5 and TODAY.
    expect(rates.daily).toMatchObject({ numerator: 2, denominator: 21 });
    expect(rates.daily.missing).toHaveLength(19);
    expect(rates.daily.missing).not.toContain(addCalendarDays(TODAY, -5));
    expect(rates.monthly.missing).not.toContain(TODAY.slice(0, 7));
  });

  it('gives a district regulator its district only, and an enterprise nothing of another', async () => {
    await expect(findDutyOverview(as(huangpu), a.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(findDutyOverview(as(adminB), a.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    const kpis = await computeDutyKpis(as(pudong), '310115');
    expect(kpis.districts.map((d) => d.districtCode)).toEqual(['310115']);
    expect(kpis.districts[0]).toMatchObject({ enterprises: 1, daily: { numerator: 2, denominator: 21, target: 1, met: false } });
    expect(kpis.lowest.map((e) => e.enterpriseId)).toEqual([a.id]);
    expect(kpis.total.daily.basis).toContain('100％');
    await expect(computeDutyKpis(as(huangpu), '310115')).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(computeDutyKpis(as(adminA), '310115')).rejects.toMatchObject({ code: 'resource.not_found' });
    const city = await computeDutyKpis(as(SYSTEM_ACTOR), '310000');
    expect(city.total.daily.denominator).toBe(21);
    expect(city.districts.find((d) => d.districtCode === '310101')).toMatchObject({ enterprises: 1, daily: { numerator: 0, denominator: 0, rate: 1 } });
  });

  it('flags a special-food producer without a current director, and clears the flag with one', async () => {
    const p = await buildEnterprise(database.db, { jurisdictionCode: '310115005' });
    await buildLicence(database.db, p);
    const flagged = async (actor: Actor) => (await listProducersWithoutDirector(as(actor))).map((r) => r.enterpriseId);
    expect(await flagged(pudong)).toContain(p.id);
    expect(await flagged(huangpu)).not.toContain(p.id);
    expect((await findDutyOverview(as(pudong), p.id)).missingDirector).toBe(true);
    const director = await createPerson(as(SYSTEM_ACTOR), p.id, { name: '周总监', role: 'food_safety_director', appointedOn: '2024-01-01', endedOn: null, phone: '13800000003' });
    expect(await flagged(pudong)).not.toContain(p.id);
    // Ending the appointment (a change, audited) brings the flag back, with when it ended.
    await updatePerson(as(SYSTEM_ACTOR), director.id, { version: director.version, endedOn: addCalendarDays(TODAY, -1) });
    const row = (await listProducersWithoutDirector(as(pudong))).find((r) => r.enterpriseId === p.id);
    expect(row?.lastDirectorEndedOn).toBe(addCalendarDays(TODAY, -1));
    const appointments = (await findDutyOverview(as(pudong), p.id)).appointments;
    expect(appointments).toEqual([expect.objectContaining({ name: '周总监', current: false, endedOn: addCalendarDays(TODAY, -1) })]);
  });
});
