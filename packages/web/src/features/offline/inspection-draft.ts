import type { AnswerResult, ChecklistItem, Inspection, InspectionAnswer, InspectionSignatures, PhotoUpload, SyncBody } from '../../api/inspection-types.ts';

/**
 * The inspector's work in progress on one inspection (现场检查草稿), kept on the device: answers, photos
 * (by id; the images are in the photo store), signatures and the inspection date. Pure data and functions;
 * storage is `offline-db.ts`.
 */

/** A point of a signature stroke as the signature pad records it (kept to redraw the pad faithfully). */
export interface SignaturePoint {
  x: number;
  y: number;
  pressure: number;
  time: number;
}

export interface SignatureStroke {
  dotSize: number;
  minWidth: number;
  maxWidth: number;
  penColor: string;
  velocityFilterWeight: number;
  compositeOperation: GlobalCompositeOperation;
  points: SignaturePoint[];
}

/** One signature: the PNG data URL sent to the server, and the strokes that drew it. */
export interface DraftSignature {
  image: string;
  strokes: SignatureStroke[];
}

/** An answer being filled in: the note may come before the verdict. Photos are kept apart (`photoIds`). */
export type DraftAnswer = Omit<InspectionAnswer, 'result' | 'photoIds'> & { result?: AnswerResult };

export interface InspectionDraft {
  inspectionId: string;
  /** The inspector who made the draft (a shared device keeps each user's work apart). */
  userId: string;
  /** The inspection's revision when the draft started; the server refuses a submission from a stale one. */
  baseRevision: number;
  /** Answers by item id. */
  answers: Record<string, DraftAnswer>;
  /** Photo ids by item id: photos on the device, and photos the server already has from earlier progress. */
  photoIds: Record<string, string[]>;
  /** Inspectors' signatures by user id. */
  inspectorSignatures: Record<string, DraftSignature>;
  /** The enterprise's representative (企业代表). */
  representative: { name: string; signature: DraftSignature | null };
  /** `YYYY-MM-DD`, the day of the inspection. */
  inspectedOn: string;
  updatedAt: string;
}

/** A photo as the device keeps it until it is sent. */
export interface StoredPhoto {
  id: string;
  inspectionId: string;
  userId: string;
  itemId: string | null;
  blob: Blob;
  contentType: 'image/jpeg';
  takenAt: string;
}

/** A random UUID (v4); `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Today on the device's calendar, `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A fresh draft from the inspection as downloaded: the server's answers so far, no signatures yet. */
export function createDraft(inspection: Inspection, userId: string, now: Date = new Date()): InspectionDraft {
  const answers: Record<string, DraftAnswer> = {};
  const photoIds: Record<string, string[]> = {};
  for (const [itemId, { photoIds: photos, ...answer }] of Object.entries(inspection.answers)) {
    answers[itemId] = answer;
    if (photos && photos.length > 0) photoIds[itemId] = [...photos];
  }
  return {
    inspectionId: inspection.id,
    userId,
    baseRevision: inspection.revision,
    answers,
    photoIds,
    inspectorSignatures: {},
    representative: { name: inspection.signatures?.representative?.name ?? '', signature: null },
    inspectedOn: inspection.inspectedOn ?? localIsoDate(now),
    updatedAt: now.toISOString(),
  };
}

/** Every checklist item in order, with its section. */
export function checklistItems(inspection: Inspection): { item: ChecklistItem; sectionTitle: string; number: number }[] {
  const items: { item: ChecklistItem; sectionTitle: string; number: number }[] = [];
  for (const section of inspection.checklist.sections) {
    for (const item of section.items) items.push({ item, sectionTitle: section.title, number: items.length + 1 });
  }
  return items;
}

/**
 * An answer as the server wants it: the safety flag and the disposition only on a failed general item, and
 * no disposition when it affects food safety (the finding then becomes a case lead, 49号令 第三十三条); no
 * empty note; the item's photos, no empty photo list.
 */
export function normaliseAnswer(answer: DraftAnswer & { result: AnswerResult }, item: ChecklistItem | undefined, photoIds: readonly string[] = []): InspectionAnswer {
  const normalised: InspectionAnswer = { result: answer.result };
  const note = answer.note?.trim();
  if (note) normalised.note = note;
  if (answer.result === 'fail' && item?.severity === 'general') {
    const affectsSafety = answer.affectsSafety === true;
    normalised.affectsSafety = affectsSafety;
    if (answer.disposition && !affectsSafety) normalised.disposition = answer.disposition;
  }
  if (photoIds.length > 0) normalised.photoIds = [...photoIds];
  return normalised;
}

/**
 * The draft's answers to the checklist's items, normalised and carrying their photos (answers without a
 * result yet, and answers to items no longer on the checklist, are left out).
 */
export function normaliseAnswers(inspection: Inspection, draft: Pick<InspectionDraft, 'answers' | 'photoIds'>): Record<string, InspectionAnswer> {
  const normalised: Record<string, InspectionAnswer> = {};
  for (const { item } of checklistItems(inspection)) {
    const answer = draft.answers[item.id];
    if (answer?.result) normalised[item.id] = normaliseAnswer({ ...answer, result: answer.result }, item, draft.photoIds[item.id]);
  }
  return normalised;
}

/** The ids of the photos of answered items, in checklist order: what a completing submission refers to. */
export function referencedPhotoIds(inspection: Inspection, draft: Pick<InspectionDraft, 'answers' | 'photoIds'>): string[] {
  return checklistItems(inspection).flatMap(({ item }) => (draft.answers[item.id]?.result ? (draft.photoIds[item.id] ?? []) : []));
}

/** The signatures as the server wants them: every assigned inspector in the package's order, then the representative. */
export function signaturesForSubmission(inspection: Inspection, draft: InspectionDraft): InspectionSignatures {
  const inspectors = inspection.inspectors.flatMap((inspector) => {
    const signature = draft.inspectorSignatures[inspector.id];
    return signature ? [{ userId: inspector.id, name: inspector.name, image: signature.image }] : [];
  });
  const name = draft.representative.name.trim();
  const image = draft.representative.signature?.image;
  return { inspectors, representative: name && image ? { name, image } : null };
}

/** The body of a completing submission (完成检查), given the photos already encoded. */
export function buildCompletionBody(inspection: Inspection, draft: InspectionDraft, photos: PhotoUpload[], submissionId: string): SyncBody {
  return {
    submissionId,
    baseRevision: draft.baseRevision,
    answers: normaliseAnswers(inspection, draft),
    photos,
    signatures: signaturesForSubmission(inspection, draft),
    inspectedOn: draft.inspectedOn,
    complete: true,
  };
}

/** How many items carry a result. */
export function answeredCount(inspection: Inspection, answers: Record<string, DraftAnswer>): { done: number; total: number } {
  const items = checklistItems(inspection);
  return { done: items.filter(({ item }) => answers[item.id]?.result !== undefined).length, total: items.length };
}
