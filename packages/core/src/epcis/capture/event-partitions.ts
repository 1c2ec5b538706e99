import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * Monthly partitions of `epcis_events` (by record time, ranges in UTC), made ahead of need: the current
 * month and the next two. Old months can then be detached and archived whole. Rows of a month that has no
 * partition yet land in the default partition; a month whose rows are already there is left alone (creating
 * it would fail on them), and said so in the result, so that a start never fails on it.
 */
export interface PartitionResult {
  created: string[];
  existing: string[];
  /** Months left in the default partition, with why. */
  skipped: { name: string; reason: string }[];
}

/** The partition name of the month starting at `start` (UTC): `epcis_events_y2026m03`. */
export function partitionName(start: Date): string {
  return `epcis_events_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The UTC month containing `now`, and the following `count - 1` months, as [start, end) ranges. */
export function monthRanges(now: Date, count: number): { start: Date; end: Date }[] {
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1)),
  }));
}

/** Creates the missing monthly partitions of `epcis_events` for this month and the next two. Idempotent. */
export async function ensureEventPartitions(db: Db, now: Date = new Date()): Promise<PartitionResult> {
  const result: PartitionResult = { created: [], existing: [], skipped: [] };
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'epcis_events'`.execute(db);
  const present = new Set(rows.rows.map((r) => r.name));
  for (const { start, end } of monthRanges(now, 3)) {
    const name = partitionName(start);
    if (present.has(name)) {
      result.existing.push(name);
      continue;
    }
    const inDefault = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM epcis_events_default WHERE record_time >= ${start} AND record_time < ${end} LIMIT 1) x`.execute(db);
    if ((inDefault.rows[0]?.n ?? 0) > 0) {
      result.skipped.push({ name, reason: 'the default partition already holds events of this month' });
      continue;
    }
    try {
      // Identifiers cannot be parameters; the name is built from digits only.
      await sql
        .raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF epcis_events FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`)
        .execute(db);
      result.created.push(name);
    } catch (error) {
      // 23514: rows of the month reached the default partition meanwhile. Leave the month there.
      if ((error as { code?: string }).code !== '23514') throw error;
      result.skipped.push({ name, reason: 'the default partition already holds events of this month' });
    }
  }
  return result;
}
