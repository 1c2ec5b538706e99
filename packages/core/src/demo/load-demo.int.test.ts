import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEALTH_FUNCTION_CLAIMS,
  NUTRIENT_SUPPLEMENT_CLAIM,
  SHANGHAI_DISTRICTS,
  licenceCoversProduct,
  parseLicenceNumber,
  parseProductNumber,
  validateGtin,
  validateUscc,
} from '@shian/domain';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import { today } from '../registry/guards.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo-accounts.ts';
import { addYears, addDays, daysBetween } from './demo-dates.ts';
import { DEMO_SELLER_ADMINS } from './demo-users.ts';
import { DEFAULT_DEMO_SEED, DEMO_ENTERPRISE_ADMIN, findDemoEnterprise, loadDemoData, planDemoCity, type DemoSummary } from './load-demo.ts';

const SELLERS = 300;
const asOf = today();

async function freshDatabase(): Promise<Database> {
  const database = await connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedJurisdictions(database.db);
  return database;
}

async function identityList(database: Database): Promise<{ uscc: string; name: string; jurisdictionCode: string }[]> {
  return database.db.selectFrom('enterprises').select(['uscc', 'name', 'jurisdictionCode']).orderBy('uscc').execute();
}

/** Every index of the public schema as the catalogue defines it. */
async function indexDefinitions(database: Database): Promise<string[]> {
  const result = await sql<{ definition: string }>`SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`.execute(database.db);
  return result.rows.map((row) => row.definition);
}

describe('loadDemoData', () => {
  let database: Database;
  let summary: DemoSummary;
  let indexesBefore: string[];
  // The same seed and date plan the same city: it names the deliberate findings by credit code.
  const plan = planDemoCity({ sellers: SELLERS, seed: DEFAULT_DEMO_SEED, asOf, now: new Date() });

  beforeAll(async () => {
    database = await freshDatabase();
    indexesBefore = await indexDefinitions(database);
    summary = await loadDemoData(database.db, { sellers: SELLERS, asOf });
  });
  afterAll(async () => {
    await database.close();
  });

  it('returns the counts it stored, and records them in settings and the audit chain', async () => {
    const db = database.db;
    const count = async (table: 'enterprises' | 'licences' | 'products' | 'people' | 'users'): Promise<number> =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(summary.producers).toBe(57);
    expect(summary.sellers).toBe(SELLERS);
    expect(summary.enterprises).toBe(57 + 25 + 5 + 15 + 10 + SELLERS);
    expect(summary.seed).toBe(DEFAULT_DEMO_SEED);
    expect(await count('enterprises')).toBe(summary.enterprises);
    expect(await count('licences')).toBe(summary.licences);
    expect(await count('products')).toBe(summary.products);
    expect(await count('people')).toBe(summary.people);
    expect(await count('users')).toBe(summary.users);
    expect(summary.products).toBeGreaterThan(150);

    const setting = await db.selectFrom('settings').select('value').where('key', '=', 'demo.loaded').executeTakeFirstOrThrow();
    expect(setting.value).toEqual(summary);
    const actions = await db.selectFrom('auditLog').select(['action', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('action').execute();
    expect(Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]))).toEqual({
      'enterprise.create': summary.enterprises,
      'user.create': summary.users,
      'demo.load': 1,
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('leaves every index as the migrations defined it (they are rebuilt after the bulk insert)', async () => {
    const after = await indexDefinitions(database);
    expect(after).toEqual(indexesBefore);
    expect(after.some((definition) => definition.includes('enterprises_grams_idx'))).toBe(true);
  });

  it('stores valid credit codes except the deliberate ones, which are flagged for review', async () => {
    const rows = await database.db.selectFrom('enterprises').select(['uscc', 'usccCheckFailed', 'needsReview', 'name']).execute();
    const failing = rows.filter((row) => !validateUscc(row.uscc).ok);
    expect(failing.map((row) => row.uscc).sort()).toEqual(plan.failedUscc.map((p) => p.enterprise.uscc).sort());
    expect(failing).toHaveLength(3);
    for (const row of failing) {
      expect(validateUscc(row.uscc).problem).toBe('check_character');
      expect(row.usccCheckFailed && row.needsReview).toBe(true);
    }
    expect(rows.filter((row) => row.usccCheckFailed)).toHaveLength(3);
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  it('gives licences parseable numbers, the right issuer and five years of validity', async () => {
    const licences = await database.db
      .selectFrom('licences')
      .innerJoin('enterprises', 'enterprises.id', 'licences.enterpriseId')
      .select(['licences.number', 'licences.kind', 'licences.categories', 'licences.issuingAuthority', 'licences.issuedOn', 'licences.validUntil', 'enterprises.kinds', 'enterprises.jurisdictionCode'])
      .execute();
    for (const licence of licences) {
      const parsed = parseLicenceNumber(licence.number);
      expect(parsed.ok, licence.number).toBe(true);
      expect(licence.validUntil).toBe(addDays(addYears(licence.issuedOn, 5), -1));
      if (licence.kind === 'SC') {
        expect(licence.kinds).toContain('producer');
        expect(licence.issuingAuthority).toBe('上海市市场监督管理局');
        expect(licence.categories.some((c) => ['127', '128', '129'].includes(c))).toBe(true);
      } else {
        const district = SHANGHAI_DISTRICTS.find((d) => d.code === licence.jurisdictionCode.slice(0, 6));
        expect(licence.issuingAuthority).toBe(`上海市${district?.nameZh ?? '?'}市场监督管理局`);
        expect(licence.categories).toEqual([]);
        expect(licence.number.startsWith(`JY1${licence.jurisdictionCode.slice(0, 6)}`)).toBe(true);
      }
    }
    const sc = licences.filter((l) => l.kind === 'SC');
    expect(sc).toHaveLength(57);
    expect(sc.filter((l) => l.validUntil < asOf)).toHaveLength(2);
    expect(sc.filter((l) => l.validUntil >= asOf && daysBetween(asOf, l.validUntil) <= 90)).toHaveLength(4);
    expect(licences.filter((l) => l.kinds.includes('seller'))).toHaveLength(SELLERS);
  });

  it('gives products parseable numbers, valid GTINs, permitted claims and a licence that covers them', async () => {
    const db = database.db;
    const products = await db.selectFrom('products').selectAll().execute();
    const licences = new Map((await db.selectFrom('licences').selectAll().where('kind', '=', 'SC').execute()).map((l) => [l.id, l]));
    const claims = new Set([...HEALTH_FUNCTION_CLAIMS.items.map((c) => c.name['zh-CN']), NUTRIENT_SUPPLEMENT_CLAIM.name['zh-CN']]);
    for (const product of products) {
      const parsed = parseProductNumber(product.registrationNumber);
      if (!parsed.ok) throw new Error(`unparseable ${product.registrationNumber}`);
      expect(parsed.legacy).toBe(product.legacy);
      expect(product.gtins.length).toBeGreaterThanOrEqual(1);
      expect(product.gtins.length).toBeLessThanOrEqual(3);
      for (const gtin of product.gtins) {
        expect(validateGtin(gtin)).toMatchObject({ ok: true, kind: 'GTIN-13' });
        expect(gtin).toMatch(/^69\d{11}$/);
      }
      const licence = licences.get(product.licenceId ?? '');
      expect(licence?.enterpriseId).toBe(product.enterpriseId);
      expect(licenceCoversProduct(parsed.kind, licence?.categories ?? [])).toBe(true);
      if (product.category === 'health_food') {
        expect(product.functions.length).toBeGreaterThanOrEqual(1);
        expect(product.functions.length).toBeLessThanOrEqual(2);
        for (const claim of product.functions) expect(claims).toContain(claim);
        expect(product.registrationKind).toBe(parsed.kind === 'health_food_filing' ? 'filing' : 'registration');
      }
    }
    const kinds = new Set(products.map((p) => parseProductNumber(p.registrationNumber)).flatMap((r) => (r.ok ? [r.kind] : [])));
    expect([...kinds].sort()).toEqual(['fsmp_registration', 'health_food_filing', 'health_food_registration', 'infant_formula_registration', 'legacy_health_food']);
    const allGtins = products.flatMap((p) => p.gtins);
    expect(new Set(allGtins).size).toBe(allGtins.length);
  });

  it('places every enterprise on a street of the tree, with its registered premises there, in all 16 districts', async () => {
    const db = database.db;
    const enterprises = await db
      .selectFrom('enterprises')
      .leftJoin('jurisdictions', 'jurisdictions.code', 'enterprises.jurisdictionCode')
      .select(['enterprises.id', 'enterprises.address', 'enterprises.jurisdictionCode', 'enterprises.kinds', 'jurisdictions.level'])
      .execute();
    expect(enterprises.every((e) => e.level === 'street')).toBe(true);
    expect(new Set(enterprises.map((e) => e.jurisdictionCode.slice(0, 6))).size).toBe(16);
    const premises = await db.selectFrom('premises').selectAll().execute();
    const byEnterprise = Map.groupBy(premises, (p) => p.enterpriseId);
    for (const enterprise of enterprises) {
      const own = byEnterprise.get(enterprise.id) ?? [];
      const registered = own.filter((p) => p.kind === 'registered');
      expect(registered).toHaveLength(1);
      expect(registered[0]).toMatchObject({ address: enterprise.address, jurisdictionCode: enterprise.jurisdictionCode });
      if (enterprise.kinds.includes('producer')) expect(own.some((p) => p.kind === 'production')).toBe(true);
    }
  });

  it('makes the first health-food producer, in Pudong and fully staffed, the demo enterprise', async () => {
    const db = database.db;
    const found = await findDemoEnterprise(db);
    expect(found).not.toBeNull();
    const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', found?.id ?? '').executeTakeFirstOrThrow();
    expect(enterprise.name).toBe(found?.name);
    expect(enterprise.uscc).toBe(plan.demoEnterprise.enterprise.uscc);
    expect(enterprise.kinds).toEqual(['producer']);
    expect(enterprise.jurisdictionCode.startsWith(DEMO_ENTERPRISE_ADMIN.districtCode)).toBe(true);
    const licences = await db.selectFrom('licences').selectAll().where('enterpriseId', '=', enterprise.id).execute();
    expect(licences.some((l) => l.kind === 'SC' && l.categories.includes('127') && l.validUntil > asOf)).toBe(true);
    const products = await db.selectFrom('products').select('category').where('enterpriseId', '=', enterprise.id).execute();
    expect(products.length).toBeGreaterThanOrEqual(3);
    expect(products.every((p) => p.category === 'health_food')).toBe(true);
    const roles = (await db.selectFrom('people').select(['role', 'endedOn']).where('enterpriseId', '=', enterprise.id).execute()).map((p) => p.role);
    expect(roles).toContain('food_safety_director');
    expect(roles).toContain('food_safety_officer');
    expect(roles).toContain('quality_authorised_person');
    const users = await db.selectFrom('users').select(['username', 'role']).where('enterpriseId', '=', enterprise.id).orderBy('username').execute();
    expect(users).toEqual([
      { username: 'ent-admin-1', role: 'enterprise_admin' },
      { username: 'ent-staff-1', role: 'enterprise_staff' },
    ]);
  });

  it('leaves exactly the deliberate special-food producers without a current food-safety director', async () => {
    const db = database.db;
    const producers = await db.selectFrom('enterprises').select(['id', 'uscc']).where(sql<boolean>`kinds @> ARRAY['producer']::text[]`).execute();
    const directors = await db
      .selectFrom('people')
      .select('enterpriseId')
      .where('role', '=', 'food_safety_director')
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', asOf)]))
      .execute();
    const directed = new Set(directors.map((d) => d.enterpriseId));
    const without = producers.filter((p) => !directed.has(p.id)).map((p) => p.uscc).sort();
    expect(without).toHaveLength(4);
    expect(without).toEqual(plan.withoutDirector.map((p) => p.enterprise.uscc).sort());
  });

  it('creates the documented demo accounts with the demo password, hashed once', async () => {
    const users = await database.db.selectFrom('users').selectAll().execute();
    const names = users.map((u) => u.username);
    // The sellers' administrators come with the demo's traceability (demo-trace.int.test.ts checks them).
    const sellerAdmins = new Set<string>(DEMO_SELLER_ADMINS.map((s) => s.username));
    for (const username of [...DEMO_USERNAMES.filter((u) => !sellerAdmins.has(u)), 'ent-staff-1', 'xuhui-supervisor', 'chongming-supervisor']) expect(names).toContain(username);
    expect(users.filter((u) => u.role === 'district_supervisor')).toHaveLength(16);
    expect(users.find((u) => u.username === 'city-admin')).toMatchObject({ role: 'city_admin', jurisdictionCode: '310000', displayName: '王建国' });
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0]?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
  });
});

describe('demo determinism', () => {
  it('loads the same city twice from the same seed', async () => {
    const first = await freshDatabase();
    const second = await freshDatabase();
    try {
      await loadDemoData(first.db, { sellers: SELLERS, seed: 42, asOf });
      await loadDemoData(second.db, { sellers: SELLERS, seed: 42, asOf });
      const list = await identityList(first);
      expect(list).toHaveLength(57 + 55 + SELLERS);
      expect(await identityList(second)).toEqual(list);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('plans a different city from another seed, and the same producers whatever the number of sellers', () => {
    const now = new Date();
    const names = (seed: number, sellers: number): string[] => planDemoCity({ sellers, seed, asOf, now }).producers.map((p) => `${p.enterprise.uscc} ${p.enterprise.name}`);
    expect(names(42, 50)).not.toEqual(names(43, 50));
    expect(names(42, 50)).toEqual(names(42, 500));
  });
});
