import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { AppError, assertCan, toGtin14, type ErrorDetail, type QaReleaseCreate, type QaTest } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { scopeCondition } from '../access/scope.ts';
import type { Db } from '../db/connect.ts';
import { nextNumber } from '../db/counters.ts';
import type { QaReleaseRecordsTable } from '../db/schema-self-inspection.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';

/**
 * QA release records (出厂放行记录) of the quality authorised person (质量安全受权人): per lot, the tests done
 * and the decision (放行 / 不予放行). One decision per lot; a correction is a new record naming the current
 * one (`correctsId`), so the chain of a lot is linear and its last record is the lot's standing decision.
 */
export type QaReleaseRow = Selectable<QaReleaseRecordsTable>;

export interface QaReleaseView {
  record: Omit<QaReleaseRow, 'tests'>;
  tests: QaTest[];
  product: { id: string; name: string };
  enterprise: { id: string; name: string };
  /** A later record corrects this one. */
  superseded: boolean;
}

export async function recordQaRelease(ctx: Ctx, input: QaReleaseCreate): Promise<QaReleaseRow> {
  return withTransaction(ctx, async (trx) => {
    const product = await trx.db.selectFrom('products').select(['id', 'enterpriseId', 'jurisdictionCode', 'gtins', 'name']).where('id', '=', input.productId).executeTakeFirst();
    // An unknown product, or one the actor may not see, is a bad field (the form offers the enterprise's own).
    if (!product) throw invalid([{ path: 'productId', message: 'field.qa_release_product_not_own' }]);
    assertCan(ctx.actor, 'self_inspection.write', { jurisdictionCode: product.jurisdictionCode, enterpriseId: product.enterpriseId });
    const problems: ErrorDetail[] = [];
    const person = await trx.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('id', '=', input.personId)
      .where('enterpriseId', '=', product.enterpriseId)
      .where('role', '=', 'quality_authorised_person')
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', sql<string>`${input.decidedAt.slice(0, 10)}::date`)]))
      .executeTakeFirst();
    if (!person) problems.push({ path: 'personId', message: 'field.qa_release_person_not_qa' });
    // Serialises decisions on one lot: the unique indexes are the last word, this gives the clear answer.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`qa-release:${product.id}:${input.lot}`}))`.execute(trx.db);
    const current = await currentRecord(trx.db, product.id, input.lot);
    if (input.correctsId) {
      const corrected = await trx.db.selectFrom('qaReleaseRecords').select(['id', 'productId', 'lot']).where('id', '=', input.correctsId).executeTakeFirst();
      if (!corrected || corrected.productId !== product.id || corrected.lot !== input.lot) problems.push({ path: 'correctsId', message: 'field.qa_release_lot_mismatch' });
      else if (current?.id !== corrected.id) throw new AppError('qa_release.superseded', { data: { currentId: current?.id ?? null } });
    } else if (current) {
      throw new AppError('qa_release.already_decided', { data: { currentId: current.id } });
    }
    if (problems.length > 0 || !person) throw invalid(problems);
    const row = await trx.db
      .insertInto('qaReleaseRecords')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'FX', product.jurisdictionCode, Number(input.decidedAt.slice(0, 4))),
        enterpriseId: product.enterpriseId,
        jurisdictionCode: product.jurisdictionCode,
        productId: product.id,
        gtins: product.gtins.map((g) => toGtin14(g)).filter((g): g is string => g !== null),
        lot: input.lot,
        tests: JSON.stringify(input.tests),
        decision: input.decision,
        personId: person.id,
        personName: person.name,
        decidedAt: new Date(input.decidedAt),
        note: input.note,
        correctsId: input.correctsId,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: input.correctsId ? 'qa_release.correct' : 'qa_release.record',
      entityType: 'qa_release_record',
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      enterpriseId: row.enterpriseId,
      before: current ?? null,
      after: row,
    });
    return row;
  });
}

const invalid = (details: ErrorDetail[]) => new AppError('qa_release.invalid', { params: { count: details.length }, details });

/** The lot's standing record: the one no other record corrects. */
async function currentRecord(db: Db, productId: string, lot: string): Promise<QaReleaseRow | undefined> {
  return db
    .selectFrom('qaReleaseRecords as q')
    .selectAll()
    .where('q.productId', '=', productId)
    .where('q.lot', '=', lot)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('qaReleaseRecords as c').select('c.id').whereRef('c.correctsId', '=', 'q.id'))))
    .executeTakeFirst();
}

export interface QaReleaseListQuery {
  id?: string | undefined;
  productId?: string | undefined;
  lot?: string | undefined;
  decision?: QaReleaseRow['decision'] | undefined;
  limit?: number | undefined;
}

/** Release records in scope, newest decision first; corrected ones are kept and marked. */
export async function listQaReleases(ctx: Ctx, query: QaReleaseListQuery = {}): Promise<QaReleaseView[]> {
  assertCan(ctx.actor, 'self_inspection.read');
  let q = ctx.db
    .selectFrom('qaReleaseRecords as q')
    .innerJoin('enterprises', 'enterprises.id', 'q.enterpriseId')
    .innerJoin('products as p', 'p.id', 'q.productId')
    .selectAll('q')
    .select([
      'enterprises.name as enterpriseName',
      'p.name as productName',
      (eb) => eb.exists(eb.selectFrom('qaReleaseRecords as c').select('c.id').whereRef('c.correctsId', '=', 'q.id')).as('superseded'),
    ])
    .where(scopeCondition(ctx.actor, 'enterprises'));
  if (query.id) q = q.where('q.id', '=', query.id);
  if (query.productId) q = q.where('q.productId', '=', query.productId);
  if (query.lot) q = q.where('q.lot', '=', query.lot);
  if (query.decision) q = q.where('q.decision', '=', query.decision);
  const rows = await q.orderBy('q.decidedAt', 'desc').orderBy('q.createdAt', 'desc').orderBy('q.id').limit(query.limit ?? 200).execute();
  return rows.map(({ enterpriseName, productName, superseded, tests, ...record }) => ({
    record,
    // Written by this module only, as a QaTest array.
    tests: tests as QaTest[],
    product: { id: record.productId, name: productName },
    enterprise: { id: record.enterpriseId, name: enterpriseName },
    superseded: Boolean(superseded),
  }));
}

export interface LotRelease {
  number: string;
  decision: QaReleaseRow['decision'];
  decidedAt: Date;
  personName: string;
  /** The decision corrects an earlier one. */
  corrected: boolean;
}

/**
 * The lot's standing release decision, for the public scan page (no actor: a lot's release is what the
 * consumer is told). By product id or by a GTIN of the product (any length, compared as GTIN-14); null when
 * the quality authorised person has recorded nothing for the lot.
 */
export async function findLotRelease(db: Db, product: { productId: string } | { gtin: string }, lot: string): Promise<LotRelease | null> {
  let q = db
    .selectFrom('qaReleaseRecords as q')
    .select(['q.number', 'q.decision', 'q.decidedAt', 'q.personName', 'q.correctsId'])
    .where('q.lot', '=', lot)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('qaReleaseRecords as c').select('c.id').whereRef('c.correctsId', '=', 'q.id'))));
  if ('productId' in product) q = q.where('q.productId', '=', product.productId);
  else {
    const gtin = toGtin14(product.gtin);
    if (!gtin) return null;
    q = q.where(sql<boolean>`q.gtins @> ARRAY[${gtin}]::text[]`);
  }
  const row = await q.orderBy('q.decidedAt', 'desc').limit(1).executeTakeFirst();
  return row ? { number: row.number, decision: row.decision, decidedAt: row.decidedAt, personName: row.personName, corrected: row.correctsId !== null } : null;
}
