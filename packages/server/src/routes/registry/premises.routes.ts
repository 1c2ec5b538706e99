import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { premisesCreateSchema } from '@shian/domain';
import { createPremises } from '@shian/core';
import { presentPremises } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { premisesSchema } from './enterprise.contract.ts';

/** An enterprise's premises (场所): production sites, shops and warehouses beside its registered address. */
export function registerPremisesRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/enterprises/:id/premises',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Add a premises to an enterprise, in a jurisdiction within your scope',
        params: idParamsSchema,
        body: premisesCreateSchema,
        response: { 201: premisesSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const premises = await createPremises(request.ctx, request.params.id, request.body);
      return reply.status(201).send(presentPremises(premises, request.locale));
    },
  );
}
