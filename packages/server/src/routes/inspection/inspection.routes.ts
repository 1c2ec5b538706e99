import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findInspection, findInspectionPhoto, listEligibleInspectors, listAssignedInspections, listInspections, publishInspection, renderInspectionRecord, scheduleInspection, syncInspection } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { attachmentDisposition } from '../registry/export.routes.ts';
import { inspectionSchema, syncBodySchema, syncResultSchema } from './inspection.contract.ts';
import { presentInspection } from './inspection.presenter.ts';

const binarySchema = z.unknown().meta({ description: 'Binary content' });

/** Inspections (监督检查): scheduling, the inspector's offline package, sync, the on-site record, publication. */
export function registerInspectionRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/inspections/assigned',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: "The signed-in inspector's open inspections up to 14 days ahead, each with its checklist (the offline package)",
        response: { 200: z.object({ items: z.array(inspectionSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listAssignedInspections(request.ctx)).map((v) => presentInspection(v, request.locale)) }),
  );

  api.get(
    '/inspections',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Inspections in scope (an enterprise sees its finished ones), newest first',
        querystring: z.strictObject({
          enterpriseId: z.uuid().optional(),
          status: z.enum(['scheduled', 'in_progress', 'completed', 'published', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(inspectionSchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const { items, total } = await listInspections(request.ctx, request.query);
      return { items: items.map((v) => presentInspection(v, request.locale)), total };
    },
  );

  api.post(
    '/inspections',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Schedule an inspection with at least two eligible inspectors (no recusal, within jurisdiction)',
        body: z.strictObject({
          enterpriseId: z.uuid(),
          kind: z.enum(['routine', 'flight', 'system']),
          scheduledOn: z.iso.date(),
          inspectorIds: z.array(z.uuid()).min(2).max(6),
          templateId: z.string().max(50).optional(),
        }),
        response: { 201: inspectionSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await scheduleInspection(request.ctx, request.body);
      return reply.status(201).send(presentInspection(await findInspection(request.ctx, row.id), request.locale));
    },
  );

  api.get(
    '/enterprises/:id/eligible-inspectors',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Inspectors a supervisor may assign to the enterprise; the others with why not (recused, out of jurisdiction)',
        params: idParamsSchema,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), jurisdictionCode: z.string(), ineligible: z.enum(['recused', 'out_of_jurisdiction']).nullable() })) }),
          ...commonErrors,
        },
      },
    },
    async (request) => ({ items: await listEligibleInspectors(request.ctx, request.params.id) }),
  );

  api.get(
    '/inspections/:id',
    {
      preHandler: requireUser,
      schema: { tags: ['inspection'], summary: 'One inspection with its checklist and answers', params: idParamsSchema, response: { 200: inspectionSchema, ...commonErrors } },
    },
    async (request) => presentInspection(await findInspection(request.ctx, request.params.id), request.locale),
  );

  api.post(
    '/inspections/:id/sync',
    {
      preHandler: requireUser,
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        tags: ['inspection'],
        summary: 'Apply an offline submission once (idempotent by submissionId; a stale baseRevision is a 409 conflict)',
        params: idParamsSchema,
        body: syncBodySchema,
        response: { 200: syncResultSchema, ...commonErrors },
      },
    },
    async (request) => {
      const result = await syncInspection(request.ctx, request.params.id, request.body);
      const view = await findInspection(request.ctx, request.params.id);
      return { status: result.status, revision: view.inspection.revision, inspection: presentInspection(view, request.locale) };
    },
  );

  api.post(
    '/inspections/:id/publish',
    {
      preHandler: requireUser,
      schema: { tags: ['inspection'], summary: 'Publish the result (公开, within 20 working days)', params: idParamsSchema, response: { 200: inspectionSchema, ...commonErrors } },
    },
    async (request) => {
      await publishInspection(request.ctx, request.params.id);
      return presentInspection(await findInspection(request.ctx, request.params.id), request.locale);
    },
  );

  api.get(
    '/inspections/:id/record.pdf',
    {
      preHandler: requireUser,
      schema: { tags: ['inspection'], summary: 'The on-site inspection record (现场检查记录) as PDF', params: idParamsSchema, response: { 200: binarySchema, ...commonErrors } },
    },
    async (request, reply) => {
      const { number, pdf } = await renderInspectionRecord(request.ctx, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentDisposition(`现场检查记录-${number}.pdf`, `inspection-record-${number}.pdf`))
        .send(pdf);
    },
  );

  api.get(
    '/inspections/:id/photos/:photoId',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'A photo taken during the inspection',
        params: z.strictObject({ id: z.uuid(), photoId: z.uuid() }),
        response: { 200: binarySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const photo = await findInspectionPhoto(request.ctx, request.params.id, request.params.photoId);
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600').send(Buffer.from(photo.bytes));
    },
  );
}
