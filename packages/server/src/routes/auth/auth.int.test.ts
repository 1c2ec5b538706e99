import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@shian/core';
import { TEST_PASSWORD, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in, sets an httpOnly session cookie and a readable CSRF cookie, and answers /me', async () => {
    const { user } = await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'shian_session');
    const csrf = login.cookies.find((c) => c.name === 'shian_csrf');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    expect(csrf?.httpOnly).toBeFalsy();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { shian_session: session?.value ?? '' } });
    expect(me.json().user).toMatchObject({ username: user.username, role: 'inspector', jurisdictionCode: '310101', jurisdictionName: '黄浦区' });
    expect(me.json().user.permissions).toContain('registry.read');
    expect(me.json().user.permissions).not.toContain('user.manage');
  });

  it('rejects a wrong password with a localised message and locks the account after five failures', async () => {
    const { user } = await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' });
    const attempt = (password: string, lang = 'zh-CN') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': lang }, payload: { username: user.username, password } });
    const first = await attempt('wrong-password');
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    expect((await attempt('wrong-password', 'en-US,en;q=0.9')).json().message).toBe('Wrong username or password');
    for (let i = 0; i < 2; i += 1) await attempt('wrong-password');
    const fifth = await attempt('wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    // Locked: even the right password is refused until the lock expires.
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('answers an unknown user like a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const { user } = await buildUser(t.database.db, 'city_admin', { jurisdictionCode: '310000' });
    const s = await signInAs(t.app, user.username);
    const res = await s.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-Password!' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_failed');
  });

  it('changes the password, ends other sessions, audits it without the hash, and logs out', async () => {
    const { user } = await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310115' });
    const other = await signInAs(t.app, user.username);
    const s = await signInAs(t.app, user.username);
    const weak = await s.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.json().code).toBe('auth.password_too_weak');
    const wrong = await s.post('/api/v1/auth/password', { currentPassword: 'not-it', newPassword: 'N3w-Password!' });
    expect(wrong.json().code).toBe('auth.wrong_password');
    expect((await s.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-Password!' })).statusCode).toBe(204);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    const entry = await t.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.change_password').where('entityId', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.after)).not.toContain('$argon2');
    expect((entry.after as Record<string, unknown>).passwordHash).toBe('[redacted]');
    expect((await s.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
