import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { captureDocument } from '../epcis/capture/capture-document.ts';
import { buildCapturingEnterprise, epcisDocument, gs1Key, type CapturingEnterprise } from '../epcis/capture/capture-test-kit.ts';
import { createPremises } from '../registry/premises-service.ts';
import { createProduct } from '../registry/product-service.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildLicence, buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { computeTraceKpis } from './trace-kpis.ts';
import { locationIdOf } from './locations.ts';

/**
 * 闵行 (310112): makers A (codes issued for two lots, one with events; a second product without codes) and B
 * (infant formula, nothing), a maker C of FSMP only (not obliged); traders S (no itemised licence, captured
 * a receipt), T (JY licence itemising FSMP sales only: not obliged) and U (JY licence for health food, nothing).
 * 黄浦 (310101): maker H, who traces. Expected for 闵行: coverage 2/4 (A, S of A, B, S, U), upload 1/2,
 * code assignment 1/3 (A's two products, B's one).
 */
const DISTRICT = '310112';
const YEAR = Number(today().slice(0, 4));
let database: Database;
let regulator: Actor;
let a: CapturingEnterprise;

let n = 0;
async function product(e: EnterpriseRow, category: 'health_food' | 'infant_formula' | 'fsmp', gtin13 = gs1Key('69', 13)) {
  n += 1;
  const registrationNumber = category === 'health_food' ? `国食健注G2021${String(n).padStart(4, '0')}` : category === 'infant_formula' ? `国食注字YP2021${String(n).padStart(4, '0')}` : `国食注字TY2021${String(n).padStart(4, '0')}`;
  return createProduct({ db: database.db, actor: SYSTEM_ACTOR }, e.id, { name: `产品${n}`, category, registrationNumber, functions: [], gtins: [gtin13], specification: null });
}

async function batch(e: EnterpriseRow, productId: string, gtin: string, lot: string) {
  await database.db
    .insertInto('traceCodeBatches')
    .values({ id: randomUUID(), number: `TB-${randomUUID()}`, enterpriseId: e.id, productId, jurisdictionCode: e.jurisdictionCode, gtin, lot, productionDate: '2026-01-10', expiryDate: '2027-07-09', quantity: 10, issued: 10, status: 'issued', jobId: null, requestedBy: null, finishedAt: new Date() })
    .execute();
}

async function jyLicence(e: EnterpriseRow, categories: string[]) {
  const licence = await buildLicence(database.db, e, 'JY');
  await database.db.updateTable('licences').set({ categories }).where('id', '=', licence.id).execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  regulator = (await buildUser(db, 'district_supervisor', { jurisdictionCode: DISTRICT })).actor;
  a = await buildCapturingEnterprise(db, DISTRICT);
  await batch(a.enterprise, a.productId, a.gtin, 'LOT1');
  await batch(a.enterprise, a.productId, a.gtin, 'LOT2');
  await product(a.enterprise, 'health_food');
  const commission = {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T08:00:00.000+08:00',
    eventTimeZoneOffset: '+08:00',
    action: 'ADD',
    bizStep: 'commissioning',
    epcList: [`https://id.gs1.org/01/${a.gtin}/10/LOT1/21/K1`],
    readPoint: { id: a.glnLocation },
  };
  expect((await captureDocument({ db, actor: a.actor }, epcisDocument([commission]))).status).toBe('done');

  const b = await buildEnterprise(db, { jurisdictionCode: DISTRICT, kinds: ['producer'] });
  await product(b, 'infant_formula');
  const c = await buildEnterprise(db, { jurisdictionCode: DISTRICT, kinds: ['producer'] });
  await product(c, 'fsmp');

  const s = await buildEnterprise(db, { jurisdictionCode: DISTRICT, kinds: ['seller'] });
  const shop = await createPremises({ db, actor: SYSTEM_ACTOR }, s.id, { name: '门店', address: '上海市测试路9号', kind: 'business', jurisdictionCode: DISTRICT });
  const staff = (await buildUser(db, 'enterprise_staff', { enterpriseId: s.id })).actor;
  const receipt = { ...commission, action: 'OBSERVE', bizStep: 'receiving', readPoint: { id: locationIdOf({ id: shop.id, gln: null }) } };
  expect((await captureDocument({ db, actor: staff }, epcisDocument([receipt]))).status).toBe('done');
  const t = await buildEnterprise(db, { jurisdictionCode: DISTRICT, kinds: ['seller'] });
  await jyLicence(t, ['fsmp_sales']);
  const u = await buildEnterprise(db, { jurisdictionCode: DISTRICT, kinds: ['seller'] });
  await jyLicence(u, ['health_food_sales']);

  const h = await buildCapturingEnterprise(db, '310101');
  await batch(h.enterprise, h.productId, h.gtin, 'H1');
});
afterAll(async () => database?.close());

describe('the traceability KPIs (追溯 KPI)', () => {
  it('counts a district\'s obliged enterprises, uploaded lots and coded products', async () => {
    const kpis = await computeTraceKpis({ db: database.db, actor: regulator }, DISTRICT, YEAR);
    expect(kpis.districts.map((d) => d.districtCode)).toEqual([DISTRICT]);
    const [minhang] = kpis.districts;
    expect(minhang?.nameZh).toBe('闵行区');
    expect(minhang?.coverage).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, target: 1, met: false });
    expect(minhang?.upload).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    expect(minhang?.codeAssignment).toMatchObject({ numerator: 1, denominator: 3 });
    expect(minhang?.codeAssignment.basis).toContain('赋码率');
    expect(kpis.total.coverage).toEqual(minhang?.coverage);
  });

  it('gives the city every district, each with its own figures', async () => {
    const city = (await buildUser(database.db, 'city_supervisor', { jurisdictionCode: '310000' })).actor;
    const kpis = await computeTraceKpis({ db: database.db, actor: city }, '310000', YEAR);
    expect(kpis.districts).toHaveLength(16);
    const huangpu = kpis.districts.find((d) => d.districtCode === '310101');
    expect(huangpu?.coverage).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(huangpu?.upload).toMatchObject({ numerator: 0, denominator: 1 });
    expect(kpis.total.coverage).toMatchObject({ numerator: 3, denominator: 5 });
    expect(kpis.total.codeAssignment).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it('counts nothing of another year, and refuses enterprises and other districts', async () => {
    const kpis = await computeTraceKpis({ db: database.db, actor: regulator }, DISTRICT, YEAR - 1);
    expect(kpis.total.coverage).toMatchObject({ numerator: 0, denominator: 4 });
    expect(kpis.total.upload).toMatchObject({ numerator: 0, denominator: 0, rate: 1 });
    await expect(computeTraceKpis({ db: database.db, actor: regulator }, '310101', YEAR)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(computeTraceKpis({ db: database.db, actor: a.actor }, DISTRICT, YEAR)).rejects.toMatchObject({ code: 'resource.not_found' });
  });
});
