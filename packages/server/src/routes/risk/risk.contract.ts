import { z } from 'zod';
import { CREDIT_CLASSES, RISK_GRADES, UPGRADE_TRIGGER_KINDS, ZRiskFacts } from '@shian/domain';

const grade = z.enum(RISK_GRADES);
const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const riskGradeSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    ruleSetId: z.string(),
    confirmed: z.boolean(),
    staticScore: z.number(),
    dynamicScore: z.number(),
    totalScore: z.number(),
    scoreGrade: grade,
    computedGrade: grade,
    grade,
    previousGrade: grade.nullable(),
    movement: z.enum(['up', 'keep', 'down']),
    origin: z.enum(['regrade', 'override']),
    overrideReason: z.string().nullable(),
    isCurrent: z.boolean(),
    createdAt: z.string(),
    /** The explanation in the caller's language, one sentence per line. */
    explanation: z.array(z.string()),
    lines: z.array(
      z.object({ part: z.string(), factor: z.string(), label: localised, value: z.string(), points: z.number().nullable(), note: localised.nullable() }),
    ),
  })
  .meta({ id: 'RiskGrade' });

export const riskTriggerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(UPGRADE_TRIGGER_KINDS),
  kindName: z.string(),
  occurredOn: z.iso.date(),
  note: z.string(),
  source: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});

export const riskDossierSchema = z
  .object({
    enterpriseId: z.uuid(),
    profile: z
      .object({ risk: ZRiskFacts, creditClass: z.enum(CREDIT_CLASSES).nullable(), currentGrade: grade.nullable(), version: z.number().int(), updatedAt: z.string() })
      .nullable(),
    current: riskGradeSchema.nullable(),
    history: z.array(riskGradeSchema),
    triggers: z.array(riskTriggerSchema),
  })
  .meta({ id: 'RiskDossier' });

export const riskProfileBodySchema = z.strictObject({ risk: ZRiskFacts, creditClass: z.enum(CREDIT_CLASSES).nullable(), version: z.number().int().min(1).optional() });
export const riskTriggerBodySchema = z.strictObject({ kind: z.enum(UPGRADE_TRIGGER_KINDS), occurredOn: z.iso.date(), note: z.string().trim().min(2).max(1000) });
export const overrideBodySchema = z.strictObject({ grade, reason: z.string().trim().min(4).max(1000) });
export const jobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  payload: z.unknown(),
  result: z.unknown(),
  lastError: z.string().nullable(),
  runAfter: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
