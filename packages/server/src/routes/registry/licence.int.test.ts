import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJyNumber, makeScNumber, type ScCategoryCode } from '@shian/domain';
import { verifyAuditChain } from '@shian/core';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let pudong: Session;
let huangpuInspector: Session;
let pudongInspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b, c] = await Promise.all([
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310115' }),
  ]);
  pudong = await signInAs(t.app, a.user.username);
  huangpuInspector = await signInAs(t.app, b.user.username);
  pudongInspector = await signInAs(t.app, c.user.username);
});
afterAll(async () => t.close());

// Numbers issued by 闵行 (310112): the factories' licences use the enterprise's own district, so none collide.
let seq = 0;
const scNumber = (category: ScCategoryCode = '127') => makeScNumber(category, '310112', (seq += 1));
const jyNumber = () => makeJyNumber(1, '310112', (seq += 1));

const paths = (body: { details: { path: string }[] }) => body.details.map((d) => d.path).sort();

const licenceBody = (overrides: Record<string, unknown> = {}) => ({
  number: scNumber(),
  issuingAuthority: '上海市市场监督管理局',
  issuedOn: '2024-03-01',
  ...overrides,
});

const auditEntries = (entityId: string) =>
  t.database.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'licence').where('entityId', '=', entityId).orderBy('seq').execute();

describe('recording a licence', () => {
  it('takes the kind and category from the number, defaults the expiry, audits it, and shows it in the dossier and search', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const number = scNumber();
    // Typed with spaces and lower case: stored normalised.
    const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, {
      number: ` ${number.toLowerCase().slice(0, 6)} ${number.slice(6)}`,
      categories: ['129'],
      issuingAuthority: '上海市浦东新区市场监督管理局',
      issuedOn: '2024-03-01',
    });
    expect(res.statusCode).toBe(201);
    const licence = res.json();
    expect(licence).toMatchObject({
      enterpriseId: enterprise.id,
      number,
      kind: 'SC',
      categories: ['127', '129'],
      categoryNames: ['保健食品', '婴幼儿配方食品'],
      issuedOn: '2024-03-01',
      validUntil: '2029-02-28',
      status: 'valid',
      version: 1,
    });
    const row = await t.database.db.selectFrom('licences').selectAll().where('id', '=', licence.id).executeTakeFirstOrThrow();
    expect(row.jurisdictionCode).toBe(enterprise.jurisdictionCode);

    const entries = await auditEntries(licence.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'licence.create', enterpriseId: enterprise.id, jurisdictionCode: '310115', before: null });
    expect(entries[0]?.after).toMatchObject({ id: licence.id, number, categories: ['127', '129'], validUntil: '2029-02-28' });

    const dossier = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.licences.map((l: { id: string }) => l.id)).toEqual([licence.id]);

    const found = (await pudong.get(`/api/v1/enterprises?q=${number}`)).json();
    expect(found.items.map((e: { id: string }) => e.id)).toEqual([enterprise.id]);
  });

  it('runs the default term to the day before the anniversary, also from 29 February', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ issuedOn: '2024-02-29' }));
    expect(res.json().validUntil).toBe('2029-02-28');
    const explicit = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ validUntil: '2026-06-30' }));
    expect(explicit.json().validUntil).toBe('2026-06-30');
  });

  it('records a business licence (JY) with the categories as sent', async () => {
    const enterprise = await buildEnterprise(t.database.db, { kinds: ['seller'] });
    const number = jyNumber();
    const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ number, kind: 'JY' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number, kind: 'JY', categories: [] });
  });

  it('links a premises of the same enterprise and refuses another enterprise’s', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const other = await buildEnterprise(t.database.db);
    const own = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().premises[0].id;
    const foreign = (await pudong.get(`/api/v1/enterprises/${other.id}`)).json().premises[0].id;
    const ok = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ premisesId: own }));
    expect(ok.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('licences').select('premisesId').where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(row.premisesId).toBe(own);
    const bad = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ premisesId: foreign }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'premisesId' }] });
  });

  it('lists every invalid field, in the requested language, and records nothing', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const body = licenceBody({ number: 'SC1273101150001', issuedOn: '2024-03-01', validUntil: '2024-03-01' });
    const zh = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().code).toBe('request.invalid');
    expect(paths(zh.json())).toEqual(['number', 'validUntil']);
    expect(zh.json().message).toContain('2');
    expect(zh.json().details.find((d: { path: string }) => d.path === 'number').message).toBe('许可证编号格式应为 SC 或 JY 加 14 位数字');
    const en = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, body, { 'accept-language': 'en-US' });
    expect(en.json().details.find((d: { path: string }) => d.path === 'validUntil').message).toBe('The expiry date must be after the issue date');

    const mismatch = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ kind: 'JY', issuingAuthority: '' }));
    expect(paths(mismatch.json())).toEqual(['issuingAuthority', 'kind']);
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().licences).toEqual([]);
  });

  it('refuses a number already registered, however it is typed, naming the field', async () => {
    const [first, second] = await Promise.all([buildEnterprise(t.database.db), buildEnterprise(t.database.db)]);
    const number = scNumber();
    expect((await pudong.post(`/api/v1/enterprises/${first.id}/licences`, licenceBody({ number }))).statusCode).toBe(201);
    for (const [enterprise, typed] of [
      [first, number],
      [second, number.toLowerCase()],
    ] as const) {
      const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody({ number: typed }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'registry.duplicate_licence', details: [{ path: 'number' }] });
      expect(res.json().message).toContain(number);
    }
    expect((await pudong.get(`/api/v1/enterprises/${second.id}`)).json().licences).toEqual([]);
  });
});

describe('editing a licence', () => {
  it('applies a change with the current version, bumps it, audits before and after, and refuses a stale version', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const licence = await buildLicence(t.database.db, enterprise);
    const res = await pudong.patch(`/api/v1/licences/${licence.id}`, { version: 1, validUntil: '2030-06-30', status: 'suspended' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: licence.id, validUntil: '2030-06-30', status: 'suspended', version: 2 });
    const entries = await auditEntries(licence.id);
    expect(entries.map((e) => e.action)).toEqual(['licence.update']);
    expect(entries[0]?.before).toMatchObject({ validUntil: '2029-12-31', status: 'valid', version: 1 });
    expect(entries[0]?.after).toMatchObject({ validUntil: '2030-06-30', status: 'suspended', version: 2 });
    const history = (await pudong.get(`/api/v1/audit?entityType=licence&entityId=${licence.id}`)).json();
    expect(history.items[0].changes.map((c: { field: string }) => c.field)).toEqual(['status', 'validUntil']);

    const stale = await pudong.patch(`/api/v1/licences/${licence.id}`, { version: 1, issuingAuthority: '上海市浦东新区市场监督管理局' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'resource.conflict', data: { currentVersion: 2 } });
    const dossier = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.licences[0]).toMatchObject({ validUntil: '2030-06-30', issuingAuthority: '上海市市场监督管理局', version: 2 });
  });

  it('keeps the expiry after the issue date, against the stored dates too', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const licence = await buildLicence(t.database.db, enterprise);
    for (const patch of [{ validUntil: '2023-12-31' }, { issuedOn: '2030-01-01' }, { issuedOn: '2025-01-01', validUntil: '2025-01-01' }]) {
      const res = await pudong.patch(`/api/v1/licences/${licence.id}`, { version: 1, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'validUntil', message: '有效期截止日应晚于发证日期' }] });
    }
    expect((await auditEntries(licence.id))).toEqual([]);
  });

  it('keeps an SC licence’s own category when the list is replaced', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const licence = await buildLicence(t.database.db, enterprise);
    const res = await pudong.patch(`/api/v1/licences/${licence.id}`, { version: 1, categories: ['128', '128'] });
    expect(res.json().categories).toEqual(['127', '128']);
  });

  it('answers 404 for an unknown licence and 401 without a session', async () => {
    expect((await pudong.patch(`/api/v1/licences/${crypto.randomUUID()}`, { version: 1 })).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'PATCH', url: `/api/v1/licences/${crypto.randomUUID()}`, payload: { version: 1 } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('who may write licences', () => {
  it('hides another jurisdiction’s licences and enterprises (404), whatever the role grants', async () => {
    const enterprise = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const licence = await buildLicence(t.database.db, enterprise);
    const huangpuSupervisor = await signInAs(t.app, (await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' })).user.username);
    expect((await huangpuInspector.patch(`/api/v1/licences/${licence.id}`, { version: 1, status: 'revoked' })).statusCode).toBe(404);
    expect((await huangpuSupervisor.patch(`/api/v1/licences/${licence.id}`, { version: 1, status: 'revoked' })).statusCode).toBe(404);
    expect((await huangpuSupervisor.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody())).statusCode).toBe(404);
    expect((await auditEntries(licence.id))).toEqual([]);
  });

  it('lets an inspector and enterprise users read but not write licences (403), and hides other enterprises (404)', async () => {
    const enterprise = await buildEnterprise(t.database.db);
    const other = await buildEnterprise(t.database.db);
    const otherLicence = await buildLicence(t.database.db, other);
    const [admin, staff] = await Promise.all([
      buildUser(t.database.db, 'enterprise_admin', { enterpriseId: enterprise.id }),
      buildUser(t.database.db, 'enterprise_staff', { enterpriseId: enterprise.id }),
    ]);
    const adminSession = await signInAs(t.app, admin.user.username);
    const staffSession = await signInAs(t.app, staff.user.username);
    for (const session of [pudongInspector, adminSession, staffSession]) {
      const res = await session.post(`/api/v1/enterprises/${enterprise.id}/licences`, licenceBody());
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
    expect((await adminSession.post(`/api/v1/enterprises/${other.id}/licences`, licenceBody())).statusCode).toBe(404);
    expect((await adminSession.patch(`/api/v1/licences/${otherLicence.id}`, { version: 1, status: 'revoked' })).statusCode).toBe(404);
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().licences).toEqual([]);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
