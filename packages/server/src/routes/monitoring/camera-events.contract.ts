import { z } from 'zod';
import { CAMERA_EVENT_KINDS, CAMERA_SNAPSHOT_TYPES } from '@shian/domain';
import type { CameraEventRow } from '@shian/core';

/** Shapes of the AI camera event webhook (AI 视频识别事件) and the event list with snapshot links. */

/** A snapshot of 2 MB is about 2.7 MB in Base64; the body limit leaves room for the rest. */
export const CAMERA_EVENT_BODY_LIMIT = 4 * 1_048_576;

export const cameraEventInSchema = z.strictObject({
  /** The vendor's id of the event: a retry with the same id answers the stored event. */
  eventId: z.string().trim().min(1, { message: 'field.required' }).max(200, { message: 'field.camera_event_id' }),
  kind: z.enum(CAMERA_EVENT_KINDS),
  occurredAt: z.iso.datetime({ offset: true, message: 'field.schema_format_date_time' }),
  /** The model's confidence, 0 to 1. */
  confidence: z.number().min(0, { message: 'field.camera_confidence' }).max(1, { message: 'field.camera_confidence' }).optional(),
  vendor: z.string().trim().max(100, { message: 'field.camera_vendor' }).optional(),
  /** The frame the event was seen in: a JPEG or PNG of at most 2 MB. */
  snapshot: z
    .strictObject({
      contentType: z.enum(CAMERA_SNAPSHOT_TYPES),
      base64: z.base64({ message: 'field.camera_snapshot_base64' }),
    })
    .optional(),
});

export const cameraEventAcceptedSchema = z.object({
  /** The platform's id of the stored event. */
  eventId: z.uuid(),
  /** The alert of (camera, kind) the event opened or extended. */
  alertId: z.uuid().nullable(),
  /** True for a vendor's retry of an event already stored: nothing new was counted. */
  duplicate: z.boolean(),
});

export const cameraEventListQuerySchema = z.strictObject({
  alertId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
});

export const cameraEventSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    enterpriseId: z.uuid(),
    jurisdictionCode: z.string(),
    kind: z.enum(CAMERA_EVENT_KINDS),
    occurredAt: z.string(),
    vendor: z.string().nullable(),
    vendorEventId: z.string(),
    confidence: z.number().nullable(),
    alertId: z.uuid().nullable(),
    receivedAt: z.string(),
    snapshotType: z.enum(CAMERA_SNAPSHOT_TYPES).nullable(),
    /** Where the snapshot is (a session of the event's scope may fetch it); null without one. */
    snapshotUrl: z.string().nullable(),
  })
  .meta({ id: 'MonitoringCameraEvent' });

export const cameraSnapshotUrl = (eventId: string): string => `/api/v1/monitoring/camera-events/${eventId}/snapshot`;

export function presentCameraEvent(e: CameraEventRow): z.infer<typeof cameraEventSchema> {
  return {
    id: e.id,
    deviceId: e.deviceId,
    enterpriseId: e.enterpriseId,
    jurisdictionCode: e.jurisdictionCode,
    kind: e.kind,
    occurredAt: new Date(e.occurredAt).toISOString(),
    vendor: e.vendor,
    vendorEventId: e.vendorEventId,
    confidence: e.confidence,
    alertId: e.alertId,
    receivedAt: new Date(e.receivedAt).toISOString(),
    snapshotType: e.snapshotType,
    snapshotUrl: e.hasSnapshot ? cameraSnapshotUrl(e.id) : null,
  };
}
