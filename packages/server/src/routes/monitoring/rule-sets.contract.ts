import { z } from 'zod';
import { ALERT_GRADES, RULE_KINDS } from '@shian/domain';
import type { RuleSetChoice } from '@shian/core';

/** Shapes of the rule-set list (监测规则集): what a device may be put under. */

export const ruleSetListQuerySchema = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ruleSetChoiceSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    parentId: z.string().nullable(),
    /** Null for a built-in set; the enterprise of a site's override (现场调整). */
    enterpriseId: z.uuid().nullable(),
    name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    /** Where the values come from, in words. */
    source: z.string(),
  })
  .meta({ id: 'MonitoringRuleSetChoice' });

export const presentRuleSetChoice = (r: RuleSetChoice): z.infer<typeof ruleSetChoiceSchema> => ({ id: r.id, version: r.version, parentId: r.parentId, enterpriseId: r.enterpriseId, name: { 'zh-CN': r.name['zh-CN'], 'en-US': r.name['en-US'] }, source: r.source });

const limitChangeSchema = z.strictObject({ min: z.number().nullable().optional(), max: z.number().nullable().optional(), maxRatePerMinute: z.number().nullable().optional() });
const secondsSchema = z.number().int().min(0).max(86_400);

/**
 * A site's override (现场调整) of a rule set, stored as a new version of its parent: only what changes is
 * given, the rest is inherited. An enterprise user makes one for its own enterprise; a regulator names it.
 */
export const ruleSetOverrideCreateSchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  parentId: z.string().trim().min(1, { message: 'field.required' }).max(200),
  name: z.strictObject({ 'zh-CN': z.string().trim().min(1, { message: 'field.required' }).max(200), 'en-US': z.string().trim().min(1, { message: 'field.required' }).max(200) }),
  /** Why the values differ from the parent's: the site's validated process, a standard, … */
  source: z.string().trim().min(1, { message: 'field.required' }).max(1000),
  override: z.strictObject({
    limits: z
      .strictObject({ temperature: limitChangeSchema.optional(), humidity: limitChangeSchema.optional(), pressure_to_non_clean: limitChangeSchema.optional(), pressure_between_classes: limitChangeSchema.optional() })
      .optional(),
    sustainSeconds: secondsSchema.optional(),
    silenceSeconds: secondsSchema.optional(),
    cameraOfflineSeconds: secondsSchema.optional(),
    grades: z.partialRecord(z.enum(RULE_KINDS), z.strictObject({ grade: z.enum(ALERT_GRADES), handleWithinHours: z.number().int().min(1).max(720).nullable() })).optional(),
  }),
});
