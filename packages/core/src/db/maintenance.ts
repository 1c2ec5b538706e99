import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** Rows written in one go past which the planner's statistics are refreshed at once. */
export const BULK_ROWS = 1000;

/**
 * Refreshes planner statistics after a bulk write. A PostgreSQL server's autovacuum would get there
 * eventually; PGlite has no autovacuum at all, so without this the planner keeps estimating from an
 * empty table and picks scans that are orders of magnitude slower at 100,000 rows.
 */
export async function refreshStatistics(db: Db, tables: readonly string[] = []): Promise<void> {
  if (tables.length === 0) {
    await sql`ANALYZE`.execute(db);
    return;
  }
  for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}
