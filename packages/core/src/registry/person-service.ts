import { randomUUID } from 'node:crypto';
import { AppError, assertCan, type PersonCreate, type PersonUpdate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import type { PersonRow } from '../db/schema.ts';
import { lockEnterprise } from './enterprise-service.ts';
import { assertVersion } from './guards.ts';

/**
 * Appoints a key person of an enterprise: food safety director (食品安全总监), food safety officer
 * (食品安全员) or quality authorised person (质量安全受权人).
 */
export async function createPerson(ctx: Ctx, enterpriseId: string, input: PersonCreate): Promise<PersonRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    assertCan(ctx.actor, 'person.write', { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id });
    assertDateOrder(input.appointedOn, input.endedOn ?? null);
    const person = await trx.db
      .insertInto('people')
      .values({
        id: randomUUID(),
        enterpriseId: enterprise.id,
        name: input.name,
        role: input.role,
        appointedOn: input.appointedOn,
        endedOn: input.endedOn ?? null,
        phone: input.phone,
        jurisdictionCode: enterprise.jurisdictionCode,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPerson(trx, 'person.create', null, person);
    return person;
  });
}

/** Edits a key person (send the version you edited); an appointment ends by setting `endedOn`. */
export async function updatePerson(ctx: Ctx, personId: string, patch: PersonUpdate): Promise<PersonRow> {
  return withTransaction(ctx, async (trx) => {
    const before = await trx.db.selectFrom('people').selectAll().where('id', '=', personId).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'person.write', { jurisdictionCode: before.jurisdictionCode, enterpriseId: before.enterpriseId });
    assertVersion(before.version, patch.version);
    const { version: _version, ...changes } = patch;
    assertDateOrder(changes.appointedOn ?? before.appointedOn, changes.endedOn === undefined ? before.endedOn : changes.endedOn);
    const after = await trx.db
      .updateTable('people')
      .set({ ...changes, version: before.version + 1, updatedAt: new Date() })
      .where('id', '=', personId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditPerson(trx, 'person.update', before, after);
    return after;
  });
}

/** An appointment may end on the day it starts, never before. */
function assertDateOrder(appointedOn: string, endedOn: string | null): void {
  if (endedOn !== null && endedOn < appointedOn) {
    throw new AppError('request.invalid', { details: [{ path: 'endedOn', message: 'field.end_before_start' }] });
  }
}

async function auditPerson(trx: TrxCtx, action: string, before: PersonRow | null, after: PersonRow): Promise<void> {
  await recordAudit(trx, {
    action,
    entityType: 'person',
    entityId: after.id,
    jurisdictionCode: after.jurisdictionCode,
    enterpriseId: after.enterpriseId,
    before,
    after,
  });
}
