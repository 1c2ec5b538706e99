import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { listWorkQueue } from '../deadlines/work-queue.ts';
import { enqueueJob, findJob } from '../jobs/job-queue.ts';
import { startJobWorker } from '../jobs/job-worker.ts';
import { PLATFORM_JOBS } from '../jobs/platform-jobs.ts';
import { today } from '../registry/guards.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { buildTeam, completeWith, errorOf, GENERAL_ITEM, OTHER_GENERAL_ITEM, scheduleFor, type Team } from './inspection-test-kit.ts';
import { escalateOverdueOrders, findRectificationOrder, respondToRectification, verifyRectification } from './rectification-service.ts';

let database: Database;
/** The district's officers, shared by the tests; each test inspects an enterprise of its own. */
let staff: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  staff = await buildTeam(database.db);
});
afterAll(async () => database.close());

const FAILED = {
  [GENERAL_ITEM]: { result: 'fail' as const, note: '未悬挂许可证', disposition: 'rectification' as const },
  [OTHER_GENERAL_ITEM]: { result: 'pass' as const },
};

/** A finished inspection that ordered a rectification, inspected on `inspectedOn` (so due 15 days later). */
async function orderFor(team: Team, inspectedOn = today()) {
  const inspection = (await completeWith(database.db, team, await scheduleFor(database.db, team), FAILED, inspectedOn)).inspection;
  const order = await database.db.selectFrom('rectificationOrders').selectAll().where('inspectionId', '=', inspection.id).executeTakeFirstOrThrow();
  return { inspection, order };
}

const orderById = (id: string) => database.db.selectFrom('rectificationOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const clock = (orderId: string, ruleId: string) =>
  database.db.selectFrom('clocks').selectAll().where('subjectType', '=', 'rectification_order').where('subjectId', '=', orderId).where('ruleId', '=', ruleId).executeTakeFirst();
const auditActions = async (orderId: string) =>
  (await database.db.selectFrom('auditLog').select('action').where('entityType', '=', 'rectification_order').where('entityId', '=', orderId).orderBy('seq').execute()).map((e) => e.action);

const EVIDENCE = Buffer.from('%PDF-1.7 整改报告');

async function respond(team: Team, orderId: string) {
  return respondToRectification(
    { db: database.db, actor: team.enterpriseUser.actor },
    orderId,
    { response: '已在收银台旁悬挂许可证正本', evidence: [{ filename: '整改照片.pdf', contentType: 'application/pdf', dataBase64: EVIDENCE.toString('base64') }] },
  );
}

describe('a rectification order (限期整改)', () => {
  it('is answered by the enterprise with evidence, which starts the inspectors\' verification clock; remote verification closes it', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const { order } = await orderFor(team);

    const answered = await respond(team, order.id);
    expect(answered).toMatchObject({ status: 'answered', response: '已在收银台旁悬挂许可证正本', respondedBy: team.enterpriseUser.user.id });
    const view = await findRectificationOrder({ db: database.db, actor: team.enterpriseUser.actor }, order.id);
    expect(view.evidence).toEqual([expect.objectContaining({ filename: '整改照片.pdf', contentType: 'application/pdf' })]);
    const stored = await database.db.selectFrom('rectificationEvidence').select('bytes').where('orderId', '=', order.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.bytes).equals(EVIDENCE)).toBe(true);

    expect(await clock(order.id, 'rectification.response')).toMatchObject({ state: 'met', metOn: today() });
    const verification = await clock(order.id, 'rectification.verification');
    expect(verification).toMatchObject({ state: 'running', owner: 'regulator', startedOn: today(), dueOn: addWorkingDays(today(), 10) });
    expect([...(verification?.assigneeIds ?? [])].sort()).toEqual(team.inspectors.map((i) => i.user.id).sort());

    // Only once.
    expect((await errorOf(respond(team, order.id))).code).toBe('rectification.not_open');

    const verified = await verifyRectification({ db: database.db, actor: team.inspectors[1].actor }, order.id, { method: 'remote', note: '照片显示已整改' });
    expect(verified).toMatchObject({ status: 'verified', verification: 'remote', verifiedBy: team.inspectors[1].user.id, verificationNote: '照片显示已整改' });
    expect(await clock(order.id, 'rectification.verification')).toMatchObject({ state: 'met' });
    expect(await auditActions(order.id)).toEqual(['rectification.respond', 'rectification.verify']);
    expect((await errorOf(verifyRectification({ db: database.db, actor: team.inspectors[1].actor }, order.id, { method: 'remote', note: '再次' }))).code).toBe('rectification.not_open');
  });

  it('cannot be verified remotely before it is answered, nor answered by another enterprise', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const other = await buildTeam(database.db, '310115', staff);
    const { order } = await orderFor(team);
    expect((await errorOf(verifyRectification({ db: database.db, actor: team.inspectors[0].actor }, order.id, { method: 'remote', note: '未见材料' }))).code).toBe(
      'rectification.not_answered',
    );
    expect((await errorOf(respond(other, order.id))).code).toBe('resource.not_found');
    expect((await orderById(order.id)).status).toBe('open');
  });

  it('verified by a follow-up inspection of the same inspectors is settled when the item passes', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const { inspection, order } = await orderFor(team);
    await respond(team, order.id);

    const scheduledOn = addCalendarDays(today(), 4);
    const pending = await verifyRectification({ db: database.db, actor: team.inspectors[0].actor }, order.id, { method: 'follow_up', scheduledOn });
    expect(pending).toMatchObject({ status: 'answered', verification: 'follow_up' });
    const followUp = await database.db.selectFrom('inspections').selectAll().where('id', '=', pending.followUpInspectionId ?? '').executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({ kind: 'follow_up', origin: 'follow_up', followUpOf: inspection.id, templateId: inspection.templateId, scheduledOn, status: 'scheduled' });
    expect(followUp.inspectorIds).toEqual(inspection.inspectorIds);

    // Asking again does not schedule a second one.
    const again = await verifyRectification({ db: database.db, actor: team.inspectors[0].actor }, order.id, { method: 'follow_up' });
    expect(again.followUpInspectionId).toBe(followUp.id);

    await completeWith(database.db, team, followUp, {});
    const settled = await orderById(order.id);
    expect(settled).toMatchObject({ status: 'verified', verification: 'follow_up', verifiedBy: team.inspectors[0].user.id });
    expect(settled.verificationNote).toContain(followUp.number);
    expect(await clock(order.id, 'rectification.verification')).toMatchObject({ state: 'met' });
  });

  it('escalates when the follow-up inspection finds the item failing again', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const { order } = await orderFor(team);
    await respond(team, order.id);
    const pending = await verifyRectification({ db: database.db, actor: team.inspectors[0].actor }, order.id, { method: 'follow_up' });
    const followUp = await database.db.selectFrom('inspections').selectAll().where('id', '=', pending.followUpInspectionId ?? '').executeTakeFirstOrThrow();
    expect(followUp.scheduledOn).toBe(addCalendarDays(today(), 5));

    const done = await completeWith(database.db, team, followUp, FAILED);
    const escalated = await orderById(order.id);
    expect(escalated).toMatchObject({ status: 'escalated', verification: 'follow_up', verifiedAt: null });
    expect(escalated.escalatedAt).toBeInstanceOf(Date);
    // The repeat is on record, and the follow-up orders its own rectification.
    const finding = await database.db.selectFrom('inspectionFindings').selectAll().where('inspectionId', '=', done.inspection.id).executeTakeFirstOrThrow();
    expect(finding).toMatchObject({ itemId: GENERAL_ITEM, earlierFailures: 1 });
  });
});

describe('the daily deadline sweep', () => {
  it('escalates an open order past its deadline, schedules a follow-up and shows it overdue to the district supervisor', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    // Inspected 20 days ago: the 15-day deadline passed five days ago.
    const { inspection, order } = await orderFor(team, addCalendarDays(today(), -20));
    const onTime = await orderFor(team);
    expect(order.dueOn).toBe(addCalendarDays(today(), -5));

    expect(await escalateOverdueOrders(database.db)).toBe(1);
    const escalated = await orderById(order.id);
    expect(escalated.status).toBe('escalated');
    expect(escalated.escalatedAt).toBeInstanceOf(Date);
    expect((await orderById(onTime.order.id)).status).toBe('open');
    expect(await auditActions(order.id)).toEqual(['rectification.escalate']);

    const followUp = await database.db.selectFrom('inspections').selectAll().where('id', '=', escalated.followUpInspectionId ?? '').executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({ kind: 'follow_up', followUpOf: inspection.id, scheduledOn: addCalendarDays(today(), 3), inspectorIds: inspection.inspectorIds });

    const queue = await listWorkQueue({ db: database.db, actor: team.supervisor.actor }, { overdueOnly: true });
    const item = queue.items.find((i) => i.subjectId === order.id);
    expect(item).toMatchObject({ ruleId: 'rectification.response', standing: 'overdue', dueOn: order.dueOn, label: order.number });
    expect(queue.items.map((i) => i.subjectId)).not.toContain(onTime.order.id);

    // A second sweep leaves it alone.
    expect(await escalateOverdueOrders(database.db)).toBe(0);
    expect(await auditActions(order.id)).toEqual(['rectification.escalate']);
  });

  it("runs as the 'deadlines.sweep' job", async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const { order } = await orderFor(team, addCalendarDays(today(), -16));
    const job = await enqueueJob(database.db, { kind: 'deadlines.sweep', dedupeKey: `deadlines.sweep:test:${order.id}` });

    const worker = startJobWorker(database.db, PLATFORM_JOBS, { pollMs: 0 });
    try {
      expect(await worker.drain()).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(await findJob(database.db, job.id)).toMatchObject({ status: 'done', attempts: 1, result: { escalated: 1 } });
    const escalated = await orderById(order.id);
    expect(escalated.status).toBe('escalated');
    expect(escalated.followUpInspectionId).not.toBeNull();
  });
});
