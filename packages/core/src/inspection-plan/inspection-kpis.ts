import { sql } from 'kysely';
import { assertCan, scopePrefix, type CoverageTarget } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { ACTIVE_RISK_RULE_SET } from '../risk/risk-grading.ts';

export interface CoverageKpi {
  total: number;
  inspected: number;
  ratio: number;
  target: number;
  met: boolean;
  basis: string;
}

export interface InspectionKpis {
  year: number;
  jurisdictionCode: string;
  /** Enterprises inspected at least once this year (finished inspections), against the work plans' targets. */
  coverage: { producers: CoverageKpi; sellers: CoverageKpi };
  /** Results published this year, and how many within the 20 working days (49号令 §39). */
  publication: { published: number; onTime: number; ratio: number; overdueOpen: number };
  /** Rectification orders of the year, and how many were verified fixed. */
  rectification: { orders: number; verified: number; ratio: number };
}

/**
 * The inspection KPIs of the work plans, computed from the platform's own records: yearly inspection coverage
 * of producers (target 100 %) and sellers (≥ 50 %), on-time publication, and the rectification rate
 * (问题整改率 100 %).
 */
export async function computeInspectionKpis(ctx: Ctx, jurisdictionCode: string, year: number): Promise<InspectionKpis> {
  assertCan(ctx.actor, 'plan.read', { jurisdictionCode, enterpriseId: null });
  const prefix = `${scopePrefix(jurisdictionCode)}%`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const coverage = async (target: CoverageTarget): Promise<CoverageKpi> => {
    const row = await ctx.db
      .selectFrom('enterprises')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspections i WHERE i.enterprise_id = enterprises.id
          AND i.status IN ('completed', 'published') AND i.inspected_on BETWEEN ${from}::date AND ${to}::date))::int`.as('inspected'),
      ])
      .where('jurisdictionCode', 'like', prefix)
      .where('status', '=', 'active')
      .where(sql<boolean>`kinds && ${sql.val([...target.kinds])}::text[]`)
      .executeTakeFirstOrThrow();
    const ratio = row.total === 0 ? 1 : row.inspected / row.total;
    return { total: row.total, inspected: row.inspected, ratio, target: target.ratio, met: ratio >= target.ratio, basis: target.basis };
  };
  const targets = ACTIVE_RISK_RULE_SET.frequency.coverage;
  const publication = await ctx.db
    .selectFrom('clocks')
    .select([
      sql<number>`count(*) FILTER (WHERE state = 'met')::int`.as('published'),
      sql<number>`count(*) FILTER (WHERE state = 'met' AND met_on <= due_on)::int`.as('onTime'),
      sql<number>`count(*) FILTER (WHERE state <> 'met' AND due_on < CURRENT_DATE)::int`.as('overdueOpen'),
    ])
    .where('ruleId', '=', 'inspection.publication')
    .where('jurisdictionCode', 'like', prefix)
    .where('startedOn', '>=', from)
    .where('startedOn', '<=', to)
    .executeTakeFirstOrThrow();
  const orders = await ctx.db
    .selectFrom('rectificationOrders')
    .select([sql<number>`count(*)::int`.as('orders'), sql<number>`count(*) FILTER (WHERE status = 'verified')::int`.as('verified')])
    .where('jurisdictionCode', 'like', prefix)
    .where('createdAt', '>=', new Date(`${from}T00:00:00+08:00`))
    .where('createdAt', '<=', new Date(`${to}T23:59:59+08:00`))
    .executeTakeFirstOrThrow();
  return {
    year,
    jurisdictionCode,
    coverage: { producers: await coverage(targets.producers), sellers: await coverage(targets.sellers) },
    publication: { ...publication, ratio: publication.published === 0 ? 1 : publication.onTime / publication.published },
    rectification: { ...orders, ratio: orders.orders === 0 ? 1 : orders.verified / orders.orders },
  };
}
