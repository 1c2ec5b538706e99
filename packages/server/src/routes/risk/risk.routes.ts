import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explainAssessment, type Locale, type RiskAssessment, type TRiskFacts } from '@shian/domain';
import {
  ACTIVE_RISK_RULE_SET,
  countGrades,
  explanationOf,
  findRiskDossier,
  listRegradeJobs,
  overrideGrade,
  recordRiskTrigger,
  regradeEnterprise,
  requestRegrade,
  saveRiskProfile,
  today,
  withdrawRiskTrigger,
  type JobRow,
  type RiskGradeRow,
} from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { jobSchema, overrideBodySchema, riskDossierSchema, riskGradeSchema, riskProfileBodySchema, riskTriggerBodySchema } from './risk.contract.ts';

function presentGrade(g: RiskGradeRow, locale: Locale): z.infer<typeof riskGradeSchema> {
  const e = explanationOf(g);
  const assessment: RiskAssessment = {
    ruleSetId: g.ruleSetId,
    confirmed: e.confirmed,
    staticScore: g.staticScore,
    dynamicScore: g.dynamicScore,
    totalScore: g.totalScore,
    scoreGrade: g.scoreGrade,
    grade: g.computedGrade,
    previousGrade: g.previousGrade,
    movement: g.movement,
    lines: e.lines,
  };
  const override = g.origin === 'override' ? [locale === 'zh-CN' ? `人工调整为 ${g.grade} 级，理由：${g.overrideReason ?? ''}` : `Overridden to ${g.grade}: ${g.overrideReason ?? ''}`] : [];
  return {
    id: g.id,
    year: g.year,
    ruleSetId: g.ruleSetId,
    confirmed: e.confirmed,
    staticScore: g.staticScore,
    dynamicScore: g.dynamicScore,
    totalScore: g.totalScore,
    scoreGrade: g.scoreGrade,
    computedGrade: g.computedGrade,
    grade: g.grade,
    previousGrade: g.previousGrade,
    movement: g.movement,
    origin: g.origin,
    overrideReason: g.overrideReason,
    isCurrent: g.isCurrent,
    createdAt: g.createdAt.toISOString(),
    explanation: [...explainAssessment(assessment, locale), ...override],
    lines: e.lines,
  };
}

export const presentJob = (j: JobRow): z.infer<typeof jobSchema> => ({
  id: Number(j.id),
  kind: j.kind,
  status: j.status,
  payload: j.payload,
  result: j.result,
  lastError: j.lastError,
  runAfter: j.runAfter.toISOString(),
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** Risk grading (风险分级): facts, triggers, grades with explanations, overrides, the yearly re-grade job. */
export function registerRiskRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/enterprises/:id/risk',
    { preHandler: requireUser, schema: { tags: ['risk'], summary: "An enterprise's risk file: facts, grade with explanation, history, triggers", params: idParamsSchema, response: { 200: riskDossierSchema, ...commonErrors } } },
    async (request) => {
      const d = await findRiskDossier(request.ctx, request.params.id);
      const locale = request.locale;
      return {
        enterpriseId: d.enterpriseId,
        profile: d.profile
          ? { risk: { sector: d.profile.sector, facts: d.profile.facts } as TRiskFacts, creditClass: d.profile.creditClass, currentGrade: d.profile.currentGrade, version: d.profile.version, updatedAt: d.profile.updatedAt.toISOString() }
          : null,
        current: d.current ? presentGrade(d.current, locale) : null,
        history: d.history.map((g) => presentGrade(g, locale)),
        triggers: d.triggers.map((t) => ({
          id: t.id,
          kind: t.kind as z.infer<typeof riskTriggerBodySchema>['kind'],
          kindName: ACTIVE_RISK_RULE_SET.upgradeTriggers[t.kind as z.infer<typeof riskTriggerBodySchema>['kind']]?.name[locale] ?? t.kind,
          occurredOn: t.occurredOn,
          note: t.note,
          source: t.source,
          withdrawnAt: t.withdrawnAt?.toISOString() ?? null,
          withdrawnReason: t.withdrawnReason,
        })),
      };
    },
  );

  api.put(
    '/enterprises/:id/risk-profile',
    {
      preHandler: requireUser,
      schema: { tags: ['risk'], summary: 'Record the risk facts (风险因素) of an enterprise', params: idParamsSchema, body: riskProfileBodySchema, response: { 200: z.object({ version: z.number().int() }), ...commonErrors } },
    },
    async (request) => ({ version: (await saveRiskProfile(request.ctx, request.params.id, request.body)).version }),
  );

  api.post(
    '/enterprises/:id/risk-triggers',
    {
      preHandler: requireUser,
      schema: { tags: ['risk'], summary: 'Record an upgrade trigger (升级情形) by hand', params: idParamsSchema, body: riskTriggerBodySchema, response: { 201: z.object({ id: z.uuid() }), ...commonErrors } },
    },
    async (request, reply) => reply.status(201).send({ id: (await recordRiskTrigger(request.ctx, request.params.id, request.body)).id }),
  );

  api.post(
    '/risk-triggers/:id/withdrawal',
    {
      preHandler: requireUser,
      schema: { tags: ['risk'], summary: 'Withdraw a trigger recorded in error, with the reason', params: idParamsSchema, body: z.strictObject({ reason: z.string().trim().min(2).max(500) }), response: { 200: z.object({ id: z.uuid() }), ...commonErrors } },
    },
    async (request) => ({ id: (await withdrawRiskTrigger(request.ctx, request.params.id, request.body.reason)).id }),
  );

  api.post(
    '/enterprises/:id/risk-grade/regrade',
    {
      preHandler: requireUser,
      schema: { tags: ['risk'], summary: 'Grade the enterprise now for a year (default: this year)', params: idParamsSchema, body: z.strictObject({ year: z.number().int().min(2020).max(2100).optional() }), response: { 200: riskGradeSchema, ...commonErrors } },
    },
    async (request) => presentGrade(await regradeEnterprise(request.ctx, request.params.id, request.body.year ?? Number(today().slice(0, 4))), request.locale),
  );

  api.post(
    '/enterprises/:id/risk-grade/override',
    {
      preHandler: requireUser,
      schema: { tags: ['risk'], summary: 'Override the current grade with a reason (audited)', params: idParamsSchema, body: overrideBodySchema, response: { 200: riskGradeSchema, ...commonErrors } },
    },
    async (request) => presentGrade(await overrideGrade(request.ctx, request.params.id, request.body), request.locale),
  );

  api.get(
    '/risk/summary',
    { preHandler: requireUser, schema: { tags: ['risk'], summary: 'Enterprises in scope by current grade', response: { 200: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), none: z.number() }), ...commonErrors } } },
    async (request) => countGrades(request.ctx),
  );

  api.post(
    '/risk/regrade-jobs',
    {
      preHandler: requireUser,
      schema: {
        tags: ['risk'],
        summary: 'Queue a re-grade of every enterprise of the jurisdiction for a year (runs as a job)',
        body: z.strictObject({ year: z.number().int().min(2020).max(2100), jurisdictionCode: jurisdictionCodeSchema }),
        response: { 202: jobSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(202).send(presentJob(await requestRegrade(request.ctx, request.body))),
  );

  api.get(
    '/risk/regrade-jobs',
    { preHandler: requireUser, schema: { tags: ['risk'], summary: 'Recent re-grade jobs with their results', response: { 200: z.object({ items: z.array(jobSchema) }), ...commonErrors } } },
    async (request) => ({ items: (await listRegradeJobs(request.ctx)).map(presentJob) }),
  );
}
