import { sql, type Kysely } from 'kysely';

/**
 * Runs a DDL script statement by statement. PGlite's query path (the extended protocol) takes one
 * statement at a time, so a script is split on semicolons that end a line; our DDL keeps semicolons out
 * of string literals and function bodies to make that safe.
 */
export async function runDdl(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
