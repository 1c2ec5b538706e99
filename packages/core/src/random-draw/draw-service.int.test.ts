import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawWeight, isWithin, runDraw, type Actor, type RiskGrade, type TRiskFacts } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow, UserRow } from '../db/schema.ts';
import type { Ctx } from '../db/transaction.ts';
import { declareRecusal } from '../inspection/recusal-service.ts';
import { createProduct } from '../registry/product-service.ts';
import { ACTIVE_RISK_RULE_SET, overrideGrade, regradeEnterprise } from '../risk/risk-grading.ts';
import { saveRiskProfile } from '../risk/risk-profile-service.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createDraw, findPublicDraw, loadDrawForRerun, verifyStoredDraw, type CreateDrawInput, type DrawRow } from './draw-service.ts';

// Xuhui is drawn from; Jing'an has a single inspector. No city-level inspector exists in this file, so each
// district's inspector pool is its own.
const DISTRICT = '310104';
const STREET = '310104003'; // 天平路街道
const OTHER_STREET = '310104004'; // 湖南路街道
const THIN_DISTRICT = '310106';

let database: Database;
let supervisor: Ctx;
/** Four district inspectors and one whose scope is a single street. */
let districtInspectors: UserRow[];
let streetInspector: UserRow;
let e: Record<'specialD' | 'producerC' | 'sellerA' | 'sellerB' | 'sellerUngraded' | 'onlineA', EnterpriseRow>;

const as = (actor: Actor): Ctx => ({ db: database.db, actor });

const producerFacts: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['general'], scale: 'small', employees: 12, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
};
const sellerFacts: TRiskFacts = {
  sector: 'sales',
  facts: { areaM2: 100, prepackagedSkus: { ambient: 10, chilled: 0, frozen: 0 }, bulkSkus: { ambient: 0, chilled: 0, frozen: 0 }, supplierCount: 5, specialFoodItems: [], onlineSales: false },
};

async function gradeAs(enterprise: EnterpriseRow, grade: RiskGrade, creditClass: RiskGrade): Promise<void> {
  await saveRiskProfile(supervisor, enterprise.id, { risk: enterprise.kinds.includes('producer') ? producerFacts : sellerFacts, creditClass });
  const computed = await regradeEnterprise(supervisor, enterprise.id, 2026);
  if (computed.grade !== grade) await overrideGrade(supervisor, enterprise.id, { grade, reason: '按抽查情景设定等级' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const s = await buildUser(database.db, 'district_supervisor', { jurisdictionCode: DISTRICT });
  supervisor = as(s.actor);
  const inspectors = [];
  for (let i = 0; i < 4; i += 1) inspectors.push(await buildUser(database.db, 'inspector', { jurisdictionCode: DISTRICT }));
  districtInspectors = inspectors.map((i) => i.user);
  streetInspector = (await buildUser(database.db, 'inspector', { jurisdictionCode: STREET })).user;

  const at = (jurisdictionCode: string, kinds: string[]) => buildEnterprise(database.db, { jurisdictionCode, kinds });
  e = {
    specialD: await at(STREET, ['producer']),
    producerC: await at(OTHER_STREET, ['producer']),
    sellerA: await at(DISTRICT, ['seller']),
    sellerB: await at(STREET, ['seller']),
    sellerUngraded: await at(OTHER_STREET, ['seller']),
    onlineA: await at(DISTRICT, ['online_seller']),
  };
  await createProduct(supervisor, e.specialD.id, { name: '康源牌维生素C片', category: 'health_food', registrationNumber: '国食健注G20210002', functions: ['有助于增强免疫力'], gtins: [], specification: null });
  await gradeAs(e.specialD, 'D', 'C');
  await gradeAs(e.producerC, 'C', 'A');
  await gradeAs(e.sellerA, 'A', 'B');
  await gradeAs(e.sellerB, 'B', 'D');
  await gradeAs(e.onlineA, 'A', 'B');

  // Conflicts declared before the draw: by the supervisor for an inspector, and by an inspector for themself.
  const [first, second] = inspectors;
  if (!first || !second) throw new Error('inspectors missing');
  await declareRecusal(supervisor, { enterpriseId: e.specialD.id, inspectorId: first.user.id, reason: '近亲属在该企业任职' });
  await declareRecusal(supervisor, { enterpriseId: e.sellerA.id, inspectorId: first.user.id, reason: '曾在该企业任职' });
  await declareRecusal(as(second.actor), { enterpriseId: e.producerC.id, reason: '与法定代表人有利害关系' });
});
afterAll(async () => database.close());

const draw = (overrides: Partial<CreateDrawInput> = {}): Promise<DrawRow> =>
  createDraw(supervisor, {
    jurisdictionCode: DISTRICT,
    title: '2026年第一季度双随机抽查',
    filters: {},
    size: { mode: 'count', count: 6 },
    inspectorsPerTarget: 2,
    weighted: true,
    scheduledOn: '2026-03-16',
    ...overrides,
  });
const picksOf = (drawId: string) => database.db.selectFrom('drawPicks').selectAll().where('drawId', '=', drawId).orderBy('position').execute();
const recusedFrom = async (enterpriseId: string) =>
  (await database.db.selectFrom('recusals').select('inspectorId').where('enterpriseId', '=', enterpriseId).where('withdrawnAt', 'is', null).execute()).map((r) => r.inspectorId);
const jurisdictionOf = async (userId: string) => (await database.db.selectFrom('users').select('jurisdictionCode').where('id', '=', userId).executeTakeFirstOrThrow()).jurisdictionCode ?? '';

describe('a random draw (双随机抽取)', () => {
  it('stores seed, algorithm, digests, full input and picks, and re-runs to the same outcome', async () => {
    const row = await draw();
    expect(row).toMatchObject({ algorithm: 'shian-draw/1', rosterSize: 6, pickedCount: 6, unstaffedCount: 0, inspectorsPerTarget: 2, jurisdictionCode: DISTRICT });
    expect(row.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(row.rosterDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.inspectorRosterDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.number).toMatch(/^SJ-310104-2026-\d{6}$/);
    expect(row.weighting).toMatchObject({ ruleSetId: ACTIVE_RISK_RULE_SET.id, byGrade: ACTIVE_RISK_RULE_SET.drawWeights.byGrade });

    const { input, outcome } = await loadDrawForRerun(database.db, row.id);
    // The stored input is the roster as drawn: weight = grade weight × credit-class multiplier.
    expect(Object.fromEntries(input.targets.map((t) => [t.id, t.weight]))).toEqual({
      [e.specialD.id]: drawWeight(ACTIVE_RISK_RULE_SET, 'D', 'C'),
      [e.producerC.id]: drawWeight(ACTIVE_RISK_RULE_SET, 'C', 'A'),
      [e.sellerA.id]: drawWeight(ACTIVE_RISK_RULE_SET, 'A', 'B'),
      [e.sellerB.id]: drawWeight(ACTIVE_RISK_RULE_SET, 'B', 'D'),
      [e.sellerUngraded.id]: drawWeight(ACTIVE_RISK_RULE_SET, null, null),
      [e.onlineA.id]: drawWeight(ACTIVE_RISK_RULE_SET, 'A', 'B'),
    });
    expect(input.inspectors.map((i) => i.id).sort()).toEqual([...districtInspectors, streetInspector].map((u) => u.id).sort());
    expect(input.inspectors.find((i) => i.id === districtInspectors[0]?.id)?.recusedTargetIds.slice().sort()).toEqual([e.specialD.id, e.sellerA.id].sort());
    expect(input).toMatchObject({ seed: row.seed, inspectorsPerTarget: 2, size: { mode: 'count', count: 6 } });

    const rerun = runDraw(input);
    expect(rerun).toEqual(outcome);
    expect(rerun).toMatchObject({ seed: row.seed, rosterDigest: row.rosterDigest, inspectorRosterDigest: row.inspectorRosterDigest });
    expect((await picksOf(row.id)).map((p) => p.enterpriseId).sort()).toEqual(Object.values(e).map((x) => x.id).sort());
    expect(await verifyStoredDraw(database.db, row.id)).toEqual({ matches: true, differences: [] });

    const audit = await database.db.selectFrom('auditLog').selectAll().where('entityId', '=', row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['draw.create']);
  });

  it('staffs every pick with two eligible inspectors and schedules it as an inspection from the draw', async () => {
    const row = await draw();
    const picks = await picksOf(row.id);
    expect(picks).toHaveLength(6);
    for (const pick of picks) {
      expect(pick.inspectorIds).toHaveLength(2);
      const enterprise = Object.values(e).find((x) => x.id === pick.enterpriseId);
      const recused = await recusedFrom(pick.enterpriseId);
      for (const inspectorId of pick.inspectorIds) {
        expect(recused).not.toContain(inspectorId);
        expect(isWithin(enterprise?.jurisdictionCode ?? '', await jurisdictionOf(inspectorId))).toBe(true);
      }
      const inspection = await database.db.selectFrom('inspections').selectAll().where('id', '=', pick.inspectionId ?? '').executeTakeFirstOrThrow();
      expect(inspection).toMatchObject({ enterpriseId: pick.enterpriseId, drawId: row.id, origin: 'draw', kind: 'routine', status: 'scheduled', scheduledOn: '2026-03-16' });
      expect(inspection.inspectorIds.slice().sort()).toEqual(pick.inspectorIds.slice().sort());
    }
    const fromDraw = await database.db.selectFrom('inspections').select('id').where('drawId', '=', row.id).execute();
    expect(fromDraw).toHaveLength(6);
    const { picks: published } = await findPublicDraw(database.db, row.id);
    expect(published.every((p) => p.inspectionNumber !== null && p.inspectorNames.length === 2)).toBe(true);
  });

  it('never sends a recused inspector or one from another street; a target without enough left stays unstaffed and unscheduled', async () => {
    // Four per target: each target's team is then exactly the inspectors eligible for it, or none.
    const row = await draw({ inspectorsPerTarget: 4 });
    const [first, second, third, fourth] = districtInspectors.map((u) => u.id);
    const teams = new Map((await picksOf(row.id)).map((p) => [p.enterpriseId, { ids: p.inspectorIds.slice().sort(), inspectionId: p.inspectionId }]));
    const sorted = (...ids: (string | undefined)[]) => ids.map((id) => id ?? '').sort();
    // Tianping street: the street inspector covers it; inspector 1 recused from the special-food producer.
    expect(teams.get(e.specialD.id)?.ids).toEqual(sorted(second, third, fourth, streetInspector.id));
    // Another street: the street inspector does not cover it; inspector 2 recused from the producer → 3 left.
    expect(teams.get(e.producerC.id)).toEqual({ ids: [], inspectionId: null });
    expect(teams.get(e.sellerUngraded.id)?.ids).toEqual(sorted(first, second, third, fourth));
    // District level: inspector 1 recused from sellerA → 3 left.
    expect(teams.get(e.sellerA.id)).toEqual({ ids: [], inspectionId: null });
    expect(teams.get(e.onlineA.id)?.ids).toEqual(sorted(first, second, third, fourth));
    expect(row).toMatchObject({ pickedCount: 6, unstaffedCount: 2 });
    expect(await database.db.selectFrom('inspections').select('enterpriseId').where('drawId', '=', row.id).execute()).toHaveLength(4);
    const { outcome } = await loadDrawForRerun(database.db, row.id);
    expect(outcome.unstaffed.slice().sort()).toEqual([e.producerC.id, e.sellerA.id].sort());
    expect((await verifyStoredDraw(database.db, row.id)).matches).toBe(true);
  });

  it('reports a difference once a stored pick was altered', async () => {
    const row = await draw();
    const [firstPick] = await picksOf(row.id);
    if (!firstPick) throw new Error('no pick');
    const recused = await recusedFrom(firstPick.enterpriseId);
    const outsider = districtInspectors.map((u) => u.id).find((id) => !firstPick.inspectorIds.includes(id) && !recused.includes(id)) ?? '';
    const forged = [firstPick.inspectorIds[0] ?? '', outsider].sort();
    await database.db.updateTable('drawPicks').set({ inspectorIds: forged }).where('drawId', '=', row.id).where('position', '=', 1).execute();

    const report = await verifyStoredDraw(database.db, row.id);
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([`picked[0].inspectorIds: published [${forged.join(', ')}], re-run [${firstPick.inspectorIds.join(', ')}]`]);
  });

  it('narrows the roster by grade, kind, credit class and special-food production', async () => {
    const cases: [CreateDrawInput['filters'], EnterpriseRow[]][] = [
      [{ grades: ['D'] }, [e.specialD]],
      [{ grades: ['A', 'none'] }, [e.sellerA, e.onlineA, e.sellerUngraded]],
      [{ kinds: ['seller'] }, [e.sellerA, e.sellerB, e.sellerUngraded]],
      [{ creditClasses: ['A', 'D'] }, [e.producerC, e.sellerB]],
      [{ specialFoodProducersOnly: true }, [e.specialD]],
      [{ kinds: ['producer'], grades: ['C', 'D'] }, [e.specialD, e.producerC]],
    ];
    for (const [filters, expected] of cases) {
      const row = await draw({ filters, size: { mode: 'count', count: 10 }, weighted: false });
      expect({ filters, rosterSize: row.rosterSize, pickedCount: row.pickedCount }).toEqual({ filters, rosterSize: expected.length, pickedCount: expected.length });
      expect((await picksOf(row.id)).map((p) => p.enterpriseId).sort()).toEqual(expected.map((x) => x.id).sort());
      expect(row.filters).toEqual(filters);
      expect(row.weighting).toBeNull();
      const { input } = await loadDrawForRerun(database.db, row.id);
      expect(input.targets.every((t) => t.weight === 1)).toBe(true);
    }
    const half = await draw({ size: { mode: 'proportion', proportion: 0.5 } });
    expect([half.rosterSize, half.pickedCount]).toEqual([6, 3]);
  });

  it('refuses a draw with nothing to draw from or too few inspectors, and records nothing', async () => {
    const count = async () => Number((await database.db.selectFrom('draws').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await expect(draw({ filters: { kinds: ['importer'] } })).rejects.toMatchObject({ code: 'draw.empty_roster' });
    await expect(draw({ filters: { grades: ['D'], kinds: ['seller'] } })).rejects.toMatchObject({ code: 'draw.empty_roster' });
    await expect(draw({ inspectorsPerTarget: 6 })).rejects.toMatchObject({ code: 'draw.too_few_inspectors', params: { needed: 6 } });

    const jingan = as((await buildUser(database.db, 'district_supervisor', { jurisdictionCode: THIN_DISTRICT })).actor);
    await buildUser(database.db, 'inspector', { jurisdictionCode: THIN_DISTRICT });
    await buildEnterprise(database.db, { jurisdictionCode: THIN_DISTRICT });
    const thin: CreateDrawInput = { jurisdictionCode: THIN_DISTRICT, title: '静安区抽查', filters: {}, size: { mode: 'count', count: 1 }, inspectorsPerTarget: 2, weighted: true, scheduledOn: '2026-04-01' };
    await expect(createDraw(jingan, thin)).rejects.toMatchObject({ code: 'draw.too_few_inspectors', params: { needed: 2 } });
    // Nor may a supervisor draw in another district.
    await expect(createDraw(jingan, { ...thin, jurisdictionCode: DISTRICT })).rejects.toMatchObject({ code: 'resource.not_found' });
    expect(await count()).toBe(before);
  });
});
