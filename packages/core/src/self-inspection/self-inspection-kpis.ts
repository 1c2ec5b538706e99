import { sql } from 'kysely';
import { NO_COUNT, SELF_INSPECTION_KPI_RULES, addCounts, assertCan, type KpiCount, scopePrefix, selfInspectionKpi, type SelfInspectionKpiSet, type SelfInspectionKpis } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { findKpiDistricts } from '../jurisdiction/jurisdiction-queries.ts';

type Pair = KpiCount;
const zero = NO_COUNT;

/**
 * The self-inspection KPIs of a jurisdiction for a year, per district and in total: 自查报告率 (special-food
 * producers that submitted the year's annual report / those that must) and 整改率 (rectification items of the
 * year's reports closed / raised). Who must report and what counts is `SELF_INSPECTION_KPI_RULES`.
 */
export async function computeSelfInspectionKpis(ctx: Ctx, jurisdictionCode: string, year: number): Promise<SelfInspectionKpis> {
  assertCan(ctx.actor, 'self_inspection.read', { jurisdictionCode, enterpriseId: null });
  const rules = SELF_INSPECTION_KPI_RULES;
  const prefix = `${scopePrefix(jurisdictionCode)}%`;
  const district = sql<string>`substr(e.jurisdiction_code, 1, 6)`;

  const reports = await ctx.db
    .selectFrom('enterprises as e')
    .select([
      district.as('district'),
      sql<number>`count(*)::int`.as('denominator'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM self_inspection_reports r WHERE r.enterprise_id = e.id AND r.kind = 'annual'
        AND r.year = ${year} AND r.status = ANY(${sql.val([...rules.reportedStatuses])}::text[])))::int`.as('numerator'),
    ])
    .where('e.jurisdictionCode', 'like', prefix)
    .where('e.status', '=', 'active')
    .where(sql<boolean>`e.kinds && ${sql.val([...rules.producerKinds])}::text[]`)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM products p WHERE p.enterprise_id = e.id AND p.status = 'active' AND p.category = ANY(${sql.val([...rules.productCategories])}::text[]))`)
    .groupBy(district)
    .execute();

  const items = await ctx.db
    .selectFrom('selfInspectionRectifications as i')
    .innerJoin('selfInspectionReports as r', 'r.id', 'i.reportId')
    .select([
      sql<string>`substr(i.jurisdiction_code, 1, 6)`.as('district'),
      sql<number>`count(*)::int`.as('denominator'),
      sql<number>`count(*) FILTER (WHERE i.status = ANY(${sql.val([...rules.rectifiedStatuses])}::text[]))::int`.as('numerator'),
    ])
    .where('i.jurisdictionCode', 'like', prefix)
    .where('r.year', '=', year)
    .groupBy(sql`substr(i.jurisdiction_code, 1, 6)`)
    .execute();

  const districts = await findKpiDistricts(ctx.db, jurisdictionCode);

  const byDistrict = (rows: readonly (Pair & { district: string })[]) => new Map(rows.map((r) => [r.district, { numerator: r.numerator, denominator: r.denominator }]));
  const maps = { reportRate: byDistrict(reports), rectificationRate: byDistrict(items) };
  const sum = (m: Map<string, Pair>): Pair => [...m.values()].reduce(addCounts, zero);
  const setOf = (pick: (m: Map<string, Pair>) => Pair): SelfInspectionKpiSet => {
    const r = pick(maps.reportRate);
    const c = pick(maps.rectificationRate);
    return {
      reportRate: selfInspectionKpi(r.numerator, r.denominator, rules.sources.reportRate),
      rectificationRate: selfInspectionKpi(c.numerator, c.denominator, rules.sources.rectificationRate),
    };
  };
  return {
    year,
    jurisdictionCode,
    ruleSetId: rules.id,
    total: setOf(sum),
    districts: districts.map((d) => ({ districtCode: d.code, nameZh: d.nameZh, nameEn: d.nameEn, ...setOf((m) => m.get(d.code) ?? zero) })),
  };
}
