import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword, resolveSession, sessionIdOf, signIn, signOut } from '@shian/core';
import { AppError } from '@shian/domain';
import { presentUser } from '../../http/presenters.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requireUser } from '../../plugins/request-context.ts';
import type { RouteDeps } from '../index.ts';
import { commonErrors, errorBodySchema } from '../common.contract.ts';
import { loginBodySchema, passwordBodySchema, userSchema } from './auth.contract.ts';

/** Sign-in, sign-out, the current user and password change. */
export function registerAuthRoutes(app: FastifyInstance, { database, config }: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: config.production };

  const presentMe = async (request: FastifyRequest) => {
    const user = await database.db.selectFrom('users').selectAll().where('id', '=', request.actor.userId ?? '').executeTakeFirstOrThrow();
    const enterprise = user.enterpriseId
      ? await database.db.selectFrom('enterprises').select('name').where('id', '=', user.enterpriseId).executeTakeFirst()
      : undefined;
    return { user: presentUser(user, request.actor, request.locale, enterprise?.name ?? null) };
  };

  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session and CSRF cookies',
        body: loginBodySchema,
        response: { 200: z.object({ user: userSchema }), 400: errorBodySchema, 401: errorBodySchema, 423: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { tokens } = await signIn(database.db, config.sessionSecret, request.body.username, request.body.password);
      const session = await resolveSession(database.db, config.sessionSecret, tokens.sessionToken);
      if (!session) throw new AppError('auth.unauthenticated');
      request.actor = session.actor;
      void reply.setCookie(SESSION_COOKIE, tokens.sessionToken, { ...cookieOptions, httpOnly: true, expires: tokens.expiresAt });
      void reply.setCookie(CSRF_COOKIE, tokens.csrfToken, { ...cookieOptions, httpOnly: false, expires: tokens.expiresAt });
      return presentMe(request);
    },
  );

  api.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
    if (request.sessionToken) await signOut(database.db, config.sessionSecret, request.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);
    return reply.status(204).send(null);
  });

  api.get(
    '/auth/me',
    { preHandler: requireUser, schema: { tags: ['auth'], summary: 'The signed-in user, role and permissions', response: { 200: z.object({ user: userSchema }), 401: errorBodySchema } } },
    async (request) => presentMe(request),
  );

  api.post(
    '/auth/password',
    {
      preHandler: requireUser,
      schema: { tags: ['auth'], summary: 'Change the own password; other sessions end', body: passwordBodySchema, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      const keep = sessionIdOf(config.sessionSecret, request.sessionToken ?? '');
      await changeOwnPassword(request.ctx, request.body.currentPassword, request.body.newPassword, keep);
      return reply.status(204).send(null);
    },
  );
}
