import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findRectificationEvidence, findRectificationOrder, listRectificationOrders, respondToRectification, verifyRectification, type RectificationOrderView } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { attachmentDisposition } from '../registry/export.routes.ts';

const orderStatus = z.enum(['open', 'answered', 'verified', 'escalated']);

const orderSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    inspectionId: z.uuid(),
    inspectionNumber: z.string(),
    enterprise: z.object({ id: z.uuid(), name: z.string() }),
    dueOn: z.iso.date(),
    status: orderStatus,
    response: z.string().nullable(),
    respondedAt: z.string().nullable(),
    verification: z.enum(['remote', 'follow_up']).nullable(),
    followUpInspectionId: z.uuid().nullable(),
    verifiedAt: z.string().nullable(),
    verificationNote: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    findings: z.array(z.object({ id: z.uuid(), itemId: z.string(), note: z.string(), repeat: z.boolean(), earlierFailures: z.number().int() })),
    evidence: z.array(z.object({ id: z.uuid(), filename: z.string(), contentType: z.string() })),
  })
  .meta({ id: 'RectificationOrder' });

function presentOrder(v: RectificationOrderView): z.infer<typeof orderSchema> {
  const o = v.order;
  return {
    id: o.id,
    number: o.number,
    inspectionId: o.inspectionId,
    inspectionNumber: v.inspectionNumber,
    enterprise: { id: o.enterpriseId, name: v.enterpriseName },
    dueOn: o.dueOn,
    status: o.status,
    response: o.response,
    respondedAt: o.respondedAt?.toISOString() ?? null,
    verification: o.verification,
    followUpInspectionId: o.followUpInspectionId,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    verificationNote: o.verificationNote,
    escalatedAt: o.escalatedAt?.toISOString() ?? null,
    findings: v.findings.map((f) => ({ id: f.id, itemId: f.itemId, note: f.note, repeat: f.earlierFailures > 0, earlierFailures: f.earlierFailures })),
    evidence: v.evidence,
  };
}

const evidenceUpload = z.object({
  filename: z.string().min(1).max(200),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  dataBase64: z.string().min(1).max(14_000_000),
});

/** Rectification orders (责令整改): the enterprise answers with evidence, the inspector verifies. */
export function registerRectificationRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/rectification-orders',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Rectification orders in scope, by deadline',
        querystring: z.strictObject({ status: orderStatus.optional(), enterpriseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(orderSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listRectificationOrders(request.ctx, request.query)).map(presentOrder) }),
  );

  api.get(
    '/rectification-orders/:id',
    { preHandler: requireUser, schema: { tags: ['inspection'], summary: 'One rectification order', params: idParamsSchema, response: { 200: orderSchema, ...commonErrors } } },
    async (request) => presentOrder(await findRectificationOrder(request.ctx, request.params.id)),
  );

  api.post(
    '/rectification-orders/:id/response',
    {
      preHandler: requireUser,
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags: ['inspection'],
        summary: 'The enterprise reports the fix with evidence (整改报告)',
        params: idParamsSchema,
        body: z.strictObject({ response: z.string().trim().min(1).max(5000), evidence: z.array(evidenceUpload).max(5) }),
        response: { 200: orderSchema, ...commonErrors },
      },
    },
    async (request) => {
      await respondToRectification(request.ctx, request.params.id, request.body);
      return presentOrder(await findRectificationOrder(request.ctx, request.params.id));
    },
  );

  api.post(
    '/rectification-orders/:id/verification',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'Verify the fix remotely, or send a follow-up inspection (created automatically)',
        params: idParamsSchema,
        body: z.discriminatedUnion('method', [
          z.strictObject({ method: z.literal('remote'), note: z.string().trim().min(1).max(2000) }),
          z.strictObject({ method: z.literal('follow_up'), scheduledOn: z.iso.date().optional() }),
        ]),
        response: { 200: orderSchema, ...commonErrors },
      },
    },
    async (request) => {
      await verifyRectification(request.ctx, request.params.id, request.body);
      return presentOrder(await findRectificationOrder(request.ctx, request.params.id));
    },
  );

  api.get(
    '/rectification-orders/:id/evidence/:evidenceId',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        summary: 'An evidence file of a rectification order',
        params: z.strictObject({ id: z.uuid(), evidenceId: z.uuid() }),
        response: { 200: z.unknown(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await findRectificationEvidence(request.ctx, request.params.id, request.params.evidenceId);
      return reply.header('content-type', file.contentType).header('content-disposition', attachmentDisposition(file.filename, 'evidence')).send(Buffer.from(file.bytes));
    },
  );
}
