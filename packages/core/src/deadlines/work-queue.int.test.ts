import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, type ClockEvent } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { GENERAL_ITEM, KEY_ITEM, buildTeam, completeWith, errorOf, scheduleFor, type Team } from '../inspection/inspection-test-kit.ts';
import type { InspectionRow } from '../inspection/inspection-schedule.ts';
import { today } from '../registry/guards.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { extendClock } from './clock-service.ts';
import { listWorkQueue, type WorkItem } from './work-queue.ts';

/**
 * Pudong (310115): team A with two inspections ahead, one finished inspection that ordered a rectification
 * and found a case lead 40 days ago (now overdue); team A2, another enterprise of the district, with its own
 * inspectors. Huangpu (310101): team B with an inspection.
 */
let database: Database;
let teamA: Team;
let teamA2: Team;
let teamB: Team;
let soon: InspectionRow;
let later: InspectionRow;
let finished: InspectionRow;
let orderId: string;
let leadId: string;
let a2Inspection: InspectionRow;
let bInspection: InspectionRow;

beforeAll(async () => {
  database = await createTestDatabase();
  [teamA, teamA2, teamB] = await Promise.all([buildTeam(database.db, '310115'), buildTeam(database.db, '310115'), buildTeam(database.db, '310101')]);
  later = await scheduleFor(database.db, teamA, addCalendarDays(today(), 9));
  soon = await scheduleFor(database.db, teamA, addCalendarDays(today(), 4));
  const inspectedOn = addCalendarDays(today(), -40);
  finished = (
    await completeWith(
      database.db,
      teamA,
      await scheduleFor(database.db, teamA, inspectedOn),
      { [KEY_ITEM]: { result: 'fail', note: '无证经营' }, [GENERAL_ITEM]: { result: 'fail', note: '未公示', disposition: 'rectification' } },
      inspectedOn,
    )
  ).inspection;
  orderId = (await database.db.selectFrom('rectificationOrders').select('id').where('inspectionId', '=', finished.id).executeTakeFirstOrThrow()).id;
  leadId = (await database.db.selectFrom('caseLeads').select('id').where('inspectionId', '=', finished.id).executeTakeFirstOrThrow()).id;
  a2Inspection = await scheduleFor(database.db, teamA2, addCalendarDays(today(), 1));
  bInspection = await scheduleFor(database.db, teamB, addCalendarDays(today(), 2));
});
afterAll(async () => database.close());

const findClock = (subjectType: string, subjectId: string, ruleId: string) =>
  database.db.selectFrom('clocks').selectAll().where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).where('ruleId', '=', ruleId).executeTakeFirst();

const subjects = (items: WorkItem[]) => items.map((i) => `${i.ruleId}:${i.subjectId}`);
const expectByDueDate = (items: WorkItem[]) => {
  const dates = items.map((i) => i.dueOn ?? '9999-12-31');
  expect(dates).toEqual([...dates].sort());
};

describe('the work queue (待办)', () => {
  it("shows an inspector only the clocks assigned to them, by due date", async () => {
    const queue = await listWorkQueue({ db: database.db, actor: teamA.inspectors[1].actor });
    expect(subjects(queue.items)).toEqual([
      `case_lead.review:${leadId}`,
      `inspection.conduct:${soon.id}`,
      `inspection.conduct:${later.id}`,
      `inspection.publication:${finished.id}`,
    ]);
    expect(queue.items[0]).toMatchObject({ standing: 'overdue', dueOn: addWorkingDays(addCalendarDays(today(), -40), 15), enterprise: { id: teamA.enterprise.id, name: teamA.enterprise.name } });
    expect(queue.items[1]).toMatchObject({ dueOn: soon.scheduledOn, label: soon.number, ruleName: { 'zh-CN': '按计划实施检查' } });
    expect(queue.counts).toMatchObject({ open: 4, overdue: 1 });

    const other = await listWorkQueue({ db: database.db, actor: teamA2.inspectors[0].actor });
    expect(subjects(other.items)).toEqual([`inspection.conduct:${a2Inspection.id}`]);
  });

  it("shows an enterprise user only the deadlines its own enterprise owes", async () => {
    const queue = await listWorkQueue({ db: database.db, actor: teamA.enterpriseUser.actor });
    expect(subjects(queue.items)).toEqual([`rectification.response:${orderId}`]);
    expect(queue.items[0]).toMatchObject({ standing: 'overdue', dueOn: addCalendarDays(today(), -25) });

    expect((await listWorkQueue({ db: database.db, actor: teamA2.enterpriseUser.actor })).items).toEqual([]);
  });

  it("shows a district supervisor the district's clocks by due date, never another district's", async () => {
    const queue = await listWorkQueue({ db: database.db, actor: teamA.supervisor.actor });
    const shown = subjects(queue.items);
    expect(shown).toEqual(
      expect.arrayContaining([
        `inspection.conduct:${a2Inspection.id}`,
        `inspection.conduct:${soon.id}`,
        `inspection.conduct:${later.id}`,
        `inspection.publication:${finished.id}`,
        `case_lead.review:${leadId}`,
      ]),
    );
    expect(shown).not.toContain(`inspection.conduct:${bInspection.id}`);
    expect(queue.items.every((i) => i.jurisdictionCode.startsWith('310115'))).toBe(true);
    expectByDueDate(queue.items);

    const huangpu = await listWorkQueue({ db: database.db, actor: teamB.supervisor.actor });
    expect(subjects(huangpu.items)).toEqual([`inspection.conduct:${bInspection.id}`]);
  });

  it('gives a supervisor the overdue items only when asked', async () => {
    const queue = await listWorkQueue({ db: database.db, actor: teamA.supervisor.actor }, { overdueOnly: true });
    expect(subjects(queue.items)).toContain(`case_lead.review:${leadId}`);
    expect(queue.items.every((i) => i.standing === 'overdue')).toBe(true);
    expect(queue.counts.open).toBe(queue.items.length);
    expect(queue.counts.overdue).toBe(queue.items.length);
  });
});

describe('extending a clock', () => {
  it('moves the due date, records approver and reason in the events, audits it and shows in the queue', async () => {
    const clock = await findClock('inspection', later.id, 'inspection.conduct');
    const { supervisor } = teamA;
    const extended = await extendClock({ db: database.db, actor: supervisor.actor }, clock!.id, { days: 5, reason: '企业停产检修，推迟检查' });

    expect(extended.dueOn).toBe(addCalendarDays(later.scheduledOn, 5));
    expect((extended.events as ClockEvent[]).at(-1)).toEqual({ type: 'extend', by: 5, reason: '企业停产检修，推迟检查', approvedBy: supervisor.user.username });
    expect(extended.version).toBe(clock!.version + 1);

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'clock').where('entityId', '=', clock!.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'clock.extend', actorUserId: supervisor.user.id, before: { dueOn: later.scheduledOn }, after: { dueOn: extended.dueOn, reason: '企业停产检修，推迟检查' } });

    const item = (await listWorkQueue({ db: database.db, actor: teamA.inspectors[0].actor })).items.find((i) => i.clockId === clock!.id);
    expect(item).toMatchObject({ dueOn: extended.dueOn, extendedBy: 5 });
  });

  it('is refused to an inspector and to a supervisor of another district, and on a clock already met', async () => {
    const clock = await findClock('inspection', soon.id, 'inspection.conduct');
    const input = { days: 3, reason: '延期' };
    expect((await errorOf(extendClock({ db: database.db, actor: teamA.inspectors[0].actor }, clock!.id, input))).code).toBe('auth.forbidden');
    expect((await errorOf(extendClock({ db: database.db, actor: teamB.supervisor.actor }, clock!.id, input))).code).toBe('resource.not_found');
    expect(await findClock('inspection', soon.id, 'inspection.conduct')).toMatchObject({ dueOn: soon.scheduledOn, version: clock!.version });

    const met = await findClock('inspection', finished.id, 'inspection.conduct');
    expect(met?.state).toBe('met');
    expect((await errorOf(extendClock({ db: database.db, actor: teamA.supervisor.actor }, met!.id, input))).code).toBe('clock.not_running');
  });
});
