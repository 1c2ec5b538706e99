import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { monthRanges, type PartitionResult } from '../epcis/capture/event-partitions.ts';

/** The partition name of the month starting at `start` (UTC): `monitoring_readings_y2026m03`. */
export function readingPartitionName(start: Date): string {
  return `monitoring_readings_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Monthly partitions of `monitoring_readings` for this month and the next two, the same way as the EPCIS
 * event partitions: a month whose rows already sit in the default partition is left there and reported.
 * Readings are kept ≥ 2 years (上海市食品安全条例 §34): old months are detached and archived, never deleted here.
 */
export async function ensureReadingPartitions(db: Db, now: Date = new Date()): Promise<PartitionResult> {
  const result: PartitionResult = { created: [], existing: [], skipped: [] };
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'monitoring_readings'`.execute(db);
  const present = new Set(rows.rows.map((r) => r.name));
  for (const { start, end } of monthRanges(now, 3)) {
    const name = readingPartitionName(start);
    if (present.has(name)) {
      result.existing.push(name);
      continue;
    }
    const inDefault = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM monitoring_readings_default WHERE at >= ${start} AND at < ${end} LIMIT 1) x`.execute(db);
    if ((inDefault.rows[0]?.n ?? 0) > 0) {
      result.skipped.push({ name, reason: 'the default partition already holds readings of this month' });
      continue;
    }
    try {
      // Identifiers cannot be parameters; the name is built from digits only.
      await sql.raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF monitoring_readings FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`).execute(db);
      result.created.push(name);
    } catch (error) {
      // 23514: rows of the month reached the default partition meanwhile. Leave the month there.
      if ((error as { code?: string }).code !== '23514') throw error;
      result.skipped.push({ name, reason: 'the default partition already holds readings of this month' });
    }
  }
  return result;
}
