import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCan, enterpriseCreateSchema, enterpriseUpdateSchema } from '@shian/domain';
import { createEnterprise, findListFacts, getDossier, searchEnterprises, today, updateEnterprise } from '@shian/core';
import { presentEnterprise, presentFlags, presentLicence, presentPerson, presentPremises, presentProduct } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { dossierSchema, enterpriseListQuerySchema, enterprisePageSchema, enterpriseSchema } from './enterprise.contract.ts';

/** The registry's enterprises: search, the dossier (一企一档), create and edit. */
export function registerEnterpriseRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/enterprises',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Search enterprises in scope by partial name, credit code, licence or product number; keyset pages',
        querystring: enterpriseListQuerySchema,
        response: { 200: enterprisePageSchema, ...commonErrors },
      },
    },
    async (request) => {
      assertCan(request.actor, 'registry.read');
      const page = await searchEnterprises(request.ctx, request.query);
      const facts = await findListFacts(request.ctx, page.items);
      return {
        ...page,
        items: page.items.map((e) => {
          const f = facts.get(e.id);
          return { ...presentEnterprise(e, request.locale), licenceCount: f?.licenceCount ?? 0, productCount: f?.productCount ?? 0, flags: f?.flags ?? [] };
        }),
      };
    },
  );

  api.get(
    '/enterprises/:id',
    {
      preHandler: requireUser,
      schema: { tags: ['registry'], summary: 'The dossier of one enterprise (一企一档)', params: idParamsSchema, response: { 200: dossierSchema, ...commonErrors } },
    },
    async (request) => {
      const d = await getDossier(request.ctx, request.params.id);
      const day = today();
      return {
        enterprise: presentEnterprise(d.enterprise, request.locale),
        premises: d.premises.map((p) => presentPremises(p, request.locale)),
        licences: d.licences.map((l) => presentLicence(l, request.locale, day)),
        products: d.products.map(presentProduct),
        people: d.people.map((p) => presentPerson(p, request.locale)),
        flags: presentFlags(d.flags, request.locale),
        abilities: d.abilities,
      };
    },
  );

  api.post(
    '/enterprises',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Register an enterprise; a credit code failing its check needs confirmUscc and is flagged for review',
        body: enterpriseCreateSchema,
        response: { 201: enterpriseSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const enterprise = await createEnterprise(request.ctx, request.body);
      return reply.status(201).send(presentEnterprise(enterprise, request.locale));
    },
  );

  api.patch(
    '/enterprises/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Edit an enterprise (send the version you edited)',
        params: idParamsSchema,
        body: enterpriseUpdateSchema,
        response: { 200: enterpriseSchema, ...commonErrors },
      },
    },
    async (request) => presentEnterprise(await updateEnterprise(request.ctx, request.params.id, request.body), request.locale),
  );
}
