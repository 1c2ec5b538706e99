import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, selfInspectionAnswerSchema, selfInspectionChecklistFor, selfInspectionItems } from '@shian/domain';
import {
  closeRectificationItem,
  createPerson,
  createSelfInspectionReport,
  saveSelfInspectionAnswers,
  submitSelfInspectionReport,
  today,
  type Db,
} from '@shian/core';
import { DISTRICTS } from './access-fixtures-inspection.ts';
import { ENTERPRISE_KEYS, recordOf, recordTarget, type AccessCase, type CaseInput, type EnterpriseKey, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of self-inspection (自查报告, 整改项), its KPIs and QA release records (出厂放行). A report, an
 * item and a release belong to the enterprise: regulators whose jurisdiction holds it and the enterprise's own
 * users see them; the enterprise writes, its admin verifies items, the bureau (supervisors) reviews reports.
 * Records a case uses up (a draft answered, a report submitted, an item closed) are made fresh per run, as the
 * platform, through the core services.
 */

const E = ENTERPRISE_KEYS;
const YEAR = Number(today().slice(0, 4));
const system = (db: Db) => ({ db, actor: SYSTEM_ACTOR });
const keys = selfInspectionItems(selfInspectionChecklistFor('health_food')).map((i) => i.key);
const due = () => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
};

/** A draft ad-hoc report of the enterprise; `answered`: every item answered, the first non-conformant. */
async function newReport(f: Fixtures, key: EnterpriseKey, then: 'draft' | 'answered' | 'submitted'): Promise<string> {
  const enterpriseId = f.at(key).enterprise.id;
  const report = await createSelfInspectionReport(system(f.db), { kind: 'ad_hoc', year: YEAR, title: '矩阵测试自查', enterpriseId });
  if (then === 'draft') return report.id;
  const answers = keys.map((itemKey, i) =>
    selfInspectionAnswerSchema.parse(i === 0 ? { itemKey, result: 'non_conformant', note: '矩阵问题', rectificationOwner: '矩阵', rectificationDueOn: due() } : { itemKey, result: 'conformant' }),
  );
  await saveSelfInspectionAnswers(system(f.db), report.id, { version: report.version, answers });
  if (then === 'submitted') await submitSelfInspectionReport(system(f.db), report.id);
  return report.id;
}

async function newItem(f: Fixtures, key: EnterpriseKey, closed: boolean): Promise<string> {
  const reportId = await newReport(f, key, 'submitted');
  const item = await f.db.selectFrom('selfInspectionRectifications').select('id').where('reportId', '=', reportId).executeTakeFirstOrThrow();
  if (closed) await closeRectificationItem(system(f.db), item.id, { evidence: '矩阵整改' });
  return item.id;
}

const standing = new WeakMap<Fixtures, Map<string, string>>();
async function once(f: Fixtures, name: string, make: () => Promise<string>): Promise<string> {
  const made = standing.get(f) ?? new Map<string, string>();
  standing.set(f, made);
  const known = made.get(name);
  if (known) return known;
  const id = await make();
  made.set(name, id);
  return id;
}

/** The enterprise's quality authorised person (the fixtures' key person is a food-safety officer). */
const qaPersonOf = (f: Fixtures, key: EnterpriseKey) =>
  once(f, `qa-${key}`, async () => (await createPerson(system(f.db), f.at(key).enterprise.id, { name: '矩阵受权人', role: 'quality_authorised_person', appointedOn: '2024-01-02', endedOn: null, phone: null })).id);

const theEnterprise = recordOf('enterprises', (e) => e.enterprise.id);
const report = (then: 'draft' | 'answered' | 'submitted') => async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'selfInspectionReports', await newReport(f, on as EnterpriseKey, then));
const item = (closed: boolean) => async ({ f, on }: CaseInput): Promise<Target> => recordTarget(f.db, 'selfInspectionRectifications', await newItem(f, on as EnterpriseKey, closed));

export const SELF_INSPECTION_CASES: AccessCase[] = [
  // Lists: the grant decides; the rows are narrowed to scope by the queries.
  { endpoint: 'GET /api/v1/self-inspection/reports', needs: 'self_inspection.read' },
  { endpoint: 'GET /api/v1/self-inspection/rectifications', needs: 'self_inspection.read' },
  { endpoint: 'GET /api/v1/qa-releases', needs: 'self_inspection.read' },
  // A district's KPIs: its regulators (enterprise users are never in scope of a district).
  { endpoint: 'GET /api/v1/self-inspection/kpis', needs: 'self_inspection.read', on: DISTRICTS, target: ({ on }) => ({ kind: 'area', code: on }), request: ({ on }) => ({ query: `jurisdictionCode=${on}&year=${YEAR}` }) },

  // A new ad-hoc report of A, B or C (the enterprise named, as anyone but its own users must).
  {
    endpoint: 'POST /api/v1/self-inspection/reports',
    needs: 'self_inspection.write',
    on: E,
    target: theEnterprise,
    request: ({ f, on }) => ({ payload: { kind: 'ad_hoc', year: YEAR, title: '矩阵临时自查', enterpriseId: f.at(on).enterprise.id } }),
  },
  { endpoint: 'GET /api/v1/self-inspection/reports/{id}', needs: 'self_inspection.read', on: E, target: async ({ f, on }) => recordTarget(f.db, 'selfInspectionReports', await once(f, `report-${on}`, () => newReport(f, on as EnterpriseKey, 'draft'))) },
  {
    endpoint: 'PATCH /api/v1/self-inspection/reports/{id}/answers',
    needs: 'self_inspection.write',
    on: E,
    target: report('draft'),
    request: () => ({ payload: { version: 1, answers: [{ itemKey: keys[0], result: 'conformant' }] } }),
  },
  { endpoint: 'POST /api/v1/self-inspection/reports/{id}/submit', needs: 'self_inspection.write', on: E, target: report('answered') },
  { endpoint: 'POST /api/v1/self-inspection/reports/{id}/review', needs: 'self_inspection.review', on: E, target: report('submitted'), request: () => ({ payload: { decision: 'return', comment: '矩阵退回' } }) },
  { endpoint: 'POST /api/v1/self-inspection/rectifications/{id}/close', needs: 'self_inspection.write', on: E, target: item(false), request: () => ({ payload: { evidence: '矩阵整改完成' } }) },
  { endpoint: 'POST /api/v1/self-inspection/rectifications/{id}/verify', needs: 'self_inspection.verify', on: E, target: item(true), request: () => ({ payload: { note: '矩阵验证' } }) },

  // A release decision on a fresh lot of A's, B's or C's product by its quality authorised person.
  {
    endpoint: 'POST /api/v1/qa-releases',
    needs: 'self_inspection.write',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => ({
      payload: {
        productId: f.at(on).productId,
        lot: `M${randomUUID().slice(0, 8)}`,
        tests: [{ name: '菌落总数', result: '<10 CFU/g', conclusion: 'pass' }],
        decision: 'release',
        personId: await qaPersonOf(f, on as EnterpriseKey),
        decidedAt: new Date().toISOString(),
      },
    }),
  },
];
