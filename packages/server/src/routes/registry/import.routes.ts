import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, assertCan, isAppError, type Locale } from '@shian/domain';
import { applyImport, buildImportTemplate, importColumnHeader, previewImport, type CellError, type ImportKind, type ImportPreview } from '@shian/core';
import { detailMessage } from '../../http/localise.ts';
import { requireUser } from '../../plugins/request-context.ts';
import { commonErrors, idParamsSchema } from '../common.contract.ts';
import type { RouteDeps } from '../index.ts';
import { XLSX_MEDIA_TYPE, attachmentDisposition } from './export.routes.ts';
import { importAppliedSchema, importKindQuerySchema, importPreviewSchema, xlsxBodySchema } from './import.contract.ts';

const TEMPLATE_NAMES: Record<ImportKind, string> = { enterprises: '企业导入模板', licences: '许可证导入模板', products: '产品导入模板' };

/**
 * `import.invalid_file` carries its reason as a message key (`field.import_file_type`): puts it into the
 * user's language, so that the catalogue message reads "无法读取文件：只接受 .xlsx 或 .csv 文件".
 */
export function localiseImportFailure(error: unknown, locale: Locale): unknown {
  if (!isAppError(error) || error.code !== 'import.invalid_file') return error;
  const reason = detailMessage(String(error.params.reason ?? ''), locale, error.params);
  return new AppError('import.invalid_file', { params: { ...error.params, reason }, details: [{ path: 'file', message: reason }], cause: error });
}

/** A bad cell in the user's language: the column's header in that language when the column is known. */
export function presentCellError(kind: ImportKind, error: CellError, locale: Locale): { column: string; columnLabel: string; message: string } {
  const header = error.field ? importColumnHeader(kind, error.field)?.[locale] : undefined;
  return { column: error.column, columnLabel: header ?? error.columnLabel, message: detailMessage(error.message, locale, error.params) };
}

function presentPreview(preview: ImportPreview, locale: Locale) {
  return {
    ...preview,
    rows: preview.rows.map((row) => ({ ...row, errors: row.errors.map((e) => presentCellError(preview.kind, e, locale)) })),
    warnings: preview.warnings.map((w) => presentCellError(preview.kind, w, locale)),
  };
}

/** Spreadsheet import of the registry (批量导入): preview an upload, confirm it, download a template. */
export function registerImportRoutes(app: FastifyInstance, _deps: RouteDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/imports',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Upload an xlsx or csv file (multipart field "file") and preview its import: every row classified, every bad cell named',
        querystring: importKindQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 201: importPreviewSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'registry.import');
      try {
        const file = await request.file();
        if (!file || file.fieldname !== 'file') throw new AppError('import.invalid_file', { params: { reason: 'field.import_no_file' } });
        const buffer = await file.toBuffer();
        const preview = await previewImport(request.ctx, { kind: request.query.kind, filename: file.filename, buffer });
        return await reply.status(201).send(presentPreview(preview, request.locale));
      } catch (error) {
        throw localiseImportFailure(error, request.locale);
      }
    },
  );

  api.post(
    '/imports/:id/confirm',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'Apply a previewed import in one transaction; refused while it has errors, twice, or when the data changed since the preview',
        params: idParamsSchema,
        response: { 200: importAppliedSchema, ...commonErrors },
      },
    },
    async (request) => applyImport(request.ctx, request.params.id),
  );

  api.get(
    '/imports/template.xlsx',
    {
      preHandler: requireUser,
      schema: {
        tags: ['registry'],
        summary: 'The import template of a kind: zh-CN headers, one example row, and a sheet explaining each column',
        querystring: importKindQuerySchema,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: xlsxBodySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      assertCan(request.actor, 'registry.import');
      const kind = request.query.kind;
      const workbook = await buildImportTemplate(kind);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', attachmentDisposition(`${TEMPLATE_NAMES[kind]}.xlsx`, `${kind}-template.xlsx`))
        .send(workbook);
    },
  );
}
