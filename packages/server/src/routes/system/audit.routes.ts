import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '@shian/domain';
import { findAuditHistory } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const entrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUsername: z.string(),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

/** The history of any record the user may see, from the tamper-evident audit chain. */
export function registerAuditRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      preHandler: requireUser,
      schema: {
        tags: ['audit'],
        summary: 'History of one record (who, what, when, before/after)',
        querystring: z.strictObject({ entityType: z.string().min(1).max(50), entityId: z.string().min(1).max(100) }),
        response: { 200: z.object({ items: z.array(entrySchema) }), ...commonErrors },
      },
    },
    async (request) => {
      assertCan(request.actor, 'audit.read');
      const items = await findAuditHistory(request.ctx, request.query.entityType, request.query.entityId);
      return { items: items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) };
    },
  );
}
