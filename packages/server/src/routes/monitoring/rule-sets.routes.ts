import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRuleSetOverride, listRuleSets } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { enterpriseOfWrite } from './request-parties.ts';
import { presentRuleSetChoice, ruleSetChoiceSchema, ruleSetListQuerySchema, ruleSetOverrideCreateSchema } from './rule-sets.contract.ts';

/**
 * Rule sets (监测规则集) a device may be put under: the built-in ones and the overrides of enterprises in scope;
 * a site's override (现场调整) is made here and applied to a device with `PUT /monitoring/devices/{id}/rule-set`.
 */
export function registerMonitoringRuleSetRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/monitoring/rule-sets',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "Rule sets in scope: the built-in ones, then the enterprises' overrides (one enterprise's with `enterpriseId`)",
        querystring: ruleSetListQuerySchema,
        response: { 200: z.object({ items: z.array(ruleSetChoiceSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listRuleSets(request.ctx, request.query)).map(presentRuleSetChoice) }),
  );

  api.post(
    '/monitoring/rule-sets',
    {
      preHandler: requireUser,
      schema: {
        tags: ['monitoring'],
        summary: "Make a site's override of a rule set (a new version; audited): only the limits, timings and grades that change",
        body: ruleSetOverrideCreateSchema,
        response: { 201: ruleSetChoiceSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { enterpriseId, ...input } = request.body;
      const made = await createRuleSetOverride(request.ctx, enterpriseOfWrite(request, enterpriseId), input);
      return reply.status(201).send(presentRuleSetChoice(made));
    },
  );
}
