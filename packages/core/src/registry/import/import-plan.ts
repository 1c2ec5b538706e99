import { AppError } from '@shian/domain';
import type { FieldChange } from '../../audit/audit-queries.ts';

/** What a spreadsheet import loads: enterprises, licences or products (企业、许可证、产品). */
export const IMPORT_KINDS = ['enterprises', 'licences', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/** Most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 20_000;

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

/**
 * One bad cell: the column as Excel names it (`C`), the header text in the file, the column's field
 * (null for a column the import does not know), and a message key of `FIELD_MESSAGES` or an error code
 * with its parameters, localised by whoever shows it.
 */
export interface CellError {
  column: string;
  columnLabel: string;
  field: string | null;
  message: string;
  params: Record<string, string | number>;
}

/**
 * What applying a row writes. `record` holds the full new values of the record (column names as in the
 * schema); an update also names the stored row and the version and timestamp it had at preview time, so
 * that apply can tell a stale preview.
 */
export interface RowWrite {
  id: string;
  version: number | null;
  updatedAt: string | null;
  enterpriseId: string | null;
  /** The enterprise's jurisdiction at preview time (licences, products): apply refuses if it moved. */
  enterpriseJurisdiction: string | null;
  record: Record<string, unknown>;
}

/** One data row of the file as the preview classifies it. `row` is the spreadsheet row (header = 1). */
export interface PlanRow {
  row: number;
  action: RowAction;
  /** The stable identifier of the row: credit code, licence number or registration number. */
  key: string;
  changes: FieldChange[];
  errors: CellError[];
  write: RowWrite | null;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

/** A row as the plan stores it: what apply needs (the changes were for the preview and are left out). */
export type StoredPlanRow = Omit<PlanRow, 'changes'>;

/** The plan stored with a preview (`imports.plan`) and applied on confirmation. */
export interface ImportPlan {
  format: 1;
  kind: ImportKind;
  rows: StoredPlanRow[];
  warnings: CellError[];
}

/** What a preview answers. Row errors carry message keys; the caller localises them. */
export interface ImportPreview {
  id: string;
  kind: ImportKind;
  filename: string;
  counts: ImportCounts;
  rows: Omit<PlanRow, 'write'>[];
  warnings: CellError[];
}

export function countActions(rows: readonly Pick<PlanRow, 'action'>[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

/**
 * A file that cannot be imported at all. `reason` is a `FIELD_MESSAGES` key (`field.import_file_type`);
 * the caller localises it into the `{{reason}}` of the catalogue message, with the other parameters.
 */
export function invalidFile(reason: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('import.invalid_file', { params: { ...params, reason } });
}
