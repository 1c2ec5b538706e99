import { randomUUID } from 'node:crypto';
import { AppError, ROLES, assertCan, type Role } from '@shian/domain';
import { recordAudit, type AuditInput } from '../audit/record-audit.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import type { UserRow } from '../db/schema.ts';
import { hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  jurisdictionCode?: string | null;
  enterpriseId?: string | null;
}

/** Creates a user account (audited; the password hash never enters the log). */
export async function createUser(ctx: Ctx, input: NewUser, options: { allowWeakPassword?: boolean } = {}): Promise<UserRow> {
  assertCan(ctx.actor, 'user.manage');
  if (!ROLES.includes(input.role) || input.role === 'public') {
    throw new AppError('request.invalid', { details: [{ path: 'role', message: 'role' }], params: { count: 1 } });
  }
  if (!options.allowWeakPassword && !isStrongPassword(input.password)) throw new AppError('auth.password_too_weak');
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (trx) => {
    const user = await trx.db
      .insertInto('users')
      .values({
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        jurisdictionCode: input.jurisdictionCode ?? null,
        enterpriseId: input.enterpriseId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, userCreatedAudit(user));
    return user;
  });
}

/** The audit entry of a new account (the password hash is redacted by `recordAudit`). */
export function userCreatedAudit(user: UserRow): AuditInput {
  return { action: 'user.create', entityType: 'user', entityId: user.id, jurisdictionCode: user.jurisdictionCode, enterpriseId: user.enterpriseId, before: null, after: user };
}

/** Changes the acting user's own password after checking the current one; other sessions are ended. */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string, keepSessionId: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('auth.unauthenticated');
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('auth.wrong_password');
  if (!isStrongPassword(newPassword)) throw new AppError('auth.password_too_weak');
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(ctx, async (trx) => {
    const after = await trx.db
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.db.deleteFrom('sessions').where('userId', '=', userId).where('id', '!=', keepSessionId).execute();
    await recordAudit(trx, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: userId,
      jurisdictionCode: user.jurisdictionCode,
      enterpriseId: user.enterpriseId,
      before: user,
      after,
    });
  });
}
