import { sql } from 'kysely';
import pg from 'pg';
import { connectDatabase } from '@shian/core';
import { boundOf, compileScanFactsQuery } from '@shian/core/trace/scan/scan-facts.ts';
const url = 'postgres://postgres@127.0.0.1:5432/shian_bench_scan';
const database = await connectDatabase({ databaseUrl: url, poolSize: 2 });
const db = database.db;
const sample = await sql<{ gtin: string; serial: string; lot: string; pd: string }>`SELECT c.gtin, c.serial, b.lot, to_char(b.production_date, 'YYYY-MM-DD') AS pd FROM trace_codes c TABLESAMPLE SYSTEM (1) REPEATABLE (42) JOIN trace_code_batches b ON b.id = c.batch_id WHERE b.number LIKE 'MA-BENCH%' LIMIT ${Number(process.argv[2] ?? 30)}`.execute(db);
const client = new pg.Client({ connectionString: url, options: '-c jit=off -c plan_cache_mode=force_generic_plan' });
await client.connect();
const times: number[] = []; let last = '';
const names = new Set<string>();
for (const key of sample.rows) {
  const c = compileScanFactsQuery(db, { gtin: key.gtin, lot: key.lot, serial: key.serial }, boundOf(key.pd));
  const name = `q${c.sql.length}_${boundOf(key.pd).slice(0, 7)}`;
  if (!names.has(name)) { await client.query(`PREPARE ${name.replace('-', '_')}(${c.parameters.map(() => 'unknown').join(',')}) AS ${c.sql}`); names.add(name); }
  const args = c.parameters.map((v) => (v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`)).join(',');
  await client.query(`EXECUTE ${name.replace('-', '_')}(${args})`);
  const plan = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, BUFFERS) EXECUTE ${name.replace('-', '_')}(${args})`);
  last = plan.rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
  times.push(Number(/Execution Time: ([0-9.]+)/.exec(last)?.[1]));
}
times.sort((a, b) => a - b); console.log('median exec', times[Math.floor(times.length / 2)], 'p10', times[Math.floor(times.length / 10)]);
if (process.argv[3]) console.log(last);
await client.end();
await database.close();
