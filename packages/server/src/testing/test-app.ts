import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '@shian/core';
import { TEST_PASSWORD } from '@shian/core/testing/factories.ts';
import { createTestDatabase } from '@shian/core/testing/test-database.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The real HTTP application on a fresh test database (PGlite, or the server named by SHIAN_TEST_DATABASE_URL). */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };
  const app = await buildApp({ database, config, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: sends the session cookie and the CSRF header like the web app does. */
export interface Session {
  username: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function signInAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.statusCode} ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const csrf = cookies.shian_csrf ?? '';
  const request = (options: InjectOptions) =>
    app.inject({ ...options, cookies: { ...cookies, ...(options.cookies ?? {}) }, headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) } });
  return {
    username,
    request,
    get: (url, headers = {}) => request({ method: 'GET', url, headers }),
    post: (url, payload, headers = {}) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
    patch: (url, payload, headers = {}) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers }),
  };
}
