import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@shian/domain';
import { DEMO_PASSWORD, connectDatabase, prepareDatabase, searchEnterprises, type Database, type EnterpriseFilters } from '@shian/core';
import { buildApp } from '@shian/server/app.ts';
import { loadConfig } from '@shian/server/config.ts';
import { drive, ms, summarise } from './stats.ts';

/**
 * Registry search at 100,000 enterprises: the same query mix through the HTTP API (session, validation,
 * scoping, presenters, JSON) and directly on the database layer, in the same run. Prints p50/p95 and
 * requests per second for both and the API/direct ratio.
 *
 *   npm run bench -- registry-search [--sellers 100000] [--requests 2000] [--concurrency 8]
 * Uses DATABASE_URL when set, else PGlite in .tmp/bench-registry (kept between runs; delete to regenerate).
 */
export async function benchRegistrySearch(options: { sellers: number; requests: number; concurrency: number }): Promise<void> {
  const root = new URL('../..', import.meta.url).pathname;
  const dataDir = join(root, `.tmp/bench-registry-${options.sellers}`);
  const fresh = !process.env.DATABASE_URL && !existsSync(dataDir);
  const database: Database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const t0 = performance.now();
  const prepared = await prepareDatabase(database, { demo: { sellers: options.sellers } });
  const counted = await database.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(
    `database: ${database.engine} ${database.location}; ${Number(counted.n)} enterprises` +
      (prepared.demoLoaded || fresh ? ` (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)` : ' (reused)'),
  );

  const queries: EnterpriseFilters[] = [
    { q: '大药房', limit: 20 },
    { q: '超市', limit: 20 },
    { q: '母婴', district: '310115', limit: 20 },
    { q: '保健', limit: 20 },
    { district: '310101', limit: 20 },
    { kind: 'producer', limit: 20 },
    { category: '127', limit: 20 },
    { q: '浦东', kind: 'seller', limit: 20 },
    { flag: 'licence_expiring', limit: 20 },
  ];
  const sample = await database.db.selectFrom('enterprises').select(['uscc', 'name']).orderBy('id').limit(50).execute();
  for (const s of sample.slice(0, 10)) queries.push({ q: s.uscc, limit: 20 }, { q: [...s.name].slice(2, 5).join(''), limit: 20 });

  // Direct: the database layer alone, same filters, same scope (the whole city).
  const ctx = { db: database.db, actor: SYSTEM_ACTOR };
  for (const q of queries) await searchEnterprises(ctx, q); // warm up
  const direct = await drive(options.requests, options.concurrency, async (i) => {
    await searchEnterprises(ctx, queries[i % queries.length] as EnterpriseFilters);
  });

  // Through the API over HTTP on loopback.
  const app = await buildApp({ database, config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' }, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city-admin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const urls = queries.map((q) => {
    const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
    return `${base}/api/v1/enterprises?${params.toString()}`;
  });
  for (const url of urls) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
  let failures = 0;
  const api = await drive(options.requests, options.concurrency, async (i) => {
    const res = await fetch(urls[i % urls.length] as string, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) failures += 1;
  });
  await app.close();
  await database.close();

  const d = summarise(direct.latencies);
  const a = summarise(api.latencies);
  console.log(`\nregistry search, ${queries.length} query shapes, ${options.requests} calls each way, concurrency ${options.concurrency}`);
  console.log(`  direct (database layer): p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  ${direct.perSecond.toFixed(0)} queries/s`);
  console.log(`  API (HTTP, session, JSON): p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  ${api.perSecond.toFixed(0)} requests/s  (${failures} non-200)`);
  console.log(`  API / direct: p50 ×${(a.p50 / d.p50).toFixed(2)}  p95 ×${(a.p95 / d.p95).toFixed(2)}  throughput ×${(api.perSecond / direct.perSecond).toFixed(2)}`);
}
