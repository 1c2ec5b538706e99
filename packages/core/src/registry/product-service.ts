import { randomUUID } from 'node:crypto';
import {
  AppError,
  assertCan,
  functionProblems,
  numberFitsCategory,
  licenceCoversProduct,
  parseProductNumber,
  requiredLicenceCategory,
  type ProductCreate,
  type ProductNumberKind,
  type ProductUpdate,
} from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import type { ProductRow } from '../db/schema.ts';
import { lockEnterprise } from './enterprise-service.ts';
import { assertVersion, isUniqueViolation } from './guards.ts';
import { refreshSearchIndex } from './search-index.ts';

/** Registers a special-food product (特殊食品) of an enterprise under its registration or filing number. */
export async function createProduct(ctx: Ctx, enterpriseId: string, input: ProductCreate): Promise<ProductRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'product.write', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    // The input schema has checked the number's kind against the category and the claims.
    const parsed = parseProductNumber(input.registrationNumber);
    if (!parsed.ok || !numberFitsCategory(input.category, input.registrationNumber)) {
      throw new AppError('request.invalid', { details: [{ path: 'registrationNumber', message: 'field.product_number_category' }] });
    }
    if (input.licenceId) await assertLicenceCovers(trx, enterprise.id, input.licenceId, parsed.kind);
    const product = await insertOrDuplicate(parsed.number, () =>
      trx.db
        .insertInto('products')
        .values({
          id: randomUUID(),
          enterpriseId: enterprise.id,
          licenceId: input.licenceId ?? null,
          name: input.name,
          category: input.category,
          registrationNumber: parsed.number,
          registrationKind: parsed.kind,
          legacy: parsed.legacy,
          functions: input.functions,
          gtins: [...new Set(input.gtins)],
          specification: input.specification,
          jurisdictionCode: enterprise.jurisdictionCode,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await refreshSearchIndex(trx.db, enterprise.id);
    await auditProduct(trx, 'product.create', null, product);
    return product;
  });
}

/** Edits a product (send the version you edited). Category and registration number never change. */
export async function updateProduct(ctx: Ctx, productId: string, patch: ProductUpdate): Promise<ProductRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('products').selectAll().where('id', '=', productId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'product.write', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    assertVersion(before.version, patch.version);
    const { version: _version, ...changes } = patch;
    if (changes.functions) {
      const details = functionProblems(before.category, changes.functions);
      if (details.length > 0) throw new AppError('request.invalid', { details });
    }
    if (changes.licenceId) {
      const parsed = parseProductNumber(before.registrationNumber);
      if (!parsed.ok) throw new AppError('request.invalid', { details: [{ path: 'registrationNumber', message: 'field.product_number_format' }] });
      await assertLicenceCovers(trx, before.enterpriseId, changes.licenceId, parsed.kind);
    }
    const after = await trx.db
      .updateTable('products')
      .set({
        ...changes,
        ...(changes.gtins ? { gtins: [...new Set(changes.gtins)] } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', productId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshSearchIndex(trx.db, after.enterpriseId);
    await auditProduct(trx, 'product.update', before, after);
    return after;
  });
}

/**
 * The product's licence must be an SC licence of the same enterprise whose categories cover the product
 * (127 health food, 128 FSMP, 129 infant formula). An unknown licence, or another enterprise's, is reported
 * as unknown so that nothing is learnt about records out of scope.
 */
async function assertLicenceCovers(trx: TrxCtx, enterpriseId: string, licenceId: string, kind: ProductNumberKind): Promise<void> {
  const licence = await trx.db
    .selectFrom('licences')
    .select(['kind', 'categories'])
    .where('id', '=', licenceId)
    .where('enterpriseId', '=', enterpriseId)
    .executeTakeFirst();
  if (!licence) throw new AppError('request.invalid', { details: [{ path: 'licenceId', message: 'field.licence_unknown' }] });
  if (licence.kind !== 'SC' || !licenceCoversProduct(kind, licence.categories)) {
    const expected = requiredLicenceCategory(kind);
    throw new AppError('registry.licence_category_mismatch', {
      details: [{ path: 'licenceId', message: 'registry.licence_category_mismatch' }],
      params: { expected },
      data: { expectedCategory: expected },
    });
  }
}

async function insertOrDuplicate<T>(number: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('registry.duplicate_product', {
        details: [{ path: 'registrationNumber', message: 'registry.duplicate_product' }],
        params: { number },
      });
    }
    throw error;
  }
}

async function auditProduct(trx: TrxCtx, action: string, before: ProductRow | null, after: ProductRow): Promise<void> {
  await recordAudit(trx, {
    action,
    entityType: 'product',
    entityId: after.id,
    jurisdictionCode: after.jurisdictionCode,
    enterpriseId: after.enterpriseId,
    before,
    after,
  });
}
