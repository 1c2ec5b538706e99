import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, PUBLIC_ACTOR, negotiateLocale, type Actor, type Locale } from '@shian/domain';
import { resolveApiKey, resolveSession, type Ctx, type Database } from '@shian/core';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'shian_session';
export const CSRF_COOKIE = 'shian_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    /** The context handed to use cases: database, actor, request id. */
    ctx: Ctx;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in again over a stale session must work; SameSite=strict cookies guard it from other sites. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

/**
 * Resolves who is asking, for every request: the session cookie gives the actor (anonymous requests act
 * as the public), Accept-Language gives the locale. Cookie-authenticated writes must echo the CSRF token
 * (double submit, bound to the session) or they are refused.
 */
export function registerRequestContext(app: FastifyInstance, database: Database, config: Config): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    request.actor = PUBLIC_ACTOR;
    void reply.header('x-request-id', String(request.id));
    const machine = request.url.startsWith('/epcis');
    const bearer = machine ? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] : undefined;
    if (bearer) {
      // An enterprise system with an API key: the EPCIS interface only, no cookies, so no CSRF either.
      const keyActor = await resolveApiKey(database.db, bearer);
      if (!keyActor) throw new AppError('auth.unauthenticated');
      request.actor = keyActor;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && !bearer && (request.url.startsWith('/api/') || machine)) {
      const session = await resolveSession(database.db, config.sessionSecret, token);
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
        if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.url) && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError('auth.csrf_failed');
        }
      }
    }
    request.ctx = { db: database.db, actor: request.actor, requestId: String(request.id) };
  });
}

/** A route guard for the machine interfaces: a signed-in user or an enterprise system's API key. */
export async function requireUserOrKey(request: FastifyRequest): Promise<void> {
  if (!request.actor.userId && !request.actor.apiKeyId) throw new AppError('auth.unauthenticated');
}

/** A route guard: the request must come from a signed-in user. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.actor.userId) throw new AppError('auth.unauthenticated');
}
