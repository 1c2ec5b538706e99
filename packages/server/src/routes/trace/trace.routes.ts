import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeTraceKpis, traceLot, traceLotForSpreadsheet, traceWorkbookFilename, writeTraceWorkbook, type LotTraceRun } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, jurisdictionCodeSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { XLSX_MEDIA_TYPE, attachmentDisposition } from '../registry/export.routes.ts';
import { xlsxBodySchema } from '../registry/import.contract.ts';
import { lotParamsSchema, lotTraceSchema, traceKpisSchema } from './trace.contract.ts';

/**
 * Streams a trace's spreadsheet. The trace is computed before the headers go out, so a refusal is still an
 * ordinary error answer; a failure while writing cuts the download short (it is not taken for complete).
 */
export function sendTraceWorkbook(request: FastifyRequest, reply: FastifyReply, run: LotTraceRun, prefix: { zh: string; ascii: string }) {
  const { name, ascii } = traceWorkbookFilename(run, prefix);
  const body = new PassThrough();
  writeTraceWorkbook(body, run, request.locale).catch((error: unknown) => {
    if (body.destroyed) return;
    request.log.error({ err: error }, 'trace spreadsheet failed');
    body.destroy(error instanceof Error ? error : new Error('trace spreadsheet failed'));
  });
  return reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', attachmentDisposition(name, ascii)).header('cache-control', 'no-store').send(body);
}

/** Trace queries (追溯查询): a lot forward and backward, its sortable spreadsheet, and the traceability KPIs. */
export function registerTraceRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/trace/lots/:gtin/:lot',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: "A lot's forward trace (every enterprise and location downstream, with quantities; what it went into), backward trace (input lots and makers) and event timeline",
        params: lotParamsSchema,
        response: { 200: lotTraceSchema, ...commonErrors },
      },
    },
    async (request) => traceLot(request.ctx, request.params),
  );

  api.get(
    '/trace/lots/:gtin/:lot/trace.xlsx',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'The sortable spreadsheet of a lot: one row per critical tracking event with its key data elements, and the forward trace per enterprise; headed in the user language',
        params: lotParamsSchema,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: xlsxBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => sendTraceWorkbook(request, reply, await traceLotForSpreadsheet(request.ctx, request.params), { zh: '追溯表', ascii: 'trace' }),
  );

  api.get(
    '/trace/kpis',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: "The work plans' traceability KPIs per district: coverage of the enterprises that must trace, upload rate of issued lots, code assignment rate of products",
        querystring: z.strictObject({ jurisdictionCode: jurisdictionCodeSchema, year: z.coerce.number().int().min(2020).max(2100) }),
        response: { 200: traceKpisSchema, ...commonErrors },
      },
    },
    async (request) => computeTraceKpis(request.ctx, request.query.jurisdictionCode, request.query.year),
  );
}
