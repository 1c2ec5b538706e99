import { sql } from 'kysely';
import { looksLikeIdentifier, normaliseIdentifier, normaliseSearchText, queryGrams } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import { locationIdOf } from '../locations.ts';
import { actingEnterprise } from './operation-context.ts';

/**
 * The directory a sender picks a receiver from (收货方): registered, active enterprises by name or credit code,
 * with their premises. An enterprise user's registry search shows only its own enterprise; shipping needs the
 * others, so this names them — name, credit code, district and premises only (what the public licence
 * records show anyway), nothing of their dossier.
 */
export interface TradingPartner {
  id: string;
  uscc: string;
  name: string;
  jurisdictionCode: string;
  premises: { id: string; name: string; address: string; kind: string; gln: string | null; locationId: string }[];
}

export const PARTNER_LIMIT = 20;

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Up to 20 active enterprises matching `q` (two characters of the name at least, or a credit code), by name. */
export async function searchTradingPartners(ctx: Ctx, q: string): Promise<TradingPartner[]> {
  await actingEnterprise(ctx, 'trace.write');
  const text = q.trim();
  if ([...text].length < 2) return [];
  const match = looksLikeIdentifier(text)
    ? sql<boolean>`enterprises.uscc LIKE ${`${escapeLike(normaliseIdentifier(text))}%`}`
    : sql<boolean>`(enterprises.search_grams @> ${sql.val(queryGrams(text))}::text[] AND enterprises.search_name LIKE ${`%${escapeLike(normaliseSearchText(text))}%`})`;
  const enterprises = await ctx.db
    .selectFrom('enterprises')
    .select(['id', 'uscc', 'name', 'jurisdictionCode'])
    .where('status', '=', 'active')
    .where(match)
    .orderBy('name')
    .limit(PARTNER_LIMIT)
    .execute();
  if (enterprises.length === 0) return [];
  const premises = await ctx.db
    .selectFrom('premises')
    .select(['id', 'enterpriseId', 'name', 'address', 'kind', 'gln'])
    .where(
      'enterpriseId',
      'in',
      enterprises.map((e) => e.id),
    )
    .orderBy('createdAt')
    .execute();
  return enterprises.map((e) => ({
    ...e,
    premises: premises.filter((p) => p.enterpriseId === e.id).map((p) => ({ id: p.id, name: p.name, address: p.address, kind: p.kind, gln: p.gln, locationId: locationIdOf(p) })),
  }));
}
