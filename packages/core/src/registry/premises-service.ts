import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { assertCan, type premisesCreateSchema } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import type { PremisesRow } from '../db/schema.ts';
import { lockEnterprise } from './enterprise-service.ts';
import { assertJurisdictionUsable } from './guards.ts';

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
    const premises = await trx.db
      .insertInto('premises')
      .values({ id: randomUUID(), enterpriseId: enterprise.id, ...input })
      .returningAll()
      .executeTakeFirstOrThrow();
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
