import { z } from 'zod';
import { IMPORT_KINDS } from '@shian/core';

export const importKindQuerySchema = z.strictObject({ kind: z.enum(IMPORT_KINDS) });

/** One bad cell (or ignored column), in the user's language. */
const cellProblemSchema = z.object({
  /** Column letter as Excel shows it (`C`). */
  column: z.string(),
  /** The column's header. */
  columnLabel: z.string(),
  message: z.string(),
});

const count = z.number().int();

export const importPreviewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    filename: z.string(),
    counts: z.object({ create: count, update: count, unchanged: count, error: count }),
    rows: z.array(
      z.object({
        /** The spreadsheet row (header = 1, first data row = 2). */
        row: count,
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        key: z.string(),
        changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
        errors: z.array(cellProblemSchema),
      }),
    ),
    warnings: z.array(cellProblemSchema),
  })
  .meta({ id: 'ImportPreview' });

export const importAppliedSchema = z
  .object({ applied: z.object({ created: count, updated: count, unchanged: count }) })
  .meta({ id: 'ImportApplied' });

/** A workbook download: bytes, never serialised (Fastify sends buffers and streams as they are). */
export const xlsxBodySchema = z.unknown().meta({ description: 'An xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)' });
