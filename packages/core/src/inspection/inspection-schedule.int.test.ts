import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { today } from '../registry/guards.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { TEMPLATE, buildTeam, errorOf, type Person, type Team } from './inspection-test-kit.ts';
import { scheduleInspection } from './inspection-schedule.ts';
import { declareRecusal, withdrawRecusal } from './recusal-service.ts';

let database: Database;
/** The district's officers, shared by the tests; each test inspects an enterprise of its own. */
let staff: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  staff = await buildTeam(database.db);
});
afterAll(async () => database.close());

const scheduledOn = () => addCalendarDays(today(), 3);

function schedule(team: Team, inspectorIds: string[], actor = team.supervisor.actor) {
  return scheduleInspection(
    { db: database.db, actor },
    { enterpriseId: team.enterprise.id, kind: 'routine', scheduledOn: scheduledOn(), inspectorIds, templateId: TEMPLATE.id },
  );
}

/** Gives a user a name of their own, so that an error naming them can be told apart. */
async function rename(person: Person, displayName: string): Promise<void> {
  await database.db.updateTable('users').set({ displayName }).where('id', '=', person.user.id).execute();
}

async function inspectionsOf(team: Team) {
  return database.db.selectFrom('inspections').selectAll().where('enterpriseId', '=', team.enterprise.id).execute();
}

describe('scheduling an inspection', () => {
  it('refuses fewer than two distinct inspectors and writes nothing', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const [a] = team.inspectors;
    for (const ids of [[a.user.id], [a.user.id, a.user.id]]) {
      const error = await errorOf(schedule(team, ids));
      expect(error.code).toBe('request.invalid');
      expect(error.details).toEqual([{ path: 'inspectorIds', message: 'field.inspectors_min_two' }]);
    }
    expect(await inspectionsOf(team)).toEqual([]);
  });

  it("refuses an inspector outside the enterprise's jurisdiction, naming them", async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const outsider = await buildUser(database.db, 'inspector', { jurisdictionCode: '310101' });
    await rename(outsider, '黄浦检查员甲');
    const error = await errorOf(schedule(team, [team.inspectors[0].user.id, outsider.user.id]));
    expect(error.code).toBe('inspection.inspector_ineligible');
    expect(error.params).toMatchObject({ name: '黄浦检查员甲' });
    expect(await inspectionsOf(team)).toEqual([]);
  });

  it('refuses a user who is not an inspector', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    await rename(team.supervisor, '科长乙');
    const error = await errorOf(schedule(team, [team.inspectors[0].user.id, team.supervisor.user.id]));
    expect(error.code).toBe('inspection.inspector_ineligible');
    expect(error.params).toMatchObject({ name: '科长乙' });
  });

  it('refuses an inspector who declared a conflict of interest until the declaration is withdrawn', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const [a, b] = team.inspectors;
    await rename(b, '回避检查员丙');
    const recusal = await declareRecusal({ db: database.db, actor: b.actor }, { enterpriseId: team.enterprise.id, reason: '配偶在该企业任职' });

    const error = await errorOf(schedule(team, [a.user.id, b.user.id]));
    expect(error.code).toBe('inspection.inspector_ineligible');
    expect(error.params).toMatchObject({ name: '回避检查员丙' });
    expect(await inspectionsOf(team)).toEqual([]);

    await withdrawRecusal({ db: database.db, actor: team.supervisor.actor }, recusal.id);
    const inspection = await schedule(team, [a.user.id, b.user.id]);
    expect(inspection.inspectorIds).toEqual([a.user.id, b.user.id]);
  });

  it('may be done by a supervisor, not by an inspector, and not outside the supervisor\'s district', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const ids = team.inspectors.map((i) => i.user.id);
    expect((await errorOf(schedule(team, ids, team.inspectors[0].actor))).code).toBe('auth.forbidden');
    const otherDistrict = await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' });
    expect((await errorOf(schedule(team, ids, otherDistrict.actor))).code).toBe('resource.not_found');
    expect(await inspectionsOf(team)).toEqual([]);
  });

  it('numbers the inspection, starts its "carry out" clock for both inspectors and audits it', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const ids = team.inspectors.map((i) => i.user.id);
    const inspection = await schedule(team, ids);

    expect(inspection).toMatchObject({
      enterpriseId: team.enterprise.id,
      jurisdictionCode: team.enterprise.jurisdictionCode,
      kind: 'routine',
      origin: 'manual',
      status: 'scheduled',
      templateId: TEMPLATE.id,
      scheduledOn: scheduledOn(),
      inspectorIds: ids,
      revision: 0,
      createdBy: team.supervisor.user.id,
    });
    expect(inspection.number).toMatch(/^JC/);

    const clocks = await database.db.selectFrom('clocks').selectAll().where('subjectId', '=', inspection.id).execute();
    expect(clocks).toHaveLength(1);
    expect(clocks[0]).toMatchObject({
      ruleId: 'inspection.conduct',
      subjectType: 'inspection',
      owner: 'regulator',
      enterpriseId: team.enterprise.id,
      label: inspection.number,
      startedOn: today(),
      dueOn: scheduledOn(),
      state: 'running',
    });
    expect([...(clocks[0]?.assigneeIds ?? [])].sort()).toEqual([...ids].sort());

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'inspection').where('entityId', '=', inspection.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'inspection.schedule', actorUserId: team.supervisor.user.id, enterpriseId: team.enterprise.id, before: null });
    expect(audit[0]?.after).toMatchObject({ id: inspection.id, number: inspection.number });
  });
});
