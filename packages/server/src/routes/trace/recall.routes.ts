import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeNotice, closeRecall, createRecall, findRecall, findRecallNotice, listRecallNotices, listRecalls, traceRecallForSpreadsheet } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { XLSX_MEDIA_TYPE } from '../registry/export.routes.ts';
import { xlsxBodySchema } from '../registry/import.contract.ts';
import {
  presentNoticeItem,
  presentRecall,
  presentRecallDetail,
  recallCreateSchema,
  recallDetailSchema,
  recallListQuerySchema,
  recallNoticeItemSchema,
  recallSchema,
} from './recall.contract.ts';
import { sendTraceWorkbook } from './trace.routes.ts';

/** Recalls (召回): regulators and makers recall a lot; downstream enterprises get notices and confirm them. */
export function registerRecallRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/recalls',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: "Recall a lot or serials (召回): effective at once (the public scan page warns); a job then traces the lot and notifies every enterprise downstream",
        body: recallCreateSchema,
        response: { 201: recallDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await createRecall(request.ctx, request.body);
      return reply.status(201).send(presentRecallDetail(await findRecall(request.ctx, row.id)));
    },
  );

  api.get(
    '/recalls',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: 'Recalls in scope, newest first: regulators by jurisdiction; an enterprise its own and those it was notified of',
        querystring: recallListQuerySchema,
        response: { 200: z.object({ items: z.array(recallSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listRecalls(request.ctx, request.query)).map(presentRecall) }),
  );

  api.get(
    '/recalls/:id',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: 'One recall with its trace snapshot and notices (a notified enterprise sees its own notice only)',
        params: idParamsSchema,
        response: { 200: recallDetailSchema, ...commonErrors },
      },
    },
    async (request) => presentRecallDetail(await findRecall(request.ctx, request.params.id)),
  );

  api.post(
    '/recalls/:id/close',
    {
      preHandler: requireUser,
      schema: { tags: ['recall'], summary: 'End a recall (召回结束): the scan page stops warning', params: idParamsSchema, response: { 200: recallDetailSchema, ...commonErrors } },
    },
    async (request) => {
      await closeRecall(request.ctx, request.params.id);
      return presentRecallDetail(await findRecall(request.ctx, request.params.id));
    },
  );

  api.get(
    '/recalls/:id/trace.xlsx',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: "The recall's sortable spreadsheet, traced now: one row per critical tracking event, and the forward trace per enterprise",
        params: idParamsSchema,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: xlsxBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { run, number } = await traceRecallForSpreadsheet(request.ctx, request.params.id);
      return sendTraceWorkbook(request, reply, run, { zh: `召回追溯表-${number}`, ascii: `recall-${number}` });
    },
  );

  api.get(
    '/recall-notices',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: "Recall notices in scope (an enterprise: its own), open ones first",
        querystring: z.strictObject({ open: z.stringbool().optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }),
        response: { 200: z.object({ items: z.array(recallNoticeItemSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: (await listRecallNotices(request.ctx, request.query)).map(presentNoticeItem) }),
  );

  api.post(
    '/recall-notices/:id/acknowledge',
    {
      preHandler: requireUser,
      schema: {
        tags: ['recall'],
        summary: 'The notified enterprise confirms it has dealt with the recalled goods (确认已处置)',
        params: idParamsSchema,
        response: { 200: recallNoticeItemSchema, ...commonErrors },
      },
    },
    async (request) => {
      await acknowledgeNotice(request.ctx, request.params.id);
      return presentNoticeItem(await findRecallNotice(request.ctx, request.params.id));
    },
  );
}
