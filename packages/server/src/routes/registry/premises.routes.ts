import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { premisesCreateSchema, premisesUpdateSchema } from '@shian/domain';
import { createPremises, updatePremises } from '@shian/core';
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

  app.withTypeProvider<ZodTypeProvider>().patch(
    '/premises/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Edit a premises: name, address, kind, or its GS1 GLN (全球位置码, unique on the platform)',
        params: idParamsSchema,
        body: premisesUpdateSchema,
        response: { 200: premisesSchema, ...commonErrors },
      },
    },
    async (request) => presentPremises(await updatePremises(request.ctx, request.params.id, request.body), request.locale),
  );
}
