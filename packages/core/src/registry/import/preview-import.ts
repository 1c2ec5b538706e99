import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError, assertCan } from '@shian/domain';
import type { AuditInput } from '../../audit/record-audit.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../../db/transaction.ts';
import { applyEnterpriseRows, planEnterpriseRows } from './enterprise-import.ts';
import { IMPORT_SPECS, matchHeaders } from './import-columns.ts';
import { IMPORT_KINDS, countActions, isImportKind, type ImportKind, type ImportPlan, type ImportPreview, type PlanRow, type StoredPlanRow } from './import-plan.ts';
import { applyLicenceRows, planLicenceRows } from './licence-import.ts';
import { applyProductRows, planProductRows } from './product-import.ts';
import { readSheet } from './read-sheet.ts';
import { type RowDraft, draftRow } from './row-draft.ts';

export { importColumnHeader } from './import-columns.ts';

/** Each kind's two steps: classify the rows of a file, and write a plan's rows inside a transaction. */
export const IMPORT_STEPS: Record<
  ImportKind,
  { plan(ctx: Ctx, drafts: readonly RowDraft[]): Promise<PlanRow[]>; apply(trx: TrxCtx, rows: readonly StoredPlanRow[]): Promise<AuditInput[]> }
> = {
  enterprises: { plan: planEnterpriseRows, apply: applyEnterpriseRows },
  licences: { plan: planLicenceRows, apply: applyLicenceRows },
  products: { plan: planProductRows, apply: applyProductRows },
};

/** Excel's column order: A … Z, AA … */
const byColumn = (a: { column: string }, b: { column: string }): number => a.column.length - b.column.length || a.column.localeCompare(b.column);

export interface ImportUpload {
  kind: string;
  filename: string;
  buffer: Uint8Array;
}

/**
 * Previews a spreadsheet import (导入预览): reads the first sheet of an xlsx or CSV file, validates every row
 * with the registry's schemas and cross-checks within the actor's scope, classifies each row as create,
 * update, unchanged or error against the stored records, and keeps the plan (status `previewed`) for
 * {@link applyImport}. Nothing in the registry changes. Errors carry message keys; the caller localises them.
 */
export async function previewImport(ctx: Ctx, upload: ImportUpload): Promise<ImportPreview> {
  assertCan(ctx.actor, 'registry.import');
  const kind = upload.kind;
  if (!isImportKind(kind)) {
    throw new AppError('request.invalid', { details: [{ path: 'kind', message: 'field.enum' }], params: { count: 1, options: IMPORT_KINDS.join(', ') } });
  }
  const filename = basename(upload.filename.replace(/\\/g, '/')).slice(0, 200) || 'upload';
  const sheet = await readSheet(filename, upload.buffer);
  const { bound, warnings } = matchHeaders(IMPORT_SPECS[kind], sheet.headers);
  const rows = await IMPORT_STEPS[kind].plan(
    ctx,
    sheet.rows.map((row) => draftRow(row, bound)),
  );
  for (const row of rows) row.errors.sort(byColumn);
  const counts = countActions(rows);
  const plan: ImportPlan = { format: 1, kind, rows: rows.map(({ changes: _changes, ...row }) => row), warnings };
  const id = randomUUID();
  // The plan is a draft, not a change to the registry: applying it is what the audit trail records.
  await withTransaction(ctx, (trx) =>
    trx.db
      .insertInto('imports')
      .values({
        id,
        kind,
        filename,
        createdBy: ctx.actor.userId,
        jurisdictionCode: ctx.actor.jurisdictionCode,
        status: 'previewed',
        plan: JSON.stringify(plan),
        counts: JSON.stringify(counts),
      })
      .execute(),
  );
  return { id, kind, filename, counts, rows: rows.map(({ write: _write, ...row }) => row), warnings };
}
