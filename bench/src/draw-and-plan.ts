import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import {
  SHANGHAI_CODE,
  drawCount,
  drawWeight,
  generatePlan,
  gradeEnterprise,
  runDraw,
  type Actor,
  type DrawInput,
  type DrawInspector,
  type DrawSize,
  type DrawTarget,
  type TGradeEnterpriseInput,
} from '@shian/domain';
import { naturalLog } from '@shian/domain/random-draw/natural-log.ts';
import { targetUniform } from '@shian/domain/random-draw/canonical.ts';
import {
  ACTIVE_RISK_RULE_SET,
  DEFAULT_VISITS_PER_INSPECTOR_MONTH,
  connectDatabase,
  createDraw,
  generateInspectionPlan,
  regradeAll,
  regradeEnterprise,
  type Ctx,
  type Database,
} from '@shian/core';
import { createRandom } from '@shian/core/demo/random.ts';
import { loadEnterpriseRoster, type RosterFilters } from '@shian/core/inspection/enterprise-roster.ts';
import { loadInspectorRoster } from '@shian/core/inspection/inspector-roster.ts';
import { buildInspectionCity } from './inspection-city.ts';
import { measure, printTable, ratio, summariseRuns, type Summary } from './measure.ts';
import { PhaseClock, type PhaseSplit } from './phase-clock.ts';
import { summarise } from './stats.ts';

/**
 * Random draw (双随机抽取) and annual plan (年度监督检查计划) over a 100,000-enterprise roster: the pure domain
 * functions, the use cases end to end with their time split into roster load / compute / persist, and the
 * baselines each is compared with in the same run (a uniform Fisher–Yates pick; loading the roster alone).
 * Also the throughput of the per-enterprise grading use case on a sample. Prints tables; writes nothing:
 * PGlite runs in memory, and with DATABASE_URL a scratch database is created on that server and dropped.
 *
 *   npm run bench -- draw-and-plan [--sellers 100000] [--repetitions 7] [--db-repetitions 3]
 */
export interface DrawAndPlanOptions {
  sellers: number;
  /** Repetitions of the pure (in-memory) operations. */
  repetitions: number;
  /** Repetitions of the operations that read or write the database. */
  dbRepetitions: number;
}

const PROPORTION = 0.05;
const PLAN_YEAR = 2027;
const GRADING_SAMPLE = 2000;

/** A fresh database: PGlite in memory, or a scratch database on the DATABASE_URL server, dropped afterwards. */
async function openFreshDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await connectDatabase({ dataDir: 'memory://bench-draw-and-plan' });
    return { database, dispose: () => database.close() };
  }
  const name = `shian_bench_draw_${process.pid}`;
  const server = await connectDatabase({ databaseUrl: url, poolSize: 1 });
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(server.db);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: scratch.toString() });
  return {
    database,
    dispose: async () => {
      await database.close();
      await sql`DROP DATABASE ${sql.id(name)}`.execute(server.db);
      await server.close();
    },
  };
}

/** The baseline: `count` ids picked uniformly by a partial Fisher–Yates shuffle of a copy. */
function fisherYates(ids: readonly string[], count: number, seed: number): string[] {
  const random = createRandom(seed, 'bench-shuffle');
  const pool = [...ids];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    const picked = pool[j] ?? '';
    pool[j] = pool[i] ?? '';
    pool[i] = picked;
  }
  return pool.slice(0, count);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** One line: the medians of a use case's phases. */
function describePhases(label: string, splits: (PhaseSplit | null)[]): string {
  const known = splits.filter((s): s is PhaseSplit => s !== null);
  if (known.length === 0) return `  ${label}: no split (the use case did not query as expected); see its total`;
  const p50 = (pick: (s: PhaseSplit) => number): number => summarise(known.map(pick)).p50;
  return (
    `  ${label}: roster ${seconds(p50((s) => s.roster))} (the enterprise query ${seconds(p50((s) => s.rosterQuery))})` +
    ` · compute ${seconds(p50((s) => s.compute))} · persist ${seconds(p50((s) => s.persist))} in ${p50((s) => s.persistQueries)} queries`
  );
}

export async function benchDrawAndPlan(options: DrawAndPlanOptions): Promise<void> {
  const started = performance.now();
  const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`load average at start: ${load()} (${availableParallelism()} cores)`);
  const { database, dispose } = await openFreshDatabase();
  try {
    const city = await buildInspectionCity(database, { sellers: options.sellers, inspectors: 300, cityInspectors: 16, recusals: 2000 });
    console.log(
      `database: ${database.engine} ${database.location}; ${city.enterprises} active enterprises, demo city loaded in ${city.cityLoadSeconds.toFixed(1)} s;` +
        ` profiles, ${city.inspectors} inspectors, ${city.recusals} recusals and ${city.finishedInspections} finished inspections in ${city.extrasSeconds.toFixed(1)} s`,
    );
    const admin = await database.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'city-admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.id, username: admin.username, role: 'city_admin', jurisdictionCode: SHANGHAI_CODE, enterpriseId: null };
    const clock = new PhaseClock();
    const ctx: Ctx = { db: database.db.withPlugin(clock), actor };
    const reps = options.repetitions;
    const dbReps = options.dbRepetitions;

    // ── (a) The pure draw over the whole city, against a uniform pick of the same count ──────────────────
    const cityRoster = await loadEnterpriseRoster(database.db, SHANGHAI_CODE);
    // The inspector roster the use cases read for the city: every active inspector, with standing recusals.
    const cityPool = await loadInspectorRoster(database.db, SHANGHAI_CODE);
    const inspectors: DrawInspector[] = cityPool.map((i) => ({ id: i.id, jurisdictionCode: i.jurisdictionCode, recusedTargetIds: i.recusedEnterpriseIds }));
    const targets: DrawTarget[] = cityRoster.map((e) => ({ id: e.id, jurisdictionCode: e.jurisdictionCode, weight: drawWeight(ACTIVE_RISK_RULE_SET, e.grade, e.creditClass) }));
    const size: DrawSize = { mode: 'proportion', proportion: PROPORTION };
    const count = drawCount(size, targets.length);
    const drawInput = (i: number): DrawInput => ({ seed: `bench-2026-11-21-${i}`, targets, size, inspectors, inspectorsPerTarget: 2 });
    const ids = targets.map((t) => t.id);
    const shuffle = summariseRuns(await measure('baseline: uniform pick, partial Fisher–Yates', reps, (i) => fisherYates(ids, count, i), 1));
    const keys = summariseRuns(
      await measure('  part of it: keys alone (SHA-256 + ln each)', reps, (i) => {
        const seed = `bench-2026-11-21-${i}`;
        const out = new Float64Array(targets.length);
        targets.forEach((t, k) => (out[k] = -naturalLog(targetUniform(seed, t.id)) / t.weight));
        return out;
      }, 1),
    );
    const drawn = await measure('runDraw: weighted, recusals, 2 inspectors', reps, (i) => runDraw(drawInput(i)), 1);
    const draw = summariseRuns(drawn);
    const recusedTargets = new Set(inspectors.flatMap((i) => i.recusedTargetIds));
    console.log(
      `\n(a) pure draw: ${targets.length} targets, ${inspectors.length} inspectors (${city.inspectors} added, ${inspectors.length - city.inspectors} from the demo)` +
        ` with ${recusedTargets.size} recused-from enterprises, ${PROPORTION * 100} % → ${count} picks;` +
        ` last run: ${drawn.last.unstaffed.length} unstaffed, ${drawn.last.picked.filter((p) => recusedTargets.has(p.targetId)).length} picks with a recusal`,
    );
    printTable('(a) pure draw (in memory)', [
      { ...draw, ratio: ratio(draw.p50, shuffle.p50) },
      { ...keys, ratio: ratio(keys.p50, shuffle.p50) },
      { ...shuffle, ratio: '×1' },
    ]);

    // ── (b) createDraw end to end, against loading the same roster ────────────────────────────────────────
    const variants: { label: string; filters: RosterFilters }[] = [
      { label: 'city, every enterprise', filters: {} },
      { label: 'city, sellers graded C or D', filters: { kinds: ['seller'], grades: ['C', 'D'] } },
    ];
    console.log(`\n(b) createDraw: ${PROPORTION * 100} % weighted, 2 inspectors each, from the use case's inspector roster for 310000: ${cityPool.length} inspectors`);
    const drawRows: (Summary & { ratio?: string })[] = [];
    const drawPhases: string[] = [];
    let cityRosterLoad: Summary | null = null;
    for (const variant of variants) {
      const rosterLoad = summariseRuns(await measure(`  baseline: loadEnterpriseRoster (${variant.label})`, dbReps, () => loadEnterpriseRoster(database.db, SHANGHAI_CODE, variant.filters)));
      if (!cityRosterLoad) cityRosterLoad = rosterLoad;
      const splits: (PhaseSplit | null)[] = [];
      let picked = 0;
      let rosterSize = 0;
      const run = summariseRuns(
        await measure(`createDraw (${variant.label})`, dbReps, async (i) => {
          const { result, phases } = await clock.split(() =>
            createDraw(ctx, { jurisdictionCode: SHANGHAI_CODE, title: `基准抽查 ${i}`, filters: variant.filters, size, inspectorsPerTarget: 2, weighted: true, scheduledOn: '2026-12-15' }),
          );
          splits.push(phases);
          picked = result.pickedCount;
          rosterSize = result.rosterSize;
          return result.id;
        }),
      );
      drawRows.push({ ...run, label: `${run.label}: ${rosterSize} → ${picked}`, ratio: ratio(run.p50, rosterLoad.p50) }, { ...rosterLoad, ratio: '×1' });
      drawPhases.push(describePhases(variant.label, splits));
    }
    printTable('(b) createDraw: roster, draw, then draw + input + picks + one inspection per staffed pick, audited', drawRows);
    console.log(`medians by phase:\n${drawPhases.join('\n')}`);

    // ── (c) Plans: the pure plan and the use case, against loading the roster ─────────────────────────────
    if (!cityRosterLoad) throw new Error('no roster baseline');
    const planInput = { year: PLAN_YEAR, enterprises: cityRoster, inspectorCount: inspectors.length, visitsPerInspectorPerMonth: DEFAULT_VISITS_PER_INSPECTOR_MONTH, inspectorsPerInspection: 2 };
    const purePlan = summariseRuns(await measure(`generatePlan (pure, ${cityRoster.length} enterprises)`, reps, () => generatePlan(planInput, ACTIVE_RISK_RULE_SET), 1));
    const district = city.largestDistrict;
    const districtRosterLoad = summariseRuns(await measure(`  baseline: loadEnterpriseRoster (${district.name})`, dbReps, () => loadEnterpriseRoster(database.db, district.code)));
    const planRows: (Summary & { ratio?: string })[] = [{ ...purePlan, ratio: ratio(purePlan.p50, cityRosterLoad.p50) }];
    const planPhases: string[] = [];
    for (const scope of [
      { code: SHANGHAI_CODE, name: `city, ${cityRoster.length}`, baseline: cityRosterLoad },
      { code: district.code, name: `${district.name}, ${district.enterprises}`, baseline: districtRosterLoad },
    ]) {
      const splits: (PhaseSplit | null)[] = [];
      const run = summariseRuns(
        await measure(`generateInspectionPlan (${scope.name})`, dbReps, async () => {
          // Each run generates afresh: the previous run's draft is removed first, outside the timing.
          await database.db.deleteFrom('inspectionPlans').where('jurisdictionCode', '=', scope.code).where('year', '=', PLAN_YEAR).execute();
          const { result, phases } = await clock.split(() => generateInspectionPlan(ctx, { jurisdictionCode: scope.code, year: PLAN_YEAR }));
          splits.push(phases);
          return result.id;
        }),
      );
      planRows.push({ ...run, ratio: ratio(run.p50, scope.baseline.p50) }, { ...scope.baseline, ratio: '×1' });
      planPhases.push(describePhases(scope.name, splits));
    }
    printTable(`(c) annual plan ${PLAN_YEAR}: ratios against loading the same roster (the pure plan: the city's)`, planRows);
    console.log(`medians by phase:\n${planPhases.join('\n')}`);

    // ── (d) Grading throughput: the per-enterprise use case on a sample, against the pure grading ─────────
    const sample = await sql<{ enterpriseId: string; sector: 'production' | 'sales'; facts: unknown; currentGrade: string | null }>`
      SELECT enterprise_id AS "enterpriseId", sector, facts, current_grade AS "currentGrade" FROM (
        SELECT p.*, row_number() OVER (ORDER BY e.uscc, e.id) AS n FROM risk_profiles p JOIN enterprises e ON e.id = p.enterprise_id) numbered
      WHERE n % ${Math.max(1, Math.floor(city.enterprises / GRADING_SAMPLE))} = 0 LIMIT ${GRADING_SAMPLE}`.execute(database.db);
    const inputs = sample.rows.map(
      // Facts were written by inspection-city.ts in the shape ZRiskFacts accepts.
      (p) => ({ sector: p.sector, facts: p.facts, inspections: [], triggers: [], previousGrade: p.currentGrade, consecutiveCompliantYears: 0 }) as TGradeEnterpriseInput,
    );
    const pureGrading = summariseRuns(await measure(`gradeEnterprise (pure) × ${inputs.length}`, reps, () => inputs.map((input) => gradeEnterprise(input, ACTIVE_RISK_RULE_SET)), 1));
    const useCase = summariseRuns(
      await measure(`regradeEnterprise (use case) × ${sample.rows.length}`, 1, async () => {
        for (const p of sample.rows) await regradeEnterprise({ db: database.db, actor }, p.enterpriseId, 2026);
      }),
    );
    // The yearly job's path (200 enterprises per transaction) over the street closest to the sample's size.
    const street = await sql<{ code: string; n: number }>`
      SELECT jurisdiction_code AS code, count(*)::int AS n FROM enterprises WHERE status = 'active' AND length(jurisdiction_code) = 9
      GROUP BY 1 ORDER BY abs(count(*) - ${GRADING_SAMPLE}), 1 LIMIT 1`.execute(database.db);
    const streetRow = street.rows[0];
    const job = streetRow
      ? summariseRuns(await measure(`regradeAll (job), street ${streetRow.code} × ${streetRow.n}`, 1, () => regradeAll(database.db, { year: 2026, jurisdictionCode: streetRow.code, jobId: null })))
      : null;
    printTable('(d) grading throughput', [
      { ...useCase, ratio: ratio(useCase.p50, pureGrading.p50) },
      ...(job && streetRow ? [{ ...job, ratio: ratio(job.p50 / streetRow.n, pureGrading.p50 / inputs.length) }] : []),
      { ...pureGrading, ratio: '×1' },
    ]);
    const rate = (count: number, ms: number): number => (count * 1000) / ms;
    const perSecond = rate(sample.rows.length, useCase.p50);
    console.log(
      `  use case: ${perSecond.toFixed(0)} enterprises/s, so ${(city.enterprises / perSecond / 60).toFixed(1)} min for all ${city.enterprises}` +
        (job && streetRow ? `; the job: ${rate(streetRow.n, job.p50).toFixed(0)} enterprises/s, ${(city.enterprises / rate(streetRow.n, job.p50) / 60).toFixed(1)} min for all` : '') +
        `; pure grading: ${rate(inputs.length, pureGrading.p50).toFixed(0)} enterprises/s (ratios per enterprise)`,
    );
    console.log(
      `\nwhole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s (of which setup ${(city.cityLoadSeconds + city.extrasSeconds).toFixed(0)} s); load average at the end: ${load()}`,
    );
  } finally {
    await dispose();
  }
}
