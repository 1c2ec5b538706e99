import { z } from 'zod';
import { CLEAN_CLASS_CODES, DEVICE_KINDS, PRESSURE_BOUNDARIES, type CleanClass } from '@shian/domain';
import type { MonitoringDeviceRow } from '@shian/core';

/** Shapes of the monitoring device API (监测设备): register, list, credential (shown once), rule set. */

const cleanClassSchema = z.enum(CLEAN_CLASS_CODES as [CleanClass, ...CleanClass[]]);
const ruleSetIdSchema = z.string().trim().min(1, { message: 'field.required' }).max(200);

/** The built-in rule set a device gets when none is named (GMP 洁净区默认规则). */
export const DEFAULT_RULE_SET_ID = 'gmp-clean-area/1';

export const deviceCreateSchema = z.strictObject({
  /** Required for a regulator; an enterprise user registers for its own enterprise and may leave it out. */
  enterpriseId: z.uuid().optional(),
  premisesId: z.uuid().nullish(),
  kind: z.enum(DEVICE_KINDS),
  code: z.string().trim().min(1, { message: 'field.required' }).max(64),
  area: z.string().trim().min(1, { message: 'field.required' }).max(200),
  cleanClass: cleanClassSchema,
  /** Only for a pressure-differential gauge, and required there (checked by the use case). */
  boundary: z.enum(PRESSURE_BOUNDARIES).nullish(),
  ruleSetId: ruleSetIdSchema.optional(),
});

export const deviceListQuerySchema = z.strictObject({ enterpriseId: z.uuid().optional() });

export const deviceRuleSetSchema = z.strictObject({ ruleSetId: ruleSetIdSchema });

export const deviceSchema = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    premisesId: z.uuid().nullable(),
    jurisdictionCode: z.string(),
    kind: z.enum(DEVICE_KINDS),
    code: z.string(),
    area: z.string(),
    cleanClass: z.string(),
    boundary: z.enum(PRESSURE_BOUNDARIES).nullable(),
    ruleSetId: z.string(),
    status: z.enum(['active', 'retired']),
    /** A secret has been issued (the secret itself is never shown again). */
    hasCredential: z.boolean(),
    lastSeenAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonitoringDevice' });

export const deviceCredentialSchema = z
  .object({
    deviceId: z.uuid(),
    /** Shown once: only its hash is stored. Send as `Authorization: Device {deviceId}:{secret}` or as the MQTT password. */
    secret: z.string(),
  })
  .meta({ id: 'MonitoringDeviceCredential' });

const iso = (d: Date | string): string => new Date(d).toISOString();

export function presentDevice(d: MonitoringDeviceRow): z.infer<typeof deviceSchema> {
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    premisesId: d.premisesId,
    jurisdictionCode: d.jurisdictionCode,
    kind: d.kind,
    code: d.code,
    area: d.area,
    cleanClass: d.cleanClass,
    boundary: d.boundary,
    ruleSetId: d.ruleSetId,
    status: d.status,
    hasCredential: d.credentialHash !== null,
    lastSeenAt: d.lastSeenAt ? iso(d.lastSeenAt) : null,
    version: d.version,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}
