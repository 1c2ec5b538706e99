import { sql } from 'kysely';
import { LICENCE_EXPIRY_NOTICE_DAYS, type FlagCode } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import { flagCondition } from './flag-conditions.ts';

export interface DashboardSummary {
  counts: {
    enterprises: number;
    producers: number;
    sellers: number;
    licences: number;
    licencesExpiringSoon: number;
    products: number;
    people: number;
    flaggedEnterprises: number;
  };
  byDistrict: { code: string; enterprises: number; producers: number; sellers: number }[];
  byKind: { kind: string; count: number }[];
  byFlag: { flag: FlagCode; count: number }[];
  expiringLicences: { id: string; enterpriseId: string; enterpriseName: string; number: string; validUntil: string }[];
}

const FLAGS_SHOWN: FlagCode[] = ['no_food_safety_director', 'uscc_unconfirmed', 'licence_expired', 'licence_expiring'];

/** Real counts of the registry within the actor's scope, for the home page. */
export async function getDashboardSummary(ctx: Ctx): Promise<DashboardSummary> {
  const scoped = scopeCondition(ctx.actor, 'enterprises');
  const enterprises = ctx.db.selectFrom('enterprises').where(scoped);
  const expiring = sql<boolean>`licences.status = 'valid' AND licences.valid_until >= CURRENT_DATE AND licences.valid_until <= CURRENT_DATE + ${LICENCE_EXPIRY_NOTICE_DAYS}::int`;
  const [totals, licenceTotals, products, people, byDistrict, byKind, byFlag, expiringLicences] = await Promise.all([
    enterprises
      .select((eb) => [
        eb.fn.countAll<number>().as('enterprises'),
        sql<number>`count(*) FILTER (WHERE kinds @> ARRAY['producer']::text[])`.as('producers'),
        sql<number>`count(*) FILTER (WHERE kinds @> ARRAY['seller']::text[])`.as('sellers'),
      ])
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('licences')
      .where(scopeCondition(ctx.actor, 'licences'))
      .select((eb) => [eb.fn.countAll<number>().as('licences'), sql<number>`count(*) FILTER (WHERE ${expiring})`.as('expiring')])
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('products').where(scopeCondition(ctx.actor, 'products')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('people').where(scopeCondition(ctx.actor, 'people')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    enterprises
      .select([
        sql<string>`substr(jurisdiction_code, 1, 6)`.as('code'),
        sql<number>`count(*)`.as('enterprises'),
        sql<number>`count(*) FILTER (WHERE kinds @> ARRAY['producer']::text[])`.as('producers'),
        sql<number>`count(*) FILTER (WHERE kinds @> ARRAY['seller']::text[])`.as('sellers'),
      ])
      .groupBy(sql`substr(jurisdiction_code, 1, 6)`)
      .orderBy(sql`substr(jurisdiction_code, 1, 6)`)
      .execute(),
    enterprises
      .select([sql<string>`unnest(kinds)`.as('kind'), sql<number>`count(*)`.as('count')])
      .groupBy(sql`1`)
      .orderBy(sql`2`, 'desc')
      .execute(),
    Promise.all(
      FLAGS_SHOWN.map(async (flag) => {
        const row = await enterprises.where(flagCondition(flag)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return { flag, count: Number(row.n) };
      }),
    ),
    ctx.db
      .selectFrom('licences')
      .innerJoin('enterprises', 'enterprises.id', 'licences.enterpriseId')
      .where(scopeCondition(ctx.actor, 'licences'))
      .where(expiring)
      .select(['licences.id', 'licences.enterpriseId', 'enterprises.name as enterpriseName', 'licences.number', 'licences.validUntil'])
      .orderBy('licences.validUntil')
      .limit(20)
      .execute(),
  ]);
  const flagged = await enterprises
    .where((eb) => eb.or(FLAGS_SHOWN.map((f) => flagCondition(f))))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    counts: {
      enterprises: Number(totals.enterprises),
      producers: Number(totals.producers),
      sellers: Number(totals.sellers),
      licences: Number(licenceTotals.licences),
      licencesExpiringSoon: Number(licenceTotals.expiring),
      products: Number(products.n),
      people: Number(people.n),
      flaggedEnterprises: Number(flagged.n),
    },
    byDistrict: byDistrict.map((r) => ({ code: r.code, enterprises: Number(r.enterprises), producers: Number(r.producers), sellers: Number(r.sellers) })),
    byKind: byKind.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    byFlag,
    expiringLicences,
  };
}
