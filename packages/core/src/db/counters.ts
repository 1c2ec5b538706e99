import { sql } from 'kysely';
import type { Trx } from './transaction.ts';

/**
 * The next number of a named series (检查编号 JC-310115-2026-000001 and the like), gap-free within committed
 * transactions: the counter row is locked until the transaction ends, so two writers never share a number.
 */
export async function nextInSeries(db: Trx, series: string): Promise<number> {
  const row = await sql<{ value: number }>`
    INSERT INTO counters (name, value) VALUES (${series}, 1)
    ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
    RETURNING value`.execute(db);
  const value = row.rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${series} returned nothing`);
  return Number(value);
}

/** `PREFIX-<jurisdiction>-<year>-<000001>`: readable, sortable, unique per series. */
export async function nextNumber(db: Trx, prefix: string, jurisdictionCode: string, year: number): Promise<string> {
  const series = `${prefix}-${jurisdictionCode.slice(0, 6)}-${year}`;
  const n = await nextInSeries(db, series);
  return `${series}-${String(n).padStart(6, '0')}`;
}
