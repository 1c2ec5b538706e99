import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSPECTION_OUTCOME_NAMES } from '@shian/domain';
import { listPublishedResults } from '@shian/core';
import { commonErrors, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { INSPECTION_KIND_NAMES } from '../inspection/inspection.presenter.ts';

/** Published inspection results (监督检查结果公示): anyone, no sign-in. */
export function registerPublicResultRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/public/inspection-results',
    {
      schema: {
        tags: ['public'],
        summary: 'Published inspection results, newest first; filter by enterprise, name or credit code',
        querystring: z.strictObject({
          enterpriseId: z.uuid().optional(),
          q: z.string().trim().min(1).max(100).optional(),
          jurisdictionCode: jurisdictionCodeSchema.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            items: z.array(
              z.object({
                id: z.uuid(),
                number: z.string(),
                enterpriseId: z.uuid(),
                enterpriseName: z.string(),
                uscc: z.string(),
                jurisdictionCode: z.string(),
                kindName: z.string(),
                drawNumber: z.string().nullable(),
                inspectedOn: z.string(),
                outcome: z.string(),
                outcomeName: z.string(),
                itemsChecked: z.number().int(),
                itemsFailed: z.number().int(),
                publishedAt: z.string(),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { items, total } = await listPublishedResults(deps.database.db, request.query);
      return {
        total,
        items: items.map(({ kind, origin: _o, publishedAt, ...r }) => ({
          ...r,
          kindName: INSPECTION_KIND_NAMES[kind][request.locale],
          outcomeName: INSPECTION_OUTCOME_NAMES[r.outcome][request.locale],
          publishedAt: publishedAt.toISOString(),
        })),
      };
    },
  );
}
