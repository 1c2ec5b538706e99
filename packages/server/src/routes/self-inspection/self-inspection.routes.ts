import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rectificationItemCloseSchema, rectificationItemVerifySchema, selfInspectionAnswersSchema, selfInspectionReviewSchema } from '@shian/domain';
import {
  closeRectificationItem,
  computeSelfInspectionKpis,
  createSelfInspectionReport,
  findSelfInspectionReport,
  listRectificationItems,
  listSelfInspectionReports,
  reviewSelfInspectionReport,
  saveSelfInspectionAnswers,
  submitSelfInspectionReport,
  verifyRectificationItem,
} from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import {
  presentRectification,
  presentRectificationListItem,
  presentReport,
  presentReportDetail,
  rectificationItemSchema,
  rectificationListItemSchema,
  rectificationListQuerySchema,
  reportCreateSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportSchema,
  selfInspectionKpisSchema,
} from './self-inspection.contract.ts';

/**
 * Self-inspection (自查): the enterprise's annual and ad-hoc reports, their submission to the district bureau
 * and its review, the rectification items (整改项) they raise, and the KPIs 自查报告率 and 整改率.
 */
export function registerSelfInspectionRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-inspection'];
  const detail = async (request: { ctx: Parameters<typeof findSelfInspectionReport>[0] }, id: string) => presentReportDetail(await findSelfInspectionReport(request.ctx, id));

  api.get(
    '/self-inspection/reports',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Self-inspection reports in scope (regulators by jurisdiction, an enterprise its own), newest year first', querystring: reportListQuerySchema, response: { 200: z.object({ items: z.array(reportSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: (await listSelfInspectionReports(request.ctx, request.query)).map(presentReport) }),
  );

  api.post(
    '/self-inspection/reports',
    {
      preHandler: requireUser,
      schema: { tags, summary: "Start a report (年度自查报告 once a year, or 临时自查) against the newest checklist of the enterprise's products", body: reportCreateSchema, response: { 201: reportDetailSchema, ...commonErrors } },
    },
    async (request, reply) => {
      const row = await createSelfInspectionReport(request.ctx, request.body);
      return reply.status(201).send(await detail(request, row.id));
    },
  );

  api.get(
    '/self-inspection/reports/:id',
    { preHandler: requireUser, schema: { tags, summary: 'One report with its answers and rectification items', params: idParamsSchema, response: { 200: reportDetailSchema, ...commonErrors } } },
    async (request) => detail(request, request.params.id),
  );

  api.patch(
    '/self-inspection/reports/:id/answers',
    {
      preHandler: requireUser,
      schema: { tags, summary: "Save some or all answers of a draft or returned report (the report's version guards against lost edits)", params: idParamsSchema, body: selfInspectionAnswersSchema, response: { 200: reportDetailSchema, ...commonErrors } },
    },
    async (request) => {
      await saveSelfInspectionAnswers(request.ctx, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  api.post(
    '/self-inspection/reports/:id/submit',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Submit the report to the district bureau (上报): every item answered; each non-conformity becomes a rectification item with its deadline', params: idParamsSchema, response: { 200: reportDetailSchema, ...commonErrors } },
    },
    async (request) => {
      await submitSelfInspectionReport(request.ctx, request.params.id);
      return detail(request, request.params.id);
    },
  );

  api.post(
    '/self-inspection/reports/:id/review',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'The bureau acknowledges (确认) a submitted report or returns it (退回) with a comment', params: idParamsSchema, body: selfInspectionReviewSchema, response: { 200: reportDetailSchema, ...commonErrors } },
    },
    async (request) => {
      await reviewSelfInspectionReport(request.ctx, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  api.get(
    '/self-inspection/rectifications',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Rectification items (整改项) in scope, open first by deadline; `overdue=true` for those past it', querystring: rectificationListQuerySchema, response: { 200: z.object({ items: z.array(rectificationListItemSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: (await listRectificationItems(request.ctx, request.query)).map(presentRectificationListItem) }),
  );

  api.post(
    '/self-inspection/rectifications/:id/close',
    {
      preHandler: requireUser,
      schema: { tags, summary: 'Close a rectification item with what was done (整改情况); its deadline is met', params: idParamsSchema, body: rectificationItemCloseSchema, response: { 200: rectificationItemSchema, ...commonErrors } },
    },
    async (request) => presentRectification(await closeRectificationItem(request.ctx, request.params.id, request.body)),
  );

  api.post(
    '/self-inspection/rectifications/:id/verify',
    {
      preHandler: requireUser,
      schema: { tags, summary: "The enterprise's administrator confirms a closed rectification item (企业验证)", params: idParamsSchema, body: rectificationItemVerifySchema, response: { 200: rectificationItemSchema, ...commonErrors } },
    },
    async (request) => presentRectification(await verifyRectificationItem(request.ctx, request.params.id, request.body)),
  );

  api.get(
    '/self-inspection/kpis',
    {
      preHandler: requireUser,
      schema: {
        tags,
        summary: "The work plans' self-inspection KPIs per district: 自查报告率 of special-food producers and 整改率 of the items their reports raised",
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: selfInspectionKpisSchema, ...commonErrors },
      },
    },
    async (request) => computeSelfInspectionKpis(request.ctx, request.query.jurisdictionCode, request.query.year),
  );
}
