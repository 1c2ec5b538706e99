import { createHmac, randomBytes } from 'node:crypto';
import { AppError, type Actor, type Role } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { UserRow } from '../db/schema.ts';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth-config.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface SessionTokens {
  /** Goes to the httpOnly cookie; only its hash is stored. */
  sessionToken: string;
  /** Goes to a readable cookie; the client echoes it in `x-csrf-token` on writes. */
  csrfToken: string;
  expiresAt: Date;
}

/** The stored id of a session: an HMAC of the cookie's token, so a copy of the table cannot sign anyone in. */
export const sessionIdOf = (secret: string, token: string): string => createHmac('sha256', secret).update(token).digest('hex');

// A hash to verify against when the user does not exist, so that both paths cost the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password. Locks the account for `lockMinutes` after `maxFailedAttempts`
 * failures in a row; a locked account answers `auth.locked` even with the right password.
 */
export async function signIn(
  db: Db,
  secret: string,
  username: string,
  password: string,
  policy: AuthPolicy = DEFAULT_AUTH_POLICY,
): Promise<{ user: UserRow; tokens: SessionTokens }> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user || !user.active) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, password);
    throw new AppError('auth.invalid_credentials');
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('auth.locked', { params: { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) } });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedAttempts + 1;
    const lock = failures >= policy.maxFailedAttempts;
    await db
      .updateTable('users')
      .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null })
      .where('id', '=', user.id)
      .execute();
    if (lock) throw new AppError('auth.locked', { params: { minutes: policy.lockMinutes } });
    throw new AppError('auth.invalid_credentials');
  }
  const tokens: SessionTokens = {
    sessionToken: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(now.getTime() + policy.sessionHours * 3_600_000),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({ id: sessionIdOf(secret, tokens.sessionToken), userId: user.id, csrfToken: tokens.csrfToken, expiresAt: tokens.expiresAt })
      .execute();
  });
  return { user, tokens };
}

export interface ResolvedSession {
  actor: Actor;
  user: UserRow;
  csrfToken: string;
}

/** The actor behind a session cookie, or null when the session is unknown, expired or its user disabled. */
export async function resolveSession(db: Db, secret: string, sessionToken: string): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.id', '=', sessionIdOf(secret, sessionToken))
    .executeTakeFirst();
  if (!row || row.expiresAt <= new Date() || !row.active) return null;
  const { csrfToken, expiresAt: _expiresAt, ...user } = row;
  return { actor: actorOf(user), user, csrfToken };
}

export function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    jurisdictionCode: user.jurisdictionCode,
    enterpriseId: user.enterpriseId,
  };
}

export async function signOut(db: Db, secret: string, sessionToken: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionIdOf(secret, sessionToken)).execute();
}
