import { sql } from 'kysely';
import { NO_COUNT, addCounts, assertCan, canonicalItem, canonicalLotClass, kpiOf, scopePrefix, type KpiCount } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import type { TraceKpi, TraceKpiDistrict, TraceKpiSet, TraceKpis } from '@shian/domain';
import { findKpiDistricts } from '../jurisdiction/jurisdiction-queries.ts';
export type { TraceKpi, TraceKpiDistrict, TraceKpiSet, TraceKpis };

/**
 * The traceability KPIs of the work plans, computed per district from the platform's own records. Who must
 * trace, and what counts as doing it, is data here (one rule set, versioned by id), so a change of the plans
 * is one edit.
 */
export const TRACE_KPI_RULES = {
  id: 'shian-trace-kpi/1',
  /** Products whose makers and traders must trace: 保健食品 and 婴幼儿配方乳粉 (特医食品 is not named by the plans). */
  productCategories: ['health_food', 'infant_formula'],
  /** A maker (生产企业) must trace when it is active and has an active product of those categories. */
  makerKinds: ['producer'],
  /**
   * A trader (经营企业) must trace when it is active and of these kinds, unless its valid JY licence itemises
   * special-food sales without health food or infant formula (the registry holds special-food businesses only,
   * so a trader without itemised sales counts).
   */
  traderKinds: ['seller', 'importer', 'e_commerce_platform', 'online_seller'],
  traderLicenceItems: ['health_food_sales', 'infant_formula_milk_sales', 'other_infant_formula_sales'],
  /** An enterprise traces when, in the year, it captured at least one EPCIS event or was issued codes. */
  doing: 'captured ≥ 1 EPCIS event (record time in the year) or had a code batch issued in the year',
  /** A lot is uploaded when an event names its lot class, or one of its first codes (by label order). */
  uploadProbeCodes: 50,
  target: 1,
  sources: {
    coverage:
      '《上海市2020年特殊食品安全监管重点工作安排》二、5：企业覆盖率达到100％；沪市监特食〔2022〕407号 一：保健食品信息追溯实施率100％，二、4：应追溯企业食品安全信息追溯实施率100％',
    upload: '《上海市2020年特殊食品安全监管重点工作安排》二、5：信息上传率达到100％',
    codeAssignment: '沪市监特食〔2022〕407号 二、3：食品安全信息追溯覆盖率、追溯“二维码”赋码率100％',
  },
} as const;

type Pair = KpiCount;
const kpi = (count: Pair, basis: string): TraceKpi => kpiOf(count, TRACE_KPI_RULES.target, basis);
const add = (into: Map<string, Pair>, district: string, numerator: number, denominator: number) => {
  const at = into.get(district) ?? { numerator: 0, denominator: 0 };
  into.set(district, { numerator: at.numerator + numerator, denominator: at.denominator + denominator });
};

/**
 * The traceability KPIs of a jurisdiction for a year, per district and in total: coverage (应追溯企业追溯实施率),
 * upload rate (信息上传率) and code assignment rate (赋码率). Regulators of the jurisdiction (`trace.read`).
 */
export async function computeTraceKpis(ctx: Ctx, jurisdictionCode: string, year: number): Promise<TraceKpis> {
  assertCan(ctx.actor, 'trace.read', { jurisdictionCode, enterpriseId: null });
  const prefix = `${scopePrefix(jurisdictionCode)}%`;
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rules = TRACE_KPI_RULES;
  const categories = sql.val([...rules.productCategories]);

  const coverage = await ctx.db
    .selectFrom('enterprises as e')
    .select([
      sql<string>`substr(e.jurisdiction_code, 1, 6)`.as('district'),
      sql<number>`count(*)::int`.as('denominator'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM epcis_events ev WHERE ev.enterprise_id = e.id AND ev.record_time >= ${from} AND ev.record_time < ${to})
        OR EXISTS (SELECT 1 FROM trace_code_batches b WHERE b.enterprise_id = e.id AND b.status <> 'failed' AND b.created_at >= ${from} AND b.created_at < ${to}))::int`.as('numerator'),
    ])
    .where('e.jurisdictionCode', 'like', prefix)
    .where('e.status', '=', 'active')
    .where(
      sql<boolean>`(
        (e.kinds && ${sql.val([...rules.makerKinds])}::text[] AND EXISTS (SELECT 1 FROM products p WHERE p.enterprise_id = e.id AND p.status = 'active' AND p.category = ANY(${categories}::text[])))
        OR (e.kinds && ${sql.val([...rules.traderKinds])}::text[] AND (
          NOT EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = e.id AND l.kind = 'JY' AND l.status = 'valid' AND cardinality(l.categories) > 0)
          OR EXISTS (SELECT 1 FROM licences l WHERE l.enterprise_id = e.id AND l.kind = 'JY' AND l.status = 'valid' AND l.categories && ${sql.val([...rules.traderLicenceItems])}::text[]))))`,
    )
    .groupBy(sql`substr(e.jurisdiction_code, 1, 6)`)
    .execute();

  const products = await ctx.db
    .selectFrom('products as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterpriseId')
    .select([
      sql<string>`substr(p.jurisdiction_code, 1, 6)`.as('district'),
      sql<number>`count(*)::int`.as('denominator'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trace_code_batches b WHERE b.product_id = p.id AND b.status <> 'failed' AND b.created_at >= ${from} AND b.created_at < ${to}))::int`.as('numerator'),
    ])
    .where('p.jurisdictionCode', 'like', prefix)
    .where('p.status', '=', 'active')
    .where(sql<boolean>`p.category = ANY(${categories}::text[])`)
    .where('e.status', '=', 'active')
    .where(sql<boolean>`e.kinds && ${sql.val([...rules.makerKinds])}::text[]`)
    .groupBy(sql`substr(p.jurisdiction_code, 1, 6)`)
    .execute();

  const upload = await uploadRates(ctx, prefix, from, to);
  const districts = await findKpiDistricts(ctx.db, jurisdictionCode);

  const byDistrict = (rows: readonly (Pair & { district: string })[]) => new Map(rows.map((r) => [r.district, { numerator: r.numerator, denominator: r.denominator }]));
  const maps = { coverage: byDistrict(coverage), upload, codeAssignment: byDistrict(products) };
  const setOf = (pick: (m: Map<string, Pair>) => Pair): TraceKpiSet => ({
    coverage: kpi(pick(maps.coverage), rules.sources.coverage),
    upload: kpi(pick(maps.upload), rules.sources.upload),
    codeAssignment: kpi(pick(maps.codeAssignment), rules.sources.codeAssignment),
  });
  const zero = NO_COUNT;
  const sum = (m: Map<string, Pair>): Pair => [...m.values()].reduce(addCounts, zero);
  return {
    year,
    jurisdictionCode,
    ruleSetId: rules.id,
    total: setOf(sum),
    districts: districts.map((d) => ({ districtCode: d.code, nameZh: d.nameZh, nameEn: d.nameEn, ...setOf((m) => m.get(d.code) ?? zero) })),
  };
}

/**
 * 信息上传率 per district: of the lots issued codes in the year (batches not failed), those an event names —
 * by lot class, or by one of the lot's first codes (items written without their lot).
 */
async function uploadRates(ctx: Ctx, prefix: string, from: Date, to: Date): Promise<Map<string, Pair>> {
  const batches = await ctx.db
    .selectFrom('traceCodeBatches')
    .select(['id', 'gtin', 'lot', 'jurisdictionCode'])
    .where('jurisdictionCode', 'like', prefix)
    .where('status', '<>', 'failed')
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .execute();
  const classOf = new Map<string, string>();
  for (const b of batches) {
    try {
      classOf.set(b.id, canonicalLotClass(b.gtin, b.lot));
    } catch {
      // A lot outside the GS1 character set cannot be named by an event class.
    }
  }
  const uploaded = new Set<string>();
  const classes = [...new Set(classOf.values())];
  for (let i = 0; i < classes.length; i += 5000) {
    const part = classes.slice(i, i + 5000);
    const found = await sql<{ c: string }>`SELECT DISTINCT c FROM epcis_events, unnest(any_classes) AS c
      WHERE any_classes && ${sql.val(part)}::text[] AND c = ANY(${sql.val(part)}::text[])`.execute(ctx.db);
    const hit = new Set(found.rows.map((r) => r.c));
    for (const [batchId, classKey] of classOf) if (hit.has(classKey)) uploaded.add(batchId);
  }
  const pending = batches.filter((b) => !uploaded.has(b.id)).map((b) => b.id);
  for (let i = 0; i < pending.length; i += 200) {
    const codes = await ctx.db
      .selectFrom('traceCodes')
      .select(['batchId', 'gtin', 'serial'])
      .where('batchId', 'in', pending.slice(i, i + 200))
      .where('seq', '<=', TRACE_KPI_RULES.uploadProbeCodes)
      .execute();
    const itemBatch = new Map<string, string>();
    for (const c of codes) {
      try {
        itemBatch.set(canonicalItem(c.gtin, c.serial), c.batchId);
      } catch {
        // See above: not nameable by an event.
      }
    }
    if (itemBatch.size === 0) continue;
    const items = [...itemBatch.keys()];
    const found = await sql<{ e: string }>`SELECT DISTINCT e FROM epcis_events, unnest(any_epcs) AS e
      WHERE any_epcs && ${sql.val(items)}::text[] AND e = ANY(${sql.val(items)}::text[])`.execute(ctx.db);
    for (const r of found.rows) {
      const batchId = itemBatch.get(r.e);
      if (batchId) uploaded.add(batchId);
    }
  }
  const result = new Map<string, Pair>();
  for (const b of batches) add(result, b.jurisdictionCode.slice(0, 6), uploaded.has(b.id) ? 1 : 0, 1);
  return result;
}
