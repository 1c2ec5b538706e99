/**
 * Writes planned demo rows inside the caller's transaction: multi-row INSERTs of about 1,000 rows each
 * (parents before children, for the foreign keys), then one audit entry per enterprise or user, appended
 * to the chain in one batch per call.
 */
import { sql } from 'kysely';
import { userCreatedAudit } from '../auth/user-admin.ts';
import { recordAudit, type AuditInput } from '../audit/record-audit.ts';
import type { UserRow } from '../db/schema.ts';
import type { Trx, TrxCtx } from '../db/transaction.ts';
import type { PlannedEnterprise } from './demo-plan.ts';

/** Rows per INSERT: ~17 columns × 1,000 rows stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;

/** Runs `insert` on successive slices of `rows`, one statement each. */
async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type BulkTable = 'enterprises' | 'premises' | 'licences' | 'products' | 'people';

/**
 * One INSERT of many complete rows through a single JSON parameter (`jsonb_populate_recordset` over the
 * table's row type). PGlite serialises every bind parameter in JavaScript, which made 1,000-row INSERTs with
 * 17,000 parameters a large part of a big load; one text parameter per statement is much cheaper on both
 * engines. The column list comes from the rows, so columns added later keep their defaults.
 */
async function insertJsonRows(trx: Trx, table: BulkTable, rows: readonly object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const columns = keys.map(snakeCase);
  // Written out directly with column names as keys: cheaper than building a renamed copy of every row.
  const texts = rows.map((row) => {
    const fields = keys.map((key, i) => {
      const value: unknown = Reflect.get(row, key);
      return `${JSON.stringify(columns[i])}:${value === undefined ? 'null' : JSON.stringify(value)}`;
    });
    return `{${fields.join(',')}}`;
  });
  const list = sql.join(columns.map((column) => sql.id(column)));
  await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${`[${texts.join(',')}]`}::jsonb)`.execute(trx);
}

/** Counts of what was written. */
export interface InsertedCounts {
  enterprises: number;
  premises: number;
  licences: number;
  products: number;
  people: number;
}

/** Inserts enterprises with their premises, licences, products and people, and audits each enterprise's creation. */
export async function insertEnterprises(ctx: TrxCtx, enterprises: readonly PlannedEnterprise[]): Promise<InsertedCounts> {
  const trx = ctx.db;
  const premises = enterprises.flatMap((e) => e.premises);
  const licences = enterprises.flatMap((e) => e.licences);
  const products = enterprises.flatMap((e) => e.products);
  const people = enterprises.flatMap((e) => e.people);
  await inChunks(enterprises.map((e) => e.enterprise), (rows) => insertJsonRows(trx, 'enterprises', rows));
  await inChunks(premises, (rows) => insertJsonRows(trx, 'premises', rows));
  await inChunks(licences, (rows) => insertJsonRows(trx, 'licences', rows));
  await inChunks(products, (rows) => insertJsonRows(trx, 'products', rows));
  await inChunks(people, (rows) => insertJsonRows(trx, 'people', rows));
  await recordAudit(
    ctx,
    ...enterprises.map(({ enterprise }): AuditInput => ({
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: enterprise.id,
      jurisdictionCode: enterprise.jurisdictionCode,
      enterpriseId: enterprise.id,
      before: null,
      after: enterprise,
    })),
  );
  return { enterprises: enterprises.length, premises: premises.length, licences: licences.length, products: products.length, people: people.length };
}

/** Inserts the demo users and audits each creation (the password hash is redacted from the log). */
export async function insertUsers(ctx: TrxCtx, users: readonly UserRow[]): Promise<void> {
  await inChunks(users, (rows) => ctx.db.insertInto('users').values(rows).execute());
  await recordAudit(ctx, ...users.map(userCreatedAudit));
}

/** Adds counts up. */
export function addCounts(a: InsertedCounts, b: InsertedCounts): InsertedCounts {
  return {
    enterprises: a.enterprises + b.enterprises,
    premises: a.premises + b.premises,
    licences: a.licences + b.licences,
    products: a.products + b.products,
    people: a.people + b.people,
  };
}
