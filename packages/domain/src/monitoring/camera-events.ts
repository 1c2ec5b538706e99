import type { Localised } from '../i18n/locale.ts';
import type { AlertGrade } from './rule-sets.ts';

/**
 * AI camera events (AI 视频识别事件): what a vendor's camera reports by webhook, each with a snapshot. Every
 * kind is its own alert condition (rule kind `ai_<kind>`), so a camera that sees the same thing a thousand
 * times keeps ONE open alert for it, extended by each event.
 */
export const CAMERA_EVENT_KINDS = ['no_hairnet', 'no_mask', 'no_workwear', 'smoking', 'phone_use', 'rodent', 'stranger'] as const;
export type CameraEventKind = (typeof CAMERA_EVENT_KINDS)[number];

/** The rule kinds of the AI events, in the order of `CAMERA_EVENT_KINDS` (one per kind). */
export const AI_RULE_KINDS = ['ai_no_hairnet', 'ai_no_mask', 'ai_no_workwear', 'ai_smoking', 'ai_phone_use', 'ai_rodent', 'ai_stranger'] as const;
export type AiRuleKind = (typeof AI_RULE_KINDS)[number];

export const cameraRuleKind = (kind: CameraEventKind): AiRuleKind => `ai_${kind}`;

export const isCameraEventKind = (value: string): value is CameraEventKind => (CAMERA_EVENT_KINDS as readonly string[]).includes(value);

export interface CameraEventKindInfo {
  label: Localised;
  /** The grade an alert of this kind gets unless the device's rule set says otherwise. */
  grade: AlertGrade;
  /** Hours to handle a `deadline` alert; null for the other grades. */
  handleWithinHours: number | null;
}

/**
 * The AI event kinds as data. The grades are PLATFORM DEFAULTS, not law: a rodent (鼠患) or smoking (吸烟) or a
 * stranger (陌生人闯入) in a production area is handled at once, missing hygiene wear (发帽、口罩、工作服)
 * within a deadline, phone use (玩手机) is routine. A site changes them per rule set (`grades` of an override).
 */
export const CAMERA_EVENT_KIND_INFO: Record<CameraEventKind, CameraEventKindInfo> = {
  no_hairnet: { label: { 'zh-CN': '未戴发帽', 'en-US': 'No hairnet' }, grade: 'deadline', handleWithinHours: 24 },
  no_mask: { label: { 'zh-CN': '未戴口罩', 'en-US': 'No mask' }, grade: 'deadline', handleWithinHours: 24 },
  no_workwear: { label: { 'zh-CN': '未穿工作服', 'en-US': 'No workwear' }, grade: 'deadline', handleWithinHours: 24 },
  smoking: { label: { 'zh-CN': '吸烟', 'en-US': 'Smoking' }, grade: 'immediate', handleWithinHours: null },
  phone_use: { label: { 'zh-CN': '玩手机', 'en-US': 'Phone use' }, grade: 'routine', handleWithinHours: null },
  rodent: { label: { 'zh-CN': '鼠患', 'en-US': 'Rodent' }, grade: 'immediate', handleWithinHours: null },
  stranger: { label: { 'zh-CN': '陌生人闯入', 'en-US': 'Stranger in the area' }, grade: 'immediate', handleWithinHours: null },
};

/** Snapshot types a camera may send, with the bytes their files begin with (magic numbers). */
export const CAMERA_SNAPSHOT_TYPES = ['image/jpeg', 'image/png'] as const;
export type CameraSnapshotType = (typeof CAMERA_SNAPSHOT_TYPES)[number];
const MAGIC: Record<CameraSnapshotType, readonly number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
export const MAX_CAMERA_SNAPSHOT_BYTES = 2 * 1024 * 1024;

/** The snapshot's type as its bytes say (JPEG or PNG), or null for anything else. */
export function sniffSnapshotType(bytes: Uint8Array): CameraSnapshotType | null {
  for (const type of CAMERA_SNAPSHOT_TYPES) if (MAGIC[type].every((b, i) => bytes[i] === b)) return type;
  return null;
}

export interface CameraEventInput {
  /** The vendor's id of the event: a retry with the same id is the same event. */
  eventId: string;
  kind: string;
  occurredAt: Date | null;
  confidence?: number | null | undefined;
  vendor?: string | null | undefined;
  snapshot?: { contentType: string; bytes: Uint8Array } | null | undefined;
}

/** Events may be at most this far ahead of the platform's clock (as readings). */
export const CAMERA_EVENT_FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Problems of a camera event, as field paths and message keys (empty when valid). Names every bad field. */
export function checkCameraEvent(input: CameraEventInput, now: Date): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!input.eventId.trim()) problems.push({ path: 'eventId', message: 'field.required' });
  else if (input.eventId.length > 200) problems.push({ path: 'eventId', message: 'field.camera_event_id' });
  if (!isCameraEventKind(input.kind)) problems.push({ path: 'kind', message: 'field.camera_event_kind' });
  if (!input.occurredAt || Number.isNaN(input.occurredAt.getTime())) problems.push({ path: 'occurredAt', message: 'field.required' });
  else if (input.occurredAt.getTime() - now.getTime() > CAMERA_EVENT_FUTURE_TOLERANCE_MS) problems.push({ path: 'occurredAt', message: 'field.camera_event_future' });
  const c = input.confidence;
  if (c !== undefined && c !== null && !(Number.isFinite(c) && c >= 0 && c <= 1)) problems.push({ path: 'confidence', message: 'field.camera_confidence' });
  if (input.vendor && input.vendor.length > 100) problems.push({ path: 'vendor', message: 'field.camera_vendor' });
  const snapshot = input.snapshot;
  if (snapshot) {
    if (snapshot.bytes.length === 0 || snapshot.bytes.length > MAX_CAMERA_SNAPSHOT_BYTES) problems.push({ path: 'snapshot.base64', message: 'field.camera_snapshot_size' });
    else if (sniffSnapshotType(snapshot.bytes) !== snapshot.contentType) problems.push({ path: 'snapshot.contentType', message: 'field.camera_snapshot_type' });
  }
  return problems;
}
