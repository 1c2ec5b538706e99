import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, assertCan, type Actor } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';

/**
 * API keys (接口密钥) let an enterprise's own systems (ERP, WMS, line scanners) use the EPCIS interface as that
 * enterprise. A key is 32 random bytes shown once; only its SHA-256 is stored (a key has full entropy, so a
 * slow hash would buy nothing). A key acts as `enterprise_staff` of its enterprise, on the EPCIS routes only.
 */
export const API_KEY_PREFIX = 'shian_';

export interface ApiKeySummary {
  id: string;
  enterpriseId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Creates a key for the actor's enterprise; the returned `key` is the only time it is ever shown. */
export async function createApiKey(ctx: Ctx, enterpriseId: string, name: string): Promise<{ key: string; summary: ApiKeySummary }> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await trx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', enterpriseId).executeTakeFirst();
    if (!enterprise) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'apikey.manage', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await trx.db
      .insertInto('apiKeys')
      .values({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        jurisdictionCode: enterprise.jurisdictionCode,
        name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashKey(key),
        createdBy: ctx.actor.userId,
      })
      .returning(['id', 'enterpriseId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'apikey.create', entityType: 'api_key', entityId: row.id, jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id, before: null, after: row });
    return { key, summary: row };
  });
}

/** The keys of an enterprise (newest first), for whoever manages them: its administrator (not found out of scope). */
export async function listApiKeys(ctx: Ctx, enterpriseId: string): Promise<ApiKeySummary[]> {
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise) throw new AppError('resource.not_found');
  assertCan(ctx.actor, 'apikey.manage', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
  return ctx.db
    .selectFrom('apiKeys')
    .select(['id', 'enterpriseId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('enterpriseId', '=', enterpriseId)
    .where(scopeCondition(ctx.actor, 'apiKeys'))
    .orderBy('createdAt', 'desc')
    .execute();
}

/** Revokes a key at once: the next request with it is refused. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeySummary> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('apiKeys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'apikey.manage', before);
    const after = await trx.db
      .updateTable('apiKeys')
      .set({ revokedAt: before.revokedAt ?? new Date() })
      .where('id', '=', id)
      .returning(['id', 'enterpriseId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'apikey.revoke', entityType: 'api_key', entityId: id, jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId, before: { revokedAt: before.revokedAt }, after: { revokedAt: after.revokedAt } });
    return after;
  });
}

/**
 * The actor a presented key stands for, or null for an unknown or revoked key. `lastUsedAt` is refreshed at
 * most once a minute, so a busy integration does not write on every call.
 */
export async function resolveApiKey(db: Db, key: string): Promise<Actor | null> {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const row = await db
    .selectFrom('apiKeys')
    .select(['id', 'enterpriseId', 'prefix', 'lastUsedAt'])
    .where('keyHash', '=', hashKey(key))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.updateTable('apiKeys').set({ lastUsedAt: new Date() }).where('id', '=', row.id).execute();
  }
  return { userId: null, username: `apikey:${row.prefix}`, role: 'enterprise_staff', jurisdictionCode: null, enterpriseId: row.enterpriseId, apiKeyId: row.id };
}
