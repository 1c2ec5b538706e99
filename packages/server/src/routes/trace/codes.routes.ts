import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MAX_LABELS_PER_PDF,
  MAX_XLSX_ROWS,
  MAX_CODE_BATCH_QUANTITY,
  closeTraceAlert,
  codeCsv,
  codeDownloadName,
  codeXlsxColumns,
  findCodeBatch,
  findTraceAlert,
  listCodeBatches,
  listTraceAlerts,
  openCodeDownload,
  renderLabelSheet,
  requestCodeBatch,
  writeXlsx,
} from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { XLSX_MEDIA_TYPE, attachmentDisposition } from '../registry/export.routes.ts';
import {
  codeBatchListQuerySchema,
  codeBatchRequestSchema,
  codeBatchSchema,
  downloadBodySchema,
  rangeQuerySchema,
  traceAlertListQuerySchema,
  traceAlertSchema,
} from './codes.contract.ts';
import { presentCodeBatch, presentTraceAlert } from './codes.presenter.ts';

/** Sends a stream as a download; a failure after the headers cuts it short, so it is not taken for complete. */
function sendDownload(request: FastifyRequest, reply: FastifyReply, body: Readable, type: string, name: { name: string; ascii: string }) {
  body.on('error', (error) => request.log.error({ err: error }, 'code download failed'));
  return reply.header('content-type', type).header('content-disposition', attachmentDisposition(name.name, name.ascii)).header('cache-control', 'no-store').send(body);
}

/**
 * One code per item (一物一码): an enterprise asks for a batch of item codes for a lot (a job issues them), follows
 * its progress and downloads the codes (CSV, xlsx, a PDF sheet of QR labels); regulators read the batches of
 * their jurisdiction and review the scan page's alerts (可疑码预警).
 */
export function registerCodeRoutes(app: FastifyInstance, { config }: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = config.publicBaseUrl;

  api.post(
    '/trace/code-batches',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: `Ask for item codes (申请赋码) for a lot of the enterprise's own product, 1–${MAX_CODE_BATCH_QUANTITY.toLocaleString('en')}; a job issues them`,
        body: codeBatchRequestSchema,
        response: { 202: codeBatchSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(202).send(presentCodeBatch(await requestCodeBatch(request.ctx, request.body), request.locale, base)),
  );

  api.get(
    '/trace/code-batches',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Code batches in scope (an enterprise its own, a regulator its jurisdiction), newest first',
        querystring: codeBatchListQuerySchema,
        response: { 200: z.object({ items: z.array(codeBatchSchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const { items, total } = await listCodeBatches(request.ctx, request.query);
      return { items: items.map((b) => presentCodeBatch(b, request.locale, base)), total };
    },
  );

  api.get(
    '/trace/code-batches/:id',
    {
      preHandler: requireUser,
      schema: { tags: ['trace'], summary: 'One code batch with its progress (issued of quantity)', params: idParamsSchema, response: { 200: codeBatchSchema, ...commonErrors } },
    },
    async (request) => presentCodeBatch(await findCodeBatch(request.ctx, request.params.id), request.locale, base),
  );

  api.get(
    '/trace/code-batches/:id/codes.csv',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'The codes of an issued batch as CSV (UTF-8 with BOM): seq, serial, Digital Link URI, GTIN, lot, dates; optionally a range',
        params: idParamsSchema,
        querystring: rangeQuerySchema(MAX_CODE_BATCH_QUANTITY),
        produces: ['text/csv'],
        response: { 200: downloadBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const download = await openCodeDownload(request.ctx, request.params.id, base, request.query, MAX_CODE_BATCH_QUANTITY);
      const whole = download.range.from === 1 && download.range.count === download.batch.quantity;
      const body = Readable.from(codeCsv(download.rows, request.locale));
      return sendDownload(request, reply, body, 'text/csv; charset=utf-8', codeDownloadName(download.batch, 'codes', 'csv', whole ? undefined : download.range));
    },
  );

  api.get(
    '/trace/code-batches/:id/codes.xlsx',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: `The codes of an issued batch as an xlsx workbook, up to ${MAX_XLSX_ROWS.toLocaleString('en')} per file (larger batches by range)`,
        params: idParamsSchema,
        querystring: rangeQuerySchema(MAX_XLSX_ROWS),
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: downloadBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const download = await openCodeDownload(request.ctx, request.params.id, base, request.query, MAX_XLSX_ROWS);
      const whole = download.range.from === 1 && download.range.count === download.batch.quantity;
      const body = new PassThrough();
      writeXlsx(body, codeXlsxColumns(request.locale), download.rows, { sheetName: request.locale === 'zh-CN' ? '追溯码' : 'Codes' }).catch((error: unknown) => {
        if (!body.destroyed) body.destroy(error instanceof Error ? error : new Error('export failed'));
      });
      return sendDownload(request, reply, body, XLSX_MEDIA_TYPE, codeDownloadName(download.batch, 'codes', 'xlsx', whole ? undefined : download.range));
    },
  );

  api.get(
    '/trace/code-batches/:id/labels.pdf',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: `A printable A4 sheet of QR labels (4 × 10 a page) for a range of an issued batch, up to ${MAX_LABELS_PER_PDF} labels per file`,
        params: idParamsSchema,
        querystring: rangeQuerySchema(MAX_LABELS_PER_PDF),
        produces: ['application/pdf'],
        response: { 200: downloadBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const download = await openCodeDownload(request.ctx, request.params.id, base, request.query, MAX_LABELS_PER_PDF);
      const pdf = await renderLabelSheet(download.rows, { productName: download.batch.productName, batchNumber: download.batch.number });
      return sendDownload(request, reply, pdf, 'application/pdf', codeDownloadName(download.batch, 'labels', 'pdf', download.range));
    },
  );

  api.get(
    '/trace/alerts',
    {
      preHandler: requireUser,
      schema: {
        tags: ['trace'],
        summary: 'Alerts of the public scan page in scope (可疑码预警: possible copies, unregistered codes), newest first',
        querystring: traceAlertListQuerySchema,
        response: { 200: z.object({ items: z.array(traceAlertSchema), total: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const { items, total } = await listTraceAlerts(request.ctx, request.query);
      return { items: items.map((a) => presentTraceAlert(a, request.locale)), total };
    },
  );

  api.post(
    '/trace/alerts/:id/close',
    {
      preHandler: requireUser,
      schema: { tags: ['trace'], summary: 'Close an alert after review', params: idParamsSchema, response: { 200: traceAlertSchema, ...commonErrors } },
    },
    async (request) => {
      await closeTraceAlert(request.ctx, request.params.id);
      return presentTraceAlert(await findTraceAlert(request.ctx, request.params.id), request.locale);
    },
  );
}
