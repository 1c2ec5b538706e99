import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveApiKey, type EnterpriseRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/**
 * API keys (接口密钥) over HTTP: an enterprise administrator creates one (shown once), lists and revokes it; a
 * revoked key is refused on the EPCIS interface at once; a key is never accepted on the /api/v1 routes.
 */
let t: TestApp;
let enterprise: EnterpriseRow;
let other: EnterpriseRow;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  enterprise = await buildEnterprise(db);
  other = await buildEnterprise(db, { jurisdictionCode: '310101' });
  const [a, s, o] = await Promise.all([
    buildUser(db, 'enterprise_admin', { enterpriseId: enterprise.id }),
    buildUser(db, 'enterprise_staff', { enterpriseId: enterprise.id }),
    buildUser(db, 'enterprise_admin', { enterpriseId: other.id }),
  ]);
  admin = await signInAs(t.app, a.user.username);
  staff = await signInAs(t.app, s.user.username);
  otherAdmin = await signInAs(t.app, o.user.username);
});
afterAll(async () => t?.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  let key = '';
  let keyId = '';

  it('the administrator creates a key: shown once, with a warning in the user’s language, never cached', async () => {
    const res = await admin.post(`/api/v1/enterprises/${enterprise.id}/api-keys`, { name: 'ERP 出库接口' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.key).toMatch(/^shian_[A-Za-z0-9_-]{43}$/);
    expect(body.warning).toContain('无法再次查看');
    expect(body.apiKey).toMatchObject({ enterpriseId: enterprise.id, name: 'ERP 出库接口', prefix: body.key.slice(0, 12), revokedAt: null });
    key = body.key;
    keyId = body.apiKey.id;
    const english = await admin.post(`/api/v1/enterprises/${enterprise.id}/api-keys`, { name: 'WMS' }, { 'accept-language': 'en-US' });
    expect(english.json().warning).toContain('not shown again');
  });

  it('the list shows names and prefixes, never the key', async () => {
    const res = await admin.get(`/api/v1/enterprises/${enterprise.id}/api-keys`);
    expect(res.statusCode).toBe(200);
    const items: Record<string, unknown>[] = res.json().items;
    expect(items.map((i) => i.name)).toEqual(['WMS', 'ERP 出库接口']);
    expect(res.body).not.toContain(key);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['createdAt', 'enterpriseId', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
  });

  it('a name is required (the field is named); staff may not manage keys; another enterprise’s keys do not exist', async () => {
    const empty = await admin.post(`/api/v1/enterprises/${enterprise.id}/api-keys`, { name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([{ path: 'name', message: '必填' }]);
    expect((await staff.get(`/api/v1/enterprises/${enterprise.id}/api-keys`)).json().code).toBe('auth.forbidden');
    expect((await staff.post(`/api/v1/enterprises/${enterprise.id}/api-keys`, { name: 'x' })).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/v1/enterprises/${enterprise.id}/api-keys`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/v1/api-keys/${keyId}/revoke`)).statusCode).toBe(404);
  });

  it('a key is not accepted on the /api/v1 routes (only on /epcis)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/enterprises/${enterprise.id}/api-keys`, headers: bearer(key) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
    const inbound = await t.app.inject({ method: 'GET', url: '/api/v1/trace/inbound', headers: bearer(key) });
    expect(inbound.statusCode).toBe(401);
  });

  it('a revoked key is refused on the EPCIS interface at once', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/epcis/events', headers: bearer(key) });
    expect(before.statusCode).not.toBe(401);
    expect(await resolveApiKey(t.database.db, key)).toMatchObject({ enterpriseId: enterprise.id, role: 'enterprise_staff', apiKeyId: keyId, userId: null });

    const revoked = await admin.post(`/api/v1/api-keys/${keyId}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();

    const after = await t.app.inject({ method: 'GET', url: '/epcis/events', headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
    expect(await resolveApiKey(t.database.db, key)).toBeNull();
    const listed = (await admin.get(`/api/v1/enterprises/${enterprise.id}/api-keys`)).json().items;
    expect(listed.find((k: { id: string }) => k.id === keyId).revokedAt).toBe(revoked.json().revokedAt);
  });

  it('every change is in the audit trail, without the key', async () => {
    const rows = await t.database.db.selectFrom('auditLog').select(['action', 'after']).where('entityType', '=', 'api_key').where('entityId', '=', keyId).orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(['apikey.create', 'apikey.revoke']);
    expect(JSON.stringify(rows)).not.toContain(key);
  });
});
