import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { SHANGHAI_CODE, SHANGHAI_DISTRICTS, chooseTemplate } from '@shian/domain';
import { migrateToLatest, refreshStatistics, seedJurisdictions, type Database } from '@shian/core';
import { loadDemoData } from '@shian/core/demo/load-demo.ts';
import { createRandom } from '@shian/core/demo/random.ts';

/**
 * The roster the draw-and-plan benchmark works on: the demo city's registry (`loadDemoData`: enterprises,
 * licences, products, people, accounts), without the demo's supervision record, which grades every enterprise
 * one by one through the use case (section (d) of the benchmark measures that rate). Then, written in bulk
 * with SQL rather than through the use cases:
 * - a risk profile with a grade (风险等级) and a credit class (信用风险分类) for every enterprise, spread
 *   deterministically by credit-code order: grades A 30 %, B 40 %, C 20 %, D 10 %; credit classes A 20 %,
 *   B 50 %, C 15 %, D 5 %, none 10 %;
 * - inspectors (执法检查人员): a few at the city bureau (市局), the rest spread over the 16 districts in
 *   proportion to their enterprises;
 * - standing recusals (回避), each from an enterprise in the inspector's own jurisdiction;
 * - one finished routine inspection in 2022–2026 for 30 % of the enterprises, so that the roster's "last
 *   full-checklist inspection" finds something and plans see both due and recent enterprises.
 */

export interface InspectionCityOptions {
  sellers: number;
  inspectors: number;
  cityInspectors: number;
  recusals: number;
}

export interface InspectionCity {
  enterprises: number;
  /** Seconds to migrate and load the demo city. */
  cityLoadSeconds: number;
  /** Seconds for profiles, inspectors, recusals, inspections and statistics. */
  extrasSeconds: number;
  inspectors: number;
  recusals: number;
  finishedInspections: number;
  /** The district with the most enterprises. */
  largestDistrict: { code: string; name: string; enterprises: number };
}

const BENCH_PREFIX = 'bench-inspector-';

export async function buildInspectionCity(database: Database, options: InspectionCityOptions): Promise<InspectionCity> {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db);
  await seedJurisdictions(db);
  await loadDemoData(db, { sellers: options.sellers });
  const t1 = performance.now();

  // Grades and credit classes by position in credit-code order: the same spread on every run.
  await sql`
    INSERT INTO risk_profiles (enterprise_id, jurisdiction_code, sector, facts, credit_class, current_grade)
    SELECT id, jurisdiction_code, sector,
      CASE WHEN sector = 'production' THEN jsonb_build_object(
          'foodCategories', jsonb_build_array(CASE WHEN n % 3 = 0 THEN 'general' ELSE 'health_food' END),
          'scale', (ARRAY['large', 'medium', 'small'])[1 + n % 3], 'employees', 10 + n % 500,
          'hasExtraction', n % 4 = 0, 'sharedLineWithGeneralFood', n % 5 = 0, 'outsourcedProcessing', n % 7 = 0)
        ELSE jsonb_build_object(
          'areaM2', 15 + (n * 37) % 2000,
          'prepackagedSkus', jsonb_build_object('ambient', 20 + (n * 13) % 3000, 'chilled', (n * 7) % 300, 'frozen', (n * 3) % 80),
          'bulkSkus', jsonb_build_object('ambient', n % 40, 'chilled', n % 11, 'frozen', n % 6),
          'supplierCount', 2 + (n * 11) % 200, 'specialFoodItems', jsonb_build_array('health_food'), 'onlineSales', n % 3 = 0)
      END,
      CASE WHEN (n * 7 + 3) % 20 < 4 THEN 'A' WHEN (n * 7 + 3) % 20 < 14 THEN 'B' WHEN (n * 7 + 3) % 20 < 17 THEN 'C'
        WHEN (n * 7 + 3) % 20 < 18 THEN 'D' END,
      CASE WHEN n % 20 < 6 THEN 'A' WHEN n % 20 < 14 THEN 'B' WHEN n % 20 < 18 THEN 'C' ELSE 'D' END
    FROM (
      SELECT id, jurisdiction_code, CASE WHEN 'producer' = ANY(kinds) THEN 'production' ELSE 'sales' END AS sector,
        row_number() OVER (ORDER BY uscc, id) AS n
      FROM enterprises
    ) numbered`.execute(db);

  // Inspectors: the demo accounts' password hash (no argon2 here); the city bureau first, then by district size.
  const { passwordHash } = await db.selectFrom('users').select('passwordHash').where('username', '=', 'city-admin').executeTakeFirstOrThrow();
  const byDistrict = await sql<{ district: string; n: number }>`
    SELECT left(jurisdiction_code, 6) AS district, count(*)::int AS n FROM enterprises WHERE status = 'active' GROUP BY 1 ORDER BY 1`.execute(db);
  const counted = byDistrict.rows.filter((r) => SHANGHAI_DISTRICTS.some((d) => d.code === r.district));
  const total = counted.reduce((sum, r) => sum + r.n, 0);
  const forDistricts = options.inspectors - options.cityInspectors;
  // Largest remainders, at least two per district (every inspection needs two).
  const quotas = counted.map((r) => ({ district: r.district, exact: (forDistricts * r.n) / total }));
  const shares = new Map(quotas.map((q) => [q.district, Math.max(2, Math.floor(q.exact))]));
  const byRemainder = [...quotas].sort((a, b) => (b.exact % 1) - (a.exact % 1));
  for (let i = 0, given = [...shares.values()].reduce((a, b) => a + b, 0); given < forDistricts; i += 1, given += 1) {
    const q = byRemainder[i % byRemainder.length];
    if (q) shares.set(q.district, (shares.get(q.district) ?? 0) + 1);
  }
  const seats: string[] = Array.from({ length: options.cityInspectors }, () => SHANGHAI_CODE);
  for (const [district, share] of shares) for (let i = 0; i < share; i += 1) seats.push(district);
  const now = new Date();
  const inspectorRows = seats.map((jurisdictionCode, i) => ({
    id: randomUUID(),
    username: `${BENCH_PREFIX}${i + 1}`,
    displayName: `检查员${i + 1}`,
    passwordHash,
    role: 'inspector',
    jurisdictionCode,
    enterpriseId: null,
    passwordChangedAt: now,
  }));
  await db.insertInto('users').values(inspectorRows).execute();

  // Recusals: each inspector in turn declares one from an enterprise in their jurisdiction.
  const enterprises = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('status', '=', 'active').orderBy('uscc').orderBy('id').execute();
  const inDistrict = new Map<string, { id: string; jurisdictionCode: string }[]>();
  for (const e of enterprises) {
    const key = e.jurisdictionCode.slice(0, 6);
    const list = inDistrict.get(key);
    if (list) list.push(e);
    else inDistrict.set(key, [e]);
  }
  const random = createRandom(20_261_121, 'bench-recusals');
  const seen = new Set<string>();
  const recusalRows = [];
  for (let i = 0; recusalRows.length < options.recusals && i < options.recusals * 2; i += 1) {
    const inspector = inspectorRows[i % inspectorRows.length];
    if (!inspector) break;
    const pool = inspector.jurisdictionCode === SHANGHAI_CODE ? enterprises : (inDistrict.get(inspector.jurisdictionCode) ?? []);
    if (pool.length === 0) continue;
    const enterprise = random.pick(pool);
    const key = `${inspector.id}:${enterprise.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recusalRows.push({
      id: randomUUID(),
      inspectorId: inspector.id,
      enterpriseId: enterprise.id,
      jurisdictionCode: enterprise.jurisdictionCode,
      reason: '近亲属任职（基准测试）',
      declaredOn: '2026-01-05',
      withdrawnAt: null,
      createdBy: null,
    });
  }
  for (let i = 0; i < recusalRows.length; i += 1000) await db.insertInto('recusals').values(recusalRows.slice(i, i + 1000)).execute();

  // Finished routine inspections for 30 % of the enterprises, dated over five years.
  const pair = inspectorRows.slice(0, 2).map((r) => r.id);
  const finished = await sql`
    INSERT INTO inspections (id, number, enterprise_id, jurisdiction_code, kind, origin, template_id, scheduled_on,
      inspector_ids, status, outcome, counts, inspected_on, completed_at)
    SELECT gen_random_uuid(), 'JC-BENCH-' || n, id, jurisdiction_code, 'routine', 'plan', ${chooseTemplate(['seller'], false).id},
      day, ${sql.val(pair)}::uuid[], 'completed', CASE WHEN n % 3 = 0 THEN 'fixed_on_site' ELSE 'compliant' END,
      jsonb_build_object('checked', 20, 'keyFailed', 0, 'generalFailed', CASE WHEN n % 3 = 0 THEN 1 ELSE 0 END), day, day::timestamptz
    FROM (
      SELECT id, jurisdiction_code, n, DATE '2022-01-03' + ((n * 37) % 1760)::int AS day
      FROM (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY uscc, id) AS n FROM enterprises WHERE status = 'active') numbered
      WHERE n % 10 < 3
    ) chosen`.execute(db);
  await refreshStatistics(db);
  const t2 = performance.now();

  const largest = [...counted].sort((a, b) => b.n - a.n)[0];
  if (!largest) throw new Error('the demo city has no enterprises');
  return {
    enterprises: enterprises.length,
    cityLoadSeconds: (t1 - t0) / 1000,
    extrasSeconds: (t2 - t1) / 1000,
    inspectors: inspectorRows.length,
    recusals: recusalRows.length,
    finishedInspections: Number(finished.numAffectedRows ?? 0),
    largestDistrict: { code: largest.district, name: SHANGHAI_DISTRICTS.find((d) => d.code === largest.district)?.nameEn ?? largest.district, enterprises: largest.n },
  };
}
