import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { licenceCreateSchema, licenceUpdateSchema } from '@shian/domain';
import { createLicence, today, updateLicence } from '@shian/core';
import { presentLicence } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { licenceSchema } from './enterprise.contract.ts';

/** An enterprise's food licences (食品生产/经营许可证): record and edit. */
export function registerLicenceRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/enterprises/:id/licences',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Record a licence of an enterprise; kind from the number, expiry defaults to the statutory term',
        params: idParamsSchema,
        body: licenceCreateSchema,
        response: { 201: licenceSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const licence = await createLicence(request.ctx, request.params.id, request.body);
      return reply.status(201).send(presentLicence(licence, request.locale, today()));
    },
  );

  api.patch(
    '/licences/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Edit a licence (send the version you edited)',
        params: idParamsSchema,
        body: licenceUpdateSchema,
        response: { 200: licenceSchema, ...commonErrors },
      },
    },
    async (request) => presentLicence(await updateLicence(request.ctx, request.params.id, request.body), request.locale, today()),
  );
}
