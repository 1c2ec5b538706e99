import { AppError, inScope, type Actor } from '@shian/domain';
import type { Trx } from '../db/transaction.ts';

/** 422 naming the field, unless the jurisdiction exists and lies in the actor's scope. */
export async function assertJurisdictionUsable(trx: Trx, actor: Actor, code: string, path = 'jurisdictionCode'): Promise<void> {
  const exists = await trx.selectFrom('jurisdictions').select('code').where('code', '=', code).executeTakeFirst();
  if (!exists) {
    throw new AppError('request.invalid', { details: [{ path, message: 'field.jurisdiction_unknown' }], params: { count: 1 } });
  }
  if (!inScope(actor, { jurisdictionCode: code, enterpriseId: null }) && actor.role !== 'enterprise_admin') {
    throw new AppError('registry.out_of_jurisdiction', { details: [{ path, message: 'registry.out_of_jurisdiction' }] });
  }
}

/** Optimistic locking: the client sends the version it edited; a stale one is a 409. */
export function assertVersion(current: number, sent: number): void {
  if (current !== sent) throw new AppError('resource.conflict', { data: { currentVersion: current } });
}

/** Translates a unique-constraint violation into the registry's duplicate error for that field. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

export const today = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
