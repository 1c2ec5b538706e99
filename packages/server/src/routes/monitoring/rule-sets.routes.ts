import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRuleSets } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { presentRuleSetChoice, ruleSetChoiceSchema, ruleSetListQuerySchema } from './rule-sets.contract.ts';

/** Rule sets (监测规则集) a device may be put under: the built-in ones and the overrides of enterprises in scope. */
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
}
