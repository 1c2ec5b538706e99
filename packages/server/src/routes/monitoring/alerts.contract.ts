import { z } from 'zod';
import { ALERT_GRADES, RULE_KINDS } from '@shian/domain';
import type { MonitoringAlertListRow, MonitoringAlertRow, RulePrecision } from '@shian/core';
import { cameraSnapshotUrl } from './camera-events.contract.ts';

/** Shapes of the monitoring alert API (监测预警): the list, the handling steps (分级处置), rule precision. */

export const ALERT_STATUSES = ['open', 'acknowledged', 'sent', 'verified', 'closed'] as const;

export const alertListQuerySchema = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  deviceId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});

const noteSchema = z.string().trim().max(1000);

/** Acknowledge (确认), send to the enterprise (下发企业), verify (核实): an optional note. */
export const alertStepSchema = z.strictObject({ note: noteSchema.optional() }).optional();

/** Close (关闭) with the outcome: a real problem, or a false positive (误报), and a note saying why. */
export const alertCloseSchema = z.strictObject({
  falsePositive: z.boolean(),
  note: noteSchema.min(1, { message: 'field.required' }),
});

export const precisionQuerySchema = z.strictObject({ enterpriseId: z.uuid().optional() });

export const alertSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    enterpriseId: z.uuid(),
    jurisdictionCode: z.string(),
    ruleKind: z.enum(RULE_KINDS),
    grade: z.enum(ALERT_GRADES),
    status: z.enum(ALERT_STATUSES),
    falsePositive: z.boolean().nullable(),
    openedAt: z.string(),
    firstReadingAt: z.string().nullable(),
    lastReadingAt: z.string().nullable(),
    readingCount: z.number().int(),
    /** When the condition ended; the alert stays until handled. */
    clearedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonitoringAlert' });

/** An alert as listed: with its device's code and area and its enterprise's name, for the handling page (预警处置). */
export const alertListItemSchema = alertSchema
  .extend({
    deviceCode: z.string(),
    area: z.string(),
    enterpriseName: z.string(),
    /** An AI camera alert's newest snapshot (`GET …/camera-events/{id}/snapshot`); null for other alerts or without one. */
    latestSnapshotUrl: z.string().nullable(),
  })
  .meta({ id: 'MonitoringAlertListItem' });

export const rulePrecisionSchema = z
  .object({
    ruleKind: z.enum(RULE_KINDS),
    closed: z.number().int(),
    falsePositives: z.number().int(),
    /** Share of closed alerts that were real; null with none closed. */
    precision: z.number().nullable(),
  })
  .meta({ id: 'MonitoringRulePrecision' });

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d ? iso(d) : null);

export function presentAlert(a: MonitoringAlertRow): z.infer<typeof alertSchema> {
  return {
    id: a.id,
    deviceId: a.deviceId,
    enterpriseId: a.enterpriseId,
    jurisdictionCode: a.jurisdictionCode,
    ruleKind: a.ruleKind,
    grade: a.grade,
    status: a.status,
    falsePositive: a.falsePositive,
    openedAt: iso(a.openedAt),
    firstReadingAt: isoOrNull(a.firstReadingAt),
    lastReadingAt: isoOrNull(a.lastReadingAt),
    readingCount: a.readingCount,
    clearedAt: isoOrNull(a.clearedAt),
    closedAt: isoOrNull(a.closedAt),
    note: a.note,
    version: a.version,
    updatedAt: iso(a.updatedAt),
  };
}

export function presentAlertListItem(a: MonitoringAlertListRow): z.infer<typeof alertListItemSchema> {
  return { ...presentAlert(a), deviceCode: a.deviceCode, area: a.area, enterpriseName: a.enterpriseName, latestSnapshotUrl: a.latestSnapshotEventId ? cameraSnapshotUrl(a.latestSnapshotEventId) : null };
}

export const presentPrecision = (p: RulePrecision): z.infer<typeof rulePrecisionSchema> => ({ ...p });
