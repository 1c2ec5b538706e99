import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { declareRecusal, listRecusals, withdrawRecusal, type RecusalRow } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const recusalSchema = z
  .object({
    id: z.uuid(),
    inspectorId: z.uuid(),
    inspectorName: z.string(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    reason: z.string(),
    declaredOn: z.iso.date(),
  })
  .meta({ id: 'Recusal' });

const present = (r: RecusalRow & { inspectorName?: string; enterpriseName?: string }) => ({
  id: r.id,
  inspectorId: r.inspectorId,
  inspectorName: r.inspectorName ?? '',
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName ?? '',
  reason: r.reason,
  declaredOn: r.declaredOn,
});

/** Conflict-of-interest declarations (回避): who may never be drawn or assigned for which enterprise. */
export function registerRecusalRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/recusals',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Standing recusals in scope (an inspector sees their own)',
        querystring: z.strictObject({ enterpriseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(recusalSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listRecusals(request.ctx, request.query)).map(present) }),
  );

  api.post(
    '/recusals',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Declare a recusal (for oneself, or by a supervisor for an inspector of the jurisdiction)',
        body: z.strictObject({ enterpriseId: z.uuid(), inspectorId: z.uuid().optional(), reason: z.string().trim().min(2).max(500) }),
        response: { 201: recusalSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(present(await declareRecusal(request.ctx, request.body))),
  );

  api.delete(
    '/recusals/:id',
    { preHandler: requireUser, schema: { tags: ['inspection'], summary: 'Withdraw a recusal', params: idParamsSchema, response: { 200: recusalSchema, ...commonErrors } } },
    async (request) => present(await withdrawRecusal(request.ctx, request.params.id)),
  );
}
