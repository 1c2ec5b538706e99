import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shian/core';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let pudong: Session;
let pudongInspector: Session;
let huangpuInspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b, c] = await Promise.all([
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310115' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' }),
  ]);
  pudong = await signInAs(t.app, a.user.username);
  pudongInspector = await signInAs(t.app, b.user.username);
  huangpuInspector = await signInAs(t.app, c.user.username);
});
afterAll(async () => t.close());

const paths = (body: { details: { path: string }[] }) => body.details.map((d) => d.path).sort();

const director = (overrides: Record<string, unknown> = {}) => ({
  name: '王建国',
  role: 'food_safety_director',
  appointedOn: '2024-05-01',
  phone: '13800138000',
  ...overrides,
});

const auditEntries = (entityType: string, entityId: string) =>
  t.database.db.selectFrom('auditLog').selectAll().where('entityType', '=', entityType).where('entityId', '=', entityId).orderBy('seq').execute();

async function signInFor(role: 'enterprise_admin' | 'enterprise_staff', enterpriseId: string): Promise<Session> {
  return signInAs(t.app, (await buildUser(t.database.db, role, { enterpriseId })).user.username);
}

describe('appointing a key person', () => {
  it('lets an enterprise admin appoint its director, audits it, and clears the dossier’s missing-director flag', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    await buildLicence(t.database.db, enterprise);
    const flagsOf = async () => (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().flags.map((f: { code: string }) => f.code);
    expect(await flagsOf()).toContain('no_food_safety_director');
    const admin = await signInFor('enterprise_admin', enterprise.id);
    const res = await admin.post(`/api/v1/enterprises/${enterprise.id}/people`, director());
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      enterpriseId: enterprise.id,
      name: '王建国',
      role: 'food_safety_director',
      roleName: '食品安全总监',
      appointedOn: '2024-05-01',
      endedOn: null,
      phone: '13800138000',
      version: 1,
    });
    const entries = await auditEntries('person', person.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'person.create', actorUsername: admin.username, enterpriseId: enterprise.id, jurisdictionCode: '310115', before: null });
    expect(entries[0]?.after).toMatchObject({ id: person.id, name: '王建国', role: 'food_safety_director' });
    const dossier = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.people.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expect(await flagsOf()).not.toContain('no_food_safety_director');
  });

  it('accepts an appointment ending the day it starts and refuses one ending before it', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const sameDay = await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, director({ endedOn: '2024-05-01' }));
    expect(sameDay.statusCode).toBe(201);
    const before = await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, director({ endedOn: '2024-04-30' }), { 'accept-language': 'en-US' });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'endedOn', message: 'The end date cannot be before the start date' }] });
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().people).toHaveLength(1);
  });

  it('lists every invalid field, in the requested language', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const body = director({ name: '', role: 'chief_taster', appointedOn: '2024-5-1', phone: 'call me' });
    const zh = await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, body);
    expect(zh.statusCode).toBe(400);
    expect(paths(zh.json())).toEqual(['appointedOn', 'name', 'phone', 'role']);
    expect(zh.json().details.find((d: { path: string }) => d.path === 'name').message).toBe('必填');
    const en = await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, body, { 'accept-language': 'en-US' });
    expect(en.json().details.find((d: { path: string }) => d.path === 'appointedOn').message).toBe('Dates are written YYYY-MM-DD');
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().people).toEqual([]);
  });
});

describe('editing a key person', () => {
  it('ends an appointment with the current version, audits before and after, and refuses a stale version', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const person = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, director())).json();
    // An inspector in the district may keep the key people up to date (person.write).
    const res = await pudongInspector.patch(`/api/v1/people/${person.id}`, { version: 1, endedOn: '2025-01-31', phone: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ endedOn: '2025-01-31', phone: null, version: 2 });
    const update = (await auditEntries('person', person.id)).find((e) => e.action === 'person.update');
    expect(update?.before).toMatchObject({ endedOn: null, phone: '13800138000', version: 1 });
    expect(update?.after).toMatchObject({ endedOn: '2025-01-31', phone: null, version: 2 });

    const stale = await pudong.patch(`/api/v1/people/${person.id}`, { version: 1, name: '王建华' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'resource.conflict', data: { currentVersion: 2 } });
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().people[0]).toMatchObject({ name: '王建国', endedOn: '2025-01-31' });
  });

  it('keeps the end on or after the appointment, against the stored dates too', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const person = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, director({ endedOn: '2025-01-31' }))).json();
    for (const patch of [{ endedOn: '2024-04-30' }, { appointedOn: '2025-02-01' }]) {
      const res = await pudong.patch(`/api/v1/people/${person.id}`, { version: 1, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'endedOn', message: '结束日期不能早于开始日期' }]);
    }
    const reopened = await pudong.patch(`/api/v1/people/${person.id}`, { version: 1, appointedOn: '2025-02-01', endedOn: null });
    expect(reopened.json()).toMatchObject({ appointedOn: '2025-02-01', endedOn: null, version: 2 });
  });
});

describe('who may write key people', () => {
  it('keeps enterprise staff out (403), and other enterprises and jurisdictions hidden (404)', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const other = await buildEnterprise(t.database.db);
    const person = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/people`, director())).json();
    const staff = await signInFor('enterprise_staff', enterprise.id);
    const otherAdmin = await signInFor('enterprise_admin', other.id);
    const created = await staff.post(`/api/v1/enterprises/${enterprise.id}/people`, director());
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('auth.forbidden');
    expect((await staff.patch(`/api/v1/people/${person.id}`, { version: 1, name: '改名' })).statusCode).toBe(403);
    expect((await otherAdmin.post(`/api/v1/enterprises/${enterprise.id}/people`, director())).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/people/${person.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await huangpuInspector.patch(`/api/v1/people/${person.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await huangpuInspector.post(`/api/v1/enterprises/${enterprise.id}/people`, director())).statusCode).toBe(404);
    expect((await pudong.patch(`/api/v1/people/${crypto.randomUUID()}`, { version: 1 })).statusCode).toBe(404);
    expect((await auditEntries('person', person.id)).map((e) => e.action)).toEqual(['person.create']);
  });
});

describe('adding a premises', () => {
  const warehouse = (overrides: Record<string, unknown> = {}) => ({
    name: '张江仓库',
    address: '上海市浦东新区张江路200号',
    kind: 'warehouse',
    jurisdictionCode: '310115',
    ...overrides,
  });

  it('adds it in the actor’s jurisdiction, audits it, and shows it in the dossier', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse());
    expect(res.statusCode).toBe(201);
    const premises = res.json();
    expect(premises).toMatchObject({ name: '张江仓库', kind: 'warehouse', jurisdictionCode: '310115', jurisdictionName: '浦东新区' });
    const entries = await auditEntries('premises', premises.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'premises.create', enterpriseId: enterprise.id, jurisdictionCode: '310115', before: null });
    expect(entries[0]?.after).toMatchObject({ id: premises.id, address: '上海市浦东新区张江路200号' });
    const dossier = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.premises.map((p: { kind: string }) => p.kind)).toEqual(['registered', 'warehouse']);
  });

  it('refuses a jurisdiction that does not exist (400) or lies outside the actor’s (422)', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const unknown = await pudong.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse({ jurisdictionCode: '319999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'jurisdictionCode', message: '辖区代码不存在' }] });
    const outside = await pudong.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse({ jurisdictionCode: '310101' }));
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'registry.out_of_jurisdiction', details: [{ path: 'jurisdictionCode' }] });
    const invalid = await pudong.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse({ kind: 'garage', address: '' }));
    expect(paths(invalid.json())).toEqual(['address', 'kind']);
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().premises).toHaveLength(1);
  });

  it('lets an enterprise admin add its own premises, not staff (403) nor another enterprise (404)', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const other = await buildEnterprise(t.database.db);
    const admin = await signInFor('enterprise_admin', enterprise.id);
    const staff = await signInFor('enterprise_staff', enterprise.id);
    expect((await admin.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse())).statusCode).toBe(201);
    expect((await staff.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse())).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/enterprises/${other.id}/premises`, warehouse())).statusCode).toBe(404);
    expect((await huangpuInspector.post(`/api/v1/enterprises/${enterprise.id}/premises`, warehouse({ jurisdictionCode: '310101' }))).statusCode).toBe(404);
    expect((await pudong.get(`/api/v1/enterprises/${other.id}`)).json().premises).toHaveLength(1);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
