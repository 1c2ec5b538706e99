import { randomInt, randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import {
  PUBLIC_ACTOR,
  computeGtinCheckDigit,
  hasGrant,
  inScope,
  makeScNumber,
  makeUscc,
  type Action,
  type Actor,
  type Role,
  type ScopedTarget,
} from '@shian/domain';
import type { Db, EnterpriseRow } from '@shian/core';
import { TEST_PASSWORD, buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createInspectionFixtures, type InspectionFixtures } from './access-fixtures-inspection.ts';
import { signInAs, type Session, type TestApp } from './test-app.ts';

/**
 * Helpers of the access matrix (`access-matrix.int.test.ts`): the fixtures (three enterprises, one user per
 * role; the supervision records in `access-fixtures-inspection.ts`), request bodies with fresh identifiers,
 * the expected outcome computed from the policy, and the database snapshot that proves a refused write
 * changed nothing.
 */

// ---------------------------------------------------------------------------------------------- fixtures

/** A 浦东 street (周家渡街道), a 黄浦 street (南京东路街道), another 浦东 street (陆家嘴街道). */
export const STREET_A = '310115007';
export const STREET_B = '310101002';
export const STREET_C = '310115005';

export const ENTERPRISE_KEYS = ['A', 'B', 'C'] as const;
export type EnterpriseKey = (typeof ENTERPRISE_KEYS)[number];

export interface EnterpriseFixture {
  key: EnterpriseKey;
  enterprise: EnterpriseRow;
  licenceId: string;
  productId: string;
  personId: string;
}

export interface ActorSpec {
  name: string;
  role: Role;
  jurisdictionCode?: string;
  /** Enterprise users act for enterprise A. */
  ofEnterprise?: EnterpriseKey;
  /**
   * Hand-written anchor: which fixture enterprises this actor sees. The matrix derives every expectation from
   * the policy; this keeps a wrong policy from passing by agreeing with itself.
   */
  sees: readonly EnterpriseKey[];
}

export const ACTORS: readonly ActorSpec[] = [
  { name: 'city_admin 310000', role: 'city_admin', jurisdictionCode: '310000', sees: ['A', 'B', 'C'] },
  { name: 'city_supervisor 310000', role: 'city_supervisor', jurisdictionCode: '310000', sees: ['A', 'B', 'C'] },
  { name: 'district_supervisor 310115 浦东', role: 'district_supervisor', jurisdictionCode: '310115', sees: ['A', 'C'] },
  { name: 'inspector 310101 黄浦', role: 'inspector', jurisdictionCode: '310101', sees: ['B'] },
  { name: `inspector ${STREET_A} 周家渡`, role: 'inspector', jurisdictionCode: STREET_A, sees: ['A'] },
  { name: 'enterprise_admin of A', role: 'enterprise_admin', ofEnterprise: 'A', sees: ['A'] },
  { name: 'enterprise_staff of A', role: 'enterprise_staff', ofEnterprise: 'A', sees: ['A'] },
  { name: 'anonymous', role: 'public', sees: [] },
];

export interface ActorFixture {
  spec: ActorSpec;
  actor: Actor;
  username: string;
  client: Session;
}

export interface Fixtures {
  t: TestApp;
  db: Db;
  enterprises: Record<EnterpriseKey, EnterpriseFixture>;
  actors: Map<string, ActorFixture>;
  /** A city supervisor outside the matrix: the author of "another user's import". */
  importer: ActorFixture;
  /** Risk grades, plans, draws, inspections, rectification orders, recusals and clocks of A, B and C. */
  supervision: InspectionFixtures;
  at(key: string): EnterpriseFixture;
  as(name: string): ActorFixture;
}

/** A client without a session: the public. */
export function anonymousSession(t: TestApp): Session {
  const request = (options: InjectOptions) => t.app.inject(options);
  return {
    username: 'public',
    request,
    get: (url, headers = {}) => request({ method: 'GET', url, headers }),
    post: (url, payload, headers = {}) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
    patch: (url, payload, headers = {}) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers }),
  };
}

/** The id in a successful answer; throws with the answer otherwise (fixtures must not fail silently). */
function idOf(res: LightMyRequestResponse, what: string): string {
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  const body: { id: string } = res.json();
  return body.id;
}

/** Enterprises A (浦东, 周家渡), B (黄浦), C (浦东, 陆家嘴), each with a licence, a product and a person; one signed-in user per role. */
export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const db = t.database.db;
  const [a, b, c] = await Promise.all([STREET_A, STREET_B, STREET_C].map((jurisdictionCode) => buildEnterprise(db, { jurisdictionCode })));
  if (!a || !b || !c) throw new Error('fixture enterprises missing');
  const rows: Record<EnterpriseKey, EnterpriseRow> = { A: a, B: b, C: c };

  const signIn = async (spec: ActorSpec): Promise<ActorFixture> => {
    if (spec.role === 'public') return { spec, actor: PUBLIC_ACTOR, username: 'public', client: anonymousSession(t) };
    const scope = spec.ofEnterprise ? { enterpriseId: rows[spec.ofEnterprise].id } : { jurisdictionCode: spec.jurisdictionCode ?? '' };
    const { user, actor } = await buildUser(db, spec.role, scope);
    return { spec, actor, username: user.username, client: await signInAs(t.app, user.username) };
  };
  const importerSpec: ActorSpec = { name: 'importer', role: 'city_supervisor', jurisdictionCode: '310000', sees: [] };
  const [importer, ...signedIn] = await Promise.all([importerSpec, ...ACTORS].map(signIn));
  if (!importer) throw new Error('importer missing');
  const actors = new Map(signedIn.map((a) => [a.spec.name, a]));
  const admin = signedIn.find((a) => a.spec.role === 'city_admin');
  if (!admin) throw new Error('city admin missing');

  const build = async (key: EnterpriseKey): Promise<EnterpriseFixture> => {
    const enterprise = rows[key];
    const licence = await buildLicence(db, enterprise);
    // The factory inserts the licence without an audit entry: one edit gives it a history.
    idOf(await admin.client.patch(`/api/v1/licences/${licence.id}`, { version: licence.version, issuingAuthority: '上海市市场监督管理局（复核）' }), 'licence edit');
    const productId = idOf(await admin.client.post(`/api/v1/enterprises/${enterprise.id}/products`, { ...newProduct(), licenceId: licence.id }), 'product');
    const personId = idOf(await admin.client.post(`/api/v1/enterprises/${enterprise.id}/people`, newPerson()), 'person');
    return { key, enterprise, licenceId: licence.id, productId, personId };
  };
  const enterprises: Record<EnterpriseKey, EnterpriseFixture> = { A: await build('A'), B: await build('B'), C: await build('C') };
  const inspectors = signedIn.filter((a) => a.spec.role === 'inspector').map((a) => a.actor);
  const supervision = await createInspectionFixtures(db, rows, inspectors);

  return {
    t,
    db,
    enterprises,
    actors,
    importer,
    supervision,
    at(key) {
      if (key !== 'A' && key !== 'B' && key !== 'C') throw new Error(`not an enterprise fixture: ${key}`);
      return enterprises[key];
    },
    as(name) {
      const found = actors.get(name);
      if (!found) throw new Error(`no actor ${name}`);
      return found;
    },
  };
}

// ---------------------------------------------------------------------------- bodies, fresh per call

let sequence = randomInt(1, 400_000_000);
const next = (): number => (sequence += 1);

export const newEnterprise = (jurisdictionCode: string) => {
  const n = next();
  return {
    uscc: makeUscc('91', jurisdictionCode.slice(0, 6), n),
    name: `上海矩阵${n}保健食品有限公司`,
    legalRepresentative: '李明',
    kinds: ['producer'],
    jurisdictionCode,
    address: `上海市矩阵路${n}号`,
    phone: '021-58880000',
  };
};

// Numbers issued by 闵行 (310112): the factories use the enterprise's own district, so none collide.
export const newLicence = () => ({ number: makeScNumber('127', '310112', next() % 10_000), issuingAuthority: '上海市市场监督管理局', issuedOn: '2024-03-01' });

export function newProduct() {
  const n = next();
  const body = `690${String(n % 1_000_000_000).padStart(9, '0')}`;
  return {
    name: `矩阵牌维生素C片${n}`,
    category: 'health_food',
    registrationNumber: `国食健注G2020${String(n % 10_000).padStart(4, '0')}`,
    functions: ['有助于增强免疫力'],
    gtins: [`${body}${computeGtinCheckDigit(body)}`],
    specification: '60片/瓶',
  };
}

export const newPerson = () => ({ name: '王建国', role: 'food_safety_officer', appointedOn: '2024-05-01', phone: '13800138000' });

export const newPremises = (jurisdictionCode: string) => ({ name: `仓库${next()}`, address: '上海市仓储路1号', kind: 'warehouse', jurisdictionCode });

/** A CSV upload (multipart field `file`) whose one row registers a new enterprise in 浦东: error-free, so it can be confirmed. */
export function enterpriseImportUpload(): { payload: Buffer; headers: Record<string, string> } {
  const e = newEnterprise('310115');
  const csv = `统一社会信用代码,企业名称,法定代表人,主体类型,所属辖区代码,地址,电话\n${e.uscc},${e.name},${e.legalRepresentative},生产企业,${e.jurisdictionCode},${e.address},${e.phone}\n`;
  const boundary = `----shian-${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enterprises.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const credentials = (username: string) => ({ username, password: TEST_PASSWORD });

// ------------------------------------------------------------------------------ targets and outcomes

export type RegistryTable = 'enterprises' | 'licences' | 'products' | 'people';
const isRegistryTable = (table: string): table is RegistryTable => ['enterprises', 'licences', 'products', 'people'].includes(table);
export type RecordTable = RegistryTable | 'inspections' | 'rectificationOrders' | 'riskTriggers' | 'recusals' | 'clocks' | 'inspectionPlans' | 'draws' | 'premises' | 'apiKeys' | 'recalls' | 'recallNotices' | 'traceCodeBatches' | 'traceAlerts' | 'dutyRiskItems' | 'dutyHazards' | 'trainingRecords' | 'examSessions' | 'examCandidates' | 'examAttempts' | 'selfInspectionReports' | 'selfInspectionRectifications' | 'monitoringDevices' | 'monitoringAlerts' | 'monitoringCameraEvents';

/** What a request acts on, as far as the rules care. */
export type Target =
  /** A stored record: out of the actor's scope it does not exist for them (404). `assignees`: an inspection's inspectors, a recusal's. */
  | { kind: 'record'; table: RecordTable; id: string; scope: ScopedTarget; assignees?: readonly string[] | undefined }
  /** A jurisdiction a new record is placed in: out of scope is a 422 on the field. */
  | { kind: 'jurisdiction'; code: string }
  /** A jurisdiction a regulator acts about as a whole (plan, draw, re-grade): out of scope 404, like a record; never an enterprise user's. */
  | { kind: 'area'; code: string }
  /** A previewed import: only its author or a city administrator may apply it (core `applyImport`). */
  | { kind: 'import'; id: string; createdBy: string | null };

/** Reads where a record lives (its jurisdiction and enterprise; an inspection's or recusal's inspectors) from the database. */
export async function recordTarget(db: Db, table: RecordTable, id: string): Promise<Target> {
  const target = (scope: ScopedTarget, assignees?: readonly string[]): Target => ({ kind: 'record', table, id, scope, assignees });
  // An enterprise is its own; plans and draws are regulators' records about a jurisdiction, of no enterprise.
  if (table === 'enterprises' || table === 'inspectionPlans' || table === 'draws') {
    const row = await db.selectFrom(table).select('jurisdictionCode').where('id', '=', id).executeTakeFirstOrThrow();
    return target({ jurisdictionCode: row.jurisdictionCode, enterpriseId: table === 'enterprises' ? id : null });
  }
  if (table === 'inspections') {
    const { inspectorIds, ...scope } = await db.selectFrom(table).select(['jurisdictionCode', 'enterpriseId', 'inspectorIds']).where('id', '=', id).executeTakeFirstOrThrow();
    return target(scope, inspectorIds);
  }
  if (table === 'recusals') {
    const { inspectorId, ...scope } = await db.selectFrom(table).select(['jurisdictionCode', 'enterpriseId', 'inspectorId']).where('id', '=', id).executeTakeFirstOrThrow();
    return target(scope, [inspectorId]);
  }
  return target(await db.selectFrom(table).select(['jurisdictionCode', 'enterpriseId']).where('id', '=', id).executeTakeFirstOrThrow());
}

export async function versionOf(db: Db, table: RegistryTable, id: string): Promise<number> {
  return (await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
}

/** 'public': anyone; 'signed-in': any signed-in user; otherwise the policy action the use case asserts. */
export type Needs = 'public' | 'signed-in' | Action;

export type Outcome = { allowed: true } | { allowed: false; status: number; code: string };

export const refused = (status: number, code: string): Outcome => ({ allowed: false, status, code });

/** A rule of one use case beyond grant and scope (assignment, ownership): the outcome it imposes where the policy allows, or nothing. */
export type ExtraRule = (actor: Actor, target: Target | undefined) => Outcome | undefined;

/**
 * The outcome the rules promise, from the policy functions: anonymous 401; a record or jurisdiction out of
 * scope 404 (checked before the grant, so that existence does not leak, unless `grantFirst`); no grant 403; a
 * jurisdiction out of scope for a new record 422; an import of someone else 404 unless a city administrator
 * asks; otherwise success.
 */
export function expectedOutcome(needs: Needs, actor: Actor, target: Target | undefined, options: { grantFirst?: boolean } = {}): Outcome {
  if (needs === 'public') return { allowed: true };
  if (!actor.userId) return refused(401, 'auth.unauthenticated');
  if (needs === 'signed-in') return { allowed: true };
  if (options.grantFirst && !hasGrant(actor, needs)) return refused(403, 'auth.forbidden');
  const scope = target?.kind === 'record' ? target.scope : target?.kind === 'area' ? { jurisdictionCode: target.code, enterpriseId: null } : null;
  if (scope && !inScope(actor, scope)) return refused(404, 'resource.not_found');
  if (!hasGrant(actor, needs)) return refused(403, 'auth.forbidden');
  if (target?.kind === 'jurisdiction' && !inScope(actor, { jurisdictionCode: target.code, enterpriseId: null })) {
    return refused(422, 'registry.out_of_jurisdiction');
  }
  if (target?.kind === 'import' && target.createdBy !== actor.userId && actor.role !== 'city_admin') return refused(404, 'import.not_found');
  return { allowed: true };
}

/** The outcome of one run of a case: the policy's, then the case's own rule where the policy allows. */
export function expectedFor(c: AccessCase, actor: Actor, target: Target | undefined): Outcome {
  const needs = typeof c.needs === 'function' ? c.needs(actor) : c.needs;
  const outcome = expectedOutcome(needs, actor, target, { grantFirst: c.grantFirst === true });
  return outcome.allowed ? (c.rule?.(actor, target) ?? outcome) : outcome;
}

// --------------------------------------------------------------------------------------- snapshots

const COUNTED = [
  ...['enterprises', 'premises', 'licences', 'products', 'people', 'auditLog', 'users', 'jobs', 'clocks', 'riskProfiles', 'riskGrades', 'riskTriggers'],
  ...['recusals', 'inspectionPlans', 'draws', 'inspections', 'inspectionSubmissions', 'inspectionPhotos', 'rectificationOrders', 'rectificationEvidence'],
  ...['apiKeys', 'epcisCaptures', 'epcisEvents'],
  ...['recalls', 'recallNotices'],
  ...['traceCodeBatches', 'traceAlerts'],
  ...['selfInspectionReports', 'selfInspectionAnswers', 'selfInspectionRectifications', 'qaReleaseRecords'],
  ...['trainingRecords', 'examSessions', 'examCandidates', 'examAttempts'],
  ...['monitoringDevices', 'monitoringAlerts'],
] as const;

/** Everything a refused write could have touched: row counts (jobs too: queuing one writes no audit entry), the audit head, the imports, the target record. */
export async function snapshotOf(db: Db, target: Target | undefined): Promise<unknown> {
  // One query for every count: the matrix takes hundreds of snapshots.
  const counts = await db.selectNoFrom((eb) => COUNTED.map((table) => eb.selectFrom(table).select(eb.fn.countAll<number>().as('n')).as(table))).executeTakeFirstOrThrow();
  const auditHead = await db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
  const imports = await db.selectFrom('imports').select(['id', 'status']).orderBy('id').execute();
  const record = target?.kind === 'record' ? await db.selectFrom(target.table).selectAll().where('id', '=', target.id).executeTakeFirst() : null;
  return { counts, auditHead, imports, record };
}

// ------------------------------------------------------------------------------------ lists in scope

/** Every enterprise row, with where it lives, to filter with `inScope`. */
export async function allEnterprises(db: Db) {
  const rows = await db.selectFrom('enterprises').select(['id', 'uscc', 'kinds', 'jurisdictionCode']).execute();
  return rows.map((r) => ({ ...r, enterpriseId: r.id }));
}

/** The ids of every enterprise the search shows the client, following its cursor. */
export async function searchAll(client: Session): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/v1/enterprises?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.statusCode !== 200) throw new Error(`search: ${res.statusCode} ${res.body}`);
    const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** The first column (credit codes) of the first sheet of an xlsx download, without its header. */
export async function exportedCodes(payload: Buffer): Promise<{ header: unknown; codes: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(payload).buffer);
  const values: unknown[] = [];
  workbook.worksheets[0]?.eachRow((row) => values.push(row.getCell(1).value));
  const [header, ...codes] = values;
  return { header, codes: codes.map(String) };
}

export const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();

// ----------------------------------------------------------------------------------------- the cases

/** One run of a case: who asks, about which of the case's targets (`A`, `B`, `C`, a district, an import, or `-`). */
export interface CaseInput {
  f: Fixtures;
  as: ActorFixture;
  on: string;
}

export interface CaseRequest {
  query?: string;
  /** Path parameters besides `{id}` (a photo's, an evidence file's). */
  params?: Record<string, string>;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface AccessCase {
  /** `METHOD path` exactly as the OpenAPI document names it. */
  endpoint: string;
  /** What the use case asserts; a function where it depends on the role (said beside the case). */
  needs: Needs | ((actor: Actor) => Needs);
  /** A rule of the use case beyond grant and scope, explained beside the case. */
  rule?: ExtraRule;
  /** The use case asserts the grant before it looks for the record: without the grant, 403 in or out of scope. */
  grantFirst?: boolean;
  /** What each actor is tried on; absent: once, on nothing. */
  on?: readonly string[];
  /** The record, jurisdiction or import the request acts on; a record's or import's id fills `{id}`. */
  target?: (x: CaseInput) => Target | Promise<Target>;
  /** A valid request for an allowed actor (fresh identifiers, current version). */
  request?: (x: CaseInput & { target: Target | undefined }) => CaseRequest | Promise<CaseRequest>;
  /** Sent from a session of its own (signing out must not end the matrix's session). */
  ownSession?: boolean;
}

/** The target of a record case: a record of the enterprise the run is on. */
export const recordOf =
  (table: RecordTable, pick: (e: EnterpriseFixture) => string) =>
  ({ f, on }: CaseInput): Promise<Target> =>
    recordTarget(f.db, table, pick(f.at(on)));

/** The body of an edit: the record's current version and the changes. */
export const editWith =
  (changes: Record<string, unknown>) =>
  async ({ f, target }: CaseInput & { target: Target | undefined }): Promise<CaseRequest> => {
    if (target?.kind !== 'record' || !isRegistryTable(target.table)) throw new Error('an edit needs a registry record');
    return { payload: { version: await versionOf(f.db, target.table, target.id), ...changes } };
  };

/** A previewed import: the actor's own (an actor without the grant has none, and tries the importer's), or the importer's. */
export async function previewedImport({ f, as, on }: CaseInput): Promise<Target> {
  const author = on === 'own import' && hasGrant(as.actor, 'registry.import') ? as : f.importer;
  const res = await author.client.request({ method: 'POST', url: '/api/v1/imports?kind=enterprises', ...enterpriseImportUpload() });
  return { kind: 'import', id: idOf(res, 'import preview'), createdBy: author.actor.userId };
}

/** Sends one run of a case: the session (its own when asked), the URL with the target's id, the request. */
export async function sendCase(c: AccessCase, x: CaseInput, target: Target | undefined, request: CaseRequest): Promise<LightMyRequestResponse> {
  const [method = 'GET', path = ''] = c.endpoint.split(' ');
  const id = target?.kind === 'record' || target?.kind === 'import' ? target.id : '';
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? id : (request.params?.[name] ?? ''))) + (request.query ? `?${request.query}` : '');
  const client = c.ownSession && x.as.actor.userId ? await signInAs(x.f.t.app, x.as.username) : x.as.client;
  // The case's body is JSON or multipart bytes: the inject payload type admits both.
  const payload = request.payload as InjectOptions['payload'];
  return client.request({ method: method as InjectOptions['method'], url, payload, headers: request.headers ?? {} });
}
