import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * A description of the public schema from PostgreSQL's own catalogue: tables, columns, indexes and
 * constraints, sorted. Two engines that ran the same migrations must produce the same text.
 */
export async function describeSchema(db: Db): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-')) AS line
    FROM information_schema.columns WHERE table_schema = 'public'`.execute(db);
  const indexes = await sql<{ line: string }>`
    SELECT format('index %s %s', indexname, regexp_replace(indexdef, '\s+', ' ', 'g')) AS line FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
  const constraints = await sql<{ line: string }>`
    SELECT format('constraint %s.%s %s', c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)) AS line
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    -- NOT NULL shows in the columns; PostgreSQL 18 (PGlite) also lists it as a constraint, 15 does not.
    WHERE n.nspname = 'public' AND c.contype <> 'n'`.execute(db);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line).sort();
}
