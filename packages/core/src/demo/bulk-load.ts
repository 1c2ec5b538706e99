/**
 * Bulk loading with the secondary indexes built once at the end instead of row by row: the standard
 * PostgreSQL advice for populating tables ("remove indexes", manual §14.4). The GIN indexes of the registry
 * have no pending list (`fastupdate = off`, so that searches stay fast on PGlite), which makes every inserted
 * row update them in place; a 100,000-seller demo city loads about a quarter faster this way (PGlite).
 *
 * The definitions are read from the catalogue (`pg_get_indexdef`), so what is rebuilt is exactly what the
 * migrations created, options included. Primary keys, unique indexes and indexes behind constraints stay, so
 * every uniqueness and foreign-key check still runs during the load. All of it happens in the caller's
 * transaction: a failed load rolls the indexes back with the rows. The tables are locked exclusively until
 * commit, which suits a first-start demo load into an empty registry.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/transaction.ts';

interface IndexDefinition {
  name: string;
  definition: string;
}

/** Plain secondary indexes of the tables, by name: the ones safe to drop and rebuild. */
export async function findSecondaryIndexes(trx: Trx, tables: readonly string[]): Promise<IndexDefinition[]> {
  if (tables.length === 0) return [];
  const result = await sql<IndexDefinition>`
    SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
    FROM pg_index x
    JOIN pg_class c ON c.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema()
      AND t.relname IN (${sql.join(tables)})
      AND NOT x.indisunique AND NOT x.indisprimary AND NOT x.indisexclusion
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
    ORDER BY c.relname`.execute(trx);
  return result.rows;
}

/** Runs `load` with the plain secondary indexes of `tables` dropped, then rebuilds them from their definitions. */
export async function withIndexesBuiltAfter<T>(trx: Trx, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes = await findSecondaryIndexes(trx, tables);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
  const result = await load();
  // The definitions come from the catalogue, not from input: running them as written is safe.
  for (const index of indexes) await sql.raw(index.definition).execute(trx);
  return result;
}
