import { createHash } from 'node:crypto';
import { AppError, assertCan, findChecklistTemplate, validateAnswers, type ErrorDetail, type InspectionAnswer } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../db/transaction.ts';
import { today } from '../registry/guards.ts';
import { completeInspection } from './inspection-completion.ts';
import type { InspectionRow } from './inspection-schedule.ts';

export interface Signatures {
  inspectors: { userId: string; name: string; image: string }[];
  representative: { name: string; image: string } | null;
}

export interface PhotoUpload {
  id: string;
  itemId: string | null;
  contentType: string;
  dataBase64: string;
  takenAt: string | null;
}

/** One submission from the offline form (see the route's contract for the field meanings). */
export interface SyncInput {
  submissionId: string;
  baseRevision: number;
  answers: Record<string, InspectionAnswer>;
  photos: PhotoUpload[];
  signatures: Signatures | null;
  inspectedOn: string;
  complete: boolean;
}

export interface SyncResult {
  status: 'applied' | 'duplicate';
  inspection: InspectionRow;
}

const MAX_PHOTO_BYTES = 4 * 1024 * 1024;

/**
 * Applies an offline submission exactly once. A submission id seen before answers `duplicate` with the
 * current record (the device lost the first answer); a submission made from an older revision than the
 * server's is refused as a conflict, never merged over what another device sent.
 */
export async function syncInspection(ctx: Ctx, inspectionId: string, input: SyncInput): Promise<SyncResult> {
  return withTransaction(ctx, async (trx) => {
    const inspection = await trx.db.selectFrom('inspections').selectAll().where('id', '=', inspectionId).forUpdate().executeTakeFirst();
    if (!inspection) throw new AppError('resource.not_found');
    assertCan(ctx.actor, 'inspection.perform', { jurisdictionCode: inspection.jurisdictionCode, enterpriseId: inspection.enterpriseId });
    if (!ctx.actor.userId || !inspection.inspectorIds.includes(ctx.actor.userId)) throw new AppError('inspection.not_assigned');
    // A conflict declared after the assignment takes the inspector off this inspection (回避).
    const recused = await trx.db.selectFrom('recusals').select('id').where('inspectorId', '=', ctx.actor.userId).where('enterpriseId', '=', inspection.enterpriseId).where('withdrawnAt', 'is', null).executeTakeFirst();
    if (recused) throw new AppError('inspection.inspector_ineligible', { params: { name: ctx.actor.username } });

    const seen = await trx.db.selectFrom('inspectionSubmissions').select(['inspectionId']).where('submissionId', '=', input.submissionId).executeTakeFirst();
    if (seen) {
      if (seen.inspectionId !== inspection.id) throw new AppError('resource.conflict');
      return { status: 'duplicate', inspection };
    }
    if (inspection.status !== 'scheduled' && inspection.status !== 'in_progress') throw new AppError('inspection.not_editable');
    if (input.baseRevision !== inspection.revision) {
      throw new AppError('inspection.sync_conflict', { params: { currentRevision: inspection.revision }, data: { currentRevision: inspection.revision } });
    }

    const template = findChecklistTemplate(inspection.templateId);
    if (!template) throw new Error(`inspection ${inspection.id} has unknown template ${inspection.templateId}`);
    const existingPhotos = await trx.db.selectFrom('inspectionPhotos').select('id').where('inspectionId', '=', inspection.id).execute();
    const foreignPhotos = input.photos.length
      ? await trx.db.selectFrom('inspectionPhotos').select('id').where('id', 'in', input.photos.map((p) => p.id)).where('inspectionId', '<>', inspection.id).execute()
      : [];
    const photos = input.photos.map((p) => ({ ...p, bytes: Buffer.from(p.dataBase64, 'base64') }));
    const details = [
      ...validateAnswers(template, input.answers, { complete: input.complete }).map((issue) => ({
        path: ['answers', ...issue.path].join('.'),
        message: issue.code.replace(/^inspection\./, 'field.inspection_'),
      })),
      ...photoProblems(photos, input.answers, new Set(existingPhotos.map((p) => p.id))),
      ...foreignPhotos.map((p) => ({ path: `photos.${input.photos.findIndex((u) => u.id === p.id)}.id`, message: 'field.photo_unknown' })),
      ...(input.complete ? signatureProblems(input.signatures, inspection.inspectorIds) : []),
      ...(input.inspectedOn > today() ? [{ path: 'inspectedOn', message: 'field.date_in_future' }] : []),
    ];
    if (details.length > 0) throw new AppError('inspection.invalid_answers', { params: { count: details.length }, details });

    for (const photo of photos) {
      await trx.db
        .insertInto('inspectionPhotos')
        .values({
          id: photo.id,
          inspectionId: inspection.id,
          itemId: photo.itemId,
          contentType: photo.contentType,
          bytes: photo.bytes,
          sha256: createHash('sha256').update(photo.bytes).digest('hex'),
          takenAt: photo.takenAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    let after = await trx.db
      .updateTable('inspections')
      .set({
        answers: JSON.stringify(input.answers),
        signatures: JSON.stringify(input.signatures ?? {}),
        inspectedOn: input.inspectedOn,
        status: input.complete ? 'completed' : 'in_progress',
        revision: inspection.revision + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', inspection.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.db
      .insertInto('inspectionSubmissions')
      .values({ submissionId: input.submissionId, inspectionId: inspection.id, userId: ctx.actor.userId, baseRevision: input.baseRevision, result: 'applied', revision: after.revision })
      .execute();
    if (input.complete) after = await completeInspection(trx, after, template);
    await auditSync(trx, input.complete ? 'inspection.complete' : 'inspection.save', inspection, after, photos.length);
    return { status: 'applied', inspection: after };
  });
}

function photoProblems(photos: { id: string; contentType: string; bytes: Buffer }[], answers: Record<string, InspectionAnswer>, stored: Set<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  photos.forEach((photo, i) => {
    if (photo.bytes.length === 0 || photo.bytes.length > MAX_PHOTO_BYTES) problems.push({ path: `photos.${i}.dataBase64`, message: 'field.photo_size' });
  });
  const known = new Set([...stored, ...photos.map((p) => p.id)]);
  for (const [itemId, answer] of Object.entries(answers)) {
    (answer.photoIds ?? []).forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `answers.${itemId}.photoIds.${i}`, message: 'field.photo_unknown' });
    });
  }
  return problems;
}

/** A finished record carries every assigned inspector's signature and the enterprise representative's (49号令 §35). */
function signatureProblems(signatures: Signatures | null, inspectorIds: readonly string[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const signed = new Set((signatures?.inspectors ?? []).map((s) => s.userId));
  inspectorIds.forEach((id, i) => {
    if (!signed.has(id)) problems.push({ path: `signatures.inspectors.${i}`, message: 'field.signature_missing' });
  });
  if (!signatures?.representative) problems.push({ path: 'signatures.representative', message: 'field.signature_missing' });
  return problems;
}

/** The audit keeps what was answered and a digest of each signature image, not the images themselves. */
async function auditSync(trx: TrxCtx, action: string, before: InspectionRow, after: InspectionRow, photoCount: number): Promise<void> {
  const summary = (row: InspectionRow) => ({
    status: row.status,
    revision: row.revision,
    outcome: row.outcome,
    inspectedOn: row.inspectedOn,
    answers: row.answers,
    signatures: signatureDigest(row.signatures as Partial<Signatures> | null),
  });
  await recordAudit(trx, {
    action,
    entityType: 'inspection',
    entityId: after.id,
    jurisdictionCode: after.jurisdictionCode,
    enterpriseId: after.enterpriseId,
    before: summary(before),
    after: { ...summary(after), photosReceived: photoCount },
  });
}

function signatureDigest(signatures: Partial<Signatures> | null): object {
  const digest = (image: string) => createHash('sha256').update(image).digest('hex').slice(0, 16);
  return {
    inspectors: (signatures?.inspectors ?? []).map((s) => ({ userId: s.userId, name: s.name, image: digest(s.image) })),
    representative: signatures?.representative ? { name: signatures.representative.name, image: digest(signatures.representative.image) } : null,
  };
}
