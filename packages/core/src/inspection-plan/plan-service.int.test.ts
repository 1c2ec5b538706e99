import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Localised, RiskGrade, TRiskFacts } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { createProduct } from '../registry/product-service.ts';
import { ACTIVE_RISK_RULE_SET, overrideGrade, regradeEnterprise } from '../risk/risk-grading.ts';
import { saveRiskProfile } from '../risk/risk-profile-service.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { approveInspectionPlan, findInspectionPlan, generateInspectionPlan, listPlanItems, type InspectionPlanItemRow, type PlanSummary } from './plan-service.ts';

// Changning is planned here; Chongming has no inspector at all. No city-level inspector exists in this file,
// so each district's inspector pool is its own.
const DISTRICT = '310105';
const EMPTY_DISTRICT = '310151';
const YEAR = 2026;

let database: Database;
let supervisor: Ctx;
let inspector: Ctx;
let otherSupervisor: Ctx;
/** The district's enterprises by role in the scenario. */
let e: Record<'producerD' | 'producerC' | 'specialA' | 'producerUngraded' | 'sellerD' | 'sellerB' | 'sellerA' | 'sellerUngraded', EnterpriseRow>;

const as = (actor: Actor): Ctx => ({ db: database.db, actor });

const producerFacts: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['general'], scale: 'small', employees: 12, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
};
const sellerFacts: TRiskFacts = {
  sector: 'sales',
  facts: { areaM2: 100, prepackagedSkus: { ambient: 10, chilled: 0, frozen: 0 }, bulkSkus: { ambient: 0, chilled: 0, frozen: 0 }, supplierCount: 5, specialFoodItems: [], onlineSales: false },
};

/** Records facts, grades, and sets the grade the scenario needs the way a supervisor would: an override with a reason. */
async function gradeAs(enterprise: EnterpriseRow, grade: RiskGrade): Promise<void> {
  await saveRiskProfile(supervisor, enterprise.id, { risk: enterprise.kinds.includes('producer') ? producerFacts : sellerFacts, creditClass: null });
  const computed = await regradeEnterprise(supervisor, enterprise.id, YEAR);
  if (computed.grade !== grade) await overrideGrade(supervisor, enterprise.id, { grade, reason: '按检查计划情景设定等级' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [s, i, o] = await Promise.all([
    buildUser(database.db, 'district_supervisor', { jurisdictionCode: DISTRICT }),
    buildUser(database.db, 'inspector', { jurisdictionCode: DISTRICT }),
    buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310104' }),
    buildUser(database.db, 'inspector', { jurisdictionCode: DISTRICT }),
    buildUser(database.db, 'inspector', { jurisdictionCode: '310105002' }), // a street's inspector counts for the district
  ]);
  supervisor = as(s.actor);
  inspector = as(i.actor);
  otherSupervisor = as(o.actor);

  const producer = () => buildEnterprise(database.db, { jurisdictionCode: DISTRICT, kinds: ['producer'] });
  const seller = () => buildEnterprise(database.db, { jurisdictionCode: DISTRICT, kinds: ['seller'] });
  e = {
    producerD: await producer(),
    producerC: await producer(),
    specialA: await producer(),
    producerUngraded: await producer(),
    sellerD: await seller(),
    sellerB: await seller(),
    sellerA: await seller(),
    sellerUngraded: await seller(),
  };
  // A registered health food makes a special-food producer (特殊食品生产企业).
  await createProduct(supervisor, e.specialA.id, {
    name: '康源牌维生素C片',
    category: 'health_food',
    registrationNumber: '国食健注G20200001',
    functions: ['有助于增强免疫力'],
    gtins: [],
    specification: null,
  });
  await gradeAs(e.producerD, 'D');
  await gradeAs(e.producerC, 'C');
  await gradeAs(e.specialA, 'A');
  await gradeAs(e.sellerD, 'D');
  await gradeAs(e.sellerB, 'B');
  await gradeAs(e.sellerA, 'A');
});
afterAll(async () => database.close());

const allItems = async (planId: string) => (await listPlanItems(supervisor, planId, { limit: 200 })).items;
const byEnterprise = (items: InspectionPlanItemRow[]) => new Map(items.map((i) => [i.enterpriseId, i]));
const reasonsOf = (item: InspectionPlanItemRow | undefined) => ((item?.reasons ?? []) as Localised[]).map((r) => r['zh-CN']);

describe('generating the annual plan (年度监督检查计划)', () => {
  // The tests follow one plan through its life, in order: generated, listed, regenerated, approved.
  it('plans every enterprise at its grade’s minimum, makes special-food producers and high grades priority, and balances the workload', async () => {
    const plan = await generateInspectionPlan(supervisor, { jurisdictionCode: DISTRICT, year: YEAR });
    expect(plan).toMatchObject({ jurisdictionCode: DISTRICT, year: YEAR, status: 'draft', ruleSetId: ACTIVE_RISK_RULE_SET.id });
    const items = await allItems(plan.id);
    expect(items.map((i) => i.enterpriseId).sort()).toEqual(Object.values(e).map((x) => x.id).sort());

    const perGrade = ACTIVE_RISK_RULE_SET.frequency.perGrade;
    for (const item of items) {
      const plannedAs = item.grade ?? ACTIVE_RISK_RULE_SET.frequency.ungradedAs;
      expect(item.required).toBeGreaterThanOrEqual(perGrade[plannedAs].min);
      expect(item.months).toHaveLength(item.required);
      expect(item.months.every((m) => m >= 1 && m <= 12)).toBe(true);
      expect(new Set(item.months).size).toBe(item.months.length);
    }
    const of = byEnterprise(items);
    expect(of.get(e.producerD.id)).toMatchObject({ grade: 'D', priority: true });
    expect(of.get(e.producerD.id)?.required).toBeGreaterThanOrEqual(3);
    expect(of.get(e.sellerD.id)?.required).toBeGreaterThanOrEqual(3);
    expect(of.get(e.producerC.id)).toMatchObject({ grade: 'C', priority: true });
    expect(of.get(e.producerUngraded.id)).toMatchObject({ grade: null, required: perGrade.B.min });
    expect(reasonsOf(of.get(e.producerUngraded.id))).toContain('尚未评定风险等级，按 B 级安排');
    // The special-food producer is a priority target although its grade is the lowest.
    expect(of.get(e.specialA.id)).toMatchObject({ grade: 'A', priority: true });
    expect(reasonsOf(of.get(e.specialA.id)).some((r) => r.startsWith('特殊食品生产企业，列为重点监督检查对象'))).toBe(true);
    expect([e.sellerA, e.sellerB, e.sellerUngraded].map((x) => of.get(x.id)?.priority)).toEqual([false, false, false]);
    expect(of.get(e.sellerD.id)?.priority).toBe(true);

    const found = await findInspectionPlan(supervisor, DISTRICT, YEAR);
    if (!found) throw new Error('the generated plan is not found');
    const summary: PlanSummary = found.summary;
    const required = items.reduce((sum, i) => sum + i.required, 0);
    expect(summary.workload.map((w) => w.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(summary.workload.reduce((sum, w) => sum + w.inspections, 0)).toBe(required);
    expect(summary.totals).toMatchObject({ enterprises: 8, inspections: required, inspectorVisits: required * 2, priority: 4, ungraded: 2 });
    for (const w of summary.workload) {
      expect(w.inspections).toBe(items.filter((i) => i.months.includes(w.month)).length);
    }
    expect(summary.inspectorCount).toBe(3);
    expect(summary.coverage.producers).toMatchObject({ total: 4, planned: 4, ratio: 1, target: 1, met: true });
    expect(summary.coverage.sellers.met).toBe(true);

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityId', '=', plan.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection_plan.generate']);
  });

  it('lists a plan’s items by month and priority', async () => {
    const plan = await findInspectionPlan(supervisor, DISTRICT, YEAR);
    if (!plan) throw new Error('the plan of the first test is missing');
    const items = await allItems(plan.id);
    const month = items.flatMap((i) => i.months).find((m) => items.some((i) => !i.months.includes(m))) ?? 1;

    const inMonth = await listPlanItems(supervisor, plan.id, { month });
    expect(inMonth.total).toBe(items.filter((i) => i.months.includes(month)).length);
    expect(inMonth.total).toBeGreaterThan(0);
    expect(inMonth.total).toBeLessThan(items.length);
    expect(inMonth.items.every((i) => i.months.includes(month))).toBe(true);

    const priority = await listPlanItems(supervisor, plan.id, { priorityOnly: true });
    expect(priority.total).toBe(4);
    expect(priority.items.map((i) => i.enterpriseId).sort()).toEqual([e.producerD.id, e.producerC.id, e.specialA.id, e.sellerD.id].sort());
    expect(priority.items.every((i) => typeof i.enterpriseName === 'string' && i.enterpriseName.length > 0)).toBe(true);

    const both = await listPlanItems(supervisor, plan.id, { month, priorityOnly: true });
    expect(both.items.every((i) => i.priority && i.months.includes(month))).toBe(true);
    expect(both.total).toBe(items.filter((i) => i.priority && i.months.includes(month)).length);

    const page = await listPlanItems(supervisor, plan.id, { limit: 3, offset: 0 });
    expect(page).toMatchObject({ total: 8 });
    expect(page.items).toHaveLength(3);
    expect(page.items.every((i) => i.priority)).toBe(true); // priority first
  });

  it('replaces a draft when regenerated: one plan per jurisdiction and year, each enterprise once', async () => {
    const before = await findInspectionPlan(supervisor, DISTRICT, YEAR);
    const newcomer = await buildEnterprise(database.db, { jurisdictionCode: DISTRICT, kinds: ['seller'] });
    const regenerated = await generateInspectionPlan(supervisor, { jurisdictionCode: DISTRICT, year: YEAR, visitsPerInspectorPerMonth: 4 });
    expect(regenerated.id).not.toBe(before?.id);

    const plans = await database.db.selectFrom('inspectionPlans').select('id').where('jurisdictionCode', '=', DISTRICT).where('year', '=', YEAR).execute();
    expect(plans.map((p) => p.id)).toEqual([regenerated.id]);
    const rows = await database.db.selectFrom('inspectionPlanItems').select(['planId', 'enterpriseId']).where('enterpriseId', 'in', [...Object.values(e), newcomer].map((x) => x.id)).execute();
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.planId))).toEqual(new Set([regenerated.id]));
    expect(new Set(rows.map((r) => r.enterpriseId)).size).toBe(9);
    expect((await findInspectionPlan(supervisor, DISTRICT, YEAR))?.summary).toMatchObject({ visitsPerInspectorPerMonth: 4, totals: { enterprises: 9 } });

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityId', '=', regenerated.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'inspection_plan.regenerate', before: { id: before?.id } });
  });

  it('keeps an approved plan: it can be neither regenerated nor approved again', async () => {
    const plan = await findInspectionPlan(supervisor, DISTRICT, YEAR);
    if (!plan) throw new Error('the plan of the first test is missing');
    const approved = await approveInspectionPlan(supervisor, plan.id);
    expect(approved).toMatchObject({ id: plan.id, status: 'approved', approvedBy: supervisor.actor.userId, version: plan.version + 1 });

    await expect(generateInspectionPlan(supervisor, { jurisdictionCode: DISTRICT, year: YEAR })).rejects.toMatchObject({ code: 'resource.conflict' });
    await expect(approveInspectionPlan(supervisor, plan.id)).rejects.toMatchObject({ code: 'resource.conflict' });
    expect(await findInspectionPlan(supervisor, DISTRICT, YEAR)).toMatchObject({ id: plan.id, status: 'approved' });
    expect(await listPlanItems(supervisor, plan.id, {})).toMatchObject({ total: 9 });
    // The next year is a new plan.
    expect(await generateInspectionPlan(supervisor, { jurisdictionCode: DISTRICT, year: YEAR + 1 })).toMatchObject({ status: 'draft', year: YEAR + 1 });
  });

  it('needs inspectors to plan capacity for', async () => {
    const chongming = as((await buildUser(database.db, 'district_supervisor', { jurisdictionCode: EMPTY_DISTRICT })).actor);
    await buildEnterprise(database.db, { jurisdictionCode: EMPTY_DISTRICT });
    await expect(generateInspectionPlan(chongming, { jurisdictionCode: EMPTY_DISTRICT, year: YEAR })).rejects.toMatchObject({ code: 'plan.no_inspectors' });
    expect(await findInspectionPlan(chongming, EMPTY_DISTRICT, YEAR)).toBeNull();
  });

  it('is for the district’s own supervisors only', async () => {
    await expect(generateInspectionPlan(otherSupervisor, { jurisdictionCode: DISTRICT, year: YEAR + 2 })).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(generateInspectionPlan(inspector, { jurisdictionCode: DISTRICT, year: YEAR + 2 })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(findInspectionPlan(otherSupervisor, DISTRICT, YEAR)).rejects.toMatchObject({ code: 'resource.not_found' });
    const plan = await findInspectionPlan(supervisor, DISTRICT, YEAR);
    await expect(listPlanItems(otherSupervisor, plan?.id ?? '', {})).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(approveInspectionPlan(otherSupervisor, plan?.id ?? '')).rejects.toMatchObject({ code: 'resource.not_found' });
    // An inspector of the district may read the plan.
    expect((await listPlanItems(inspector, plan?.id ?? '', {})).total).toBe(9);
    expect(await database.db.selectFrom('inspectionPlans').select('id').where('jurisdictionCode', '=', DISTRICT).where('year', '=', YEAR + 2).execute()).toEqual([]);
  });
});
