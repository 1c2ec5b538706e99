import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeGtinCheckDigit, makeJyNumber, makeScNumber } from '@shian/domain';
import { verifyAuditChain, type EnterpriseRow, type LicenceRow } from '@shian/core';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let pudong: Session;
let huangpuInspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b] = await Promise.all([
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' }),
  ]);
  pudong = await signInAs(t.app, a.user.username);
  huangpuInspector = await signInAs(t.app, b.user.username);
});
afterAll(async () => t.close());

let seq = 0;
const next = () => (seq += 1);
const pad4 = (n: number) => String(n).padStart(4, '0');
const healthFoodNumber = () => `国食健注G2020${pad4(next())}`;
const filingNumber = () => `食健备G202031${String(next()).padStart(6, '0')}`;
const legacyNumber = () => `国食健字G2004${pad4(next())}`;
const infantFormulaNumber = () => `国食注字YP2018${pad4(next())}`;
const fsmpNumber = () => `国食注字TY2019${pad4(next())}`;
/** A GTIN-13 with a Chinese prefix and the right check digit. */
function gtin13(): string {
  const body = `690${String(next()).padStart(9, '0')}`;
  return `${body}${computeGtinCheckDigit(body)}`;
}

const paths = (body: { details: { path: string }[] }) => body.details.map((d) => d.path).sort();

/** An enterprise with an SC licence for health food (127). */
async function producer(): Promise<{ enterprise: EnterpriseRow; licence: LicenceRow }> {
  const enterprise = await buildEnterprise(t.database.db);
  return { enterprise, licence: await buildLicence(t.database.db, enterprise) };
}

/** An SC licence for another category (the factory's licence covers 127 only). */
async function scLicence(enterprise: EnterpriseRow, category: '128' | '129'): Promise<string> {
  const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, {
    number: makeScNumber(category, '310112', next()),
    issuingAuthority: '上海市市场监督管理局',
    issuedOn: '2024-01-01',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

const healthFood = (overrides: Record<string, unknown> = {}) => ({
  name: '康源牌维生素C片',
  category: 'health_food',
  registrationNumber: healthFoodNumber(),
  functions: ['有助于增强免疫力'],
  gtins: [gtin13()],
  specification: '60片/瓶',
  ...overrides,
});

const auditEntries = (entityId: string) =>
  t.database.db.selectFrom('auditLog').selectAll().where('entityType', '=', 'product').where('entityId', '=', entityId).orderBy('seq').execute();

describe('registering a product', () => {
  it('stores the number’s kind, audits it, and shows it in the dossier and in search by GTIN and number', async () => {
    const { enterprise, licence } = await producer();
    const gtin = gtin13();
    const registrationNumber = healthFoodNumber();
    const res = await pudong.post(
      `/api/v1/enterprises/${enterprise.id}/products`,
      healthFood({ registrationNumber, gtins: [gtin], licenceId: licence.id, functions: ['有助于增强免疫力', '辅助降血脂', '补充维生素、矿物质'] }),
    );
    expect(res.statusCode).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      enterpriseId: enterprise.id,
      licenceId: licence.id,
      category: 'health_food',
      registrationNumber,
      registrationKind: 'health_food_registration',
      legacy: false,
      functions: ['有助于增强免疫力', '辅助降血脂', '补充维生素、矿物质'],
      gtins: [gtin],
      specification: '60片/瓶',
      status: 'active',
      version: 1,
    });
    const row = await t.database.db.selectFrom('products').select('jurisdictionCode').where('id', '=', product.id).executeTakeFirstOrThrow();
    expect(row.jurisdictionCode).toBe(enterprise.jurisdictionCode);

    const entries = await auditEntries(product.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'product.create', enterpriseId: enterprise.id, jurisdictionCode: '310115', before: null });
    expect(entries[0]?.after).toMatchObject({ id: product.id, registrationNumber, gtins: [gtin] });

    const dossier = (await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.products.map((p: { id: string }) => p.id)).toEqual([product.id]);
    for (const q of [gtin, registrationNumber]) {
      const found = (await pudong.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((e: { id: string }) => e.id)).toEqual([enterprise.id]);
    }
  });

  it('accepts filings with a nutrient claim, legacy approvals with old claims, infant formula and FSMP under their licences', async () => {
    const { enterprise } = await producer();
    const filing = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood({ registrationNumber: filingNumber(), functions: ['补充钙'] }));
    expect(filing.json()).toMatchObject({ registrationKind: 'health_food_filing', legacy: false, functions: ['补充钙'] });
    const old = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood({ registrationNumber: legacyNumber(), functions: ['减肥', '促进泌乳'] }));
    expect(old.statusCode).toBe(201);
    expect(old.json()).toMatchObject({ registrationKind: 'legacy_health_food', legacy: true, functions: ['减肥', '促进泌乳'] });
    const infantLicence = await scLicence(enterprise, '129');
    const infant = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, {
      name: '康源婴儿配方奶粉（0-6月龄，1段）',
      category: 'infant_formula',
      registrationNumber: infantFormulaNumber(),
      licenceId: infantLicence,
    });
    expect(infant.statusCode).toBe(201);
    expect(infant.json()).toMatchObject({ registrationKind: 'infant_formula_registration', functions: [], gtins: [], specification: null });
    const fsmpLicence = await scLicence(enterprise, '128');
    const fsmp = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, {
      name: '康源全营养配方食品',
      category: 'fsmp',
      registrationNumber: fsmpNumber(),
      licenceId: fsmpLicence,
    });
    expect(fsmp.json()).toMatchObject({ registrationKind: 'fsmp_registration', licenceId: fsmpLicence });
  });

  it('refuses a number of another category and unknown functions, listing every bad field in the requested language', async () => {
    const { enterprise } = await producer();
    const wrongKind = await pudong.post(
      `/api/v1/enterprises/${enterprise.id}/products`,
      healthFood({ category: 'infant_formula', registrationNumber: healthFoodNumber(), functions: ['有助于增强免疫力'] }),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().code).toBe('request.invalid');
    expect(paths(wrongKind.json())).toEqual(['functions.0', 'registrationNumber']);
    expect(wrongKind.json().details.find((d: { path: string }) => d.path === 'functions.0').message).toBe('不在允许声称的保健功能目录中');

    const unknown = await pudong.post(
      `/api/v1/enterprises/${enterprise.id}/products`,
      healthFood({ functions: ['包治百病', '有助于增强免疫力', 'Helps strengthen immunity'] }),
      { 'accept-language': 'en-US' },
    );
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown.json())).toEqual(['functions.0', 'functions.2']);
    expect(unknown.json().details[0].message).toBe('Not in the list of permitted health functions');
    expect(unknown.json().message).toBe('The request has 2 invalid field(s)');

    for (const [category, registrationNumber] of [
      ['health_food', infantFormulaNumber()],
      ['fsmp', infantFormulaNumber()],
      ['infant_formula', fsmpNumber()],
    ] as const) {
      const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, { name: '某产品', category, registrationNumber });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'registrationNumber', message: expect.stringContaining('注册/备案号与产品类别不符') }]);
    }

    // A schema error elsewhere does not hide the cross-field ones: all three come back together.
    const mixed = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, { ...healthFood({ functions: ['包治百病'] }), name: '', registrationNumber: infantFormulaNumber() });
    expect(paths(mixed.json())).toEqual(['functions.0', 'name', 'registrationNumber']);

    // 690123456789 takes check digit 2.
    const schema = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood({ registrationNumber: '国食健注X1', gtins: ['6901234567890'] }));
    expect(paths(schema.json())).toEqual(['gtins.0', 'registrationNumber']);
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().products).toEqual([]);
  });

  it('checks that the licence is the enterprise’s SC licence covering the product', async () => {
    const { enterprise, licence } = await producer();
    const other = await producer();
    // A business licence (JY) does not license production, whatever categories it lists.
    const jy = await pudong.post(`/api/v1/enterprises/${enterprise.id}/licences`, {
      number: makeJyNumber(1, '310112', next()),
      categories: ['129'],
      issuingAuthority: '上海市浦东新区市场监督管理局',
      issuedOn: '2024-01-01',
    });
    const infant = { name: '康源婴儿配方奶粉', category: 'infant_formula', registrationNumber: infantFormulaNumber() };
    for (const licenceId of [licence.id, jy.json().id]) {
      const res = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, { ...infant, licenceId });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'registry.licence_category_mismatch', data: { expectedCategory: '129' }, details: [{ path: 'licenceId' }] });
      expect(res.json().message).toBe('产品类型与生产许可类别不符：应为 129 类别许可证');
    }
    const foreign = await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood({ licenceId: other.licence.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'request.invalid', details: [{ path: 'licenceId', message: '未找到该许可证' }] });
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().products).toEqual([]);
  });

  it('refuses a registration number already registered, naming the field', async () => {
    const [a, b] = await Promise.all([producer(), producer()]);
    const registrationNumber = healthFoodNumber();
    expect((await pudong.post(`/api/v1/enterprises/${a.enterprise.id}/products`, healthFood({ registrationNumber }))).statusCode).toBe(201);
    const res = await pudong.post(`/api/v1/enterprises/${b.enterprise.id}/products`, healthFood({ registrationNumber: ` ${registrationNumber} ` }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'registry.duplicate_product', details: [{ path: 'registrationNumber' }] });
    expect(res.json().message).toContain(registrationNumber);
    expect((await pudong.get(`/api/v1/enterprises/${b.enterprise.id}`)).json().products).toEqual([]);
  });
});

describe('editing a product', () => {
  it('applies a change with the current version, re-indexes GTINs, audits before and after, and refuses a stale version', async () => {
    const { enterprise } = await producer();
    const [oldGtin, newGtin] = [gtin13(), gtin13()];
    const product = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood({ gtins: [oldGtin] }))).json();
    const res = await pudong.patch(`/api/v1/products/${product.id}`, { version: 1, gtins: [newGtin], status: 'discontinued' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ gtins: [newGtin], status: 'discontinued', version: 2 });
    const update = (await auditEntries(product.id)).find((e) => e.action === 'product.update');
    expect(update?.before).toMatchObject({ gtins: [oldGtin], status: 'active', version: 1 });
    expect(update?.after).toMatchObject({ gtins: [newGtin], status: 'discontinued', version: 2 });
    expect((await pudong.get(`/api/v1/enterprises?q=${newGtin}`)).json().items.map((e: { id: string }) => e.id)).toEqual([enterprise.id]);
    expect((await pudong.get(`/api/v1/enterprises?q=${oldGtin}`)).json().items).toEqual([]);

    const stale = await pudong.patch(`/api/v1/products/${product.id}`, { version: 1, name: '新名称' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('resource.conflict');
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().products[0]).toMatchObject({ name: '康源牌维生素C片', version: 2 });
  });

  it('checks functions against the product’s category and the licence against its kind', async () => {
    const { enterprise, licence } = await producer();
    const infantLicence = await scLicence(enterprise, '129');
    const product = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood())).json();
    const badFunction = await pudong.patch(`/api/v1/products/${product.id}`, { version: 1, functions: ['有助于消化', '长生不老'] });
    expect(badFunction.statusCode).toBe(400);
    expect(paths(badFunction.json())).toEqual(['functions.1']);
    const mismatch = await pudong.patch(`/api/v1/products/${product.id}`, { version: 1, licenceId: infantLicence });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ code: 'registry.licence_category_mismatch', data: { expectedCategory: '127' } });
    const linked = await pudong.patch(`/api/v1/products/${product.id}`, { version: 1, licenceId: licence.id });
    expect(linked.json()).toMatchObject({ licenceId: licence.id, version: 2 });
    const unlinked = await pudong.patch(`/api/v1/products/${product.id}`, { version: 2, licenceId: null });
    expect(unlinked.json()).toMatchObject({ licenceId: null, version: 3 });

    const infant = (
      await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, { name: '康源婴儿配方奶粉', category: 'infant_formula', registrationNumber: infantFormulaNumber() })
    ).json();
    const infantClaims = await pudong.patch(`/api/v1/products/${infant.id}`, { version: 1, functions: ['有助于增强免疫力'] });
    expect(infantClaims.statusCode).toBe(400);
    expect(paths(infantClaims.json())).toEqual(['functions.0']);
  });
});

describe('who may write products', () => {
  it('lets an enterprise admin register its own products, not staff (403) nor for another enterprise (404)', async () => {
    const { enterprise } = await producer();
    const other = await producer();
    const [admin, staff] = await Promise.all([
      buildUser(t.database.db, 'enterprise_admin', { enterpriseId: enterprise.id }),
      buildUser(t.database.db, 'enterprise_staff', { enterpriseId: enterprise.id }),
    ]);
    const adminSession = await signInAs(t.app, admin.user.username);
    const staffSession = await signInAs(t.app, staff.user.username);
    const own = await adminSession.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood());
    expect(own.statusCode).toBe(201);
    const forbidden = await staffSession.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('auth.forbidden');
    expect((await staffSession.patch(`/api/v1/products/${own.json().id}`, { version: 1, name: '改名' })).statusCode).toBe(403);
    expect((await adminSession.post(`/api/v1/enterprises/${other.enterprise.id}/products`, healthFood())).statusCode).toBe(404);
    const foreign = (await pudong.post(`/api/v1/enterprises/${other.enterprise.id}/products`, healthFood())).json();
    expect((await adminSession.patch(`/api/v1/products/${foreign.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await pudong.get(`/api/v1/enterprises/${enterprise.id}`)).json().products).toHaveLength(1);
  });

  it('hides another jurisdiction’s products (404) and keeps an inspector from writing them (403)', async () => {
    const { enterprise } = await producer();
    const product = (await pudong.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood())).json();
    expect((await huangpuInspector.patch(`/api/v1/products/${product.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    expect((await huangpuInspector.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood())).statusCode).toBe(404);
    const pudongInspector = await signInAs(t.app, (await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310115' })).user.username);
    expect((await pudongInspector.post(`/api/v1/enterprises/${enterprise.id}/products`, healthFood())).statusCode).toBe(403);
    expect((await auditEntries(product.id)).map((e) => e.action)).toEqual(['product.create']);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
