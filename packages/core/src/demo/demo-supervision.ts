/**
 * The demo city's supervision record, made through the same use cases people use: risk facts for every
 * enterprise, last year's inspections in 浦东 and 黄浦 (most published, some with findings and fixes), upgrade
 * triggers, this year's grades (the re-grade job's work), 浦东's annual plan, a recusal, a published random
 * draw whose picks are today's inspections, and open rectification orders — one for the demo enterprise.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  addCalendarDays,
  checklistItems,
  findChecklistTemplate,
  type Actor,
  type ChecklistTemplate,
  type InspectionAnswer,
} from '@shian/domain';
import type { Db } from '../db/connect.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { meetClock } from '../deadlines/clock-service.ts';
import { insertInspection, type InspectionRow } from '../inspection/inspection-schedule.ts';
import { publishInspection } from '../inspection/inspection-publication.ts';
import { syncInspection } from '../inspection/inspection-sync.ts';
import { declareRecusal } from '../inspection/recusal-service.ts';
import { respondToRectification, verifyRectification } from '../inspection/rectification-service.ts';
import { generateInspectionPlan } from '../inspection-plan/plan-service.ts';
import { createDraw } from '../random-draw/draw-service.ts';
import { regradeAll } from '../risk/risk-grading.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import { demoCreditClass, demoRiskFacts } from './demo-risk-facts.ts';
import { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';
import { createRandom, type Random } from './random.ts';

const IS_SELLER = sql<boolean>`kinds @> ARRAY['seller']::text[]`;

/** A valid 1×1 PNG: the demo's stand-in for a handwritten signature. */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface SupervisionSummary {
  riskProfiles: number;
  pastInspections: number;
  graded: number;
  drawPicks: number;
  todaysInspections: number;
}

export async function loadDemoSupervision(db: Db, options: { seed: number; asOf: string }): Promise<SupervisionSummary> {
  const random = createRandom(options.seed, 'supervision');
  const year = Number(options.asOf.slice(0, 4));
  const actors = await loadActors(db);
  const system: Ctx = { db, actor: actorOf(actors.get('city-admin')) };

  const riskProfiles = await insertRiskProfiles(db, random);

  // Last year's routine inspections: they feed this year's dynamic scores and the public results.
  let pastInspections = 0;
  for (const district of ['310115', '310101']) {
    const inspectors = [...actors.values()].filter((u) => u.role === 'inspector' && u.jurisdictionCode === district);
    const targets = await db.selectFrom('enterprises').selectAll().where('jurisdictionCode', 'like', `${district}%`).orderBy('id').limit(40).execute();
    for (const [i, enterprise] of targets.entries()) {
      const team = [inspectors[i % inspectors.length]!, inspectors[(i + 1) % inspectors.length]!];
      const on = `${year - 1}-${String(1 + (i % 11)).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`;
      const inspection = await scheduleAs(system, enterprise.id, team.map((u) => u.id), on);
      const failures = random.chance(0.3) ? random.int(1, 2) : 0;
      await completeAs({ db, actor: actorOf(team[0]) }, inspection, on, failures, random.chance(0.1));
      const order = await db.selectFrom('rectificationOrders').select('id').where('inspectionId', '=', inspection.id).executeTakeFirst();
      if (order) {
        // The enterprise's own answer; these demo enterprises have no accounts, so the audit names the demo.
        const admin: Ctx = { db, actor: { userId: null, username: 'demo-enterprise', role: 'enterprise_admin', jurisdictionCode: null, enterpriseId: enterprise.id } };
        await respondToRectification(admin, order.id, { response: '已按要求完成整改，附整改前后照片。', evidence: [] });
        await verifyRectification({ db, actor: actorOf(team[1]) }, order.id, { method: 'remote', note: '整改材料齐全，书面核查通过。' });
      }
      if (random.chance(0.9)) await publishInspection({ db, actor: actorOf(team[0]) }, inspection.id);
      pastInspections += 1;
    }
  }

  // Last year's case leads were taken up by case officers (the cases capability will record that itself).
  const leads = await db.selectFrom('caseLeads').select(['id', 'createdAt']).execute();
  await withTransaction(system, async (trx) => {
    for (const lead of leads) {
      await trx.db.updateTable('caseLeads').set({ status: 'taken' }).where('id', '=', lead.id).execute();
      const clock = await trx.db.selectFrom('clocks').select('startedOn').where('subjectId', '=', lead.id).executeTakeFirst();
      if (clock) await meetClock(trx, 'case_lead', lead.id, 'case_lead.review', addCalendarDays(clock.startedOn, 7));
    }
  });

  // Upgrade triggers entered by hand until sampling and cases record their own.
  const sampled = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('jurisdictionCode', 'like', '310115%').where(IS_SELLER).orderBy('name').limit(2).execute();
  for (const e of sampled) {
    await withTransaction(system, async (trx) => {
      await trx.db
        .insertInto('riskTriggers')
        .values({ id: randomUUID(), enterpriseId: e.id, jurisdictionCode: e.jurisdictionCode, kind: 'failed_supervisory_sampling', occurredOn: `${year - 1}-06-18`, note: '市级监督抽检：某批次保健食品标签标示值不符合要求', source: 'manual', sourceRef: null, recordedBy: null, withdrawnAt: null, withdrawnReason: null })
        .execute();
    });
  }

  const grading = await regradeAll(db, { year, jurisdictionCode: '310000', jobId: null });

  const pudongSupervisor: Ctx = { db, actor: actorOf(actors.get('pudong-supervisor')) };
  await generateInspectionPlan(pudongSupervisor, { jurisdictionCode: '310115', year });
  const recused = await db.selectFrom('enterprises').select('id').where('jurisdictionCode', 'like', '310115%').where(IS_SELLER).orderBy('name', 'desc').limit(1).executeTakeFirstOrThrow();
  await declareRecusal({ db, actor: actorOf(actors.get('pudong-inspector-2')) }, { enterpriseId: recused.id, reason: '本人配偶在该企业任职' });
  const draw = await createDraw(pudongSupervisor, {
    jurisdictionCode: '310115',
    title: `${year}年浦东新区保健食品经营企业双随机抽查（第一批）`,
    filters: { kinds: ['seller'] },
    size: { mode: 'count', count: 12 },
    inspectorsPerTarget: 2,
    weighted: true,
    scheduledOn: options.asOf,
  });

  // Today's work of the named inspector (the offline form's demo), beside the draw's picks.
  const pudongTeam = ['pudong-inspector', 'pudong-inspector-2'].map((u) => actors.get(u)!.id);
  const todays = await db.selectFrom('enterprises').selectAll().where('jurisdictionCode', 'like', '310115%').where(IS_SELLER).orderBy('address').limit(3).execute();
  for (const e of todays) await scheduleAs(system, e.id, pudongTeam, options.asOf);

  // The demo enterprise: inspected ten days ago, one item to fix by its deadline (it shows in 待办).
  const demoEnterprise = await db.selectFrom('users').select('enterpriseId').where('username', '=', DEMO_ENTERPRISE_ADMIN.username).executeTakeFirstOrThrow();
  const enterprise = await db.selectFrom('enterprises').select(['id', 'jurisdictionCode']).where('id', '=', demoEnterprise.enterpriseId!).executeTakeFirstOrThrow();
  const district = enterprise.jurisdictionCode.slice(0, 6);
  const local = [...actors.values()].filter((u) => u.role === 'inspector' && u.jurisdictionCode === district);
  if (local.length >= 2) {
    const on = addCalendarDays(options.asOf, -10);
    const inspection = await scheduleAs(system, enterprise.id, [local[0]!.id, local[1]!.id], on);
    await completeAs({ db, actor: actorOf(local[0]) }, inspection, on, 1, false);
  }
  // Another enterprise let its deadline pass: the daily sweep escalates the order and sends a follow-up.
  const late = todays.at(-1);
  if (late) {
    const on = addCalendarDays(options.asOf, -20);
    const inspection = await scheduleAs(system, late.id, pudongTeam, on);
    await completeAs({ db, actor: actorOf(actors.get('pudong-inspector')) }, inspection, on, 1, false);
  }
  return { riskProfiles, pastInspections, graded: grading.graded, drawPicks: draw.pickedCount, todaysInspections: todays.length + draw.pickedCount - draw.unstaffedCount };
}

type DemoUser = { id: string; username: string; role: Actor['role']; jurisdictionCode: string | null };

async function loadActors(db: Db): Promise<Map<string, DemoUser>> {
  const users = await db.selectFrom('users').select(['id', 'username', 'role', 'jurisdictionCode']).where('enterpriseId', 'is', null).execute();
  return new Map(users.map((u) => [u.username, { ...u, role: u.role as Actor['role'] }]));
}

function actorOf(user: DemoUser | undefined): Actor {
  if (!user) throw new Error('demo user missing');
  return { userId: user.id, username: user.username, role: user.role, jurisdictionCode: user.jurisdictionCode, enterpriseId: null };
}

/** Risk facts for every enterprise, inserted in bulk (the demo's stand-in for the enterprises' declarations). */
async function insertRiskProfiles(db: Db, random: Random): Promise<number> {
  const enterprises = await db.selectFrom('enterprises').select(['id', 'kinds', 'jurisdictionCode']).orderBy('id').execute();
  const products = await db.selectFrom('products').select(['enterpriseId', 'category']).execute();
  const categories = new Map<string, string[]>();
  for (const p of products) categories.set(p.enterpriseId, [...(categories.get(p.enterpriseId) ?? []), p.category]);
  for (let i = 0; i < enterprises.length; i += 1000) {
    await db
      .insertInto('riskProfiles')
      .values(
        enterprises.slice(i, i + 1000).map((e) => {
          const risk = demoRiskFacts(random, e.kinds, categories.get(e.id) ?? []);
          return { enterpriseId: e.id, jurisdictionCode: e.jurisdictionCode, sector: risk.sector, facts: JSON.stringify(risk.facts), creditClass: demoCreditClass(random), currentGrade: null };
        }),
      )
      .execute();
  }
  return enterprises.length;
}

async function scheduleAs(ctx: Ctx, enterpriseId: string, inspectorIds: string[], scheduledOn: string): Promise<InspectionRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    return insertInspection(trx, enterprise, { enterpriseId, kind: 'routine', origin: 'plan', scheduledOn, inspectorIds, drawId: null, followUpOf: null });
  });
}

/** Completes an inspection as its first inspector: every item passes but `failures` general items (and a key item when asked). */
async function completeAs(ctx: Ctx, inspection: InspectionRow, on: string, failures: number, keyFailure: boolean): Promise<void> {
  const template = findChecklistTemplate(inspection.templateId) as ChecklistTemplate;
  const items = checklistItems(template);
  const general = items.filter((i) => i.severity === 'general');
  const answers: Record<string, InspectionAnswer> = {};
  for (const item of items) answers[item.id] = { result: 'pass' };
  general.slice(0, failures).forEach((item, n) => {
    answers[item.id] = n === 0 ? { result: 'fail', note: '现场发现记录不完整，责令限期补正。', disposition: 'rectification' } : { result: 'fail', note: '已当场整改。', disposition: 'fixed_on_site' };
  });
  const key = items.find((i) => i.severity === 'key');
  if (keyFailure && key) answers[key.id] = { result: 'fail', note: '发现超过保质期的保健食品 3 盒，已移交案件线索。' };
  const inspectors = await ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', inspection.inspectorIds).execute();
  await syncInspection(ctx, inspection.id, {
    submissionId: randomUUID(),
    baseRevision: inspection.revision,
    answers,
    photos: [],
    signatures: { inspectors: inspectors.map((u) => ({ userId: u.id, name: u.displayName, image: SIGNATURE })), representative: { name: '企业负责人', image: SIGNATURE } },
    inspectedOn: on,
    complete: true,
  });
}
