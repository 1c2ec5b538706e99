import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError, TRAINING_RULES, assertCan, type TrainingRecordCreate } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { scopeCondition } from '../access/scope.ts';
import type { TrainingRecordsTable } from '../db/schema-training.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import { trainingScope } from './training-scope.ts';

export type TrainingRecordRow = Selectable<TrainingRecordsTable>;

/** The enterprise records a course one of its managers attended (培训记录), with hours and date. */
export async function recordTraining(ctx: Ctx, input: TrainingRecordCreate): Promise<TrainingRecordRow> {
  return withTransaction(ctx, async (trx) => {
    const person = await trx.db.selectFrom('people').selectAll().where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'training.record', { jurisdictionCode: person.jurisdictionCode, enterpriseId: person.enterpriseId });
    if (input.attendedOn > today()) {
      throw new AppError('request.invalid', { details: [{ path: 'attendedOn', message: 'field.training_future' }], params: { count: 1 } });
    }
    const row = await trx.db
      .insertInto('trainingRecords')
      .values({
        id: randomUUID(),
        personId: person.id,
        enterpriseId: person.enterpriseId,
        jurisdictionCode: person.jurisdictionCode,
        course: input.course,
        provider: input.provider ?? null,
        hours: input.hours,
        attendedOn: input.attendedOn,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'training.record', entityType: 'training_record', entityId: row.id, jurisdictionCode: row.jurisdictionCode, enterpriseId: row.enterpriseId, before: null, after: row });
    return row;
  });
}

export interface TrainingRecordView extends TrainingRecordRow {
  personName: string;
}

/** Training records in scope for a year, newest first (one person's, or one enterprise's, when asked). */
export async function listTrainingRecords(ctx: Ctx, query: { year: number; personId?: string | undefined; enterpriseId?: string | undefined }): Promise<TrainingRecordView[]> {
  assertCan(ctx.actor, 'training.read');
  let q = ctx.db
    .selectFrom('trainingRecords')
    .innerJoin('people', 'people.id', 'trainingRecords.personId')
    .selectAll('trainingRecords')
    .select('people.name as personName')
    .where(trainingScope(ctx.actor, 'trainingRecords'))
    .where('trainingRecords.attendedOn', '>=', `${query.year}-01-01`)
    .where('trainingRecords.attendedOn', '<=', `${query.year}-12-31`);
  if (query.personId) q = q.where('trainingRecords.personId', '=', query.personId);
  if (query.enterpriseId) q = q.where('trainingRecords.enterpriseId', '=', query.enterpriseId);
  return q.orderBy('trainingRecords.attendedOn', 'desc').orderBy('trainingRecords.id').limit(500).execute();
}

export interface TrainingHoursRow {
  personId: string;
  name: string;
  role: string;
  enterpriseId: string;
  enterpriseName: string;
  jurisdictionCode: string;
  hours: number;
  required: number;
  met: boolean;
}

/**
 * Each manager's training hours in a year against the requirement (≥ 40 h, `TRAINING_RULES`): the managers
 * serving at some time in the year, of active enterprises in scope.
 */
export async function listTrainingHours(ctx: Ctx, query: { year: number; enterpriseId?: string | undefined }): Promise<TrainingHoursRow[]> {
  assertCan(ctx.actor, 'training.read');
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  let q = ctx.db
    .selectFrom('people')
    .innerJoin('enterprises', 'enterprises.id', 'people.enterpriseId')
    .leftJoin('trainingRecords', (join) =>
      join.onRef('trainingRecords.personId', '=', 'people.id').on('trainingRecords.attendedOn', '>=', from).on('trainingRecords.attendedOn', '<=', to),
    )
    .select((eb) => [
      'people.id as personId',
      'people.name',
      'people.role',
      'people.enterpriseId',
      'enterprises.name as enterpriseName',
      'people.jurisdictionCode',
      eb.fn.coalesce(eb.fn.sum<number>('trainingRecords.hours'), eb.lit(0)).as('hours'),
    ])
    .where(scopeCondition(ctx.actor, 'people'))
    .where('people.role', 'in', [...TRAINING_RULES.managerRoles])
    .where('people.appointedOn', '<=', to)
    .where((eb) => eb.or([eb('people.endedOn', 'is', null), eb('people.endedOn', '>=', from)]))
    .where('enterprises.status', '=', 'active');
  if (query.enterpriseId) q = q.where('people.enterpriseId', '=', query.enterpriseId);
  const rows = await q
    .groupBy(['people.id', 'people.name', 'people.role', 'people.enterpriseId', 'enterprises.name', 'people.jurisdictionCode'])
    .orderBy('enterprises.name')
    .orderBy('people.name')
    .limit(2000)
    .execute();
  const required = TRAINING_RULES.annualHours;
  // `sum` of double precision comes back as a number on both engines; Number() guards a driver returning text.
  return rows.map((r) => ({ ...r, hours: Number(r.hours), required, met: Number(r.hours) >= required }));
}
