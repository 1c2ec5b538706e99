import { randomUUID } from 'node:crypto';
import { AppError, assertCan, defaultValidUntil, parseLicenceNumber, type LicenceCreate, type LicenceUpdate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import type { LicenceRow } from '../db/schema.ts';
import { lockEnterprise } from './enterprise-service.ts';
import { assertVersion, isUniqueViolation } from './guards.ts';
import { refreshSearchIndex } from './search-index.ts';

/**
 * Records a food licence (食品生产/经营许可证) of an enterprise. The kind comes from the number's prefix; an SC
 * number's own category joins the category list; without an expiry date the licence runs for the statutory
 * term from its issue date.
 */
export async function createLicence(ctx: Ctx, enterpriseId: string, input: LicenceCreate): Promise<LicenceRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'licence.write', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    const parsed = parseLicenceNumber(input.number);
    // The body schema already refused malformed numbers; this guards other callers (imports, scripts).
    if (!parsed.ok) throw new AppError('request.invalid', { details: [{ path: 'number', message: 'field.licence_format' }] });
    if (input.premisesId) await assertOwnPremises(trx, enterprise.id, input.premisesId);
    const validUntil = input.validUntil ?? defaultValidUntil(input.issuedOn);
    if (validUntil <= input.issuedOn) throw dateOrderError();
    const licence = await insertOrDuplicate(parsed.number, () =>
      trx.db
        .insertInto('licences')
        .values({
          id: randomUUID(),
          enterpriseId: enterprise.id,
          premisesId: input.premisesId ?? null,
          number: parsed.number,
          kind: parsed.kind,
          categories: withOwnCategory(input.categories, parsed.kind === 'SC' ? parsed.categoryCode : null),
          issuingAuthority: input.issuingAuthority,
          issuedOn: input.issuedOn,
          validUntil,
          status: input.status ?? 'valid',
          jurisdictionCode: enterprise.jurisdictionCode,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await refreshSearchIndex(trx.db, enterprise.id);
    await auditLicence(trx, 'licence.create', null, licence);
    return licence;
  });
}

/** Edits a licence (send the version you edited). The number, and so the kind, never change. */
export async function updateLicence(ctx: Ctx, licenceId: string, patch: LicenceUpdate): Promise<LicenceRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('licences').selectAll().where('id', '=', licenceId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'licence.write', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    assertVersion(before.version, patch.version);
    const { version: _version, ...changes } = patch;
    const issuedOn = changes.issuedOn ?? before.issuedOn;
    const validUntil = changes.validUntil ?? before.validUntil;
    if (validUntil <= issuedOn) throw dateOrderError();
    const parsed = parseLicenceNumber(before.number);
    const ownCategory = parsed.ok && parsed.kind === 'SC' ? parsed.categoryCode : null;
    const after = await trx.db
      .updateTable('licences')
      .set({
        ...changes,
        ...(changes.categories ? { categories: withOwnCategory(changes.categories, ownCategory) } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', licenceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditLicence(trx, 'licence.update', before, after);
    return after;
  });
}

/** The categories, unique, with the SC number's own category first when it was missing. */
function withOwnCategory(categories: readonly string[], own: string | null): string[] {
  return [...new Set(own === null ? categories : [own, ...categories])];
}

const dateOrderError = (): AppError => new AppError('request.invalid', { details: [{ path: 'validUntil', message: 'field.date_order' }] });

async function assertOwnPremises(trx: TrxCtx, enterpriseId: string, premisesId: string): Promise<void> {
  const premises = await trx.db.selectFrom('premises').select('id').where('id', '=', premisesId).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
  if (!premises) throw new AppError('request.invalid', { details: [{ path: 'premisesId', message: 'resource.not_found' }] });
}

async function insertOrDuplicate<T>(number: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('registry.duplicate_licence', { details: [{ path: 'number', message: 'registry.duplicate_licence' }], params: { number } });
    }
    throw error;
  }
}

async function auditLicence(trx: TrxCtx, action: string, before: LicenceRow | null, after: LicenceRow): Promise<void> {
  await recordAudit(trx, {
    action,
    entityType: 'licence',
    entityId: after.id,
    jurisdictionCode: after.jurisdictionCode,
    enterpriseId: after.enterpriseId,
    before,
    after,
  });
}
