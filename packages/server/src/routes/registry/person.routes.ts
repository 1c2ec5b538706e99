import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { personCreateSchema, personUpdateSchema } from '@shian/domain';
import { createPerson, updatePerson } from '@shian/core';
import { presentPerson } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { personSchema } from './enterprise.contract.ts';

/** An enterprise's key people (食品安全总监, 食品安全员, 质量安全受权人): appoint and edit. */
export function registerPersonRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/enterprises/:id/people',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Appoint a key person of an enterprise',
        params: idParamsSchema,
        body: personCreateSchema,
        response: { 201: personSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const person = await createPerson(request.ctx, request.params.id, request.body);
      return reply.status(201).send(presentPerson(person, request.locale));
    },
  );

  api.patch(
    '/people/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Edit a key person; set endedOn to end the appointment (send the version you edited)',
        params: idParamsSchema,
        body: personUpdateSchema,
        response: { 200: personSchema, ...commonErrors },
      },
    },
    async (request) => presentPerson(await updatePerson(request.ctx, request.params.id, request.body), request.locale),
  );
}
