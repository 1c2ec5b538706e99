import { INSPECTION_LIMITS, type Inspection } from '../../api/inspection-types.ts';
import { checklistItems, type InspectionDraft } from './inspection-draft.ts';

/**
 * The checks a completing submission must pass, run on the device before it is queued so that an inspector
 * offline learns of a gap while the enterprise's representative is still there. The server applies the same
 * rules (`validateAnswers` of the domain: every item answered; a failed item needs a note; a failed general
 * item needs a disposition unless it affects food safety; every assigned inspector and the representative
 * sign) and answers 422 otherwise.
 */

export type ProblemCode =
  | 'answerRequired'
  | 'noteRequired'
  | 'noteTooLong'
  | 'dispositionRequired'
  | 'tooManyPhotos'
  | 'tooManyPhotosTotal'
  | 'inspectorSignatureRequired'
  | 'signatureTooLarge'
  | 'representativeNameRequired'
  | 'representativeNameTooLong'
  | 'representativeSignatureRequired';

/**
 * One problem at one field. Paths: `answers.<itemId>.<result|note|disposition|photoIds>`,
 * `signatures.inspectors.<userId>`, `signatures.representative.<name|image>`, `photos`.
 */
export interface FormProblem {
  path: string;
  code: ProblemCode;
  /** Values for the message (`name` of the inspector who has not signed). */
  params?: Record<string, string | number>;
}

export function answerPath(itemId: string, field: 'result' | 'note' | 'disposition' | 'photoIds'): string {
  return `answers.${itemId}.${field}`;
}

export function inspectorSignaturePath(userId: string): string {
  return `signatures.inspectors.${userId}`;
}

export const REPRESENTATIVE_NAME_PATH = 'signatures.representative.name';
export const REPRESENTATIVE_SIGNATURE_PATH = 'signatures.representative.image';
export const PHOTOS_PATH = 'photos';

/** Every problem that stops `draft` from being completed, in the order the form shows its fields. */
export function validateCompletion(inspection: Inspection, draft: InspectionDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  let photoCount = 0;
  for (const { item } of checklistItems(inspection)) {
    const answer = draft.answers[item.id];
    if (!answer?.result) {
      problems.push({ path: answerPath(item.id, 'result'), code: 'answerRequired' });
      continue;
    }
    const note = answer.note?.trim() ?? '';
    if (answer.result === 'fail' && note === '') problems.push({ path: answerPath(item.id, 'note'), code: 'noteRequired' });
    if (note.length > INSPECTION_LIMITS.noteLength) {
      problems.push({ path: answerPath(item.id, 'note'), code: 'noteTooLong', params: { max: INSPECTION_LIMITS.noteLength } });
    }
    if (answer.result === 'fail' && item.severity === 'general' && !answer.disposition && answer.affectsSafety !== true) {
      problems.push({ path: answerPath(item.id, 'disposition'), code: 'dispositionRequired' });
    }
    const photos = draft.photoIds[item.id]?.length ?? 0;
    photoCount += photos;
    if (photos > INSPECTION_LIMITS.photosPerItem) {
      problems.push({ path: answerPath(item.id, 'photoIds'), code: 'tooManyPhotos', params: { max: INSPECTION_LIMITS.photosPerItem } });
    }
  }
  if (photoCount > INSPECTION_LIMITS.photosPerSubmission) {
    problems.push({ path: PHOTOS_PATH, code: 'tooManyPhotosTotal', params: { max: INSPECTION_LIMITS.photosPerSubmission } });
  }

  for (const inspector of inspection.inspectors) {
    const signature = draft.inspectorSignatures[inspector.id];
    const path = inspectorSignaturePath(inspector.id);
    if (!signature || signature.image === '') problems.push({ path, code: 'inspectorSignatureRequired', params: { name: inspector.name } });
    else if (signature.image.length > INSPECTION_LIMITS.signatureImageLength) problems.push({ path, code: 'signatureTooLarge' });
  }

  const name = draft.representative.name.trim();
  if (name === '') problems.push({ path: REPRESENTATIVE_NAME_PATH, code: 'representativeNameRequired' });
  if (name.length > INSPECTION_LIMITS.signatureNameLength) {
    problems.push({ path: REPRESENTATIVE_NAME_PATH, code: 'representativeNameTooLong', params: { max: INSPECTION_LIMITS.signatureNameLength } });
  }
  const image = draft.representative.signature?.image ?? '';
  if (image === '') problems.push({ path: REPRESENTATIVE_SIGNATURE_PATH, code: 'representativeSignatureRequired' });
  else if (image.length > INSPECTION_LIMITS.signatureImageLength) problems.push({ path: REPRESENTATIVE_SIGNATURE_PATH, code: 'signatureTooLarge' });
  return problems;
}

/** A path's segments: `answers[3].note`, `/answers/3/note` and `body.answers.3.note` all give `answers`, `3`, `note`. */
function segmentsOf(path: string): string[] {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '');
  if (segments[0] === 'body' && segments.length > 1) segments.shift();
  return segments;
}

/**
 * The form path a server detail belongs to, in the form's own terms, or null when it names no field of the
 * form. Item ids may contain dots, so the answer's item is found by matching the known ids (longest first);
 * the server lists inspectors' signatures by position, the form by user id.
 */
export function formPathOfServerDetail(path: string, inspection: Inspection): string | null {
  const normalised = segmentsOf(path).join('.');
  if (normalised.startsWith('answers.')) {
    const rest = normalised.slice('answers.'.length);
    const ids = checklistItems(inspection)
      .map(({ item }) => item.id)
      .sort((a, b) => b.length - a.length);
    const id = ids.find((candidate) => rest === candidate || rest.startsWith(`${candidate}.`));
    if (id === undefined) return null;
    const field = rest.slice(id.length + 1).split('.')[0] ?? '';
    const known = field === 'note' || field === 'disposition' || field === 'photoIds' ? field : 'result';
    return answerPath(id, known);
  }
  const segments = normalised.split('.');
  if (segments[0] === 'signatures' && segments[1] === 'inspectors') {
    const position = Number(segments[2]);
    const inspector = Number.isInteger(position) ? inspection.inspectors[position] : undefined;
    return inspector ? inspectorSignaturePath(inspector.id) : null;
  }
  if (segments[0] === 'signatures' && segments[1] === 'representative') {
    return segments[2] === 'name' ? REPRESENTATIVE_NAME_PATH : REPRESENTATIVE_SIGNATURE_PATH;
  }
  if (segments[0] === 'photos') return PHOTOS_PATH;
  return null;
}
