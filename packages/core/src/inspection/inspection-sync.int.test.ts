import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { today } from '../registry/guards.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import {
  GENERAL_ITEM,
  ITEM_IDS,
  KEY_ITEM,
  answersWith,
  buildTeam,
  errorOf,
  scheduleFor,
  signaturesOf,
  submission,
  type Person,
  type Team,
} from './inspection-test-kit.ts';
import { syncInspection, type PhotoUpload, type SyncInput } from './inspection-sync.ts';
import type { InspectionRow } from './inspection-schedule.ts';

let database: Database;
/** The district's officers, shared by the tests; each test inspects an enterprise of its own. */
let staff: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  staff = await buildTeam(database.db);
});
afterAll(async () => database.close());

const sync = (person: Person, inspection: Pick<InspectionRow, 'id'>, input: SyncInput) => syncInspection({ db: database.db, actor: person.actor }, inspection.id, input);

const stored = (id: string) => database.db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const submissionsOf = (id: string) => database.db.selectFrom('inspectionSubmissions').selectAll().where('inspectionId', '=', id).execute();
const auditOf = (id: string) => database.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'inspection').where('entityId', '=', id).orderBy('seq').execute();
const photosOf = (id: string) => database.db.selectFrom('inspectionPhotos').selectAll().where('inspectionId', '=', id).execute();

const photo = (bytes = 'JPEG bytes of the storeroom'): PhotoUpload => ({
  id: randomUUID(),
  itemId: GENERAL_ITEM,
  contentType: 'image/jpeg',
  dataBase64: Buffer.from(bytes).toString('base64'),
  takenAt: new Date().toISOString(),
});

async function started() {
  const team = await buildTeam(database.db, '310115', staff);
  const inspection = await scheduleFor(database.db, team);
  return { team, inspection };
}

describe('syncing the offline form', () => {
  it('applies a draft save once: the same submission sent again is a duplicate that changes nothing', async () => {
    const { team, inspection } = await started();
    const [a] = team.inspectors;
    const draft = submission(inspection, { answers: { [KEY_ITEM]: { result: 'pass' } } });

    const first = await sync(a, inspection, draft);
    expect(first.status).toBe('applied');
    expect(first.inspection).toMatchObject({ revision: 1, status: 'in_progress', inspectedOn: today(), answers: { [KEY_ITEM]: { result: 'pass' } } });
    const auditAfterFirst = await auditOf(inspection.id);
    expect(auditAfterFirst.map((e) => e.action)).toEqual(['inspection.schedule', 'inspection.save']);

    // The device lost the answer and retries; even a changed payload under the same id is not applied again.
    const retry = await sync(a, inspection, { ...draft, answers: { [KEY_ITEM]: { result: 'fail', note: '许可证过期' } } });
    expect(retry.status).toBe('duplicate');
    expect(retry.inspection.revision).toBe(1);
    const row = await stored(inspection.id);
    expect(row.revision).toBe(1);
    expect(row.answers).toEqual({ [KEY_ITEM]: { result: 'pass' } });
    const submissions = await submissionsOf(inspection.id);
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ submissionId: draft.submissionId, baseRevision: 0, revision: 1, result: 'applied', userId: a.user.id });
    expect(await auditOf(inspection.id)).toHaveLength(auditAfterFirst.length);
  });

  it('refuses a submission made from a stale revision, with the current revision, and writes nothing', async () => {
    const { team, inspection } = await started();
    const [a, b] = team.inspectors;
    await sync(a, inspection, submission(inspection, { answers: { [KEY_ITEM]: { result: 'pass' } } }));
    const auditBefore = await auditOf(inspection.id);

    // The second inspector's phone still holds revision 0.
    const stale = submission(inspection, { answers: { [KEY_ITEM]: { result: 'na' } }, photos: [photo()] });
    const error = await errorOf(sync(b, inspection, stale));
    expect(error.code).toBe('inspection.sync_conflict');
    expect(error.data).toEqual({ currentRevision: 1 });

    const row = await stored(inspection.id);
    expect(row.revision).toBe(1);
    expect(row.answers).toEqual({ [KEY_ITEM]: { result: 'pass' } });
    expect((await submissionsOf(inspection.id)).map((s) => s.submissionId)).not.toContain(stale.submissionId);
    expect(await photosOf(inspection.id)).toEqual([]);
    expect(await auditOf(inspection.id)).toHaveLength(auditBefore.length);

    // Rebased on the current revision, the same inspector's change goes through.
    const rebased = await sync(b, inspection, { ...stale, submissionId: randomUUID(), baseRevision: 1 });
    expect(rebased.inspection.revision).toBe(2);
  });

  it('refuses an inspector who is not assigned to the inspection, and a supervisor', async () => {
    const { team, inspection } = await started();
    const colleague = await buildUser(database.db, 'inspector', { jurisdictionCode: team.enterprise.jurisdictionCode });
    expect((await errorOf(sync(colleague, inspection, submission(inspection)))).code).toBe('inspection.not_assigned');
    expect((await errorOf(sync(team.supervisor, inspection, submission(inspection)))).code).toBe('auth.forbidden');
    expect((await stored(inspection.id)).revision).toBe(0);
    expect(await submissionsOf(inspection.id)).toEqual([]);
  });

  it('refuses to finish without every answer and every signature, naming each one', async () => {
    const { team, inspection } = await started();
    const answered = ITEM_IDS.slice(0, 3);
    const answers = Object.fromEntries(answered.map((id) => [id, { result: 'pass' as const }]));
    const error = await errorOf(sync(team.inspectors[0], inspection, submission(inspection, { answers, signatures: null, complete: true })));

    expect(error.code).toBe('inspection.invalid_answers');
    const missing = ITEM_IDS.filter((id) => !answered.includes(id));
    expect(error.details).toEqual([
      ...missing.map((id) => ({ path: `answers.${id}`, message: 'field.inspection_answer_missing' })),
      { path: 'signatures.inspectors.0', message: 'field.signature_missing' },
      { path: 'signatures.inspectors.1', message: 'field.signature_missing' },
      { path: 'signatures.representative', message: 'field.signature_missing' },
    ]);
    expect(error.params).toMatchObject({ count: missing.length + 3 });
    expect((await stored(inspection.id)).revision).toBe(0);
  });

  it("refuses to finish with one inspector's signature and the representative's missing", async () => {
    const { team, inspection } = await started();
    const signatures = signaturesOf(team.inspectors);
    const error = await errorOf(
      sync(team.inspectors[0], inspection, submission(inspection, { answers: answersWith(), signatures: { inspectors: signatures.inspectors.slice(1), representative: null }, complete: true })),
    );
    expect(error.code).toBe('inspection.invalid_answers');
    expect(error.details).toEqual([
      { path: 'signatures.inspectors.0', message: 'field.signature_missing' },
      { path: 'signatures.representative', message: 'field.signature_missing' },
    ]);
  });

  it('names every answer that breaks the cross-field rules, and a date in the future', async () => {
    const { team, inspection } = await started();
    const error = await errorOf(
      sync(
        team.inspectors[0],
        inspection,
        submission(inspection, {
          answers: {
            [KEY_ITEM]: { result: 'fail', note: '无证经营', disposition: 'rectification' },
            [GENERAL_ITEM]: { result: 'fail', note: '未公示' },
            'hfs-9.9': { result: 'pass' },
          },
          inspectedOn: addCalendarDays(today(), 1),
        }),
      ),
    );
    expect(error.code).toBe('inspection.invalid_answers');
    expect(error.details).toEqual([
      { path: `answers.${KEY_ITEM}.disposition`, message: 'field.inspection_disposition_not_allowed' },
      { path: `answers.${GENERAL_ITEM}.disposition`, message: 'field.inspection_disposition_required' },
      { path: 'answers.hfs-9.9', message: 'field.inspection_unknown_item' },
      { path: 'inspectedOn', message: 'field.date_in_future' },
    ]);
  });

  it('stores a photo once, however often it is sent, and lets later submissions refer to it', async () => {
    const { team, inspection } = await started();
    const [a, b] = team.inspectors;
    const shot = photo();
    const first = await sync(a, inspection, submission(inspection, { answers: { [GENERAL_ITEM]: { result: 'pass', photoIds: [shot.id] } }, photos: [shot] }));

    // The other phone sends the same photo again with its own submission.
    const second = await sync(b, first.inspection, submission(first.inspection, { answers: { [GENERAL_ITEM]: { result: 'pass', photoIds: [shot.id] } }, photos: [shot] }));
    // A third submission refers to it without sending it.
    const third = await sync(a, second.inspection, submission(second.inspection, { answers: { [GENERAL_ITEM]: { result: 'na', photoIds: [shot.id] } } }));
    expect(third.inspection.revision).toBe(3);

    const photos = await photosOf(inspection.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ id: shot.id, itemId: GENERAL_ITEM, contentType: 'image/jpeg' });
    expect(Buffer.from(photos[0]!.bytes).toString()).toBe('JPEG bytes of the storeroom');
    expect(photos[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an answer that refers to a photo never uploaded, and an empty photo', async () => {
    const { team, inspection } = await started();
    const ghost = randomUUID();
    const empty = { ...photo(), dataBase64: '' };
    const error = await errorOf(
      sync(team.inspectors[0], inspection, submission(inspection, { answers: { [GENERAL_ITEM]: { result: 'pass', photoIds: [ghost] } }, photos: [empty] })),
    );
    expect(error.code).toBe('inspection.invalid_answers');
    expect(error.details).toEqual([
      { path: 'photos.0.dataBase64', message: 'field.photo_size' },
      { path: `answers.${GENERAL_ITEM}.photoIds.0`, message: 'field.photo_unknown' },
    ]);
    expect(await photosOf(inspection.id)).toEqual([]);
    expect((await stored(inspection.id)).revision).toBe(0);
  });

  it('finishes the inspection once; afterwards only a retry of the finishing submission is accepted', async () => {
    const { team, inspection } = await started();
    const [a] = team.inspectors;
    const finish = submission(inspection, { answers: answersWith(), signatures: signaturesOf(team.inspectors), complete: true });
    const done = await sync(a, inspection, finish);
    expect(done.status).toBe('applied');
    expect(done.inspection).toMatchObject({ status: 'completed', revision: 1, outcome: 'compliant', completedBy: a.user.id });
    expect((await auditOf(inspection.id)).map((e) => e.action)).toEqual(['inspection.schedule', 'inspection.complete']);

    expect((await sync(a, inspection, finish)).status).toBe('duplicate');
    expect((await errorOf(sync(a, inspection, submission(done.inspection, { answers: answersWith() })))).code).toBe('inspection.not_editable');
  });
});
