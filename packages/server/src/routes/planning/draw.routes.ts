import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CREDIT_CLASSES, ENTERPRISE_KINDS, RISK_GRADES } from '@shian/domain';
import { createDraw, findPublicDraw, listPublicDraws, loadDrawForRerun, verifyStoredDraw, type DrawRow } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';

const filtersSchema = z.strictObject({
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).max(ENTERPRISE_KINDS.length).optional(),
  grades: z.array(z.enum([...RISK_GRADES, 'none'])).max(5).optional(),
  creditClasses: z.array(z.enum(CREDIT_CLASSES)).max(4).optional(),
  specialFoodProducersOnly: z.boolean().optional(),
});
const sizeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('count'), count: z.number().int().min(1).max(100_000) }),
  z.strictObject({ mode: z.literal('proportion'), proportion: z.number().gt(0).max(1) }),
]);

const drawSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    jurisdictionCode: z.string(),
    title: z.string(),
    filters: filtersSchema,
    size: sizeSchema,
    inspectorsPerTarget: z.number().int(),
    weighting: z.unknown(),
    algorithm: z.string(),
    seed: z.string(),
    rosterDigest: z.string(),
    inspectorRosterDigest: z.string(),
    rosterSize: z.number().int(),
    pickedCount: z.number().int(),
    unstaffedCount: z.number().int(),
    scheduledOn: z.iso.date(),
    createdAt: z.string(),
  })
  .meta({ id: 'Draw' });

const presentDraw = (d: DrawRow): z.infer<typeof drawSchema> => ({
  id: d.id,
  number: d.number,
  jurisdictionCode: d.jurisdictionCode,
  title: d.title,
  filters: d.filters as z.infer<typeof filtersSchema>,
  size: d.size as z.infer<typeof sizeSchema>,
  inspectorsPerTarget: d.inspectorsPerTarget,
  weighting: d.weighting,
  algorithm: d.algorithm,
  seed: d.seed,
  rosterDigest: d.rosterDigest,
  inspectorRosterDigest: d.inspectorRosterDigest,
  rosterSize: d.rosterSize,
  pickedCount: d.pickedCount,
  unstaffedCount: d.unstaffedCount,
  scheduledOn: d.scheduledOn,
  createdAt: d.createdAt.toISOString(),
});

/** Random draws (双随机): made by supervisors, published to everyone with what it takes to re-run them. */
export function registerDrawRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = () => deps.database.db;

  api.post(
    '/draws',
    {
      preHandler: requireUser,
      schema: {
        tags: ['planning'],
        summary: 'Draw targets and inspectors at random (weighted by risk, ≥2 inspectors, recusal and jurisdiction respected); picks become inspections',
        body: z.strictObject({
          jurisdictionCode: jurisdictionCodeSchema,
          title: z.string().trim().min(2).max(200),
          filters: filtersSchema,
          size: sizeSchema,
          inspectorsPerTarget: z.number().int().min(2).max(6),
          weighted: z.boolean(),
          templateId: z.string().max(50).optional(),
          scheduledOn: z.iso.date(),
        }),
        response: { 201: drawSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(presentDraw(await createDraw(request.ctx, request.body))),
  );

  api.get(
    '/public/draws',
    {
      schema: {
        tags: ['public'],
        summary: 'Published draws (公开), newest first; no sign-in needed',
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(drawSchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const { items, total } = await listPublicDraws(db(), request.query);
      return { items: items.map(presentDraw), total };
    },
  );

  api.get(
    '/public/draws/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'One published draw with its picks and assigned inspectors',
        params: idParamsSchema,
        response: {
          200: z.object({
            draw: drawSchema,
            picks: z.array(z.object({ position: z.number().int(), enterpriseId: z.uuid(), enterpriseName: z.string(), uscc: z.string(), inspectorNames: z.array(z.string()), inspectionNumber: z.string().nullable() })),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { draw, picks } = await findPublicDraw(db(), request.params.id);
      return { draw: presentDraw(draw), picks };
    },
  );

  api.get(
    '/public/draws/:id/input',
    {
      schema: {
        tags: ['public'],
        summary: 'The full input and outcome of a draw, to re-run it with the published algorithm (shian-draw/1)',
        params: idParamsSchema,
        response: { 200: z.object({ input: z.unknown(), outcome: z.unknown() }), ...commonErrors },
      },
    },
    async (request) => loadDrawForRerun(db(), request.params.id),
  );

  api.get(
    '/public/draws/:id/verification',
    {
      schema: {
        tags: ['public'],
        summary: 'Re-run the draw on the server from its published input and compare',
        params: idParamsSchema,
        response: { 200: z.object({ matches: z.boolean(), differences: z.array(z.string()) }), ...commonErrors },
      },
    },
    async (request) => verifyStoredDraw(db(), request.params.id),
  );
}
