import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fork } from 'node:child_process';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { adminStatement } from './admin-sql.ts';
import { pacedLoad } from './paced-load.ts';
import { serverCpu } from './server-cpu.ts';

/**
 * The public scan page (扫码查询) under load, on the PostgreSQL server: a database of its own
 * (`shian_bench_scan`) with the demo city, ~1,000,000 item codes over a few hundred batches and 10,000,000
 * EPCIS events in monthly partitions (loaded with COPY, indexes built after the load), then the real server
 * (`buildApp`) on a free port driven by autocannon from a child process: random existing code URLs, and in the
 * same run the same server's `/healthz` under the same load as the baseline. Prints load times, req/s and
 * latency p50/p97.5/p99 for both flat out, then the scan page at a steady rate (the target load, 3,000/s), each
 * with the CPU that the server, PostgreSQL and the load generator used per request, and checks the scans were counted.
 *
 *   npm run bench -- scan-page [--events 10000000] [--codes 1000000] [--batches 300] [--months 12] [--connections 50] [--duration 20] [--rate 3000] [--keep] [--reuse]
 * --keep leaves the database for another run; --reuse runs on a kept one without loading again.
 * The load generator shares the machine's cores with the server and PostgreSQL.
 */

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'shian_bench_scan';

export interface ScanPageOptions {
  events: number;
  codes: number;
  batches: number;
  connections: number;
  duration: number;
  keep: boolean;
  reuse: boolean;
  /** Months the events' record times spread over, one partition each (the batches' production dates too). */
  months: number;
  /** Requests per second of the steady phase (the target load). */
  rate: number;
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p975: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** CPU the load generator used. */
  loaderCpuMs: number;
}

/** autocannon's options and result, as far as this benchmark uses them (the package ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { setupRequest: (request: { path: string }) => { path: string } }[];
}) => Promise<{ requests: { average: number; total: number }; latency: { p50: number; p97_5: number; p99: number; max: number }; non2xx: number; errors: number }>;

// The load generator: this module in a child process (autocannon treats a worker thread as its own worker),
// so that it does not share the server's event loop.
const LOADER_FLAG = 'SHIAN_SCAN_BENCH_LOADER';
if (process.env[LOADER_FLAG] === '1') {
  process.once('message', async (message) => {
    const require = createRequire(import.meta.url);
    const autocannon = require('autocannon') as Autocannon; // CommonJS without types
    const { url, paths, connections, duration, rate } = message as { url: string; paths: string[]; connections: number; duration: number; rate?: number };
    const pick = () => paths[Math.floor(Math.random() * paths.length)] ?? '/';
    const cpu = process.cpuUsage();
    if (rate) {
      // A steady offered rate: open loop, latency from each request's due time (paced-load.ts says why not autocannon).
      const paced = await pacedLoad({ url, paths, connections, duration, rate });
      const usedPaced = process.cpuUsage(cpu);
      process.send?.({ ...paced, loaderCpuMs: (usedPaced.user + usedPaced.system) / 1000 } satisfies LoadResult, () => process.exit(0));
      return;
    }
    const result = await autocannon({ url, connections, duration, requests: [{ setupRequest: (request) => ({ ...request, path: pick() }) }] });
    const used = process.cpuUsage(cpu);
    const summary: LoadResult = {
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p975: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      loaderCpuMs: (used.user + used.system) / 1000,
    };
    process.send?.(summary, () => process.exit(0));
  });
}

function drive(url: string, paths: string[], connections: number, duration: number, rate?: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), [], { env: { ...process.env, [LOADER_FLAG]: '1' }, stdio: 'inherit' });
    child.once('message', (result: LoadResult) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the load generator exited with ${code}`)));
    child.send({ url, paths, connections, duration, rate });
  });
}

const admin = (statement: string): Promise<void> => adminStatement(ADMIN_URL, statement);

/** Writes lines to a COPY stream with back-pressure, in chunks of joined lines. */
async function copyLines(client: pg.PoolClient, statement: string, lines: () => Generator<string>): Promise<number> {
  const stream: Writable = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let count = 0;
  let chunk: string[] = [];
  for (const line of lines()) {
    chunk.push(line);
    count += 1;
    if (chunk.length === 2000) {
      if (!stream.write(`${chunk.join('\n')}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
      chunk = [];
    }
  }
  if (chunk.length > 0) stream.write(`${chunk.join('\n')}\n`);
  stream.end();
  await done;
  return count;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export async function benchScanPage(options: ScanPageOptions): Promise<void> {
  // Imported here: the load-generator thread loads this module too and needs none of them.
  const { buildDigitalLink, canonicalGtin, canonicalItem, canonicalLotClass, canonicalSscc, computeGtinCheckDigit, encodeGs1Date, makeSerialGenerator } = await import('@shian/domain');
  const { connectDatabase, prepareDatabase } = await import('@shian/core');
  const { partitionName } = await import('@shian/core/epcis/capture/event-partitions.ts');
  const { buildApp } = await import('@shian/server/app.ts');
  const { loadConfig } = await import('@shian/server/config.ts');
  const { sql } = await import('kysely');

  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  if (!options.reuse) {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
  }
  const database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const paths: string[] = [];
  try {
    if (!options.reuse) {
      let t = performance.now();
      await prepareDatabase(database, { demo: { sellers: 2000 } });
      console.log(`demo city: ${seconds(performance.now() - t)}`);

      // Premises: every other one gets a GLN (its EPCIS location is then the GLN's URI).
      const premises = await database.db.selectFrom('premises').select(['id', 'enterpriseId', 'jurisdictionCode']).orderBy('id').execute();
      const glns = premises.map((_, i) => (i % 2 === 0 ? `69${String(100_000_000 + i).padStart(10, '0')}` : null)).map((b) => (b ? b + String(computeGtinCheckDigit(b)) : null));
      await sql`UPDATE premises SET gln = t.gln FROM unnest(${sql.val(premises.map((p) => p.id))}::uuid[], ${sql.val(glns)}::text[]) AS t(id, gln) WHERE premises.id = t.id`.execute(database.db);
      const places = premises.map((p, i) => ({ ...p, location: glns[i] ? `https://id.gs1.org/414/${glns[i]}` : `urn:shian:loc:${p.id}` }));
      const placeOf = (enterpriseId: string) => places.find((p) => p.enterpriseId === enterpriseId) ?? places[0];

      // Batches of the products that carry a GTIN, round robin; codes are drawn like the issuing job draws them.
      t = performance.now();
      const products = await database.db.selectFrom('products').select(['id', 'enterpriseId', 'jurisdictionCode', 'gtins']).where(sql<boolean>`cardinality(gtins) > 0`).orderBy('id').execute();
      const perBatch = Math.ceil(options.codes / options.batches);
      const now = Date.now();
      const day = 86_400_000;
      const batches = Array.from({ length: options.batches }, (_, i) => {
        const product = products[i % products.length];
        if (!product) throw new Error('the demo city has no product with a GTIN');
        const produced = new Date(now - (12 + Math.floor((i * (options.months * 30 - 25)) / options.batches)) * day);
        return {
          id: randomUUID(),
          number: `MA-BENCH-${String(i + 1).padStart(6, '0')}`,
          enterpriseId: product.enterpriseId,
          productId: product.id,
          jurisdictionCode: product.jurisdictionCode,
          gtin: (product.gtins[0] ?? '').padStart(14, '0'),
          lot: `B${produced.toISOString().slice(0, 10).replaceAll('-', '')}${i}`,
          productionDate: produced.toISOString().slice(0, 10),
          expiryDate: new Date(produced.getTime() + 730 * day).toISOString().slice(0, 10),
          quantity: perBatch,
          issued: perBatch,
          status: 'issued' as const,
          jobId: null,
          requestedBy: null,
          finishedAt: new Date(),
          produced,
        };
      });
      await database.db.insertInto('traceCodeBatches').values(batches.map(({ produced: _produced, ...b }) => b)).execute();
      const draw = makeSerialGenerator(randomBytes, 64 * 1024);
      const serials = batches.map(() => [] as string[]);
      const seen = new Set<string>();
      const client = await pool.connect();
      try {
        const codeCount = await copyLines(client, 'COPY trace_codes (gtin, serial, batch_id, seq) FROM STDIN', function* () {
          for (const [i, batch] of batches.entries()) {
            for (let seq = 1; seq <= perBatch; seq++) {
              let serial = draw();
              while (seen.has(batch.gtin + serial)) serial = draw();
              seen.add(batch.gtin + serial);
              serials[i]?.push(serial);
              yield `${batch.gtin}\t${serial}\t${batch.id}\t${seq}`;
            }
          }
        });
        console.log(`codes: ${codeCount.toLocaleString('en-US')} in ${batches.length} batches, ${seconds(performance.now() - t)}`);

        // Monthly partitions over the months the events span, as the maintenance job makes them; indexes after the load.
        t = performance.now();
        for (let m = 0; m <= options.months + 2; m++) {
          const start = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - options.months + m, 1));
          const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
          await client.query(`CREATE TABLE IF NOT EXISTS ${partitionName(start)} PARTITION OF epcis_events FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`);
        }
        const indexes = await client.query<{ indexname: string; indexdef: string }>(
          "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'epcis_events' AND indexname <> 'epcis_events_pkey'",
        );
        for (const index of indexes.rows) await client.query(`DROP INDEX ${index.indexname}`);

        const capture = randomUUID();
        const row = (e: { at: number; type: string; action: string; step: string; disposition: string; location: string; epcs: string[]; parent: string | null; children: string[]; classes: string[]; enterpriseId: string; jurisdiction: string }): string => {
          const id = `urn:uuid:${randomUUID()}`;
          const time = new Date(e.at).toISOString();
          const any = e.parent ? [e.parent, ...e.children] : e.epcs;
          const doc = `{"type":"${e.type}","eventID":"${id}","eventTime":"${time}","eventTimeZoneOffset":"+08:00","action":"${e.action}","bizStep":"${e.step}","bizLocation":{"id":"${e.location}"}}`;
          return [new Date(e.at + 120_000).toISOString(), time, '+08:00', id, e.type, e.action, e.step, e.disposition, e.location, e.location, `{${e.epcs.join(',')}}`, e.parent ?? '\\N', `{${e.children.join(',')}}`, `{${any.join(',')}}`, `{${e.classes.join(',')}}`, e.enterpriseId, e.jurisdiction, capture, doc].join('\t');
        };
        const retailers = places.filter((p) => !batches.some((b) => b.enterpriseId === p.enterpriseId));
        const sscc = (n: number) => canonicalSscc(`${'0690123450'}${String(n).padStart(7, '0')}` + String(computeGtinCheckDigit(`${'0690123450'}${String(n).padStart(7, '0')}`)));
        const foreign = `0${'6909999999'}${'99'}`;
        const foreignGtin = foreign + String(computeGtinCheckDigit(foreign));
        let ssccs = 0;
        const eventCount = await copyLines(
          client,
          'COPY epcis_events (record_time, event_time, event_time_zone_offset, event_id, event_type, action, biz_step, disposition, read_point, biz_location, epc_list, parent_id, child_epcs, any_epcs, any_classes, enterprise_id, jurisdiction_code, capture_id, doc) FROM STDIN',
          function* () {
            let emitted = 0;
            for (const [i, batch] of batches.entries()) {
              const factory = placeOf(batch.enterpriseId);
              if (!factory) continue;
              const lotClass = canonicalLotClass(batch.gtin, batch.lot);
              const classes = [lotClass, canonicalGtin(batch.gtin)];
              const base = { enterpriseId: batch.enterpriseId, jurisdiction: factory.jurisdictionCode, disposition: 'active', parent: null, children: [] as string[] };
              const t0 = batch.produced.getTime();
              const items = (serials[i] ?? []).map((s) => canonicalItem(batch.gtin, s));
              yield row({ ...base, at: t0 + 3_600_000, type: 'ObjectEvent', action: 'OBSERVE', step: 'inspecting', disposition: i % 20 === 7 ? 'non_conformant' : 'conformant', location: factory.location, epcs: [], classes: [lotClass] });
              for (let c = 0; c < items.length; c += 20) {
                const caseId = sscc((ssccs += 1));
                const inCase = items.slice(c, c + 20);
                for (const item of inCase) yield row({ ...base, at: t0, type: 'ObjectEvent', action: 'ADD', step: 'commissioning', location: factory.location, epcs: [item], classes });
                yield row({ ...base, at: t0 + 1_800_000, type: 'AggregationEvent', action: 'ADD', step: 'packing', location: factory.location, epcs: [], parent: caseId, children: inCase, classes });
                const shop = retailers[(c / 20 + i * 7) % retailers.length] ?? factory;
                yield row({ ...base, at: t0 + 2 * day, type: 'ObjectEvent', action: 'OBSERVE', step: 'shipping', location: factory.location, epcs: [caseId], classes: [] });
                yield row({ ...base, enterpriseId: shop.enterpriseId, jurisdiction: shop.jurisdictionCode, at: t0 + 4 * day, type: 'ObjectEvent', action: 'OBSERVE', step: 'receiving', location: shop.location, epcs: [caseId], classes: [] });
                for (const item of inCase.slice(0, 4)) yield row({ ...base, enterpriseId: shop.enterpriseId, jurisdiction: shop.jurisdictionCode, at: t0 + 9 * day, type: 'ObjectEvent', action: 'OBSERVE', step: 'retail_selling', location: shop.location, epcs: [item], classes });
                emitted += inCase.length + 7;
              }
            }
            // The rest: events of items the platform did not code (other products, other systems), spread over the year.
            for (let n = 0; emitted < options.events; n++, emitted++) {
              const shop = retailers[n % retailers.length];
              if (!shop) break;
              const epcs = [canonicalItem(foreignGtin, `F${n}`), ...(n % 3 === 0 ? [canonicalItem(foreignGtin, `G${n}`)] : [])];
              yield row({ at: now - ((n * 7919) % (options.months * 30 * day - day)), type: 'ObjectEvent', action: 'OBSERVE', step: 'storing', disposition: 'in_progress', location: shop.location, epcs, parent: null, children: [], classes: [canonicalGtin(foreignGtin)], enterpriseId: shop.enterpriseId, jurisdiction: shop.jurisdictionCode });
            }
          },
        );
        const loadMs = performance.now() - t;
        t = performance.now();
        await client.query("SET maintenance_work_mem = '1GB'");
        // pg_indexes spells a partitioned index `ON ONLY` the parent: build it on every partition instead.
        for (const index of indexes.rows) await client.query(index.indexdef.replace(' ON ONLY ', ' ON '));
        const indexMs = performance.now() - t;
        // Where each object has been, as capture writes it beside the events, derived from the loaded events.
        t = performance.now();
        await client.query("SET work_mem = '256MB'");
        await client.query('INSERT INTO trace_epc_places SELECT * FROM trace_epc_places_derived(NULL)');
        const placesMs = performance.now() - t;
        t = performance.now();
        await client.query('VACUUM (ANALYZE) epcis_events');
        await client.query('ANALYZE');
        console.log(`events: ${eventCount.toLocaleString('en-US')} loaded by COPY in ${seconds(loadMs)}, ${indexes.rows.length} indexes built after in ${seconds(indexMs)}, places derived in ${seconds(placesMs)}, vacuum/analyze ${seconds(performance.now() - t)}`);
      } finally {
        client.release();
      }
    }

    // Every run starts from the same scan state (a reused database keeps the counts of earlier runs, which
    // would turn most sampled codes into copy-rule candidates that real traffic rarely produces).
    await sql`UPDATE trace_codes SET scan_count = 0, first_scanned_at = NULL, last_scanned_at = NULL WHERE scan_count > 0`.execute(database.db);
    await sql`TRUNCATE trace_scans`.execute(database.db);
    await sql`DELETE FROM trace_alerts`.execute(database.db);
    await sql`VACUUM (ANALYZE) trace_codes`.execute(database.db);
    // URLs of existing codes, as printed on packs: lot in the path, expiry in the query string. 200,000 of
    // them, so a code is scanned about once per run, as items in the field mostly are.
    const sample = await sql<{ gtin: string; serial: string; lot: string; expiryDate: string }>`
      SELECT c.gtin, c.serial, b.lot, b.expiry_date FROM trace_codes c TABLESAMPLE SYSTEM (20) JOIN trace_code_batches b ON b.id = c.batch_id LIMIT 200000`.execute(database.db);
    for (const c of sample.rows) paths.push(new URL(buildDigitalLink('http://bench', { key: 'gtin', gtin: c.gtin, lot: c.lot, serial: c.serial, attributes: { expiry: c.expiryDate } })).pathname + `?17=${encodeGs1Date(c.expiryDate)}`);
    const counts = await sql<{ events: number; codes: number }>`SELECT (SELECT count(*) FROM epcis_events) AS events, (SELECT count(*) FROM trace_codes) AS codes`.execute(database.db);
    const partitions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'epcis_events'::regclass`.execute(database.db);
    console.log(`database: ${DB_NAME}; ${Number(counts.rows[0]?.events).toLocaleString('en-US')} events in ${partitions.rows[0]?.n} partitions, ${Number(counts.rows[0]?.codes).toLocaleString('en-US')} codes; ${paths.length.toLocaleString('en-US')} code URLs to scan`);

    const app = await buildApp({ database, config: { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: url.toString(), logLevel: 'silent', publicBaseUrl: 'http://bench' }, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const before = await sql<{ n: number }>`SELECT coalesce(sum(scan_count), 0)::bigint AS n FROM trace_codes`.execute(database.db);

    await drive(base, paths, options.connections, 5); // warm-up: JIT, plans, caches
    /** A load phase with the CPU each side used per request: this process (the server), PostgreSQL, the load generator. */
    const phase = async (paths_: string[], rate?: number): Promise<LoadResult & { cpu: string }> => {
      const node = process.cpuUsage();
      const database_ = serverCpu(DB_NAME);
      const result = await drive(base, paths_, options.connections, options.duration, rate);
      const used = process.cpuUsage(node);
      const perRequest = (ms: number) => `${Math.round((ms * 1000) / Math.max(1, result.requests))} µs`;
      const cpu = `CPU per request: server ${perRequest((used.user + used.system) / 1000)}, PostgreSQL ${perRequest(database_() * 1000)}, load generator ${perRequest(result.loaderCpuMs)}`;
      return { ...result, cpu };
    };
    const health = await phase(['/healthz']);
    const scans = await phase(paths);
    const steady = await phase(paths, options.rate);
    await app.scanRecorder.flush();
    const after = await sql<{ n: number }>`SELECT coalesce(sum(scan_count), 0)::bigint AS n FROM trace_codes`.execute(database.db);
    await app.close();

    const line = (label: string, r: LoadResult & { cpu: string }) =>
      `  ${label.padEnd(30)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(7)} req/s   p50 ${r.p50} ms   p97.5 ${r.p975} ms   p99 ${r.p99} ms   max ${r.max} ms   (${r.non2xx} non-2xx, ${r.errors} errors)\n    ${r.cpu}`;
    console.log(`\nscan page, ${options.connections} connections, ${options.duration} s each, autocannon in a child process on the same 2 cores`);
    console.log(line('GET /healthz, flat out', health));
    console.log(line('GET /01/…/21/{serial}, flat out', scans));
    console.log(line(`GET /01/…/21/{serial} paced at ${options.rate.toLocaleString('en-US')}/s`, steady));
    console.log(`  scan / healthz: throughput ×${(scans.perSecond / health.perSecond).toFixed(2)}, p99 ×${(scans.p99 / Math.max(1, health.p99)).toFixed(1)}`);
    console.log(`  scans counted: ${(Number(after.rows[0]?.n) - Number(before.rows[0]?.n)).toLocaleString('en-US')} (warm-up included; ${(scans.requests + steady.requests).toLocaleString('en-US')} measured requests)`);
  } finally {
    await pool.end();
    await database.close();
    if (!options.keep) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

/**
 * Issuing one batch of item codes with the real job code (`issueCodeBatch`: random serials, chunks of
 * INSERT … unnest, progress per chunk), on in-memory PGlite or a scratch database on the PostgreSQL server,
 * at a few chunk sizes. Prints codes/s per run.
 *
 *   npm run bench -- issue-codes [--codes 1000000] [--pglite] [--chunks 5000,20000,50000]
 */
export async function benchIssueCodes(options: { codes: number; pglite: boolean; chunks: number[] }): Promise<void> {
  const { connectDatabase, migrateToLatest, seedJurisdictions, issueCodeBatch } = await import('@shian/core');
  const { buildProducer, batchRequest } = await import('@shian/core/trace/codes/codes-test-kit.ts');
  const { requestCodeBatch } = await import('@shian/core');
  const name = `shian_bench_issue_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (!options.pglite) {
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  }
  const database = await connectDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: 'memory://' });
  try {
    await migrateToLatest(database.db);
    await seedJurisdictions(database.db);
    const producer = await buildProducer(database.db);
    console.log(`issuing ${options.codes.toLocaleString('en-US')} codes in one batch on ${database.engine}`);
    for (const chunkSize of options.chunks) {
      const batch = await requestCodeBatch({ db: database.db, actor: producer.admin }, batchRequest(producer, { quantity: options.codes }));
      let chunks = 0;
      const t = performance.now();
      const result = await issueCodeBatch(database.db, batch.id, { chunkSize, onChunk: () => void (chunks += 1) });
      const ms = performance.now() - t;
      console.log(
        `  chunk ${chunkSize.toLocaleString('en-US').padStart(7)}: ${seconds(ms).padStart(7)}  ${Math.round((result.issued * 1000) / ms).toLocaleString('en-US')} codes/s  (${chunks} chunks, ${result.redrawn} redrawn)`,
      );
    }
  } finally {
    await database.close();
    if (databaseUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
