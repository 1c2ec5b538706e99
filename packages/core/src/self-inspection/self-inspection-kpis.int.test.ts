import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, addCalendarDays, selfInspectionAnswerSchema, selfInspectionChecklistFor, selfInspectionItems, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { closeRectificationItem } from './rectification-items.ts';
import { listRectificationItems } from './self-inspection-queries.ts';
import { computeSelfInspectionKpis } from './self-inspection-kpis.ts';
import { createSelfInspectionReport, reviewSelfInspectionReport, saveSelfInspectionAnswers, submitSelfInspectionReport } from './self-inspection-service.ts';
import { buildSelfInspectingProducer, type SelfInspectingProducer } from './self-inspection-test-kit.ts';

/**
 * 闵行 (310112): producers A (submitted, 2 items, 1 closed), B (submitted and returned: does not count), C
 * (draft), D (submitted last year only), E (infant formula, acknowledged, no items), a producer without products
 * (not obliged) and a seller (not obliged). 黄浦 (310101): producer H (submitted, 1 item open).
 * Expected for 闵行 this year: 自查报告率 2/5 (A, E of A–E), 整改率 1/2 (B's returned report's item counts as raised).
 */
const YEAR = Number(today().slice(0, 4));
let database: Database;
let minhang: Actor;
let huangpu: Actor;
const ctx = (actor: Actor) => ({ db: database.db, actor });

async function report(e: SelfInspectingProducer, year: number, nonConformities: number, then: 'draft' | 'submitted' | 'returned' | 'acknowledged', reviewer?: Actor) {
  const keys = selfInspectionItems(selfInspectionChecklistFor(e.product.category === 'infant_formula' ? 'infant_formula' : 'health_food')).map((i) => i.key);
  const r = await createSelfInspectionReport(ctx(e.staff), { kind: 'annual', year });
  const answers = keys.map((itemKey, i) =>
    selfInspectionAnswerSchema.parse(
      i < nonConformities ? { itemKey, result: 'non_conformant', note: '发现问题', rectificationOwner: '李', rectificationDueOn: addCalendarDays(today(), 30) } : { itemKey, result: 'conformant' },
    ),
  );
  await saveSelfInspectionAnswers(ctx(e.staff), r.id, { version: r.version, answers });
  if (then === 'draft') return;
  await submitSelfInspectionReport(ctx(e.staff), r.id);
  if (then === 'returned') await reviewSelfInspectionReport(ctx(reviewer!), r.id, { decision: 'return', comment: '请补充' });
  if (then === 'acknowledged') await reviewSelfInspectionReport(ctx(reviewer!), r.id, { decision: 'acknowledge', comment: '' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  minhang = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310112' })).actor;
  huangpu = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
  const [a, b, c, d, e] = [
    await buildSelfInspectingProducer(db, '310112'),
    await buildSelfInspectingProducer(db, '310112'),
    await buildSelfInspectingProducer(db, '310112'),
    await buildSelfInspectingProducer(db, '310112'),
    await buildSelfInspectingProducer(db, '310112', 'infant_formula'),
  ];
  const h = await buildSelfInspectingProducer(db, '310101');
  await buildEnterprise(db, { jurisdictionCode: '310112' });
  await buildEnterprise(db, { jurisdictionCode: '310112', kinds: ['seller'] });
  await report(a!, YEAR, 2, 'submitted');
  const [first] = await listRectificationItems(ctx(a!.staff));
  await closeRectificationItem(ctx(a!.staff), first!.item.id, { evidence: '已整改' });
  await report(b!, YEAR, 0, 'returned', minhang);
  await report(c!, YEAR, 1, 'draft');
  await report(d!, YEAR - 1, 0, 'submitted');
  await report(e!, YEAR, 0, 'acknowledged', minhang);
  await report(h, YEAR, 1, 'submitted');
});
afterAll(async () => database?.close());

describe('computeSelfInspectionKpis', () => {
  it('counts 自查报告率 and 整改率 per district with the plans as basis', async () => {
    const kpis = await computeSelfInspectionKpis(ctx(minhang), '310112', YEAR);
    expect(kpis.ruleSetId).toBe('shian-self-inspection-kpi/1');
    expect(kpis.districts.map((d) => d.districtCode)).toEqual(['310112']);
    expect(kpis.total.reportRate).toMatchObject({ numerator: 2, denominator: 5, rate: 0.4, target: 1, met: false });
    expect(kpis.total.rectificationRate).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    expect(kpis.total.reportRate.basis).toContain('自查报告率');
    const last = await computeSelfInspectionKpis(ctx(minhang), '310112', YEAR - 1);
    expect(last.total.reportRate).toMatchObject({ numerator: 1, denominator: 5 });
    expect(last.total.rectificationRate).toMatchObject({ numerator: 0, denominator: 0, rate: 1, met: true });
  });

  it('gives the city every district and keeps each district to its own', async () => {
    const admin = (await buildUser(database.db, 'city_supervisor', { jurisdictionCode: '310000' })).actor;
    const city = await computeSelfInspectionKpis(ctx(admin), '310000', YEAR);
    expect(city.districts).toHaveLength(16);
    expect(city.total.reportRate).toMatchObject({ numerator: 3, denominator: 6 });
    expect(city.districts.find((d) => d.districtCode === '310101')?.rectificationRate).toMatchObject({ numerator: 0, denominator: 1 });
    const error = await computeSelfInspectionKpis(ctx(huangpu), '310112', YEAR).catch((e: unknown) => e);
    expect(error instanceof AppError && error.code).toBe('resource.not_found');
  });
});
