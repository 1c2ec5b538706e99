import type { Transaction } from 'kysely';
import type { Actor } from '@shian/domain';
import type { Db } from './connect.ts';
import type { DB } from './schema.ts';

export type Trx = Transaction<DB>;

/** What every use case receives: the database, who acts, and the request that asked (for the audit trail). */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId?: string | undefined;
}

/** Context inside a transaction: the same, with the transaction as the database handle. */
export interface TrxCtx extends Omit<Ctx, 'db'> {
  db: Trx;
}

/** Runs `fn` in one transaction; the audit entries it writes commit or roll back with it. */
export async function withTransaction<T>(ctx: Ctx, fn: (trx: TrxCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((db) => fn({ ...ctx, db }));
}
