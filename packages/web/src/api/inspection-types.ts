/**
 * The shapes of the inspection API (现场检查, `/api/v1/inspections`), as the web client uses them. The server's
 * Zod schemas (`routes/inspection/inspection.contract.ts`) are the source of truth; these mirror them.
 */

export type RiskGrade = 'A' | 'B' | 'C' | 'D';

/** 一般项 (general) or 重点项 (key). */
export type ItemSeverity = 'general' | 'key';

export interface ChecklistItem {
  id: string;
  key: string;
  text: string;
  severity: ItemSeverity;
  basis: string;
}

export interface ChecklistSection {
  id: string;
  title: string;
  items: ChecklistItem[];
}

/** A checklist template, texts already in the caller's language. */
export interface Checklist {
  id: string;
  version: number;
  title: string;
  sections: ChecklistSection[];
}

export type AnswerResult = 'pass' | 'fail' | 'na';
export const ANSWER_RESULTS: readonly AnswerResult[] = ['pass', 'fail', 'na'];

/** 当场整改 (fixed on site) or 限期整改 (rectification within a deadline); failed general items only. */
export type Disposition = 'fixed_on_site' | 'rectification';
export const DISPOSITIONS: readonly Disposition[] = ['fixed_on_site', 'rectification'];

/** The answer to one checklist item, keyed by the item's `id`. */
export interface InspectionAnswer {
  result: AnswerResult;
  note?: string;
  disposition?: Disposition;
  affectsSafety?: boolean;
  photoIds?: string[];
}

/** Signature images are PNG data URLs (`data:image/png;base64,…`). */
export interface InspectorSignature {
  userId: string;
  name: string;
  image: string;
}

export interface RepresentativeSignature {
  name: string;
  image: string;
}

export interface InspectionSignatures {
  inspectors: InspectorSignature[];
  representative: RepresentativeSignature | null;
}

export type InspectionStatus = 'scheduled' | 'in_progress' | 'completed' | 'published' | 'cancelled';

/** One inspection as listed and as taken offline (with its checklist and the answers so far). */
export interface Inspection {
  id: string;
  number: string;
  enterprise: { id: string; name: string; uscc: string; address: string; grade: RiskGrade | null };
  jurisdictionCode: string;
  kind: 'routine' | 'flight' | 'system' | 'follow_up';
  kindName: string;
  origin: 'plan' | 'draw' | 'follow_up' | 'manual';
  scheduledOn: string;
  status: InspectionStatus;
  statusName: string;
  inspectors: { id: string; name: string }[];
  revision: number;
  answers: Record<string, InspectionAnswer>;
  signatures: InspectionSignatures | null;
  outcome: 'compliant' | 'fixed_on_site' | 'rectification' | 'case_lead' | null;
  outcomeName: string | null;
  inspectedOn: string | null;
  publishedAt: string | null;
  photoIds: string[];
  checklist: Checklist;
}

export interface PhotoUpload {
  id: string;
  itemId: string | null;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  /** Base64 of the image bytes (no data-URL prefix). */
  dataBase64: string;
  takenAt: string | null;
}

/** `POST /api/v1/inspections/:id/sync`: one offline submission. */
export interface SyncBody {
  /** Made once when the submission is queued and sent again on every retry (the server answers `duplicate`). */
  submissionId: string;
  /** The revision the inspector started from; a stale one is refused as a conflict (409). */
  baseRevision: number;
  answers: Record<string, InspectionAnswer>;
  photos: PhotoUpload[];
  signatures: InspectionSignatures | null;
  inspectedOn: string;
  /** true = finished and signed (完成检查); false = progress. */
  complete: boolean;
}

export interface SyncResult {
  status: 'applied' | 'duplicate';
  revision: number;
  inspection: Inspection;
}

/** The contract's limits, checked on the device before a submission is queued. */
export const INSPECTION_LIMITS = {
  noteLength: 2000,
  photosPerItem: 10,
  photosPerSubmission: 40,
  signatureImageLength: 400_000,
  signatureNameLength: 50,
} as const;
