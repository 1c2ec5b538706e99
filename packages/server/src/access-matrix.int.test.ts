import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTS, actorScope, inScope, isWithin, type Actor } from '@shian/domain';
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
  expectedFor,
  exportedCodes,
  createFixtures,
  newEnterprise,
  newLicence,
  newPerson,
  newPremises,
  newProduct,
  previewedImport,
  recordOf,
  recordTarget,
  refused,
  searchAll,
  sendCase,
  snapshotOf,
  sorted,
  type AccessCase,
  type CaseInput,
  type ExtraRule,
  type Fixtures,
  type RecordTable,
  type Target,
} from './testing/access-cases.ts';
import { DISTRICTS, EVIDENCE, INSPECTION_TARGETS, PLAN_YEAR, newDraw, type InspectionFixtures } from './testing/access-fixtures-inspection.ts';
import { TRACE_OPERATION_CASES } from './testing/access-cases-trace-operations.ts';
import { EPCIS_QUERY_CASES } from './testing/access-cases-epcis-query.ts';
import { EPCIS_CAPTURE_CASES } from './testing/access-cases-epcis-capture.ts';
import { TRACE_RECALL_CASES } from './testing/access-cases-trace-recall.ts';
import { TRACE_CODE_CASES } from './testing/access-cases-trace-codes.ts';
import { SELF_INSPECTION_CASES } from './testing/access-cases-self-inspection.ts';
import { DUTY_CASES } from './testing/access-cases-duties.ts';
import { TRAINING_CASES } from './testing/access-cases-training.ts';
import { MONITORING_CASES } from './testing/access-cases-monitoring.ts';
import { CAMERA_EVENT_CASES } from './testing/access-cases-camera-events.ts';
import { MONITORING_WALL_CASES } from './testing/access-cases-monitoring-wall.ts';
import { MONITORING_RULE_SET_CASES } from './testing/access-cases-monitoring-rule-sets.ts';
import { createTestApp } from './testing/test-app.ts';

/**
 * The access matrix: every API endpoint × every role × a target in or out of the actor's scope. The
 * expected answer of each run comes from the policy (`@shian/domain` access/policy.ts), never from a table
 * of answers: anonymous 401; a record (or a district acted on as a whole) out of scope 404
 * `resource.not_found`; no grant 403 `auth.forbidden`; a new record placed out of scope 422
 * `registry.out_of_jurisdiction`; otherwise 2xx. A refused write changes nothing. Lists answer exactly the
 * rows in scope.
 *
 * Where a use case has a rule beyond grant and scope (only the assigned inspectors fill a form), the case
 * names it (`rule`) and says why; a record a case uses up (a publication, an answer) is made fresh for it.
 *
 * Fixtures: A in 浦东 on 周家渡街道 (310115007), B in 黄浦 (310101002), C in 浦东 on 陆家嘴街道 (310115005),
 * each with an SC licence, a product and a key person, risk facts and a grade, a scheduled and a completed
 * inspection, an answered rectification order; enterprise users belong to A. The matrix's inspectors are
 * assigned to the inspections in their scope (周家渡 on A, 黄浦 on B); `A_OF_OTHERS` is A's work of others.
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
  'GET /api/v1/public/draws', // random draws are published (双随机、一公开) with what it takes to re-run them
  'GET /api/v1/public/draws/{id}',
  'GET /api/v1/public/draws/{id}/input',
  'GET /api/v1/public/draws/{id}/verification',
  'GET /api/v1/public/inspection-results', // published inspection results (监督检查结果公示)
];

const E = ENTERPRISE_KEYS;
const T = INSPECTION_TARGETS;
const theEnterprise = recordOf('enterprises', (e) => e.enterprise.id);

/** A supervision record of the run's target: a fixture, or one made fresh when the case uses it up. */
const supervised =
  (table: RecordTable, pick: (s: InspectionFixtures, on: string) => string | Promise<string>) =>
  async ({ f, on }: CaseInput): Promise<Target> =>
    recordTarget(f.db, table, await pick(f.supervision, on));
/** The district the run is on, as a whole: its plan, its draw, its re-grade. */
const theDistrict = ({ on }: CaseInput): Target => ({ kind: 'area', code: on });
const theCompleted = supervised('inspections', (s, on) => s.at(on).completedId);
const theOrder = supervised('rectificationOrders', (s, on) => s.at(on).orderId);
const theDraw = ({ f }: CaseInput) => recordTarget(f.db, 'draws', f.supervision.drawId);

const notAssigned = (actor: Actor, target: Target | undefined): boolean =>
  target?.kind === 'record' && !target.assignees?.includes(actor.userId ?? '');
/** Only the inspectors assigned to an inspection fill its form (core `syncInspection`); anyone else, 403. */
const assignedOnly: ExtraRule = (actor, target) => (notAssigned(actor, target) ? refused(403, 'inspection.not_assigned') : undefined);
/** 谁检查、谁公开 (core `publishInspection`): an inspector publishes the inspections they did; a supervisor any in scope. */
const assignedInspectorOnly: ExtraRule = (actor, target) => (actor.role === 'inspector' ? assignedOnly(actor, target) : undefined);
/** An inspector withdraws only their own recusal (core `withdrawRecusal`); a supervisor any in scope. */
const ownRecusalOnly: ExtraRule = (actor, target) => (actor.role === 'inspector' && notAssigned(actor, target) ? refused(403, 'auth.forbidden') : undefined);

const CASES: AccessCase[] = [
  // Public.
  { endpoint: 'POST /api/v1/auth/login', needs: 'public', request: ({ f, as }) => ({ payload: credentials(as.actor.userId ? as.username : f.importer.username) }) },
  { endpoint: 'POST /api/v1/auth/logout', needs: 'public', ownSession: true },
  { endpoint: 'GET /api/v1/jurisdictions', needs: 'public' },
  { endpoint: 'GET /api/v1/public/draws', needs: 'public' },
  { endpoint: 'GET /api/v1/public/draws/{id}', needs: 'public', target: theDraw },
  { endpoint: 'GET /api/v1/public/draws/{id}/input', needs: 'public', target: theDraw },
  { endpoint: 'GET /api/v1/public/draws/{id}/verification', needs: 'public', target: theDraw },
  { endpoint: 'GET /api/v1/public/inspection-results', needs: 'public' },

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
  { endpoint: 'GET /api/v1/work-queue', needs: 'workqueue.read' },
  { endpoint: 'GET /api/v1/risk/summary', needs: 'risk.read' },
  { endpoint: 'GET /api/v1/risk/regrade-jobs', needs: 'risk.manage' },
  { endpoint: 'GET /api/v1/inspections', needs: 'inspection.read' },
  { endpoint: 'GET /api/v1/inspections/assigned', needs: 'inspection.perform' },
  { endpoint: 'GET /api/v1/rectification-orders', needs: 'inspection.read' },
  { endpoint: 'GET /api/v1/recusals', needs: 'recusal.declare' },

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

  // A district as a whole (浦东, 黄浦): out of scope it does not exist (404); enterprise users are never in scope.
  { endpoint: 'POST /api/v1/inspection-plans', needs: 'plan.manage', on: DISTRICTS, target: theDistrict, request: ({ on }) => ({ payload: { jurisdictionCode: on, year: PLAN_YEAR + 1 } }) },
  { endpoint: 'GET /api/v1/inspection-kpis', needs: 'plan.read', on: DISTRICTS, target: theDistrict, request: ({ on }) => ({ query: `jurisdictionCode=${on}&year=${PLAN_YEAR}` }) },
  { endpoint: 'GET /api/v1/inspection-plans', needs: 'plan.read', on: DISTRICTS, target: theDistrict, request: ({ on }) => ({ query: `jurisdictionCode=${on}&year=${PLAN_YEAR}` }) },
  { endpoint: 'POST /api/v1/draws', needs: 'draw.create', on: DISTRICTS, target: theDistrict, request: ({ on }) => ({ payload: newDraw(on) }) },
  { endpoint: 'POST /api/v1/risk/regrade-jobs', needs: 'risk.manage', on: DISTRICTS, target: theDistrict, request: ({ on }) => ({ payload: { year: PLAN_YEAR, jurisdictionCode: on } }) },
  // A district's plan. Approving is one-shot: a fresh draft per run. Its items are read with the grant asserted
  // first (core `listPlanItems`), so an actor without `plan.read` hears 403 whatever the plan.
  { endpoint: 'POST /api/v1/inspection-plans/{id}/approval', needs: 'plan.manage', on: DISTRICTS, target: supervised('inspectionPlans', (s, on) => s.draftPlan(on)) },
  { endpoint: 'GET /api/v1/inspection-plans/{id}/items', needs: 'plan.read', grantFirst: true, on: DISTRICTS, target: supervised('inspectionPlans', (s, on) => s.planOf(on)) },

  // Risk grading of A, B or C. An enterprise administrator may declare its own facts (core `saveRiskProfile`
  // asserts `registry.update` for them; the credit class stays the regulator's); everyone else needs `risk.manage`.
  { endpoint: 'GET /api/v1/enterprises/{id}/risk', needs: 'risk.read', on: E, target: theEnterprise },
  {
    endpoint: 'PUT /api/v1/enterprises/{id}/risk-profile',
    needs: (actor) => (actor.role === 'enterprise_admin' ? 'registry.update' : 'risk.manage'),
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => ({ payload: await f.supervision.riskProfileSave(f.at(on).enterprise.id) }),
  },
  {
    endpoint: 'POST /api/v1/enterprises/{id}/risk-triggers',
    needs: 'risk.manage',
    on: E,
    target: theEnterprise,
    request: () => ({ payload: { kind: 'failed_supervisory_sampling', occurredOn: '2025-06-01', note: '监督抽检不合格' } }),
  },
  { endpoint: 'POST /api/v1/risk-triggers/{id}/withdrawal', needs: 'risk.manage', on: E, target: supervised('riskTriggers', (s, on) => s.standingTrigger(on)), request: () => ({ payload: { reason: '录入错误' } }) },
  { endpoint: 'POST /api/v1/enterprises/{id}/risk-grade/regrade', needs: 'risk.manage', on: E, target: theEnterprise, request: () => ({ payload: {} }) },
  { endpoint: 'POST /api/v1/enterprises/{id}/risk-grade/override', needs: 'risk.manage', on: E, target: theEnterprise, request: () => ({ payload: { grade: 'C', reason: '现场检查问题较多' } }) },

  // Inspections of A, B or C. Reads use completed ones: an enterprise sees its inspections only once done.
  { endpoint: 'GET /api/v1/enterprises/{id}/eligible-inspectors', needs: 'inspection.schedule', on: E, target: theEnterprise },
  { endpoint: 'POST /api/v1/inspections', needs: 'inspection.schedule', on: E, target: theEnterprise, request: ({ f, on }) => ({ payload: f.supervision.newInspection(on) }) },
  { endpoint: 'GET /api/v1/inspections/{id}', needs: 'inspection.read', on: E, target: theCompleted },
  { endpoint: 'GET /api/v1/inspections/{id}/record.pdf', needs: 'inspection.read', on: E, target: theCompleted },
  { endpoint: 'GET /api/v1/inspections/{id}/photos/{photoId}', needs: 'inspection.read', on: E, target: theCompleted, request: ({ f, on }) => ({ params: { photoId: f.supervision.at(on).photoId } }) },
  // A draft save of a scheduled inspection, by its assigned inspectors only (A_OF_OTHERS: assigned to others).
  {
    endpoint: 'POST /api/v1/inspections/{id}/sync',
    needs: 'inspection.perform',
    rule: assignedOnly,
    on: T,
    target: supervised('inspections', (s, on) => s.scheduledOf(on)),
    request: async ({ f, target }) => ({ payload: await f.supervision.draftSave(target?.kind === 'record' ? target.id : '') }),
  },
  // Publishing is one-shot: a freshly completed inspection per run.
  { endpoint: 'POST /api/v1/inspections/{id}/publish', needs: 'inspection.publish', rule: assignedInspectorOnly, on: T, target: supervised('inspections', (s, on) => s.completedInspection(on)) },
  // The "carry out" clock of a scheduled inspection. Pausing a paused clock, or resuming a running one, is a
  // conflict: a fresh running (paused) clock per run.
  { endpoint: 'POST /api/v1/clocks/{id}/extension', needs: 'clock.extend', on: E, target: supervised('clocks', (s, on) => s.at(on).clockId), request: () => ({ payload: { days: 1, reason: '企业停产，检查顺延' } }) },
  { endpoint: 'POST /api/v1/clocks/{id}/pause', needs: 'clock.extend', on: E, target: supervised('clocks', (s, on) => s.runningClock(on)), request: () => ({ payload: { reason: '抽检样品检验中' } }) },
  { endpoint: 'POST /api/v1/clocks/{id}/resume', needs: 'clock.extend', on: E, target: supervised('clocks', (s, on) => s.pausedClock(on)) },

  // Rectification orders (责令整改) of A, B or C. Answering and verifying are one-shot: a fresh order per run.
  { endpoint: 'GET /api/v1/rectification-orders/{id}', needs: 'inspection.read', on: E, target: theOrder },
  {
    endpoint: 'GET /api/v1/rectification-orders/{id}/evidence/{evidenceId}',
    needs: 'inspection.read',
    on: E,
    target: theOrder,
    request: ({ f, on }) => ({ params: { evidenceId: f.supervision.at(on).evidenceId } }),
  },
  {
    endpoint: 'POST /api/v1/rectification-orders/{id}/response',
    needs: 'rectification.respond',
    on: E,
    target: supervised('rectificationOrders', (s, on) => s.openOrder(on)),
    request: () => ({ payload: { response: '已整改，附照片。', evidence: [EVIDENCE] } }),
  },
  {
    endpoint: 'POST /api/v1/rectification-orders/{id}/verification',
    needs: 'rectification.verify',
    on: E,
    target: supervised('rectificationOrders', (s, on) => s.answeredOrder(on)),
    request: () => ({ payload: { method: 'remote', note: '整改照片核查属实' } }),
  },

  // Recusals (回避), last: a standing recusal takes its inspector off the enterprise (no scheduling, no form),
  // and the cases above schedule inspections of A with the 周家渡 inspector and let him fill them. An inspector
  // declares for themself; a supervisor names an inspector of their jurisdiction.
  {
    endpoint: 'POST /api/v1/recusals',
    needs: 'recusal.declare',
    on: E,
    target: theEnterprise,
    request: ({ f, as, on }) => ({
      payload: { enterpriseId: f.at(on).enterprise.id, reason: '近亲属在该企业任职', ...(as.actor.role === 'inspector' ? {} : { inspectorId: f.supervision.recuserOf(on) }) },
    }),
  },
  // The recusal of the matrix inspector in scope (A_OF_OTHERS: of another inspector of A).
  { endpoint: 'DELETE /api/v1/recusals/{id}', needs: 'recusal.declare', rule: ownRecusalOnly, on: T, target: supervised('recusals', (s, on) => s.standingRecusal(on)) },
  ...TRACE_OPERATION_CASES,
  ...EPCIS_QUERY_CASES,
  ...EPCIS_CAPTURE_CASES,
  ...TRACE_RECALL_CASES,
  ...TRACE_CODE_CASES,
  ...SELF_INSPECTION_CASES,
  ...DUTY_CASES,
  ...TRAINING_CASES,
  ...MONITORING_CASES,
  ...CAMERA_EVENT_CASES,
  ...MONITORING_WALL_CASES,
  ...MONITORING_RULE_SET_CASES,
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
    const expected = expectedFor(c, x.as.actor, target);
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

describe('supervision lists answer exactly the rows in scope', () => {
  const signedIn = ACTORS.filter((a) => a.role !== 'public').map((a) => a.name);
  const idsOf = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  it.each(signedIn)('GET /inspections: %s', async (name) => {
    const as = f.as(name);
    const res = await as.client.get('/api/v1/inspections?limit=200');
    expect(res.statusCode).toBe(200);
    // An enterprise sees its inspections once done: an announced date would defeat unannounced checks.
    const done = (status: string) => actorScope(as.actor).kind !== 'enterprise' || status === 'completed' || status === 'published';
    const rows = await f.db.selectFrom('inspections').select(['id', 'jurisdictionCode', 'enterpriseId', 'status']).execute();
    const expected = rows.filter((r) => inScope(as.actor, r) && done(r.status)).map((r) => r.id);
    expect(expected.length).toBeLessThanOrEqual(200); // one page holds them all
    expect(sorted(idsOf(res))).toEqual(sorted(expected));
    expect(res.json().total).toBe(expected.length);
    expect(E.filter((k) => idsOf(res).includes(f.supervision.at(k).completedId))).toEqual(as.spec.sees);
  });

  it.each(signedIn)('GET /rectification-orders: %s', async (name) => {
    const as = f.as(name);
    const res = await as.client.get('/api/v1/rectification-orders');
    expect(res.statusCode).toBe(200);
    const rows = await f.db.selectFrom('rectificationOrders').select(['id', 'jurisdictionCode', 'enterpriseId']).execute();
    const expected = rows.filter((r) => inScope(as.actor, r)).map((r) => r.id);
    expect(expected.length).toBeLessThanOrEqual(100); // one page holds them all
    expect(sorted(idsOf(res))).toEqual(sorted(expected));
    expect(E.filter((k) => idsOf(res).includes(f.supervision.at(k).orderId))).toEqual(as.spec.sees);
  });

  it.each(signedIn)('GET /work-queue: %s gets the open clocks in scope that it owes', async (name) => {
    const as = f.as(name);
    const res = await as.client.get('/api/v1/work-queue?limit=200');
    expect(res.statusCode).toBe(200);
    const body: { items: { clockId: string }[]; counts: { open: number } } = res.json();
    const ids = body.items.map((i) => i.clockId);
    // 待办: an enterprise user what the enterprise owes; an inspector the clocks assigned to them; a supervisor
    // every clock of the jurisdiction (the enterprises' deadlines too, so an ignored order shows as overdue).
    const enterpriseUser = actorScope(as.actor).kind === 'enterprise';
    const owes = (c: { owner: string; assigneeIds: string[] }) =>
      enterpriseUser ? c.owner === 'enterprise' : as.actor.role === 'inspector' ? c.assigneeIds.includes(as.actor.userId ?? '') : true;
    const open = await f.db.selectFrom('clocks').select(['id', 'jurisdictionCode', 'enterpriseId', 'owner', 'assigneeIds']).where('state', '<>', 'met').execute();
    const expected = open.filter((c) => inScope(as.actor, c) && owes(c)).map((c) => c.id);
    expect(expected.length).toBeLessThanOrEqual(200); // one page holds them all
    expect(sorted(ids)).toEqual(sorted(expected));
    expect(body.counts.open).toBe(expected.length);
    // The clock of a scheduled inspection: its inspectors and the supervisors see it, the enterprise never.
    expect(E.filter((k) => ids.includes(f.supervision.at(k).clockId))).toEqual(enterpriseUser ? [] : as.spec.sees);
  });
});

describe('the audit chain', () => {
  it('verifies after the whole matrix, every row in it', async () => {
    const report = await verifyAuditChain(f.db);
    const rows = await f.db.selectFrom('auditLog').select('seq').execute();
    expect(report).toMatchObject({ ok: true, entries: rows.length, firstProblem: null });
  });
});
