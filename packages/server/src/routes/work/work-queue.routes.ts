import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extendClock, listWorkQueue, setClockPaused } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { presentNoticeItem, recallNoticeItemSchema } from '../trace/recall.contract.ts';

const standing = z.enum(['on_time', 'due_soon', 'overdue', 'paused', 'met_on_time', 'met_late']);

/** Work queues (待办): the open statutory clocks each user owes, by deadline. */
export function registerWorkQueueRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/work-queue',
    {
      preHandler: requireUser,
      schema: {
        tags: ['work'],
        summary: "What is open for the signed-in user, by deadline; supervisors may ask for their jurisdiction's overdue items only",
        querystring: z.strictObject({ overdueOnly: z.stringbool().optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: {
          200: z.object({
            counts: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), recallNotices: z.number().int() }),
            /** An enterprise user's recall notices (召回通知) still to confirm, beside the clocks. */
            recallNotices: z.array(recallNoticeItemSchema),
            items: z.array(
              z.object({
                clockId: z.uuid(),
                ruleId: z.string(),
                ruleName: z.string(),
                legalBasis: z.string(),
                subjectType: z.string(),
                subjectId: z.uuid(),
                label: z.string(),
                enterprise: z.object({ id: z.uuid(), name: z.string() }).nullable(),
                jurisdictionCode: z.string(),
                startedOn: z.iso.date(),
                dueOn: z.iso.date().nullable(),
                standing,
                extendedBy: z.number().int(),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const queue = await listWorkQueue(request.ctx, request.query);
      return { counts: queue.counts, items: queue.items.map((i) => ({ ...i, ruleName: i.ruleName[request.locale] })), recallNotices: queue.recallNotices.map(presentNoticeItem) };
    },
  );

  api.post(
    '/clocks/:id/extension',
    {
      preHandler: requireUser,
      schema: {
        tags: ['work'],
        summary: 'Extend a statutory clock with a reason; the approver is the signed-in supervisor',
        params: idParamsSchema,
        body: z.strictObject({ days: z.number().int().min(1).max(60), reason: z.string().trim().min(2).max(500) }),
        response: { 200: z.object({ clockId: z.uuid(), dueOn: z.iso.date().nullable() }), ...commonErrors },
      },
    },
    async (request) => {
      const row = await extendClock(request.ctx, request.params.id, request.body);
      return { clockId: row.id, dueOn: row.dueOn };
    },
  );

  api.post(
    '/clocks/:id/pause',
    {
      preHandler: requireUser,
      schema: {
        tags: ['work'],
        summary: 'Stop a clock while testing or appraisal runs (不计入期限), with the reason',
        params: idParamsSchema,
        body: z.strictObject({ reason: z.string().trim().min(2).max(500) }),
        response: { 200: z.object({ clockId: z.uuid(), dueOn: z.iso.date().nullable() }), ...commonErrors },
      },
    },
    async (request) => {
      const row = await setClockPaused(request.ctx, request.params.id, { paused: true, reason: request.body.reason });
      return { clockId: row.id, dueOn: row.dueOn };
    },
  );

  api.post(
    '/clocks/:id/resume',
    {
      preHandler: requireUser,
      schema: { tags: ['work'], summary: 'Restart a paused clock; the due date moves by the days it stood still', params: idParamsSchema, response: { 200: z.object({ clockId: z.uuid(), dueOn: z.iso.date().nullable() }), ...commonErrors } },
    },
    async (request) => {
      const row = await setClockPaused(request.ctx, request.params.id, { paused: false });
      return { clockId: row.id, dueOn: row.dueOn };
    },
  );
}
