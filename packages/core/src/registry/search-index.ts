import { nameGrams, normaliseSearchText } from '@shian/domain';
import type { Trx } from '../db/transaction.ts';

/**
 * Recomputes an enterprise's search columns from its name and identifiers: the credit code, its licence
 * numbers, product registration numbers and GTINs. Called in the same transaction as any change to them.
 */
export async function refreshSearchIndex(trx: Trx, enterpriseId: string): Promise<void> {
  const enterprise = await trx.selectFrom('enterprises').select(['name', 'uscc']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const [licences, products] = await Promise.all([
    trx.selectFrom('licences').select('number').where('enterpriseId', '=', enterpriseId).execute(),
    trx.selectFrom('products').select(['registrationNumber', 'gtins']).where('enterpriseId', '=', enterpriseId).execute(),
  ]);
  const keys = new Set<string>([enterprise.uscc]);
  for (const l of licences) keys.add(l.number);
  for (const p of products) {
    keys.add(p.registrationNumber);
    for (const g of p.gtins) keys.add(g);
  }
  await trx
    .updateTable('enterprises')
    .set({ searchName: normaliseSearchText(enterprise.name), searchGrams: nameGrams(enterprise.name), searchKeys: [...keys] })
    .where('id', '=', enterpriseId)
    .execute();
}
