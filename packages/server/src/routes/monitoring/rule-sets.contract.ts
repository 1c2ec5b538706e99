import { z } from 'zod';
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
