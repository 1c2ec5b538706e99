/**
 * The demo's self-inspection record (自查): every special-food producer's annual report of last year, submitted
 * and acknowledged by its district; this year's reports at various stages (some submitted, some drafts, some not
 * started), a few non-conformities with rectification items (整改项) — one of the demo enterprise's overdue,
 * so it shows in its 待办 — and the quality authorised person's release decisions (出厂放行) for the demo trace
 * lots (and one rejected lot). Made through the same use cases people use; run after the trace demo.
 */
import { sql } from 'kysely';
import { addCalendarDays, selfInspectionAnswerSchema, selfInspectionItems, type Actor, type QaTest } from '@shian/domain';
import { actorOf } from '../auth/sign-in.ts';
import type { Db } from '../db/connect.ts';
import type { Ctx } from '../db/transaction.ts';
import { recordQaRelease } from '../qa-release/qa-release-service.ts';
import { closeRectificationItem, verifyRectificationItem } from '../self-inspection/rectification-items.ts';
import { checklistOf } from '../self-inspection/self-inspection-queries.ts';
import { createSelfInspectionReport, reviewSelfInspectionReport, saveSelfInspectionAnswers, submitSelfInspectionReport } from '../self-inspection/self-inspection-service.ts';
import { DEMO_ENTERPRISE_ADMIN } from './demo-users.ts';

export interface SelfInspectionSummary {
  reports: number;
  rectifications: number;
  releases: number;
}

const FINDINGS = [
  '洁净区压差记录有 3 天缺失',
  '部分原料供应商审核资料过期',
  '两名新入职员工未完成岗前培训',
  '留样室温度记录未每日复核',
  '标签版本与备案内容不一致（净含量标示）',
];

interface Producer {
  id: string;
  jurisdictionCode: string;
}

export async function loadDemoSelfInspection(db: Db, options: { asOf: string }): Promise<SelfInspectionSummary> {
  const year = Number(options.asOf.slice(0, 4));
  const producers: Producer[] = await db
    .selectFrom('enterprises as e')
    .select(['e.id', 'e.jurisdictionCode'])
    .where('e.status', '=', 'active')
    .where(sql<boolean>`e.kinds @> ARRAY['producer']::text[]`)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM products p WHERE p.enterprise_id = e.id AND p.status = 'active')`)
    .orderBy('e.uscc')
    .execute();
  const supervisors = new Map(
    (await db.selectFrom('users').selectAll().where('role', '=', 'district_supervisor').execute()).map((u) => [u.jurisdictionCode ?? '', actorOf(u)]),
  );
  const demoUsers = await db.selectFrom('users').selectAll().where('username', 'in', [DEMO_ENTERPRISE_ADMIN.username, DEMO_ENTERPRISE_ADMIN.staffUsername]).execute();
  const demoAdmin = demoUsers.find((u) => u.username === DEMO_ENTERPRISE_ADMIN.username);
  const demoStaff = demoUsers.find((u) => u.username === DEMO_ENTERPRISE_ADMIN.staffUsername);
  const summary: SelfInspectionSummary = { reports: 0, rectifications: 0, releases: 0 };

  // The demo enterprise first, so that its story is always the same one.
  const ordered = demoAdmin?.enterpriseId ? [...producers.filter((p) => p.id === demoAdmin.enterpriseId), ...producers.filter((p) => p.id !== demoAdmin.enterpriseId)] : producers;
  for (const [i, producer] of ordered.entries()) {
    const isDemo = producer.id === demoAdmin?.enterpriseId;
    // Producers without accounts act through the platform's stand-in: the audit names the demo.
    const admin: Actor = isDemo && demoAdmin ? actorOf(demoAdmin) : { userId: null, username: 'demo-enterprise', role: 'enterprise_admin', jurisdictionCode: null, enterpriseId: producer.id };
    const staff: Actor = isDemo && demoStaff ? actorOf(demoStaff) : admin;
    const supervisor = supervisors.get(producer.jurisdictionCode.slice(0, 6));
    const as = (actor: Actor): Ctx => ({ db, actor });

    // Last year's annual report: submitted in December, acknowledged; every eighth had a finding, since fixed.
    const lastOn = `${year - 1}-12-${String(5 + (i % 20)).padStart(2, '0')}`;
    const last = await report(as(staff), producer.id, year - 1, i % 8 === 0 ? [{ finding: FINDINGS[i % FINDINGS.length]!, dueOn: addCalendarDays(lastOn, 30) }] : [], 'all');
    await submitSelfInspectionReport(as(staff), last, lastOn);
    if (supervisor) await reviewSelfInspectionReport(as(supervisor), last, { decision: 'acknowledge', comment: '' });
    for (const item of await db.selectFrom('selfInspectionRectifications').select('id').where('reportId', '=', last).execute()) {
      await closeRectificationItem(as(staff), item.id, { evidence: '已完成整改并经内部复核，记录归档。' });
      await verifyRectificationItem(as(admin), item.id, { note: '整改有效' });
      summary.rectifications += 1;
    }
    summary.reports += 1;

    // This year: the demo enterprise submitted 40 days ago with two findings, one overdue; then every third
    // producer submitted (some with findings), every third has a draft, the rest have not started.
    const stage = isDemo ? 'submitted' : (['submitted', 'draft', 'none'] as const)[i % 3]!;
    if (stage === 'none') continue;
    const on = addCalendarDays(options.asOf, isDemo ? -40 : -((i % 30) + 5));
    const findings = isDemo
      ? [
          { finding: FINDINGS[0]!, dueOn: addCalendarDays(on, 30) },
          { finding: FINDINGS[1]!, dueOn: addCalendarDays(options.asOf, 20) },
        ]
      : i % 9 === 0
        ? [{ finding: FINDINGS[(i + 2) % FINDINGS.length]!, dueOn: addCalendarDays(options.asOf, 10 + (i % 20)) }]
        : [];
    const current = await report(as(staff), producer.id, year, findings, stage === 'draft' ? 'some' : 'all');
    summary.reports += 1;
    if (stage === 'draft') continue;
    await submitSelfInspectionReport(as(staff), current, on);
    summary.rectifications += findings.length;
    if (supervisor && !isDemo && i % 2 === 0) await reviewSelfInspectionReport(as(supervisor), current, { decision: 'acknowledge', comment: '' });
    if (supervisor && !isDemo && i % 10 === 3) await reviewSelfInspectionReport(as(supervisor), current, { decision: 'return', comment: '请补充不符合项的整改计划和责任人。' });
  }

  summary.releases = await releaseDemoLots(db, demoAdmin ? actorOf(demoAdmin) : null);
  return summary;
}

/** A report answered against its checklist: the findings on the first items, the rest conformant (`some`: half answered, a draft). */
async function report(ctx: Ctx, enterpriseId: string, year: number, findings: { finding: string; dueOn: string }[], answered: 'all' | 'some'): Promise<string> {
  const created = await createSelfInspectionReport(ctx, { kind: 'annual', year, enterpriseId });
  const items = selfInspectionItems(checklistOf(created));
  const count = answered === 'all' ? items.length : Math.ceil(items.length / 2);
  const answers = items.slice(0, count).map((item, i) => {
    const finding = findings[i];
    return selfInspectionAnswerSchema.parse(
      finding
        ? { itemKey: item.key, result: 'non_conformant', note: finding.finding, rectificationOwner: '质量部 王磊', rectificationDueOn: finding.dueOn }
        : { itemKey: item.key, result: i === items.length - 1 && i % 2 === 0 ? 'not_applicable' : 'conformant', note: '' },
    );
  });
  await saveSelfInspectionAnswers(ctx, created.id, { version: created.version, answers });
  return created.id;
}

const TESTS: QaTest[] = [
  { name: '感官要求', result: '符合', conclusion: 'pass' },
  { name: '菌落总数', result: '<10 CFU/g', conclusion: 'pass' },
  { name: '大肠菌群', result: '未检出', conclusion: 'pass' },
  { name: '功效成分含量', result: '标示值的 104%', conclusion: 'pass' },
];

/** Release decisions for every lot the trace demo issued codes for, and one rejected lot of the demo enterprise. */
async function releaseDemoLots(db: Db, demoAdmin: Actor | null): Promise<number> {
  const lots = await db.selectFrom('traceCodeBatches').select(['enterpriseId', 'productId', 'lot', 'productionDate']).distinct().orderBy('lot').execute();
  let count = 0;
  const qaPerson = async (enterpriseId: string) =>
    db.selectFrom('people').select('id').where('enterpriseId', '=', enterpriseId).where('role', '=', 'quality_authorised_person').where('endedOn', 'is', null).orderBy('appointedOn', 'desc').executeTakeFirst();
  const seen = new Set<string>();
  for (const lot of lots) {
    const key = `${lot.productId}:${lot.lot}`;
    const person = await qaPerson(lot.enterpriseId);
    if (seen.has(key) || !person) continue;
    seen.add(key);
    const actor: Actor = demoAdmin?.enterpriseId === lot.enterpriseId ? demoAdmin : { userId: null, username: 'demo-enterprise', role: 'enterprise_admin', jurisdictionCode: null, enterpriseId: lot.enterpriseId };
    await recordQaRelease({ db, actor }, { productId: lot.productId, lot: lot.lot, tests: TESTS, decision: 'release', personId: person.id, decidedAt: `${addCalendarDays(lot.productionDate, 3)}T10:00:00+08:00`, note: '', correctsId: null });
    count += 1;
  }
  const first = lots.find((l) => l.enterpriseId === demoAdmin?.enterpriseId);
  const person = first ? await qaPerson(first.enterpriseId) : undefined;
  if (first && person && demoAdmin) {
    await recordQaRelease(
      { db, actor: demoAdmin },
      {
        productId: first.productId,
        lot: `${first.lot.slice(0, 4)}R01`,
        tests: [TESTS[0]!, { name: '菌落总数', result: '3.2×10⁴ CFU/g（限量 1000）', conclusion: 'fail' }],
        decision: 'reject',
        personId: person.id,
        decidedAt: `${addCalendarDays(first.productionDate, -7)}T16:00:00+08:00`,
        note: '微生物超标，不予放行，按不合格品处置。',
        correctsId: null,
      },
    );
    count += 1;
  }
  return count;
}
