import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, assertCan, type PremisesUpdate, type premisesCreateSchema } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import type { PremisesRow } from '../db/schema.ts';
import { lockEnterprise } from './enterprise-service.ts';
import { assertJurisdictionUsable, isUniqueViolation } from './guards.ts';

/** A premises as the registry schema accepts it (the domain exports the schema only). */
export type PremisesCreate = z.infer<typeof premisesCreateSchema>;

/**
 * Adds a premises (场所: production site, shop, warehouse) to an enterprise. It carries its own jurisdiction,
 * which must exist and lie in the actor's scope.
 */
export async function createPremises(ctx: Ctx, enterpriseId: string, input: PremisesCreate): Promise<PremisesRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'registry.update', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    await assertJurisdictionUsable(trx.db, ctx.actor, input.jurisdictionCode);
    const premises = await glnUnique(input.gln, () =>
      trx.db
        .insertInto('premises')
        .values({ id: randomUUID(), enterpriseId: enterprise.id, ...input })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, {
      action: 'premises.create',
      entityType: 'premises',
      entityId: premises.id,
      jurisdictionCode: premises.jurisdictionCode,
      enterpriseId: enterprise.id,
      before: null,
      after: premises,
    });
    return premises;
  });
}

/** A GLN names one place on the whole platform: a second premises with it is refused on the field. */
async function glnUnique<T>(gln: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (gln && isUniqueViolation(error)) {
      throw new AppError('registry.duplicate_gln', { details: [{ path: 'gln', message: 'registry.duplicate_gln' }], params: { gln } });
    }
    throw error;
  }
}

/**
 * Edits a premises: name, address, kind, or its GLN (全球位置码; null removes it). Events already captured
 * keep the location identifier they were captured with.
 */
export async function updatePremises(ctx: Ctx, premisesId: string, patch: PremisesUpdate): Promise<PremisesRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('premises').selectAll().where('id', '=', premisesId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'registry.update', before);
    const changes: Partial<Pick<PremisesRow, 'name' | 'address' | 'kind' | 'gln'>> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.address !== undefined) changes.address = patch.address;
    if (patch.kind !== undefined) changes.kind = patch.kind;
    if (patch.gln !== undefined) changes.gln = patch.gln;
    if (Object.keys(changes).length === 0) return before;
    const after = await glnUnique(patch.gln, () =>
      trx.db.updateTable('premises').set({ ...changes, updatedAt: new Date() }).where('id', '=', premisesId).returningAll().executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, {
      action: 'premises.update',
      entityType: 'premises',
      entityId: premisesId,
      jurisdictionCode: after.jurisdictionCode,
      enterpriseId: after.enterpriseId,
      before,
      after,
    });
    return after;
  });
}
