import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '@shian/core/testing/factories.ts';
import { createTestDatabase } from '@shian/core/testing/test-database.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t.app, (await buildUser(t.database.db, 'city_admin', { jurisdictionCode: '310000' })).user.username);
});
afterAll(async () => t.close());

describe('one error body everywhere', () => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/enterprises', payload: '{"uscc": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.malformed_json', details: [] });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an oversized body with 413, not 500', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/enterprises', payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/enterprises', payload: '<xml/>', headers: { 'content-type': 'application/xml' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });

  it('answers an unknown API path with the 404 body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'resource.not_found', details: [] });
  });

  it('asks anonymous callers to sign in, in their language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated', message: 'Please sign in' });
  });

  it('hides internals of a 5xx behind a generic message and the request id', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' }, logger: false });
    await app.ready();
    const { user } = await buildUser(database.db, 'city_admin', { jurisdictionCode: '310000' });
    const s = await signInAs(app, user.username);
    await database.db.schema.dropTable('people').cascade().execute();
    const res = await s.get('/api/v1/dashboard/summary');
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/people|relation|sql|stack|at /i);
    expect(body.message).toContain(body.requestId);
    await app.close();
    await database.close();
  });
});

describe('platform endpoints', () => {
  it('reports health and serves the OpenAPI 3.1 document with every v1 route', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/audit']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers 503 on health and API until the database is prepared', async () => {
    const database = await createTestDatabase();
    const state = { ready: false };
    const app = await buildApp({ database, config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' }, logger: false, state });
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    const api = await app.inject({ method: 'GET', url: '/api/v1/jurisdictions' });
    expect(api.statusCode).toBe(503);
    expect(api.json().code).toBe('unavailable');
    state.ready = true;
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
    await database.close();
  });
});

describe('configuration', () => {
  it('refuses production without a session secret and says why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SHIAN_SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SHIAN_SESSION_SECRET: 'x'.repeat(40) }).demo).toBe(false);
  });
});
