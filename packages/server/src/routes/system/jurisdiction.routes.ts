import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findVisibleJurisdictions } from '@shian/core';
import type { RouteDeps } from '../index.ts';

const jurisdictionSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['city', 'district', 'street']),
  nameZh: z.string(),
  nameEn: z.string(),
});

/** The jurisdiction tree (public reference data), narrowed to the actor's own subtree when signed in. */
export function registerJurisdictionRoutes(app: FastifyInstance, { database }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/jurisdictions',
    { schema: { tags: ['reference'], summary: 'Jurisdictions (city → district → street)', response: { 200: z.object({ items: z.array(jurisdictionSchema) }) } } },
    async (request) => ({ items: await findVisibleJurisdictions(database.db, request.actor) }),
  );
}
