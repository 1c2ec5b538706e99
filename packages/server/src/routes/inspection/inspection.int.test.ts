import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, checklistItems } from '@shian/domain';
import { answersWith, buildTeam, signaturesOf, TEMPLATE, type Team } from '@shian/core/inspection/inspection-test-kit.ts';
import { today } from '@shian/core/registry/guards.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let team: Team;
let supervisor: Session;
let inspectorA: Session;
let inspectorB: Session;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database.db);
  [supervisor, inspectorA, inspectorB] = await Promise.all([
    signInAs(t.app, team.supervisor.user.username),
    signInAs(t.app, team.inspectors[0].user.username),
    signInAs(t.app, team.inspectors[1].user.username),
  ]);
});
afterAll(async () => t.close());

const HAN = /\p{Script=Han}/u;
const FIRST_ITEM = checklistItems(TEMPLATE)[0]!;

/** Schedules an inspection of the team's enterprise through the API, as its supervisor. */
async function schedule(): Promise<{ id: string; number: string }> {
  const res = await supervisor.post('/api/v1/inspections', {
    enterpriseId: team.enterprise.id,
    kind: 'routine',
    scheduledOn: addCalendarDays(today(), 2),
    inspectorIds: team.inspectors.map((i) => i.user.id),
    templateId: TEMPLATE.id,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const syncBody = (fields: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  baseRevision: 0,
  answers: {},
  photos: [],
  signatures: null,
  inspectedOn: today(),
  complete: false,
  ...fields,
});

describe('GET /api/v1/inspections/assigned (the offline package)', () => {
  it("returns the inspector's inspections with the checklist in the request's language", async () => {
    const inspection = await schedule();

    const en = await inspectorA.get('/api/v1/inspections/assigned', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(200);
    const enItem = en.json().items.find((i: { id: string }) => i.id === inspection.id);
    expect(enItem).toMatchObject({
      number: inspection.number,
      status: 'scheduled',
      statusName: 'Scheduled',
      kindName: 'Routine inspection',
      revision: 0,
      enterprise: { id: team.enterprise.id, name: team.enterprise.name },
      checklist: { id: TEMPLATE.id, title: TEMPLATE.title['en-US'] },
    });
    expect(enItem.checklist.sections[0].items[0]).toEqual({
      id: FIRST_ITEM.id,
      key: FIRST_ITEM.key,
      text: FIRST_ITEM.text['en-US'],
      severity: FIRST_ITEM.severity,
      basis: FIRST_ITEM.basis,
    });
    expect(enItem.checklist.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(checklistItems(TEMPLATE).length);
    expect(enItem.inspectors.map((i: { id: string }) => i.id)).toEqual(team.inspectors.map((i) => i.user.id));

    const zh = await inspectorB.get('/api/v1/inspections/assigned', { 'accept-language': 'zh-CN' });
    const zhItem = zh.json().items.find((i: { id: string }) => i.id === inspection.id);
    expect(zhItem).toMatchObject({ statusName: '待检查', kindName: '日常监督检查', checklist: { title: TEMPLATE.title['zh-CN'] } });
    expect(zhItem.checklist.sections[0].items[0].text).toBe(FIRST_ITEM.text['zh-CN']);
    expect(zhItem.checklist.sections[0].title).toBe(TEMPLATE.sections[0]!.title['zh-CN']);
  });

  it("does not hand an inspection to an inspector who is not assigned, and is no supervisor's page", async () => {
    const inspection = await schedule();
    const other = await buildTeam(t.database.db);
    const stranger = await signInAs(t.app, other.inspectors[0].user.username);
    const res = await stranger.get('/api/v1/inspections/assigned');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(inspection.id);
    expect((await supervisor.get('/api/v1/inspections/assigned')).statusCode).toBe(403);
  });
});

describe('POST /api/v1/inspections/{id}/sync', () => {
  it('answers an invalid body with 400 naming every bad field, in Chinese by default', async () => {
    const inspection = await schedule();
    const res = await inspectorA.post(`/api/v1/inspections/${inspection.id}/sync`, {
      submissionId: 'not-a-uuid',
      baseRevision: -1,
      answers: { [FIRST_ITEM.id]: { result: 'maybe' } },
      photos: 'none',
      signatures: null,
      inspectedOn: '2026/11/22',
      complete: 'yes',
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('request.invalid');
    expect(body.message).toMatch(HAN);
    const paths = body.details.map((d: { path: string }) => d.path);
    expect([...new Set(paths)].sort()).toEqual(
      ['answers.hfs-1.1.result', 'baseRevision', 'complete', 'extra', 'inspectedOn', 'photos', 'submissionId'].sort(),
    );
    for (const detail of body.details) expect(detail.message).toMatch(HAN);

    const en = await inspectorA.post(`/api/v1/inspections/${inspection.id}/sync`, { ...syncBody(), baseRevision: -1 }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().details).toEqual([{ path: 'baseRevision', message: expect.not.stringMatching(HAN) }]);

    const stored = await t.database.db.selectFrom('inspections').select('revision').where('id', '=', inspection.id).executeTakeFirstOrThrow();
    expect(stored.revision).toBe(0);
  });

  it('answers a stale revision with 409 inspection.sync_conflict and the current revision; a retry is a duplicate', async () => {
    const inspection = await schedule();
    const draft = syncBody({ answers: { [FIRST_ITEM.id]: { result: 'pass' } } });
    const first = await inspectorA.post(`/api/v1/inspections/${inspection.id}/sync`, draft);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'applied', revision: 1, inspection: { status: 'in_progress', answers: { [FIRST_ITEM.id]: { result: 'pass' } } } });

    const stale = await inspectorB.post(`/api/v1/inspections/${inspection.id}/sync`, syncBody({ answers: { [FIRST_ITEM.id]: { result: 'na' } } }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'inspection.sync_conflict', data: { currentRevision: 1 } });
    expect(stale.json().message).toMatch(HAN);

    const retry = await inspectorA.post(`/api/v1/inspections/${inspection.id}/sync`, draft);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'duplicate', revision: 1 });
  });

  it('answers missing answers and signatures with 422 and a detail for each', async () => {
    const inspection = await schedule();
    const res = await inspectorA.post(`/api/v1/inspections/${inspection.id}/sync`, syncBody({ answers: { [FIRST_ITEM.id]: { result: 'pass' } }, complete: true }));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('inspection.invalid_answers');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toHaveLength(checklistItems(TEMPLATE).length - 1 + 3);
    expect(paths).toEqual(expect.arrayContaining([`answers.${checklistItems(TEMPLATE)[1]!.id}`, 'signatures.inspectors.0', 'signatures.inspectors.1', 'signatures.representative']));
    expect(body.details.find((d: { path: string }) => d.path === 'signatures.representative').message).toBe('缺少签名');
  });
});

describe('GET /api/v1/inspections/{id}/record.pdf', () => {
  it('serves the signed on-site record as a PDF once the inspection is completed', async () => {
    const inspection = await schedule();
    const done = await inspectorA.post(
      `/api/v1/inspections/${inspection.id}/sync`,
      syncBody({
        answers: answersWith({ [FIRST_ITEM.id]: { result: 'fail', note: '许可证已过期' } }),
        signatures: signaturesOf(team.inspectors),
        complete: true,
      }),
    );
    expect(done.statusCode).toBe(200);
    expect(done.json().inspection).toMatchObject({ status: 'completed', outcome: 'case_lead', outcomeName: '发现案件线索，依法调查处理' });

    const res = await inspectorB.get(`/api/v1/inspections/${inspection.id}/record.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`inspection-record-${inspection.number}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The enterprise may read its own record once the inspection is done.
    const enterprise = await signInAs(t.app, team.enterpriseUser.user.username);
    const own = await enterprise.get(`/api/v1/inspections/${inspection.id}/record.pdf`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
