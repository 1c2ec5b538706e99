import { randomUUID } from 'node:crypto';
import { addCalendarDays, assessInspection, checklistItems, clockRule, type ChecklistTemplate, type InspectionAnswer } from '@shian/domain';
import { nextNumber } from '../db/counters.ts';
import type { TrxCtx } from '../db/transaction.ts';
import { meetClock, startClock } from '../deadlines/clock-service.ts';
import { today } from '../registry/guards.ts';
import type { InspectionRow } from './inspection-schedule.ts';

/** Answers are stored as the JSON the sync validated. */
export const answersOf = (row: Pick<InspectionRow, 'answers'>): Record<string, InspectionAnswer> => (row.answers ?? {}) as Record<string, InspectionAnswer>;

/**
 * What a finished inspection sets in motion (49号令 §32–35): findings (flagged when the same item failed
 * before at this enterprise), a case lead per key-item or safety-affecting failure, one rectification order
 * for the general items to fix by a deadline, the publication clock (20 working days), and, for a follow-up,
 * the verdict on the order it was sent to verify.
 */
export async function completeInspection(trx: TrxCtx, inspection: InspectionRow, template: ChecklistTemplate): Promise<InspectionRow> {
  const assessment = assessInspection(template, answersOf(inspection));
  const inspectedOn = inspection.inspectedOn ?? today();
  const year = Number(inspectedOn.slice(0, 4));
  const scope = { enterpriseId: inspection.enterpriseId, jurisdictionCode: inspection.jurisdictionCode };
  const items = new Map(checklistItems(template).map((item) => [item.id, item]));

  const findingIds: { id: string; disposition: string; itemId: string; note: string }[] = [];
  for (const finding of assessment.findings) {
    const earlier = await trx.db
      .selectFrom('inspectionFindings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enterpriseId', '=', inspection.enterpriseId)
      .where('itemKey', '=', finding.key)
      .where('inspectionId', '<>', inspection.id)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    await trx.db
      .insertInto('inspectionFindings')
      .values({
        id,
        inspectionId: inspection.id,
        ...scope,
        itemId: finding.itemId,
        itemKey: finding.key,
        severity: finding.severity,
        disposition: finding.disposition,
        note: finding.note,
        earlierFailures: Number(earlier.n),
      })
      .execute();
    findingIds.push({ id, disposition: finding.disposition, itemId: finding.itemId, note: finding.note });
  }

  for (const finding of findingIds.filter((f) => f.disposition === 'case_lead')) {
    const item = items.get(finding.itemId);
    const lead = await trx.db
      .insertInto('caseLeads')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'XS', inspection.jurisdictionCode, year),
        ...scope,
        source: 'inspection',
        inspectionId: inspection.id,
        findingId: finding.id,
        summary: `${item?.text['zh-CN'] ?? finding.itemId}：${finding.note}`,
        legalBasis: item?.basis ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await startClock(trx, {
      ruleId: 'case_lead.review',
      subjectType: 'case_lead',
      subjectId: lead.id,
      ...scope,
      assigneeIds: inspection.inspectorIds,
      label: lead.number,
      startedOn: inspectedOn,
    });
  }

  const toRectify = findingIds.filter((f) => f.disposition === 'rectification');
  if (toRectify.length > 0) {
    const length = clockRule('rectification.response').length;
    const order = await trx.db
      .insertInto('rectificationOrders')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'ZG', inspection.jurisdictionCode, year),
        inspectionId: inspection.id,
        ...scope,
        findingIds: toRectify.map((f) => f.id),
        dueOn: addCalendarDays(inspectedOn, length),
        response: null,
        respondedAt: null,
        respondedBy: null,
        verification: null,
        followUpInspectionId: null,
        verifiedAt: null,
        verifiedBy: null,
        verificationNote: null,
        escalatedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await startClock(trx, {
      ruleId: 'rectification.response',
      subjectType: 'rectification_order',
      subjectId: order.id,
      ...scope,
      label: order.number,
      startedOn: inspectedOn,
      length,
    });
  }

  const completed = await trx.db
    .updateTable('inspections')
    .set({
      outcome: assessment.outcome,
      counts: JSON.stringify(assessment.counts),
      completedAt: new Date(),
      completedBy: trx.actor.userId,
      updatedAt: new Date(),
    })
    .where('id', '=', inspection.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await meetClock(trx, 'inspection', inspection.id, 'inspection.conduct', inspectedOn);
  await startClock(trx, {
    ruleId: 'inspection.publication',
    subjectType: 'inspection',
    subjectId: inspection.id,
    ...scope,
    assigneeIds: inspection.inspectorIds,
    label: inspection.number,
    startedOn: today(),
  });
  await settleVerifiedOrder(trx, completed, assessment.findings.map((f) => f.key));
  return completed;
}

/** A follow-up inspection (复查) decides the order it was created for: verified when none of its items failed again. */
async function settleVerifiedOrder(trx: TrxCtx, inspection: InspectionRow, failedKeys: readonly string[]): Promise<void> {
  const order = await trx.db.selectFrom('rectificationOrders').selectAll().where('followUpInspectionId', '=', inspection.id).forUpdate().executeTakeFirst();
  if (!order || order.status === 'verified') return;
  const orderKeys = await trx.db.selectFrom('inspectionFindings').select('itemKey').where('id', 'in', order.findingIds).execute();
  const failedAgain = orderKeys.filter((k) => failedKeys.includes(k.itemKey));
  const fixed = failedAgain.length === 0;
  await trx.db
    .updateTable('rectificationOrders')
    .set({
      status: fixed ? 'verified' : 'escalated',
      verification: 'follow_up',
      verifiedAt: fixed ? new Date() : null,
      verifiedBy: fixed ? trx.actor.userId : null,
      verificationNote: fixed ? `复查 ${inspection.number}：已整改` : `复查 ${inspection.number}：${failedAgain.length} 项仍不符合`,
      escalatedAt: fixed ? order.escalatedAt : new Date(),
      version: order.version + 1,
      updatedAt: new Date(),
    })
    .where('id', '=', order.id)
    .execute();
  await meetClock(trx, 'rectification_order', order.id, 'rectification.verification');
  await meetClock(trx, 'rectification_order', order.id, 'rectification.response');
}
