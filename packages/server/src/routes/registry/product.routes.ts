import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { productCreateSchema, productUpdateSchema } from '@shian/domain';
import { createProduct, updateProduct } from '@shian/core';
import { presentProduct } from '../../http/presenters.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { productSchema } from './enterprise.contract.ts';

/** An enterprise's special-food products (特殊食品): register and edit. */
export function registerProductRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/enterprises/:id/products',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Register a product under its registration or filing number; its licence must cover the category',
        params: idParamsSchema,
        body: productCreateSchema,
        response: { 201: productSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const product = await createProduct(request.ctx, request.params.id, request.body);
      return reply.status(201).send(presentProduct(product));
    },
  );

  api.patch(
    '/products/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Edit a product (send the version you edited)',
        params: idParamsSchema,
        body: productUpdateSchema,
        response: { 200: productSchema, ...commonErrors },
      },
    },
    async (request) => presentProduct(await updateProduct(request.ctx, request.params.id, request.body)),
  );
}
