import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, addCalendarDays, isoWeekOf } from '@shian/domain';
import { createPerson, type EnterpriseRow } from '@shian/core';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/** The duties API over HTTP: A in 浦东 with its admin and staff, B in 黄浦 with its admin; two district supervisors. */
let t: TestApp;
let a: EnterpriseRow;
let b: EnterpriseRow;
let adminA: Session;
let staffA: Session;
let adminB: Session;
let pudong: Session;
let huangpu: Session;
let directorId: string;

async function session(role: Parameters<typeof buildUser>[1], scope: { jurisdictionCode?: string; enterpriseId?: string }): Promise<Session> {
  const { user } = await buildUser(t.database.db, role, scope);
  return signInAs(t.app, user.username);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildEnterprise(t.database.db, { jurisdictionCode: '310115007' });
  b = await buildEnterprise(t.database.db, { jurisdictionCode: '310101002' });
  await buildLicence(t.database.db, a);
  adminA = await session('enterprise_admin', { enterpriseId: a.id });
  staffA = await session('enterprise_staff', { enterpriseId: a.id });
  adminB = await session('enterprise_admin', { enterpriseId: b.id });
  pudong = await session('district_supervisor', { jurisdictionCode: '310115' });
  huangpu = await session('district_supervisor', { jurisdictionCode: '310101' });
});
afterAll(async () => t?.close());

describe('the enterprise duties page data', () => {
  it('flags a special-food producer without a director to the enterprise and to its regulator only', async () => {
    const overview = await adminA.get(`/api/v1/duties/enterprises/${a.id}`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json()).toMatchObject({ missingDirector: true, list: null, suggestedTemplateId: 'health_food_producer/1', rates: null, today: null });
    const flagged = (await pudong.get('/api/v1/duties/producers-without-director')).json().items.map((i: { enterpriseId: string }) => i.enterpriseId);
    expect(flagged).toContain(a.id);
    expect((await huangpu.get('/api/v1/duties/producers-without-director')).json().items).toEqual([]);
    expect((await huangpu.get(`/api/v1/duties/enterprises/${a.id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/v1/duties/enterprises/${a.id}`)).statusCode).toBe(404);
    directorId = (await createPerson({ db: t.database.db, actor: SYSTEM_ACTOR }, a.id, { name: '孙总监', role: 'food_safety_director', appointedOn: '2024-01-01', endedOn: null, phone: '13800000002' })).id;
    expect((await adminA.get(`/api/v1/duties/enterprises/${a.id}`)).json()).toMatchObject({ missingDirector: false, appointments: [{ personId: directorId, current: true }] });
  });

  it('starts the list from a template (admin only) and edits it', async () => {
    expect((await staffA.post(`/api/v1/duties/enterprises/${a.id}/risk-list`, { templateId: 'health_food_producer/1' })).json().code).toBe('auth.forbidden');
    const started = await adminA.post(`/api/v1/duties/enterprises/${a.id}/risk-list`, { templateId: 'health_food_producer/1' });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().items).toHaveLength(11);
    const again = await adminA.post(`/api/v1/duties/enterprises/${a.id}/risk-list`, { templateId: 'health_food_producer/1' });
    expect(again.json()).toMatchObject({ code: 'duties.list_started', message: '风险管控清单已建立，请直接修改条目' });
    const bad = await adminA.post(`/api/v1/duties/enterprises/${a.id}/risk-items`, { area: ' ', hazard: 'h', control: 'c', frequency: 'hourly' }, { 'accept-language': 'en-US' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['area', 'frequency']);
    const added = await adminA.post(`/api/v1/duties/enterprises/${a.id}/risk-items`, { area: '包装', hazard: '内包材破损', control: '目检', frequency: 'weekly' });
    expect(added.statusCode).toBe(201);
    const retired = await adminA.patch(`/api/v1/duties/risk-items/${added.json().id}`, { version: 1, retired: true });
    expect(retired.json()).toMatchObject({ version: 2, retiredOn: expect.any(String) });
  });
});

describe('日管控 over HTTP', () => {
  it('one tap records the day; a problem becomes a hazard; the second submission amends (200)', async () => {
    const first = await staffA.post(`/api/v1/duties/enterprises/${a.id}/daily-checks`, {});
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ check: { outcome: 'no_problem', amendments: 0, hazardCount: 0 }, hazards: [] });
    const due = addCalendarDays(first.json().check.checkDate, 2);
    const second = await staffA.post(`/api/v1/duties/enterprises/${a.id}/daily-checks`, { problems: [{ description: '冷库温度超标', ownerName: '李仓管', dueOn: due }] });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ check: { outcome: 'problems', amendments: 1, hazardCount: 1 }, hazards: [{ ownerName: '李仓管', dueOn: due, standing: 'open' }] });
    const hazardId = second.json().hazards[0].id;

    const invalid = await staffA.post(`/api/v1/duties/enterprises/${a.id}/daily-checks`, { problems: [{ description: '', ownerName: '王', dueOn: '2026-13-01' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['problems.0.description', 'problems.0.dueOn']);

    expect((await adminB.post(`/api/v1/duties/hazards/${hazardId}/close`, { fixNote: '越权' })).statusCode).toBe(404);
    expect((await pudong.post(`/api/v1/duties/hazards/${hazardId}/close`, { fixNote: '监管' })).json().code).toBe('auth.forbidden');
    const closed = await staffA.post(`/api/v1/duties/hazards/${hazardId}/close`, { fixNote: '已调整温控' });
    expect(closed.json()).toMatchObject({ standing: 'fixed', fixNote: '已调整温控' });
    expect((await staffA.post(`/api/v1/duties/hazards/${hazardId}/close`, { fixNote: '再次' })).json().code).toBe('duties.hazard_closed');

    const overview = (await pudong.get(`/api/v1/duties/enterprises/${a.id}`)).json();
    expect(overview.today).toMatchObject({ outcome: 'problems', amendments: 1 });
    expect(overview.rates.daily).toEqual({ numerator: 1, denominator: 1, rate: 1, missing: [] });
  });

  it('takes the weekly report signed by the director and the monthly minutes', async () => {
    const checkDate = (await staffA.get(`/api/v1/duties/enterprises/${a.id}`)).json().asOf as string;
    const week = await adminA.post(`/api/v1/duties/enterprises/${a.id}/weekly-reports`, { week: isoWeekOf(checkDate), summary: '本周发现冷库温度隐患 1 项，已整改', signedByPersonId: directorId });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json()).toMatchObject({ hazardsFound: 1, hazardsFixed: 1, version: 1 });
    const badWeek = await adminA.post(`/api/v1/duties/enterprises/${a.id}/weekly-reports`, { week: '2026-47', summary: 'x', signedByPersonId: directorId });
    expect(badWeek.json().details).toEqual([{ path: 'week', message: '周次格式应为 YYYY-Www（如 2026-W05）' }]);
    const minutes = await adminA.post(`/api/v1/duties/enterprises/${a.id}/monthly-minutes`, { month: checkDate.slice(0, 7), meetingOn: checkDate, attendees: ['法定代表人', '孙总监'], decisions: '冷库加装温度报警', nextFocus: '冷链' });
    expect(minutes.statusCode, minutes.body).toBe(200);
  });
});

describe('the regulators’ rates', () => {
  it('per district with target and source, for the district’s regulators only', async () => {
    const res = await pudong.get('/api/v1/duties/kpis?jurisdictionCode=310115');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ruleSetId: 'shian-duty-kpi/1', total: { daily: { numerator: 1, denominator: 1, target: 1, met: true } }, lowest: [{ enterpriseId: a.id }] });
    expect((await huangpu.get('/api/v1/duties/kpis?jurisdictionCode=310115')).statusCode).toBe(404);
    expect((await adminA.get('/api/v1/duties/kpis?jurisdictionCode=310115')).statusCode).toBe(404);
    expect((await pudong.get('/api/v1/duties/kpis?jurisdictionCode=999')).statusCode).toBe(400);
  });
});
