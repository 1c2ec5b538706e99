import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { StatementRunner } from './scan-facts.ts';

/**
 * A small pool of its own for the public scan page on a PostgreSQL server, where every statement runs as a
 * NAMED prepared statement (the name is a hash of its text): PostgreSQL parses and plans the scan query once
 * per connection and reuses the plan, which matters because the query reaches into every monthly partition
 * of `epcis_events` and planning it costs more than running it. Kysely sends unnamed statements only, hence
 * this pool beside the platform's.
 *
 * The sessions are set for a short OLTP statement: no JIT compilation (its set-up costs milliseconds, far
 * more than the query), and a generic plan from the first execution (partitions are pruned at run time from
 * the batch's dates, so a custom plan buys nothing).
 */
export interface PreparedStatementPool {
  run: StatementRunner;
  close(): Promise<void>;
}

export function createPreparedStatementPool(databaseUrl: string, size = 4): PreparedStatementPool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: size,
    options: '-c TimeZone=Asia/Shanghai -c jit=off -c plan_cache_mode=force_generic_plan',
  });
  // An idle connection the server drops must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.warn(`scan-page database connection lost: ${error.message}`));
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `shian_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async run<R>(query: CompiledQuery<R>): Promise<R[]> {
      // Parameters are values Kysely compiled for the statement (strings, numbers, arrays, null).
      const result = await pool.query({ name: nameOf(query.sql), text: query.sql, values: [...query.parameters] });
      return result.rows as R[];
    },
    close: () => pool.end(),
  };
}
