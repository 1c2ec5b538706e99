import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QA_RELEASE_DECISIONS, QA_TEST_CONCLUSIONS, qaReleaseCreateSchema } from '@shian/domain';
import { listQaReleases, recordQaRelease, type QaReleaseView } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

/** QA release records (出厂放行记录) of the quality authorised person (质量安全受权人), one decision per lot. */

export const qaReleaseSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    enterprise: z.object({ id: z.uuid(), name: z.string() }),
    product: z.object({ id: z.uuid(), name: z.string() }),
    jurisdictionCode: z.string(),
    gtins: z.array(z.string()),
    lot: z.string(),
    tests: z.array(z.object({ name: z.string(), result: z.string(), conclusion: z.enum(QA_TEST_CONCLUSIONS) })),
    decision: z.enum(QA_RELEASE_DECISIONS),
    personId: z.uuid(),
    personName: z.string(),
    decidedAt: z.string(),
    note: z.string(),
    correctsId: z.uuid().nullable(),
    superseded: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'QaRelease' });

const listQuerySchema = z.strictObject({
  productId: z.uuid().optional(),
  lot: z.string().trim().max(20).optional(),
  decision: z.enum(QA_RELEASE_DECISIONS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export function presentQaRelease(v: QaReleaseView): z.infer<typeof qaReleaseSchema> {
  const r = v.record;
  return {
    id: r.id,
    number: r.number,
    enterprise: v.enterprise,
    product: v.product,
    jurisdictionCode: r.jurisdictionCode,
    gtins: r.gtins,
    lot: r.lot,
    tests: v.tests,
    decision: r.decision,
    personId: r.personId,
    personName: r.personName,
    decidedAt: r.decidedAt.toISOString(),
    note: r.note,
    correctsId: r.correctsId,
    superseded: v.superseded,
    createdAt: r.createdAt.toISOString(),
  };
}

export function registerQaReleaseRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['qa-release'];

  api.get(
    '/qa-releases',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'QA release records in scope, newest decision first; corrected ones are marked superseded', querystring: listQuerySchema, response: { 200: z.object({ items: z.array(qaReleaseSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: (await listQaReleases(request.ctx, request.query)).map(presentQaRelease) }),
  );

  api.post(
    '/qa-releases',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: "Record the quality authorised person's decision on a lot (放行 / 不予放行); a correction names the lot's standing record",
        body: qaReleaseCreateSchema,
        response: { 201: qaReleaseSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await recordQaRelease(request.ctx, request.body);
      const [view] = await listQaReleases(request.ctx, { id: row.id });
      if (!view) throw new Error('the recorded release is not visible to its author');
      return reply.status(201).send(presentQaRelease(view));
    },
  );
}
