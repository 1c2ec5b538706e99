import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCan } from '@shian/domain';
import { enterpriseExportColumns, enterpriseExportFilename, enterpriseExportRows, writeXlsx } from '@shian/core';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { enterpriseListQuerySchema } from './enterprise.contract.ts';
import { xlsxBodySchema } from './import.contract.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A Content-Disposition for a download: the UTF-8 name per RFC 5987 (`filename*`) and an ASCII name for
 * clients that do not read it.
 */
export function attachmentDisposition(name: string, asciiName: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** Exports of the registry: spreadsheets of what the user's search shows. */
export function registerExportRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/enterprises/export.xlsx',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'The enterprises the search shows with these filters, as an xlsx workbook (up to 100,000 rows), headed in the user language',
        querystring: enterpriseListQuerySchema.omit({ cursor: true, limit: true }),
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: xlsxBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'registry.export');
      const { name, ascii } = enterpriseExportFilename();
      const body = new PassThrough();
      writeXlsx(body, enterpriseExportColumns(request.locale), enterpriseExportRows(request.ctx, request.query), {
        sheetName: request.locale === 'zh-CN' ? '企业名录' : 'Enterprises',
      }).catch((error: unknown) => {
        if (body.destroyed) {
          request.log.info('enterprise export abandoned by the client');
          return;
        }
        // Headers are gone by now: log it and cut the download short, so it is not taken for complete.
        request.log.error({ err: error }, 'enterprise export failed');
        body.destroy(error instanceof Error ? error : new Error('export failed'));
      });
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', attachmentDisposition(name, ascii))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
