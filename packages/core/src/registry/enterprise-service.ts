import { randomUUID } from 'node:crypto';
import { AppError, assertCan, isEnterpriseUser, validateUscc, type EnterpriseCreate, type EnterpriseUpdate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { assertJurisdictionUsable, assertVersion, isUniqueViolation } from './guards.ts';
import { refreshSearchIndex } from './search-index.ts';

/**
 * Registers an enterprise (一企一档) with its registered premises. A credit code whose check character fails
 * needs `confirmUscc`; it is then saved flagged for review, since real codes that fail the check exist.
 */
export async function createEnterprise(ctx: Ctx, input: EnterpriseCreate): Promise<EnterpriseRow> {
  assertCan(ctx.actor, 'registry.create');
  const check = validateUscc(input.uscc);
  const checkFailed = check.problem === 'check_character';
  if (checkFailed && !input.confirmUscc) {
    throw new AppError('registry.uscc_unconfirmed', {
      details: [{ path: 'uscc', message: 'registry.uscc_unconfirmed' }],
      params: { expected: check.expectedCheckChar ?? '' },
      data: { expectedCheckChar: check.expectedCheckChar },
    });
  }
  return withTransaction(ctx, async (trx) => {
    await assertJurisdictionUsable(trx.db, ctx.actor, input.jurisdictionCode);
    const id = randomUUID();
    const enterprise = await insertOrDuplicate(input.uscc, () =>
      trx.db
        .insertInto('enterprises')
        .values({
          id,
          uscc: input.uscc,
          usccCheckFailed: checkFailed,
          needsReview: checkFailed,
          name: input.name,
          legalRepresentative: input.legalRepresentative,
          kinds: input.kinds,
          jurisdictionCode: input.jurisdictionCode,
          address: input.address,
          phone: input.phone,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await trx.db
      .insertInto('premises')
      .values({ id: randomUUID(), enterpriseId: id, name: input.name, address: input.address, kind: 'registered', jurisdictionCode: input.jurisdictionCode })
      .execute();
    await refreshSearchIndex(trx.db, id);
    await auditEnterprise(trx, 'enterprise.create', null, enterprise);
    return enterprise;
  });
}

async function insertOrDuplicate<T>(uscc: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('registry.duplicate_uscc', { details: [{ path: 'uscc', message: 'registry.duplicate_uscc' }], params: { code: uscc } });
    }
    throw error;
  }
}

export async function auditEnterprise(trx: TrxCtx, action: string, before: EnterpriseRow | null, after: EnterpriseRow): Promise<void> {
  await recordAudit(trx, {
    action,
    entityType: 'enterprise',
    entityId: after.id,
    jurisdictionCode: after.jurisdictionCode,
    enterpriseId: after.id,
    before,
    after,
  });
}

/** Loads an enterprise the actor may see, locked for update; not found when outside their scope. */
export async function lockEnterprise(trx: TrxCtx, id: string): Promise<EnterpriseRow> {
  const row = await trx.db.selectFrom('enterprises').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('resource.not_found');
  return row;
}

/** Edits an enterprise. Moving it to another jurisdiction moves its records with it (they carry the code). */
export async function updateEnterprise(ctx: Ctx, id: string, patch: EnterpriseUpdate): Promise<EnterpriseRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await lockEnterprise(trx, id);
    assertCan(ctx.actor, 'registry.update', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.id });
    assertVersion(before.version, patch.version);
    const { version: _version, ...changes } = patch;
    // Where an enterprise is supervised and whether it may operate are the regulator's decisions.
    const regulatorOnly = (changes.jurisdictionCode !== undefined && changes.jurisdictionCode !== before.jurisdictionCode) || (changes.status !== undefined && changes.status !== before.status);
    if (regulatorOnly && isEnterpriseUser(ctx.actor)) throw new AppError('auth.forbidden');
    if (changes.jurisdictionCode && changes.jurisdictionCode !== before.jurisdictionCode) {
      await assertJurisdictionUsable(trx.db, ctx.actor, changes.jurisdictionCode);
      // The whole file moves (一企一档): registry records and the supervision record alike.
      const tables = ['licences', 'products', 'people', 'riskProfiles', 'riskGrades', 'riskTriggers', 'recusals', 'inspections', 'inspectionFindings', 'rectificationOrders', 'caseLeads', 'clocks'] as const;
      for (const table of tables) {
        await trx.db.updateTable(table).set({ jurisdictionCode: changes.jurisdictionCode }).where('enterpriseId', '=', id).execute();
      }
      await trx.db
        .updateTable('premises')
        .set({ jurisdictionCode: changes.jurisdictionCode })
        .where('enterpriseId', '=', id)
        .where('kind', '=', 'registered')
        .execute();
    }
    const after = await trx.db
      .updateTable('enterprises')
      .set({ ...changes, version: before.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.name) await refreshSearchIndex(trx.db, id);
    await auditEnterprise(trx, 'enterprise.update', before, after);
    return after;
  });
}
