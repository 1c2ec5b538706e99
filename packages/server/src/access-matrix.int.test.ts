import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTS, inScope, isWithin } from '@shian/domain';
import { verifyAuditChain } from '@shian/core';
import { TEST_PASSWORD } from '@shian/core/testing/factories.ts';
import {
  ACTORS,
  ENTERPRISE_KEYS,
  allEnterprises,
  anonymousSession,
  credentials,
  editWith,
  enterpriseImportUpload,
  expectedOutcome,
  exportedCodes,
  createFixtures,
  newEnterprise,
  newLicence,
  newPerson,
  newPremises,
  newProduct,
  previewedImport,
  recordOf,
  searchAll,
  sendCase,
  snapshotOf,
  sorted,
  type AccessCase,
  type Fixtures,
} from './testing/access-cases.ts';
import { createTestApp } from './testing/test-app.ts';

/**
 * The access matrix: every API endpoint × every role × a target in or out of the actor's scope. The
 * expected answer of each run comes from the policy (`@shian/domain` access/policy.ts), never from a table
 * of answers: anonymous 401; a record out of scope 404 `resource.not_found`; no grant 403 `auth.forbidden`;
 * a new record placed out of scope 422 `registry.out_of_jurisdiction`; otherwise 2xx. A refused write
 * changes nothing. Lists answer exactly the rows in scope.
 *
 * Fixtures: A in 浦东 on 周家渡街道 (310115007), B in 黄浦 (310101002), C in 浦东 on 陆家嘴街道 (310115005),
 * each with an SC licence, a product and a key person; enterprise users belong to A.
 */

let f: Fixtures;
beforeAll(async () => {
  f = await createFixtures(await createTestApp());
});
afterAll(async () => f?.t.close());

/** Endpoints anyone may call, signed in or not; every other endpoint answers the public 401. */
const PUBLIC_ENDPOINTS = [
  'POST /api/v1/auth/login', // signing in
  'POST /api/v1/auth/logout', // signing out: clears the cookies, ends the session if there is one
  'GET /api/v1/jurisdictions', // reference data; a signed-in user gets their own part of the tree
];

const E = ENTERPRISE_KEYS;
const theEnterprise = recordOf('enterprises', (e) => e.enterprise.id);

const CASES: AccessCase[] = [
  // Public.
  { endpoint: 'POST /api/v1/auth/login', needs: 'public', request: ({ f, as }) => ({ payload: credentials(as.actor.userId ? as.username : f.importer.username) }) },
  { endpoint: 'POST /api/v1/auth/logout', needs: 'public', ownSession: true },
  { endpoint: 'GET /api/v1/jurisdictions', needs: 'public' },

  // Any signed-in user, about themselves. The password is set to itself: other sessions end, this one stays.
  { endpoint: 'GET /api/v1/auth/me', needs: 'signed-in' },
  { endpoint: 'POST /api/v1/auth/password', needs: 'signed-in', request: () => ({ payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }) },

  // Lists, downloads and previews: the grant decides; their rows are narrowed to scope (see "lists" below).
  { endpoint: 'GET /api/v1/dashboard/summary', needs: 'dashboard.read' },
  { endpoint: 'GET /api/v1/enterprises', needs: 'registry.read' },
  { endpoint: 'GET /api/v1/enterprises/export.xlsx', needs: 'registry.export' },
  { endpoint: 'GET /api/v1/audit', needs: 'audit.read', on: E, request: ({ f, on }) => ({ query: `entityType=enterprise&entityId=${f.at(on).enterprise.id}` }) },
  { endpoint: 'GET /api/v1/imports/template.xlsx', needs: 'registry.import', request: () => ({ query: 'kind=enterprises' }) },
  { endpoint: 'POST /api/v1/imports', needs: 'registry.import', request: () => ({ query: 'kind=enterprises', ...enterpriseImportUpload() }) },

  // A new enterprise placed where A, B or C is: a jurisdiction out of scope is 422 on the field.
  {
    endpoint: 'POST /api/v1/enterprises',
    needs: 'registry.create',
    on: E,
    target: ({ f, on }) => ({ kind: 'jurisdiction', code: f.at(on).enterprise.jurisdictionCode }),
    request: ({ f, on }) => ({ payload: newEnterprise(f.at(on).enterprise.jurisdictionCode) }),
  },

  // A record of A, B or C: out of scope it does not exist (404); in scope without the grant, 403.
  { endpoint: 'GET /api/v1/enterprises/{id}', needs: 'registry.read', on: E, target: theEnterprise },
  { endpoint: 'PATCH /api/v1/enterprises/{id}', needs: 'registry.update', on: E, target: theEnterprise, request: editWith({ phone: '021-66660000' }) },
  {
    endpoint: 'POST /api/v1/enterprises/{id}/premises',
    needs: 'registry.update',
    on: E,
    target: theEnterprise,
    request: ({ f, on }) => ({ payload: newPremises(f.at(on).enterprise.jurisdictionCode) }),
  },
  { endpoint: 'POST /api/v1/enterprises/{id}/licences', needs: 'licence.write', on: E, target: theEnterprise, request: () => ({ payload: newLicence() }) },
  {
    endpoint: 'PATCH /api/v1/licences/{id}',
    needs: 'licence.write',
    on: E,
    target: recordOf('licences', (e) => e.licenceId),
    request: editWith({ issuingAuthority: '上海市浦东新区市场监督管理局' }),
  },
  { endpoint: 'POST /api/v1/enterprises/{id}/products', needs: 'product.write', on: E, target: theEnterprise, request: () => ({ payload: newProduct() }) },
  { endpoint: 'PATCH /api/v1/products/{id}', needs: 'product.write', on: E, target: recordOf('products', (e) => e.productId), request: editWith({ specification: '90片/瓶' }) },
  { endpoint: 'POST /api/v1/enterprises/{id}/people', needs: 'person.write', on: E, target: theEnterprise, request: () => ({ payload: newPerson() }) },
  { endpoint: 'PATCH /api/v1/people/{id}', needs: 'person.write', on: E, target: recordOf('people', (e) => e.personId), request: editWith({ phone: '13900139000' }) },

  // A previewed import: only its author, or a city administrator, may apply it.
  { endpoint: 'POST /api/v1/imports/{id}/confirm', needs: 'registry.import', on: ['own import', "another user's import"], target: previewedImport },
];

describe('the case table', () => {
  it('has exactly one case for every endpoint of the OpenAPI document, and marks exactly the public ones public', async () => {
    const res = await f.t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    // The document is JSON from @fastify/swagger: paths → method → operation.
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => methods.has(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(0);
    expect(sorted(CASES.map((c) => c.endpoint))).toEqual(sorted(documented));
    expect(sorted(CASES.filter((c) => c.needs === 'public').map((c) => c.endpoint))).toEqual(sorted(PUBLIC_ENDPOINTS));
  });
});

describe.each(CASES)('$endpoint', (c) => {
  const runs = ACTORS.flatMap((a) => (c.on ?? ['-']).map((on) => ({ actor: a.name, on })));

  it.each(runs)('$actor → $on', async ({ actor, on }) => {
    const x = { f, as: f.as(actor), on };
    const target = await c.target?.(x);
    const request = (await c.request?.({ ...x, target })) ?? {};
    const expected = expectedOutcome(c.needs, x.as.actor, target);
    const refusedWrite = !expected.allowed && !c.endpoint.startsWith('GET ');
    const before = refusedWrite ? await snapshotOf(f.db, target) : undefined;

    const res = await sendCase(c, x, target, request);

    if (expected.allowed) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return;
    }
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: expected.status, code: expected.code });
    if (refusedWrite) {
      // Nothing changed: no row, no record field, no audit entry; the chain still verifies.
      expect(await snapshotOf(f.db, target)).toEqual(before);
      expect((await verifyAuditChain(f.db)).ok).toBe(true);
    }
  });
});

describe('lists answer exactly the rows in scope', () => {
  const signedIn = ACTORS.filter((a) => a.role !== 'public').map((a) => a.name);
  const exporters = ACTORS.filter((a) => GRANTS[a.role].includes('registry.export')).map((a) => a.name);

  it.each(signedIn)('GET /enterprises: %s', async (name) => {
    const as = f.as(name);
    const ids = await searchAll(as.client);
    const inScopeIds = (await allEnterprises(f.db)).filter((e) => inScope(as.actor, e)).map((e) => e.id);
    expect(sorted(ids)).toEqual(sorted(inScopeIds));
    expect(E.filter((k) => ids.includes(f.at(k).enterprise.id))).toEqual(as.spec.sees);
  });

  it.each(signedIn)('GET /dashboard/summary: %s', async (name) => {
    const as = f.as(name);
    const res = await as.client.get('/api/v1/dashboard/summary');
    expect(res.statusCode).toBe(200);
    const visible = async (table: 'licences' | 'products' | 'people') =>
      (await f.db.selectFrom(table).select(['jurisdictionCode', 'enterpriseId']).execute()).filter((r) => inScope(as.actor, r)).length;
    const enterprises = (await allEnterprises(f.db)).filter((e) => inScope(as.actor, e));
    expect(res.json().counts).toMatchObject({
      enterprises: enterprises.length,
      producers: enterprises.filter((e) => e.kinds.includes('producer')).length,
      sellers: enterprises.filter((e) => e.kinds.includes('seller')).length,
      licences: await visible('licences'),
      products: await visible('products'),
      people: await visible('people'),
    });
  });

  it.each(signedIn)('GET /jurisdictions: %s gets the part of the tree it acts in, with its ancestors', async (name) => {
    const as = f.as(name);
    const codesOf = async (res: { json(): { items: { code: string }[] } }) => res.json().items.map((j) => j.code);
    const all = await codesOf(await anonymousSession(f.t).get('/api/v1/jurisdictions'));
    const mine = await codesOf(await as.client.get('/api/v1/jurisdictions'));
    // A regulator: its subtree and the nodes above; an enterprise user: the path down to its enterprise.
    const own = as.actor.jurisdictionCode;
    const expected = own ? all.filter((c) => isWithin(c, own) || isWithin(own, c)) : all.filter((c) => isWithin(f.at('A').enterprise.jurisdictionCode, c));
    expect(mine).toEqual(expected);
    expect(E.filter((k) => mine.includes(f.at(k).enterprise.jurisdictionCode))).toEqual(as.spec.sees);
  });

  it.each(signedIn)('GET /audit: %s gets the whole history of records in scope, none of the others', async (name) => {
    const as = f.as(name);
    for (const key of E) {
      const e = f.at(key);
      const records = [
        ['enterprise', e.enterprise.id],
        ['licence', e.licenceId],
        ['product', e.productId],
        ['person', e.personId],
      ] as const;
      for (const [entityType, entityId] of records) {
        const stored = await f.db.selectFrom('auditLog').select('seq').where('entityType', '=', entityType).where('entityId', '=', entityId).execute();
        expect(stored.length).toBeGreaterThan(0);
        const res = await as.client.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}`);
        expect(res.statusCode).toBe(200);
        const seqs = res.json().items.map((i: { seq: number }) => i.seq);
        const visible = inScope(as.actor, { jurisdictionCode: e.enterprise.jurisdictionCode, enterpriseId: e.enterprise.id });
        expect(seqs, `${entityType} of ${key}`).toEqual(visible ? stored.map((s) => s.seq) : []);
      }
    }
  });

  it.each(exporters)('GET /enterprises/export.xlsx: %s gets exactly the credit codes in scope', async (name) => {
    const as = f.as(name);
    const res = await as.client.get('/api/v1/enterprises/export.xlsx');
    expect(res.statusCode).toBe(200);
    const { header, codes } = await exportedCodes(res.rawPayload);
    expect(header).toBe('统一社会信用代码');
    const enterprises = await allEnterprises(f.db);
    expect(sorted(codes)).toEqual(sorted(enterprises.filter((e) => inScope(as.actor, e)).map((e) => e.uscc)));
    expect(E.filter((k) => codes.includes(f.at(k).enterprise.uscc))).toEqual(as.spec.sees);
  });
});

describe('the audit chain', () => {
  it('verifies after the whole matrix, every row in it', async () => {
    const report = await verifyAuditChain(f.db);
    const rows = await f.db.selectFrom('auditLog').select('seq').execute();
    expect(report).toMatchObject({ ok: true, entries: rows.length, firstProblem: null });
  });
});
