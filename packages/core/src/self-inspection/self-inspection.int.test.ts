import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, addCalendarDays, selfInspectionChecklistFor, selfInspectionItems, type Actor, type SelfInspectionAnswerInput } from '@shian/domain';
import { selfInspectionAnswerSchema } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { listWorkQueue } from '../deadlines/work-queue.ts';
import { today } from '../registry/guards.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { closeRectificationItem, verifyRectificationItem } from './rectification-items.ts';
import { findSelfInspectionReport, listRectificationItems, listSelfInspectionReports } from './self-inspection-queries.ts';
import { createSelfInspectionReport, reviewSelfInspectionReport, saveSelfInspectionAnswers, submitSelfInspectionReport } from './self-inspection-service.ts';
import { buildSelfInspectingProducer, type SelfInspectingProducer } from './self-inspection-test-kit.ts';

/** 闵行 (310112): producers P and Q; 黄浦 (310101): producer H. Supervisors of both districts. */
let database: Database;
let p: SelfInspectingProducer;
let q: SelfInspectingProducer;
let h: SelfInspectingProducer;
let minhang: Actor;
let huangpu: Actor;
const YEAR = Number(today().slice(0, 4));
const checklist = selfInspectionChecklistFor('health_food');
const keys = selfInspectionItems(checklist).map((i) => i.key);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [p, q, h] = [await buildSelfInspectingProducer(db, '310112'), await buildSelfInspectingProducer(db, '310112'), await buildSelfInspectingProducer(db, '310101')];
  minhang = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310112' })).actor;
  huangpu = (await buildUser(db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
});
afterAll(async () => database?.close());

const ctx = (actor: Actor) => ({ db: database.db, actor });
const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};
const answers = (overrides: Record<string, SelfInspectionAnswerInput> = {}) =>
  keys.map((itemKey) => selfInspectionAnswerSchema.parse(overrides[itemKey] ?? { itemKey, result: 'conformant' }));

/** A full report for the producer, answered with the given non-conformities, submitted on `on`. */
async function submitted(e: SelfInspectingProducer, kind: 'annual' | 'ad_hoc', year: number, nonConformities: Record<string, string>, on = today()) {
  const report = await createSelfInspectionReport(ctx(e.staff), { kind, year, title: kind === 'ad_hoc' ? '专项自查' : undefined });
  const overrides = Object.fromEntries(Object.entries(nonConformities).map(([itemKey, dueOn]) => [itemKey, { itemKey, result: 'non_conformant' as const, note: `问题 ${itemKey}`, rectificationOwner: '赵整改', rectificationDueOn: dueOn }]));
  const saved = await saveSelfInspectionAnswers(ctx(e.staff), report.id, { version: report.version, answers: answers(overrides) });
  await submitSelfInspectionReport(ctx(e.staff), report.id, on);
  return saved;
}

describe('the report lifecycle', () => {
  it('goes draft → submitted → returned → submitted → acknowledged, raising one rectification item per non-conformity', async () => {
    const report = await createSelfInspectionReport(ctx(p.staff), { kind: 'annual', year: YEAR });
    expect(report).toMatchObject({ status: 'draft', checklistId: checklist.id, title: `${YEAR}年度食品安全自查报告`, jurisdictionCode: p.enterprise.jurisdictionCode });
    expect((await failure(createSelfInspectionReport(ctx(p.admin), { kind: 'annual', year: YEAR }))).code).toBe('self_inspection.duplicate_annual');

    const unknown = await failure(saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: report.version, answers: [selfInspectionAnswerSchema.parse({ itemKey: 'IF-1.1', result: 'conformant' })] }));
    expect(unknown.code).toBe('request.invalid');
    expect(unknown.details).toEqual([{ path: 'answers.0.itemKey', message: 'field.self_inspection_item_unknown' }]);

    const partial = await saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: report.version, answers: answers().slice(0, 3) });
    const incomplete = await failure(submitSelfInspectionReport(ctx(p.staff), report.id));
    expect(incomplete.code).toBe('self_inspection.incomplete');
    expect(incomplete.details).toHaveLength(keys.length - 3);
    expect((await failure(saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: report.version, answers: [] }))).code).toBe('resource.conflict');

    const due = addCalendarDays(today(), 20);
    const nc = { itemKey: keys[2]!, result: 'non_conformant' as const, note: '洁净区压差记录缺失', rectificationOwner: '赵整改', rectificationDueOn: due };
    const full = await saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: partial.version, answers: answers({ [keys[2]!]: nc }) });
    const sent = await submitSelfInspectionReport(ctx(p.staff), report.id);
    expect(sent.status).toBe('submitted');
    expect(sent.version).toBe(full.version + 1);
    expect((await failure(saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: sent.version, answers: [] }))).code).toBe('self_inspection.not_editable');

    const view = await findSelfInspectionReport(ctx(minhang), report.id);
    expect(view.rectifications).toHaveLength(1);
    expect(view.rectifications[0]).toMatchObject({ itemKey: keys[2], finding: '洁净区压差记录缺失', ownerName: '赵整改', dueOn: due, status: 'open' });
    expect(view.nonConformities).toBe(1);

    // The enterprise cannot review its own report; the bureau returns it with a comment.
    expect((await failure(reviewSelfInspectionReport(ctx(p.admin), report.id, { decision: 'acknowledge', comment: '' }))).code).toBe('auth.forbidden');
    const returned = await reviewSelfInspectionReport(ctx(minhang), report.id, { decision: 'return', comment: '请补充压差整改措施' });
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充压差整改措施', reviewedBy: minhang.userId });
    expect((await failure(reviewSelfInspectionReport(ctx(minhang), report.id, { decision: 'acknowledge', comment: '' }))).code).toBe('self_inspection.not_submitted');

    // Resubmitted with a second non-conformity: the first item is kept, one new one is raised.
    const nc2 = { itemKey: keys[4]!, result: 'non_conformant' as const, note: '供应商审核记录不全', rectificationOwner: '孙采购', rectificationDueOn: addCalendarDays(today(), 10) };
    await saveSelfInspectionAnswers(ctx(p.staff), report.id, { version: returned.version, answers: [selfInspectionAnswerSchema.parse(nc2)] });
    await submitSelfInspectionReport(ctx(p.admin), report.id);
    const acknowledged = await reviewSelfInspectionReport(ctx(minhang), report.id, { decision: 'acknowledge', comment: '' });
    expect(acknowledged.status).toBe('acknowledged');
    const items = await listRectificationItems(ctx(p.staff));
    expect(items.map((i) => i.item.itemKey).sort()).toEqual([keys[2], keys[4]].sort());

    const trail = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', report.id).orderBy('seq').execute();
    expect(trail.map((t) => t.action)).toEqual([
      'self_inspection.create',
      'self_inspection.answer',
      'self_inspection.answer',
      'self_inspection.submit',
      'self_inspection.return',
      'self_inspection.answer',
      'self_inspection.submit',
      'self_inspection.acknowledge',
    ]);
  });

  it('keeps ad-hoc self-inspections beside the annual report, any number a year', async () => {
    await submitted(q, 'ad_hoc', YEAR, {});
    await submitted(q, 'ad_hoc', YEAR, {});
    const reports = await listSelfInspectionReports(ctx(q.admin), { kind: 'ad_hoc' });
    expect(reports).toHaveLength(2);
    expect(reports.every((r) => r.report.title === '专项自查' && r.answered === keys.length)).toBe(true);
  });
});

describe('rectification items', () => {
  it('have a deadline clock in the enterprise work queue: overdue after the deadline, met when closed; the admin verifies', async () => {
    const past = addCalendarDays(today(), -40);
    await submitted(h, 'annual', YEAR - 1, { [keys[0]!]: addCalendarDays(past, 10), [keys[1]!]: addCalendarDays(today(), 2) }, past);
    const queue = await listWorkQueue(ctx(h.staff));
    const mine = queue.items.filter((i) => i.subjectType === 'self_inspection_rectification');
    expect(mine.map((i) => [i.ruleId, i.dueOn, i.standing]).sort()).toEqual(
      [
        ['self_inspection.rectification', addCalendarDays(past, 10), 'overdue'],
        ['self_inspection.rectification', addCalendarDays(today(), 2), 'due_soon'],
      ].sort(),
    );
    expect((await listRectificationItems(ctx(huangpu), { overdue: true })).map((i) => i.item.itemKey)).toEqual([keys[0]]);

    const [overdue] = await listRectificationItems(ctx(h.staff), { overdue: true });
    expect((await failure(verifyRectificationItem(ctx(h.admin), overdue!.item.id, { note: '' }))).code).toBe('self_inspection.rectification_state');
    const closed = await closeRectificationItem(ctx(h.staff), overdue!.item.id, { evidence: '已补齐压差监测记录并培训' });
    expect(closed).toMatchObject({ status: 'closed', evidence: '已补齐压差监测记录并培训', closedBy: h.staff.userId });
    expect((await listWorkQueue(ctx(h.staff))).items.filter((i) => i.subjectType === 'self_inspection_rectification')).toHaveLength(1);
    expect((await failure(closeRectificationItem(ctx(h.staff), overdue!.item.id, { evidence: 'x' }))).code).toBe('self_inspection.rectification_state');
    expect((await failure(verifyRectificationItem(ctx(h.staff), overdue!.item.id, { note: '' }))).code).toBe('auth.forbidden');
    expect((await verifyRectificationItem(ctx(h.admin), overdue!.item.id, { note: '现场确认' })).status).toBe('verified');
    // The regulator sees them but does not act on them.
    expect((await failure(closeRectificationItem(ctx(huangpu), overdue!.item.id, { evidence: 'x' }))).code).toBe('auth.forbidden');
  });
});

describe('scope', () => {
  it('shows an enterprise its own reports and items only, and a district its own', async () => {
    const ofP = await listSelfInspectionReports(ctx(p.admin));
    expect(ofP.length).toBeGreaterThan(0);
    expect(ofP.every((r) => r.enterprise.id === p.enterprise.id)).toBe(true);
    const report = ofP[0]!.report;
    expect((await failure(findSelfInspectionReport(ctx(q.admin), report.id))).code).toBe('resource.not_found');
    expect((await failure(findSelfInspectionReport(ctx(huangpu), report.id))).code).toBe('resource.not_found');
    expect((await failure(closeRectificationItem(ctx(q.staff), (await listRectificationItems(ctx(p.staff)))[0]!.item.id, { evidence: 'x' }))).code).toBe('resource.not_found');
    expect((await listSelfInspectionReports(ctx(huangpu))).every((r) => r.report.jurisdictionCode.startsWith('310101'))).toBe(true);
    expect((await listSelfInspectionReports(ctx(minhang))).map((r) => r.enterprise.id).sort()).toEqual([p.enterprise.id, q.enterprise.id, q.enterprise.id].sort());
    expect((await listRectificationItems(ctx(huangpu))).every((i) => i.enterprise.id === h.enterprise.id)).toBe(true);
  });
});
