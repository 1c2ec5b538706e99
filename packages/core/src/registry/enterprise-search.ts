import { sql, type Expression, type QueryCreator, type SqlBool } from 'kysely';
import { looksLikeIdentifier, normaliseIdentifier, normaliseSearchText, queryGrams } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import type { DB, EnterpriseRow } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { flagCondition } from './flag-conditions.ts';

export interface EnterpriseFilters {
  q?: string | undefined;
  /** A district or street code; rows under it. */
  district?: string | undefined;
  kind?: string | undefined;
  /** An SC category (`127`) or a product category (`health_food`). */
  category?: string | undefined;
  flag?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
}

/** Totals are exact up to here and shown as "1000+" beyond: counting further costs more than it tells. */
const COUNT_CAP = 1000;

function filterConditions(ctx: Ctx, filters: EnterpriseFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [scopeCondition(ctx.actor, 'enterprises')];
  const q = filters.q?.trim();
  if (q) {
    const byName = sql<boolean>`(${sql.ref('enterprises.searchGrams')} @> ${sql.val(queryGrams(q))}::text[] AND ${sql.ref(
      'enterprises.searchName',
    )} LIKE ${`%${escapeLike(normaliseSearchText(q))}%`})`;
    if (looksLikeIdentifier(q)) {
      // An identifier: exact match on any key (credit code, licence, product number, GTIN) or a credit-code
      // prefix; both are index lookups (GIN on the keys, text_pattern_ops on the code).
      const key = normaliseIdentifier(q);
      conditions.push(
        sql<boolean>`(${sql.ref('enterprises.searchKeys')} @> ARRAY[${key}]::text[] OR ${sql.ref('enterprises.uscc')} LIKE ${`${escapeLike(key)}%`})`,
      );
    } else {
      conditions.push(byName);
    }
  }
  if (filters.district) conditions.push(sql<boolean>`${sql.ref('enterprises.jurisdictionCode')} LIKE ${`${escapeLike(filters.district)}%`}`);
  if (filters.kind) conditions.push(sql<boolean>`${sql.ref('enterprises.kinds')} @> ARRAY[${filters.kind}]::text[]`);
  if (filters.category) {
    conditions.push(
      /^\d{3}$/.test(filters.category)
        ? sql<boolean>`EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = enterprises.id AND l.categories @> ARRAY[${filters.category}]::text[])`
        : sql<boolean>`EXISTS (SELECT 1 FROM products p WHERE p.enterprise_id = enterprises.id AND p.category = ${filters.category})`,
    );
  }
  if (filters.flag) conditions.push(flagCondition(filters.flag));
  return conditions;
}

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The registry search: scoped to the actor, filtered, ordered by name, keyset-paginated. The total is
 * exact up to COUNT_CAP and reported as an estimate beyond.
 */
export async function searchEnterprises(ctx: Ctx, filters: EnterpriseFilters): Promise<Page<EnterpriseRow>> {
  const conditions = filterConditions(ctx, filters);
  const after = decodeCursor(filters.cursor, 2);
  const filtered = (db: QueryCreator<DB>) => {
    const query = db.selectFrom('enterprises').selectAll().where((eb) => eb.and(conditions));
    return after
      ? query.where(sql<boolean>`(${sql.ref('enterprises.name')}, ${sql.ref('enterprises.id')}) > (${String(after[0])}, ${String(after[1])}::uuid)`)
      : query;
  };
  // Counting first (bitmap index scans, no ordering) tells which plan fits. For a selective filter the
  // planner, guessing from array statistics, would walk the name index through every row to fill one
  // page (355 ms at 100,000 rows for one credit code); the few matches are collected and sorted instead.
  const counted = await ctx.db
    .selectFrom((eb) =>
      eb
        .selectFrom('enterprises')
        .select(sql<number>`1`.as('one'))
        .where((inner) => inner.and(conditions))
        .limit(COUNT_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows =
    total <= COUNT_CAP
      ? await ctx.db
          .with((cte) => cte('matches').materialized(), (db) => filtered(db))
          .selectFrom('matches')
          .selectAll()
          .orderBy('name')
          .orderBy('id')
          .limit(filters.limit + 1)
          .execute()
      : await filtered(ctx.db).orderBy('name').orderBy('id').limit(filters.limit + 1).execute();
  const items = rows.slice(0, filters.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > filters.limit && last ? encodeCursor([last.name, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    totalIsEstimate: total > COUNT_CAP,
  };
}
