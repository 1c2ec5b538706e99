import { sql } from 'kysely';
import { connectDatabase, createPreparedStatementPool, createScanFactsReader, findScanFacts } from '@shian/core';
const url = 'postgres://postgres@127.0.0.1:5432/shian_bench_scan';
const database = await connectDatabase({ databaseUrl: url, poolSize: 2 });
const db = database.db;
const sample = await sql<{ gtin: string; serial: string; lot: string }>`SELECT c.gtin, c.serial, b.lot FROM trace_codes c TABLESAMPLE SYSTEM (5) JOIN trace_code_batches b ON b.id = c.batch_id WHERE b.number LIKE 'MA-BENCH%' AND b.production_date >= current_date - ${Number(process.env.RECENT_DAYS ?? 400)}::int LIMIT 3000`.execute(db);
const conc = Number(process.argv[2] ?? 6);
const prepared = createPreparedStatementPool(url, conc);
const reader = process.argv[3] === "unbounded" ? { find: (k: Parameters<typeof findScanFacts>[1]) => findScanFacts(db, k, prepared.run) } : createScanFactsReader(db, prepared.run);
for (const round of [1, 2, 3]) {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => {
    while (next < sample.rows.length) { const k = sample.rows[next++]!; await reader.find({ gtin: k.gtin, lot: k.lot, serial: k.serial }); }
  }));
  const s = (performance.now() - t) / 1000;
  console.log('round', round, (sample.rows.length / s).toFixed(0), 'scans/s at concurrency', conc);
}
await prepared.close();
await database.close();
