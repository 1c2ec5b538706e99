import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraw, type DrawInput, type DrawOutcome } from '@shian/domain';
import type { EnterpriseRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

// Yangpu: a supervisor, three inspectors, five enterprises. No city-level inspector exists in this file.
const DISTRICT = '310110';

let t: TestApp;
let yangpu: Session;
let enterprises: EnterpriseRow[];
/** The draw made by the first test, which the public-route tests read. */
let drawId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: DISTRICT });
  for (const name of ['王敏', '李强', '陈静']) {
    const { user } = await buildUser(t.database.db, 'inspector', { jurisdictionCode: DISTRICT });
    await t.database.db.updateTable('users').set({ displayName: name }).where('id', '=', user.id).execute();
  }
  enterprises = [];
  for (let i = 0; i < 5; i += 1) enterprises.push(await buildEnterprise(t.database.db, { jurisdictionCode: DISTRICT, kinds: ['seller'] }));
  yangpu = await signInAs(t.app, s.user.username);
});
afterAll(async () => t.close());

/** Anyone, without a session. */
const anonymous = (url: string) => t.app.inject({ method: 'GET', url });

const drawBody = {
  jurisdictionCode: DISTRICT,
  title: '杨浦区2026年食品销售双随机抽查',
  filters: { kinds: ['seller'] },
  size: { mode: 'count', count: 3 },
  inspectorsPerTarget: 2,
  weighted: true,
  scheduledOn: '2026-05-11',
};

describe('making a draw', () => {
  it('needs a signed-in supervisor and answers with the published draw', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/draws', payload: drawBody })).statusCode).toBe(401);
    const bad = await yangpu.post('/api/v1/draws', { ...drawBody, inspectorsPerTarget: 1, size: { mode: 'proportion', proportion: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['inspectorsPerTarget', 'size.proportion']);

    const res = await yangpu.post('/api/v1/draws', drawBody);
    expect(res.statusCode).toBe(201);
    const draw = res.json();
    expect(draw).toMatchObject({ jurisdictionCode: DISTRICT, algorithm: 'shian-draw/1', rosterSize: 5, pickedCount: 3, unstaffedCount: 0, filters: { kinds: ['seller'] }, scheduledOn: '2026-05-11' });
    drawId = draw.id;
  });
});

describe('published draws (公开), without sign-in', () => {
  it('lists the draw and shows its picks with names, credit codes, inspectors and inspection numbers', async () => {
    const list = await anonymous(`/api/v1/public/draws?jurisdictionCode=${DISTRICT}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([drawId]);
    expect(list.json().total).toBe(1);
    expect((await anonymous('/api/v1/public/draws?jurisdictionCode=310101')).json()).toEqual({ items: [], total: 0 });
    // The city (310000) covers every district.
    expect((await anonymous('/api/v1/public/draws?jurisdictionCode=310000')).json()).toMatchObject({ total: 1, items: [{ id: drawId }] });

    const one = await anonymous(`/api/v1/public/draws/${drawId}`);
    expect(one.statusCode).toBe(200);
    const { draw, picks } = one.json();
    expect(draw).toMatchObject({ id: drawId, pickedCount: 3 });
    expect(picks.map((p: { position: number }) => p.position)).toEqual([1, 2, 3]);
    for (const pick of picks) {
      const enterprise = enterprises.find((x) => x.id === pick.enterpriseId);
      expect(pick).toMatchObject({ enterpriseName: enterprise?.name, uscc: enterprise?.uscc });
      expect(pick.inspectorNames).toHaveLength(2);
      expect(pick.inspectorNames.every((n: string) => ['王敏', '李强', '陈静'].includes(n))).toBe(true);
      expect(pick.inspectionNumber).toMatch(/^JC-310110-2026-\d{6}$/);
    }
    expect((await anonymous('/api/v1/public/draws/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('publishes the full input, which re-runs with the domain algorithm to the stored picks', async () => {
    const res = await anonymous(`/api/v1/public/draws/${drawId}/input`);
    expect(res.statusCode).toBe(200);
    // The published JSON is what any re-implementation reads; it is the domain's input and outcome.
    const { input, outcome } = res.json() as { input: DrawInput; outcome: DrawOutcome };
    expect(input.targets).toHaveLength(5);
    expect(input.inspectors).toHaveLength(3);
    expect(runDraw(input)).toEqual(outcome);

    const { picks } = (await anonymous(`/api/v1/public/draws/${drawId}`)).json();
    expect(outcome.picked.map((p) => p.targetId)).toEqual(picks.map((p: { enterpriseId: string }) => p.enterpriseId));
    const stored = await t.database.db.selectFrom('drawPicks').select(['position', 'enterpriseId', 'inspectorIds']).where('drawId', '=', drawId).orderBy('position').execute();
    expect(runDraw(input).picked).toEqual(stored.map((p) => ({ position: p.position, targetId: p.enterpriseId, inspectorIds: p.inspectorIds })));
  });

  it('verifies the draw on request, and names the difference after a pick was altered', async () => {
    const ok = await anonymous(`/api/v1/public/draws/${drawId}/verification`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ matches: true, differences: [] });

    // Swap the second pick for an enterprise the draw did not pick.
    const pickedIds = (await t.database.db.selectFrom('drawPicks').select('enterpriseId').where('drawId', '=', drawId).execute()).map((p) => p.enterpriseId);
    const substitute = enterprises.find((x) => !pickedIds.includes(x.id));
    await t.database.db.updateTable('drawPicks').set({ enterpriseId: substitute?.id ?? '' }).where('drawId', '=', drawId).where('position', '=', 2).execute();

    const tampered = (await anonymous(`/api/v1/public/draws/${drawId}/verification`)).json();
    expect(tampered.matches).toBe(false);
    expect(tampered.differences).toHaveLength(1);
    expect(tampered.differences[0]).toMatch(new RegExp(`^picked\\[1\\]\\.targetId: published ${substitute?.id}, re-run `));
  });
});
