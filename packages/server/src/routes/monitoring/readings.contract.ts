import { z } from 'zod';

/** Shapes of the HTTPS telemetry batch (遥测批量上报): the HTTPS twin of the MQTT topic. */

export const MAX_BATCH_READINGS = 10_000;

export const readingInSchema = z.strictObject({
  /** Required with a user session; with `Authorization: Device …` it may be left out (or must name that device). */
  deviceId: z.uuid().optional(),
  at: z.iso.datetime({ offset: true, message: 'field.schema_format_date_time' }),
  value: z.number().refine(Number.isFinite, { message: 'field.monitoring_number' }),
});

export const readingsBatchSchema = z.strictObject({
  readings: z.array(readingInSchema).min(1).max(MAX_BATCH_READINGS),
});

export const readingsAcceptedSchema = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  alertsOpened: z.number().int(),
  alertsCleared: z.number().int(),
});
