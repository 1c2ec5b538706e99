import { sql } from 'kysely';
import { nameGrams, normaliseSearchText } from '@shian/domain';
import type { Trx } from '../db/transaction.ts';

/**
 * Recomputes enterprises' search columns from their names and identifiers: name n-grams (ADR 0003), and
 * the keys credit code, licence numbers, product registration numbers and GTINs. Four statements for any
 * number of enterprises; called in the same transaction as any change to them.
 */
export async function refreshSearchColumns(trx: Trx, enterpriseIds: readonly string[]): Promise<void> {
  const ids = [...new Set(enterpriseIds)].filter(Boolean);
  if (ids.length === 0) return;
  const inIds = (column: string) => sql<boolean>`${sql.ref(column)} = ANY(${sql.val(ids)}::uuid[])`;
  const [enterprises, licences, products] = await Promise.all([
    trx.selectFrom('enterprises').select(['id', 'name', 'uscc']).where(inIds('id')).execute(),
    trx.selectFrom('licences').select(['enterpriseId', 'number']).where(inIds('enterpriseId')).execute(),
    trx.selectFrom('products').select(['enterpriseId', 'registrationNumber', 'gtins']).where(inIds('enterpriseId')).execute(),
  ]);
  const keys = new Map(enterprises.map((e) => [e.id, new Set<string>([e.uscc])]));
  for (const l of licences) keys.get(l.enterpriseId)?.add(l.number);
  for (const p of products) {
    const set = keys.get(p.enterpriseId);
    set?.add(p.registrationNumber);
    for (const g of p.gtins) set?.add(g);
  }
  const records = enterprises.map((e) => ({
    id: e.id,
    search_name: normaliseSearchText(e.name),
    search_grams: nameGrams(e.name),
    search_keys: [...(keys.get(e.id) ?? [])],
  }));
  await sql`UPDATE enterprises AS t SET search_name = v.search_name, search_grams = v.search_grams, search_keys = v.search_keys
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS v(id uuid, search_name text, search_grams text[], search_keys text[])
    WHERE t.id = v.id`.execute(trx);
}


/** The same for one enterprise. */
export const refreshSearchIndex = (trx: Trx, enterpriseId: string): Promise<void> => refreshSearchColumns(trx, [enterpriseId]);
