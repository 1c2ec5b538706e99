import { z } from 'zod';

/** Shapes of the inspection API (现场检查): the form package an inspector takes offline, sync, results. */

const grade = z.enum(['A', 'B', 'C', 'D']);
const date = z.iso.date();

export const checklistItemSchema = z.object({
  id: z.string(),
  key: z.string(),
  text: z.string(),
  severity: z.enum(['general', 'key']),
  basis: z.string(),
});

/** A checklist template, texts in the caller's language. */
export const checklistSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), items: z.array(checklistItemSchema) })),
  })
  .meta({ id: 'Checklist' });

export const inspectionAnswerSchema = z.object({
  result: z.enum(['pass', 'fail', 'na']),
  note: z.string().max(2000).optional(),
  disposition: z.enum(['fixed_on_site', 'rectification']).optional(),
  affectsSafety: z.boolean().optional(),
  photoIds: z.array(z.uuid()).max(10).optional(),
});

const signatureImage = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);

export const signaturesSchema = z.object({
  inspectors: z.array(z.object({ userId: z.uuid(), name: z.string().min(1).max(50), image: signatureImage })).max(6),
  representative: z.object({ name: z.string().min(1).max(50), image: signatureImage }).nullable(),
});

const inspectorSchema = z.object({ id: z.uuid(), name: z.string() });

/** One inspection as listed and as taken offline (with its checklist and the answers so far). */
export const inspectionSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterprise: z.object({ id: z.uuid(), name: z.string(), uscc: z.string(), address: z.string(), grade: grade.nullable() }),
    jurisdictionCode: z.string(),
    kind: z.enum(['routine', 'flight', 'system', 'follow_up']),
    kindName: z.string(),
    origin: z.enum(['plan', 'draw', 'follow_up', 'manual']),
    scheduledOn: date,
    status: z.enum(['scheduled', 'in_progress', 'completed', 'published', 'cancelled']),
    statusName: z.string(),
    inspectors: z.array(inspectorSchema),
    revision: z.number().int(),
    answers: z.record(z.string(), inspectionAnswerSchema),
    signatures: signaturesSchema.nullable(),
    outcome: z.enum(['compliant', 'fixed_on_site', 'rectification', 'case_lead']).nullable(),
    outcomeName: z.string().nullable(),
    inspectedOn: date.nullable(),
    publishedAt: z.string().nullable(),
    photoIds: z.array(z.uuid()),
    checklist: checklistSchema,
  })
  .meta({ id: 'Inspection' });

export const photoUploadSchema = z.object({
  id: z.uuid(),
  itemId: z.string().max(50).nullable(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  /** Base64 of the image bytes, at most ~4 MB decoded. */
  dataBase64: z.string().max(5_600_000),
  takenAt: z.iso.datetime({ offset: true }).nullable(),
});

/**
 * One offline submission. `submissionId` is made by the device once per submission and sent again on every
 * retry, so a retry after a lost answer is recognised and not applied twice. `baseRevision` is the revision
 * the inspector started from: if the server has moved on, the submission is refused as a conflict.
 */
export const syncBodySchema = z.strictObject({
  submissionId: z.uuid(),
  baseRevision: z.number().int().min(0),
  answers: z.record(z.string().max(50), inspectionAnswerSchema),
  photos: z.array(photoUploadSchema).max(40),
  signatures: signaturesSchema.nullable(),
  inspectedOn: date,
  /** true = the inspection is finished and signed (完成检查); false = save progress. */
  complete: z.boolean(),
});

export const syncResultSchema = z.object({
  status: z.enum(['applied', 'duplicate']),
  revision: z.number().int(),
  inspection: inspectionSchema,
});
