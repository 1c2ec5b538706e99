import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * Logical backup: every table's rows as JSON lines (gzip), in foreign-key order, with the migration level.
 * The same file restores into PGlite or a PostgreSQL server, so it also moves a city between engines.
 * Tables are read inside one REPEATABLE READ transaction, so the backup is a consistent snapshot.
 */
export const BACKUP_TABLES = [
  'schema_migrations',
  'settings',
  'jurisdictions',
  'enterprises',
  'premises',
  'licences',
  'products',
  'people',
  'users',
  'sessions',
  'imports',
  'audit_log',
  'audit_head',
  // Risk-based inspection. The job queue is not backed up: it holds work in flight, which the platform
  // queues again (recurring jobs) or an operator asks for again.
  'counters',
  'clocks',
  'risk_profiles',
  'risk_triggers',
  'risk_grades',
  'recusals',
  'inspection_plans',
  'inspection_plan_items',
  'draws',
  'draw_inputs',
  'draw_picks',
  'inspections',
  'inspection_photos',
  'inspection_submissions',
  'inspection_findings',
  'rectification_orders',
  'rectification_evidence',
  'case_leads',
] as const;

const PAGE = 2000;

interface Line {
  table: string;
  row?: Record<string, unknown>;
}

export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify({ format: 'shian-backup', version: 1, createdAt: new Date().toISOString() })}\n`;
    const tx = await db.startTransaction().setIsolationLevel('repeatable read').execute();
    try {
      for (const table of BACKUP_TABLES) {
        counts[table] = 0;
        for (let offset = 0; ; offset += PAGE) {
          // As text: the query layer's camelCase mapping must not rename the columns inside the row.
          const { rows } = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${sql.table(table)} t ORDER BY 1 OFFSET ${offset} LIMIT ${PAGE}`.execute(tx);
          for (const r of rows) {
            counts[table] += 1;
            yield `{"table":${JSON.stringify(table)},"row":${r.row}}\n`;
          }
          if (rows.length < PAGE) break;
        }
      }
      await tx.commit().execute();
    } catch (error) {
      await tx.rollback().execute();
      throw error;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return counts;
}

/** Restores a backup into an empty, migrated-to-nothing database (tables are created by migrating first). */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  let batch: { table: string; rows: Record<string, unknown>[] } | null = null;
  await db.transaction().execute(async (trx) => {
    // Reference data and the chain head exist after migrating; the backup's copies replace them.
    for (const table of ['audit_head', 'jurisdictions', 'schema_migrations']) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
    const flush = async (): Promise<void> => {
      if (!batch || batch.rows.length === 0) return;
      const payload = JSON.stringify(batch.rows);
      await sql`INSERT INTO ${sql.table(batch.table)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.table(batch.table)}, ${payload}::jsonb)`.execute(trx);
      batch.rows = [];
    };
    for await (const text of reader) {
      if (!text) continue;
      if (header) {
        const meta = JSON.parse(text) as { format?: string };
        if (meta.format !== 'shian-backup') throw new Error('not a Shian backup file');
        header = false;
        continue;
      }
      const line = JSON.parse(text) as Line;
      if (!line.row) continue;
      if (!batch || batch.table !== line.table) {
        await flush();
        batch = { table: line.table, rows: [] };
      }
      batch.rows.push(line.row);
      counts[line.table] = (counts[line.table] ?? 0) + 1;
      if (batch.rows.length >= 500) await flush();
    }
    await flush();
  });
  return counts;
}
