import { sql } from 'kysely';
import { toGtin14 } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import { actingEnterprise } from './operation-context.ts';
import { lotBalances, type LotBalance } from './stock.ts';

/** A lot the enterprise may ship (可发批次), with the product it belongs to when the registry knows the GTIN. */
export interface LotStockLine extends LotBalance {
  productName: string | null;
}

/**
 * The actor's enterprise's lots with something left to ship, by product and lot: its own code batches
 * (一物一码) and what it commissioned or received, less what it shipped (see `lotBalances`).
 */
export async function listLotStock(ctx: Ctx): Promise<LotStockLine[]> {
  const enterprise = await actingEnterprise(ctx, 'trace.read');
  const balances = [...(await lotBalances(ctx.db, enterprise.id)).values()].filter((b) => b.available > 0);
  if (balances.length === 0) return [];
  // Products hold GTIN-8/12/13/14 as registered; lots are keyed by GTIN-14 (any enterprise's product may name a lot received).
  const spellings = [...new Set(balances.flatMap((b) => [14, 13, 12, 8].map((n) => b.gtin.slice(14 - n)).filter((g, i) => i === 0 || /^0+$/.test(b.gtin.slice(0, 14 - g.length)))))];
  const products = await ctx.db.selectFrom('products').select(['name', 'gtins']).where(sql<boolean>`gtins && ${sql.val(spellings)}::text[]`).execute();
  const byGtin = new Map<string, string>();
  for (const p of products) {
    for (const g of p.gtins) {
      const gtin14 = toGtin14(g);
      if (gtin14) byGtin.set(gtin14, p.name);
    }
  }
  return balances
    .map((b) => ({ ...b, productName: byGtin.get(b.gtin) ?? null }))
    .sort((a, b) => (a.productName ?? a.gtin).localeCompare(b.productName ?? b.gtin, 'zh-CN') || a.lot.localeCompare(b.lot));
}
