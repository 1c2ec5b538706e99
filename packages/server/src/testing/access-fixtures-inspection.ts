import { randomUUID } from 'node:crypto';
import { addCalendarDays, checklistItems, findChecklistTemplate, inScope, type Actor, type InspectionAnswer, type TRiskFacts } from '@shian/domain';
import {
  createDraw,
  declareRecusal,
  generateInspectionPlan,
  recordRiskTrigger,
  regradeEnterprise,
  respondToRectification,
  saveRiskProfile,
  scheduleInspection,
  setClockPaused,
  syncInspection,
  today,
  type Ctx,
  type Db,
  type EnterpriseRow,
  type InspectionRow,
} from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import type { EnterpriseKey } from './access-cases.ts';

/**
 * Fixtures of the access matrix for risk-based supervision (risk grades, plans, draws, inspections,
 * rectification, recusals, clocks), all made through the core use cases so that clocks and audit exist.
 *
 * Scheduling needs two eligible inspectors per enterprise, more than the matrix's one inspector per scope:
 * three inspectors of 浦东 (310115) and three of 黄浦 (310101) are added outside the matrix. The matrix's own
 * inspectors are assigned where they are in scope (周家渡 on A, 黄浦 on B), so the policy's "grant and scope"
 * is what decides for them; `A_OF_OTHERS` is an inspection of A assigned only to inspectors outside the matrix.
 */

/** A target of A whose inspection (or recusal) belongs to inspectors outside the matrix. */
export const A_OF_OTHERS = "A, other inspectors'";
export const INSPECTION_TARGETS = ['A', 'B', 'C', A_OF_OTHERS] as const;
/** The districts of A (浦东) and of B (黄浦): targets of acts about a jurisdiction as a whole. */
export const DISTRICTS = ['310115', '310101'] as const;

/** The year of the fixture plans (GET endpoints); POST /inspection-plans regenerates the draft of the next one. */
export const PLAN_YEAR = 2030;

/** A 1×1 PNG: a signature image, a photo, an evidence file. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;

export const RISK_FACTS: TRiskFacts = {
  sector: 'production',
  facts: { foodCategories: ['health_food'], scale: 'small', employees: 30, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
};

export const EVIDENCE = { filename: '整改照片.png', contentType: 'image/png', dataBase64: PNG_BASE64 } as const;

/** A draw of one enterprise of the jurisdiction, two inspectors each. */
export const newDraw = (jurisdictionCode: string) => ({
  jurisdictionCode,
  title: '矩阵随机抽查',
  filters: {},
  size: { mode: 'count' as const, count: 1 },
  inspectorsPerTarget: 2,
  weighted: true,
  scheduledOn: addCalendarDays(today(), 10),
});

/** The inspections, orders and their files made at fixture time for A, B and C (read and reused by the cases). */
export interface InspectionRecords {
  /** Scheduled, not done: its inspectors save drafts of it; its "carry out" clock is extended. */
  scheduledId: string;
  clockId: string;
  /** Completed with one photo and one general item failed: its rectification order is answered with evidence. */
  completedId: string;
  photoId: string;
  orderId: string;
  evidenceId: string;
}

export interface InspectionFixtures {
  at(on: string): InspectionRecords;
  /** A scheduled inspection of the target (`A_OF_OTHERS` included), for draft saves. */
  scheduledOf(on: string): string;
  /** The draft plan of the district for `PLAN_YEAR`. */
  planOf(code: string): string;
  /** A published draw of 黄浦. */
  drawId: string;
  /** An inspection of the enterprise to schedule, with two inspectors outside the matrix who may inspect it. */
  newInspection(on: string): { enterpriseId: string; kind: 'routine'; scheduledOn: string; inspectorIds: string[] };
  /** An inspector outside the matrix whom the fixtures never assign, and supervisors declare recusals for. */
  recuserOf(on: string): string;
  /** A draft save from the offline form: a new submission from the inspection's current revision (repeatable). */
  draftSave(inspectionId: string): Promise<object>;
  /** The enterprise's risk facts, saved again from their current version. */
  riskProfileSave(enterpriseId: string): Promise<object>;
  // Records a case consumes, fresh when the last one was used up (only allowed runs use them up).
  completedInspection(on: string): Promise<string>;
  openOrder(on: string): Promise<string>;
  answeredOrder(on: string): Promise<string>;
  /** The "carry out" clock of a new scheduled inspection, running or paused. */
  runningClock(on: string): Promise<string>;
  pausedClock(on: string): Promise<string>;
  /** The recusal of the matrix inspector in scope (A: 周家渡, B: 黄浦), or of another inspector (C, `A_OF_OTHERS`). */
  standingRecusal(on: string): Promise<string>;
  standingTrigger(on: string): Promise<string>;
  /** A draft plan of the district for a year no plan has yet. */
  draftPlan(code: string): Promise<string>;
}

/** Remembers the last record made for each target and makes a new one once `usable` says it was used up. */
function reusing(usable: (id: string) => Promise<boolean>, create: (on: string) => Promise<string>): (on: string) => Promise<string> {
  const last = new Map<string, string>();
  return async (on) => {
    const id = last.get(on);
    if (id !== undefined && (await usable(id))) return id;
    const fresh = await create(on);
    last.set(on, fresh);
    return fresh;
  };
}

export async function createInspectionFixtures(
  db: Db,
  enterprises: Record<EnterpriseKey, EnterpriseRow>,
  matrixInspectors: readonly Actor[],
): Promise<InspectionFixtures> {
  const actor = async (role: 'inspector' | 'city_supervisor', jurisdictionCode: string) => (await buildUser(db, role, { jurisdictionCode })).actor;
  const supervisor: Ctx = { db, actor: await actor('city_supervisor', '310000') };
  const [p1, p2, pudongRecuser, h1, h2, huangpuRecuser] = await Promise.all(
    ['310115', '310115', '310115', '310101', '310101', '310101'].map((code) => actor('inspector', code)),
  );
  if (!p1 || !p2 || !pudongRecuser || !h1 || !h2 || !huangpuRecuser) throw new Error('fixture inspectors missing');
  const adminOf = async (key: EnterpriseKey) => (await buildUser(db, 'enterprise_admin', { enterpriseId: enterprises[key].id })).actor;
  const admins: Record<EnterpriseKey, Actor> = { A: await adminOf('A'), B: await adminOf('B'), C: await adminOf('C') };

  const keyOf = (on: string): EnterpriseKey => {
    if (on === A_OF_OTHERS) return 'A';
    if (on === 'A' || on === 'B' || on === 'C') return on;
    throw new Error(`not an inspection target: ${on}`);
  };
  const matrixInspectorOf = (key: EnterpriseKey): Actor => {
    const found = matrixInspectors.find((i) => inScope(i, { jurisdictionCode: enterprises[key].jurisdictionCode, enterpriseId: enterprises[key].id }));
    if (!found) throw new Error(`no matrix inspector in scope of ${key}`);
    return found;
  };
  /** Who is assigned to the target's inspections; the first one fills the form. */
  const teamOf = (on: string): [Actor, Actor] => {
    const key = keyOf(on);
    if (key === 'C' || on === A_OF_OTHERS) return [p1, p2];
    return [matrixInspectorOf(key), key === 'A' ? p1 : h1];
  };
  const userIds = (actors: readonly Actor[]) => actors.map((a) => a.userId ?? '');

  const schedule = async (on: string): Promise<InspectionRow> =>
    scheduleInspection(supervisor, {
      enterpriseId: enterprises[keyOf(on)].id,
      kind: 'routine',
      scheduledOn: addCalendarDays(today(), 7),
      inspectorIds: userIds(teamOf(on)),
    });
  /** Completes a new inspection: every item passes, or one general item fails for rectification; signed by all. */
  const complete = async (on: string, options: { failOne: boolean; photoId?: string }): Promise<string> => {
    const row = await schedule(on);
    const template = findChecklistTemplate(row.templateId);
    if (!template) throw new Error(`unknown template ${row.templateId}`);
    const items = checklistItems(template);
    const failed = options.failOne ? items.find((i) => i.severity === 'general') : undefined;
    const answers: Record<string, InspectionAnswer> = Object.fromEntries(items.map((i) => [i.id, { result: 'pass' as const }]));
    if (failed) answers[failed.id] = { result: 'fail', note: '标签标识不规范', disposition: 'rectification' };
    const team = teamOf(on);
    await syncInspection({ db, actor: team[0] }, row.id, {
      submissionId: randomUUID(),
      baseRevision: row.revision,
      answers,
      photos: options.photoId ? [{ id: options.photoId, itemId: null, contentType: 'image/png', dataBase64: PNG_BASE64, takenAt: null }] : [],
      signatures: { inspectors: team.map((i) => ({ userId: i.userId ?? '', name: i.username, image: PNG_DATA_URL })), representative: { name: '李四', image: PNG_DATA_URL } },
      inspectedOn: today(),
      complete: true,
    });
    return row.id;
  };
  const clockOf = async (inspectionId: string) =>
    (await db.selectFrom('clocks').select('id').where('subjectId', '=', inspectionId).where('ruleId', '=', 'inspection.conduct').executeTakeFirstOrThrow()).id;
  const orderOf = async (inspectionId: string) => (await db.selectFrom('rectificationOrders').select('id').where('inspectionId', '=', inspectionId).executeTakeFirstOrThrow()).id;
  const openOrder = async (on: string) => orderOf(await complete(on, { failOne: true }));
  const answer = async (on: string, orderId: string) => {
    await respondToRectification({ db, actor: admins[keyOf(on)] }, orderId, { response: '已按要求整改，附整改照片。', evidence: [EVIDENCE] });
    return orderId;
  };

  const recordsOf = async (key: EnterpriseKey): Promise<InspectionRecords> => {
    const scheduledId = (await schedule(key)).id;
    const photoId = randomUUID();
    const completedId = await complete(key, { failOne: true, photoId });
    const orderId = await answer(key, await orderOf(completedId));
    const evidence = await db.selectFrom('rectificationEvidence').select('id').where('orderId', '=', orderId).executeTakeFirstOrThrow();
    // Risk facts and a current grade: re-grading needs the facts, an override needs the grade.
    await saveRiskProfile(supervisor, enterprises[key].id, { risk: RISK_FACTS, creditClass: 'B' });
    await regradeEnterprise(supervisor, enterprises[key].id, Number(today().slice(0, 4)));
    return { scheduledId, clockId: await clockOf(scheduledId), completedId, photoId, orderId, evidenceId: evidence.id };
  };
  const records: Record<EnterpriseKey, InspectionRecords> = { A: await recordsOf('A'), B: await recordsOf('B'), C: await recordsOf('C') };
  const scheduledOthers = (await schedule(A_OF_OTHERS)).id;
  const plan = async (jurisdictionCode: string, year: number) => (await generateInspectionPlan(supervisor, { jurisdictionCode, year })).id;
  const planIds = { '310115': await plan('310115', PLAN_YEAR), '310101': await plan('310101', PLAN_YEAR) };
  const drawId = (await createDraw(supervisor, newDraw('310101'))).id;

  const status = async (table: 'inspections' | 'rectificationOrders' | 'inspectionPlans', id: string) =>
    (await db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const clockState = async (id: string) => (await db.selectFrom('clocks').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
  const standing = async (table: 'recusals' | 'riskTriggers', id: string) =>
    (await db.selectFrom(table).select('withdrawnAt').where('id', '=', id).executeTakeFirstOrThrow()).withdrawnAt === null;
  let planYear = 2040;
  const inHuangpu = (on: string) => enterprises[keyOf(on)].jurisdictionCode.startsWith('310101');

  return {
    at: (on) => records[keyOf(on)],
    scheduledOf: (on) => (on === A_OF_OTHERS ? scheduledOthers : records[keyOf(on)].scheduledId),
    planOf: (code) => {
      if (code !== '310115' && code !== '310101') throw new Error(`no fixture plan of ${code}`);
      return planIds[code];
    },
    drawId,
    newInspection: (on) => ({
      enterpriseId: enterprises[keyOf(on)].id,
      kind: 'routine',
      scheduledOn: addCalendarDays(today(), 14),
      inspectorIds: userIds(inHuangpu(on) ? [h1, h2] : [p1, p2]),
    }),
    recuserOf: (on) => (inHuangpu(on) ? huangpuRecuser : pudongRecuser).userId ?? '',
    draftSave: async (inspectionId) => {
      const { revision } = await db.selectFrom('inspections').select('revision').where('id', '=', inspectionId).executeTakeFirstOrThrow();
      return { submissionId: randomUUID(), baseRevision: revision, answers: {}, photos: [], signatures: null, inspectedOn: today(), complete: false };
    },
    riskProfileSave: async (enterpriseId) => {
      const { version } = await db.selectFrom('riskProfiles').select('version').where('enterpriseId', '=', enterpriseId).executeTakeFirstOrThrow();
      return { risk: RISK_FACTS, creditClass: 'A', version };
    },
    completedInspection: reusing(
      async (id) => (await status('inspections', id)) === 'completed',
      (on) => complete(on, { failOne: false }),
    ),
    openOrder: reusing(async (id) => (await status('rectificationOrders', id)) === 'open', openOrder),
    answeredOrder: reusing(
      async (id) => (await status('rectificationOrders', id)) === 'answered',
      async (on) => answer(on, await openOrder(on)),
    ),
    runningClock: reusing(
      async (id) => (await clockState(id)) === 'running',
      async (on) => clockOf((await schedule(on)).id),
    ),
    pausedClock: reusing(
      async (id) => (await clockState(id)) === 'paused',
      async (on) => (await setClockPaused(supervisor, await clockOf((await schedule(on)).id), { paused: true, reason: '抽检样品检验中' })).id,
    ),
    standingRecusal: reusing(
      (id) => standing('recusals', id),
      async (on) => {
        const key = keyOf(on);
        const inspector = key === 'C' || on === A_OF_OTHERS ? pudongRecuser : matrixInspectorOf(key);
        return (await declareRecusal(supervisor, { enterpriseId: enterprises[key].id, inspectorId: inspector.userId ?? '', reason: '近亲属在该企业任职' })).id;
      },
    ),
    standingTrigger: reusing(
      (id) => standing('riskTriggers', id),
      async (on) => (await recordRiskTrigger(supervisor, enterprises[keyOf(on)].id, { kind: 'failed_supervisory_sampling', occurredOn: today(), note: '监督抽检不合格' })).id,
    ),
    draftPlan: reusing(
      async (id) => (await status('inspectionPlans', id)) === 'draft',
      async (code) => plan(code, (planYear += 1)),
    ),
  };
}
