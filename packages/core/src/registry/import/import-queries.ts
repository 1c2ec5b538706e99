import { sql } from 'kysely';
import { AppError } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../db/transaction.ts';
import type { EnterpriseRow, LicenceRow, ProductRow } from '../../db/schema.ts';
import type { StoredPlanRow } from './import-plan.ts';

/**
 * Set-at-a-time queries of the import: lookups by identifier for a whole file, bulk updates from one JSON
 * parameter, and the search columns of many enterprises at once. Nothing here goes row by row.
 */
type Handle = Db | Trx;

const unique = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v.length > 0))];

export async function findEnterprisesByUscc(db: Handle, usccs: readonly string[]): Promise<Map<string, EnterpriseRow>> {
  const keys = unique(usccs);
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('enterprises').selectAll().where(sql<boolean>`uscc = ANY(${sql.val(keys)}::text[])`).execute();
  return new Map(rows.map((r) => [r.uscc, r]));
}

export async function findLicencesByNumber(db: Handle, numbers: readonly string[]): Promise<Map<string, LicenceRow>> {
  const keys = unique(numbers);
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('licences').selectAll().where(sql<boolean>`number = ANY(${sql.val(keys)}::text[])`).execute();
  return new Map(rows.map((r) => [r.number, r]));
}

export async function findLicencesById(db: Handle, ids: readonly string[]): Promise<Map<string, LicenceRow>> {
  const keys = unique(ids);
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('licences').selectAll().where(sql<boolean>`id = ANY(${sql.val(keys)}::uuid[])`).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findProductsByNumber(db: Handle, numbers: readonly string[]): Promise<Map<string, ProductRow>> {
  const keys = unique(numbers);
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('products').selectAll().where(sql<boolean>`registration_number = ANY(${sql.val(keys)}::text[])`).execute();
  return new Map(rows.map((r) => [r.registrationNumber, r]));
}

/** Which of these identifiers a table already holds (for "a row to create now exists"). */
export async function findExistingKeys(trx: Trx, table: 'enterprises' | 'licences' | 'products', keys: readonly string[]): Promise<Set<string>> {
  const wanted = unique(keys);
  if (wanted.length === 0) return new Set();
  const column = { enterprises: 'uscc', licences: 'number', products: 'registration_number' }[table];
  const result = await sql<{ key: string }>`SELECT ${sql.ref(column)} AS key FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ANY(${sql.val(wanted)}::text[])`.execute(trx);
  return new Set(result.rows.map((r) => r.key));
}

interface RowOf {
  enterprises: EnterpriseRow;
  licences: LicenceRow;
  products: ProductRow;
}

/** Rows by id, locked for the rest of the transaction. */
export async function lockRowsById<T extends keyof RowOf>(trx: Trx, table: T, ids: readonly string[]): Promise<Map<string, RowOf[T]>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const result = await sql<RowOf[T]>`SELECT * FROM ${sql.table(table)} WHERE id = ANY(${sql.val(wanted)}::uuid[]) FOR UPDATE`.execute(trx);
  return new Map(result.rows.map((r) => [r.id, r]));
}

/** A column of a bulk update: the SQL name and type of the value in the JSON records. */
export type BulkColumn = readonly [name: string, type: 'text' | 'text[]' | 'date' | 'uuid' | 'boolean'];

/**
 * Updates many rows in one statement: `records` (keyed by SQL column name, with `id` and the `version` each
 * row had when the preview was made) become a record set; a row whose version moved on is left alone and
 * missing from the result. Bumps each row's version and updated_at.
 */
export async function updateRowsFromJson<R>(
  trx: Trx,
  table: 'enterprises' | 'licences' | 'products',
  columns: readonly BulkColumn[],
  records: readonly Record<string, unknown>[],
): Promise<R[]> {
  if (records.length === 0) return [];
  // Column names and types come from the callers' constant lists, never from input.
  const assignments = sql.raw(columns.map(([name]) => `${name} = v.${name}`).join(', '));
  const definition = sql.raw(['id uuid', 'version integer', ...columns.map(([name, type]) => `${name} ${type}`)].join(', '));
  const result = await sql<R>`UPDATE ${sql.table(table)} AS t SET ${assignments}, version = t.version + 1, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS v(${definition})
    WHERE t.id = v.id AND t.version = v.version
    RETURNING t.*`.execute(trx);
  return result.rows;
}

/** Inserts rows in statements of `size` rows (PostgreSQL takes at most 65,535 parameters per statement). */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The preview no longer describes the database: nothing is applied. `rows` names the stale rows. */
export function stalePreview(rows: readonly number[]): AppError {
  return new AppError('resource.conflict', { data: { rows: [...rows].sort((a, b) => a - b).slice(0, 100) } });
}

export interface EnterpriseChildRows<R> {
  creates: StoredPlanRow[];
  updates: StoredPlanRow[];
  /** The stored rows to update, as they were before (for the audit), locked. */
  current: Map<string, R>;
}

/**
 * Splits a plan's licence or product rows into creates and updates after checking that the preview still
 * describes the database: a number to create not registered since, a row to update unchanged, and its
 * enterprise still in the jurisdiction it had. Throws `stalePreview` naming every stale row otherwise.
 */
export async function freshChildRows<T extends 'licences' | 'products'>(trx: Trx, table: T, rows: readonly StoredPlanRow[]): Promise<EnterpriseChildRows<RowOf[T]>> {
  const creates = rows.filter((r) => r.action === 'create' && r.write);
  const updates = rows.filter((r) => r.action === 'update' && r.write);
  const writing = [...creates, ...updates];
  const taken = await findExistingKeys(trx, table, creates.map((r) => r.key));
  const current = await lockRowsById(trx, table, updates.map((r) => r.write?.id ?? ''));
  const holders = await lockRowsById(trx, 'enterprises', writing.map((r) => r.write?.enterpriseId ?? ''));
  const stale = writing.filter((r) => {
    const holder = holders.get(r.write?.enterpriseId ?? '');
    if (!holder || holder.jurisdictionCode !== r.write?.enterpriseJurisdiction) return true;
    if (r.action === 'create') return taken.has(r.key);
    const row = current.get(r.write.id);
    return !row || row.version !== r.write.version || row.updatedAt.toISOString() !== r.write.updatedAt;
  });
  if (stale.length > 0) throw stalePreview(stale.map((r) => r.row));
  return { creates, updates, current };
}
