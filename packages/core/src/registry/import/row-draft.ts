import type { z } from 'zod';
import { ERROR_STATUS, isFieldMessageKey } from '@shian/domain';
import type { BoundColumn } from './import-columns.ts';
import type { FieldChange } from '../../audit/audit-queries.ts';
import type { CellError } from './import-plan.ts';
import type { SheetRow } from './read-sheet.ts';

/**
 * One data row on its way through the preview: the parsed value of each column present in the file and the
 * problems found so far, at most one per cell, each named by column letter and header.
 */
export interface RowDraft {
  row: number;
  /** Parsed values by field; a field whose column is absent from the file is missing here. */
  values: Map<string, unknown>;
  errors: CellError[];
  /** Records a problem on the cell of `field` (its first problem only). */
  fail(field: string, message: string, params?: Record<string, string | number>): void;
  failed(field: string): boolean;
  /** Whether the file has a column for the field. */
  has(field: string): boolean;
}

/**
 * Which column reports a field's problems: the field's own, or for a field filled from another column the
 * one that filled it (`jurisdictionCode` from `jurisdictionName`, `licenceId` from `licenceNumber`).
 */
const REPORTED_IN: Record<string, readonly string[]> = {
  jurisdictionCode: ['jurisdictionCode', 'jurisdictionName'],
  licenceId: ['licenceNumber'],
  kind: ['number'],
};

/** Parses every bound cell of a row; a cell its parser refuses is reported at once. */
export function draftRow(sheetRow: SheetRow, bound: ReadonlyMap<string, BoundColumn>): RowDraft {
  const values = new Map<string, unknown>();
  const errors: CellError[] = [];
  const failedCells = new Set<string>();
  const bindingOf = (field: string): BoundColumn | undefined => {
    for (const key of REPORTED_IN[field] ?? [field]) {
      const binding = bound.get(key);
      if (binding) return binding;
    }
    return undefined;
  };
  const draft: RowDraft = {
    row: sheetRow.row,
    values,
    errors,
    fail(field, message, params = {}) {
      const binding = bindingOf(field);
      const cell = binding?.column.key ?? field;
      if (failedCells.has(cell)) return;
      failedCells.add(cell);
      errors.push({ column: binding?.letter ?? '', columnLabel: binding?.header ?? field, field: binding?.column.key ?? field, message, params });
    },
    failed: (field) => failedCells.has(bindingOf(field)?.column.key ?? field),
    has: (field) => bound.has(field),
  };
  for (const [key, binding] of bound) {
    const result = binding.column.parse(sheetRow.cells[binding.index] ?? null);
    if (result.ok) values.set(key, result.value);
    else draft.fail(key, result.message, result.params);
  }
  return draft;
}

/** Reports a schema's issues on their cells; a message key or error code stays, Zod's own checks get a key. */
export function reportIssues(draft: RowDraft, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (draft.failed(field)) continue;
    const { message, params } = issueMessage(issue);
    draft.fail(field, message, params);
  }
}

function issueMessage(issue: z.core.$ZodIssue): { message: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  if ('params' in issue && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  if (isFieldMessageKey(issue.message) || issue.message in ERROR_STATUS) return { message: issue.message, params };
  if (issue.code === 'too_big') {
    return { message: issue.origin === 'array' ? 'field.too_many' : 'field.too_long', params: { max: Number(issue.maximum) } };
  }
  if (issue.code === 'too_small') return { message: 'field.required', params };
  return { message: 'field.invalid', params };
}

/** Equal for the purpose of "did it change": arrays as sets, null and undefined alike, dates by value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...new Set(a.map(String))].sort();
    const right = [...new Set(b.map(String))].sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The fields of `after` that differ from `before` (for a new record, `before` is null: every field). */
export function diffRecord(before: Record<string, unknown> | null, after: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  return fields
    .filter((field) => before === null || !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before === null ? null : (before[field] ?? null), after: after[field] ?? null }));
}

/** Notes keys seen earlier in the file: the second row with a key is an error naming the first. */
export function duplicateTracker(): (draft: RowDraft, field: string, key: string) => void {
  const firstRow = new Map<string, number>();
  return (draft, field, key) => {
    if (key === '') return;
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, draft.row);
    else draft.fail(field, 'field.duplicate_in_file', { row: earlier });
  };
}
