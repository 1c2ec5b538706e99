import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { today } from '../registry/guards.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { GENERAL_ITEM, ITEM_IDS, buildTeam, completeWith, errorOf, scheduleFor, type Team } from './inspection-test-kit.ts';
import { listPublishedResults, publishInspection } from './inspection-publication.ts';

let database: Database;
/** The district's officers, shared by the tests; each test inspects an enterprise of its own. */
let staff: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  staff = await buildTeam(database.db);
});
afterAll(async () => database.close());

async function completed(team: Team) {
  const inspection = await scheduleFor(database.db, team);
  return (await completeWith(database.db, team, inspection, { [GENERAL_ITEM]: { result: 'fail', note: '未悬挂许可证', disposition: 'rectification' } })).inspection;
}

const publicationClock = (id: string) =>
  database.db.selectFrom('clocks').selectAll().where('subjectType', '=', 'inspection').where('subjectId', '=', id).where('ruleId', '=', 'inspection.publication').executeTakeFirst();

describe('publishing an inspection result (公开)', () => {
  it('refuses an inspection that is not completed', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await scheduleFor(database.db, team);
    const error = await errorOf(publishInspection({ db: database.db, actor: team.inspectors[0].actor }, inspection.id));
    expect(error.code).toBe('inspection.not_completed');
    expect((await database.db.selectFrom('inspections').select('status').where('id', '=', inspection.id).executeTakeFirstOrThrow()).status).toBe('scheduled');
  });

  it("by one of the inspection's inspectors meets the publication clock, is audited and shows in the public results", async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await completed(team);
    const unpublished = await completed(team);
    const [, b] = team.inspectors;

    const published = await publishInspection({ db: database.db, actor: b.actor }, inspection.id);
    expect(published).toMatchObject({ status: 'published', publishedBy: b.user.id });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await publicationClock(inspection.id)).toMatchObject({ state: 'met', metOn: today() });
    expect(await publicationClock(unpublished.id)).toMatchObject({ state: 'running', metOn: null });

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityId', '=', inspection.id).where('action', '=', 'inspection.publish').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: b.user.id, before: { status: 'completed', publishedAt: null }, after: { status: 'published' } });

    const results = await listPublishedResults(database.db, { enterpriseId: team.enterprise.id });
    expect(results.total).toBe(1);
    expect(results.items).toEqual([
      expect.objectContaining({
        id: inspection.id,
        number: inspection.number,
        enterpriseName: team.enterprise.name,
        uscc: team.enterprise.uscc,
        outcome: 'rectification',
        inspectedOn: today(),
        itemsChecked: ITEM_IDS.length,
        itemsFailed: 1,
      }),
    ]);
    // Found by name and by credit code too; the completed but unpublished one never.
    expect((await listPublishedResults(database.db, { q: team.enterprise.name })).items.map((r) => r.id)).toEqual([inspection.id]);
    expect((await listPublishedResults(database.db, { q: team.enterprise.uscc.slice(0, 14) })).items.map((r) => r.id)).toContain(inspection.id);
    expect((await listPublishedResults(database.db, {})).items.map((r) => r.id)).not.toContain(unpublished.id);
  });

  it('by a supervisor of the district; only once', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await completed(team);
    await publishInspection({ db: database.db, actor: team.supervisor.actor }, inspection.id);
    expect((await publicationClock(inspection.id))?.state).toBe('met');
    expect((await errorOf(publishInspection({ db: database.db, actor: team.supervisor.actor }, inspection.id))).code).toBe('inspection.already_published');
  });

  it('is refused to an inspector not assigned to the inspection and to the enterprise', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await completed(team);
    const colleague = await buildUser(database.db, 'inspector', { jurisdictionCode: team.enterprise.jurisdictionCode });
    expect((await errorOf(publishInspection({ db: database.db, actor: colleague.actor }, inspection.id))).code).toBe('inspection.not_assigned');
    expect((await errorOf(publishInspection({ db: database.db, actor: team.enterpriseUser.actor }, inspection.id))).code).toBe('auth.forbidden');

    expect(await publicationClock(inspection.id)).toMatchObject({ state: 'running' });
    expect((await listPublishedResults(database.db, { enterpriseId: team.enterprise.id })).items).toEqual([]);
  });
});
