import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYSTEM_ACTOR, computeGtinCheckDigit, makeUscc, type Actor } from '@shian/domain';
import {
  captureDocument,
  connectDatabase,
  createEnterprise,
  createPremises,
  createProduct,
  ensureEventPartitions,
  migrateToLatest,
  seedJurisdictions,
  type Database,
} from '@shian/core';
import { checkDocument } from '@shian/core/epcis/capture/capture-pipeline.ts';
import { normaliseEvent, type EventRow } from '@shian/core/epcis/capture/normalise-event.ts';
import { makerDocument, type MakerIdentity } from './epcis-document.ts';

/**
 * EPCIS capture throughput: one document of N events (default 200,000) of an infant-formula maker, captured
 * with `captureDocument` (schema validation, normalisation, platform rules, store, one transaction), against
 * the bare `COPY epcis_events FROM STDIN` of the same rows, on an empty table each time. Prints schema
 * validation events/s, end-to-end capture events/s, COPY rows/s and the ratio.
 *
 *   npm run bench -- epcis-capture [--events 200000] [--pglite]
 * Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create a fresh database,
 * dropped at the end; --pglite runs in-memory PGlite instead (no COPY there).
 */
export async function benchEpcisCapture(options: { events: number; pglite: boolean }): Promise<void> {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `shian_bench_epcis_${randomBytes(4).toString('hex')}`;
  let url: string | undefined;
  if (!options.pglite) {
    await admin(serverUrl, `CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const database = await connectDatabase(url ? { databaseUrl: url, poolSize: 2 } : { dataDir: 'memory://' });
  try {
    await migrateToLatest(database.db);
    await seedJurisdictions(database.db);
    await ensureEventPartitions(database.db);
    const { actor, maker } = await setUpMaker(database);
    console.log(`database: ${database.engine} ${url ? name : 'memory'}; ${options.events} events`);

    // Warm-up (JIT, plans), then an empty table.
    await captureDocument({ db: database.db, actor }, makerDocument(maker, 5000));
    await sql`TRUNCATE epcis_events`.execute(database.db);

    const document = makerDocument(maker, options.events);
    const text = JSON.stringify(document);
    console.log(`document: ${(text.length / 1048576).toFixed(1)} MiB`);

    let t = performance.now();
    const parsed: unknown = JSON.parse(text);
    const parseMs = performance.now() - t;

    t = performance.now();
    const checked = checkDocument(parsed, 'zh-CN');
    const checkMs = performance.now() - t;
    if (checked.errors.length > 0) throw new Error(`the generated document has errors: ${JSON.stringify(checked.errors.slice(0, 3))}`);

    t = performance.now();
    const cpu = process.cpuUsage();
    const dbCpu = serverCpu(name);
    const result = await captureDocument({ db: database.db, actor }, parsed, { rawText: text });
    const captureMs = performance.now() - t;
    const captureCpu = process.cpuUsage(cpu);
    const captureDbCpu = dbCpu();
    if (result.status !== 'done' || result.captured !== options.events) throw new Error(`capture: ${JSON.stringify({ ...result, errors: result.errors.slice(0, 3) })}`);

    const perSecond = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en-US')}/s`;
    console.log(`\nEPCIS capture, ${options.events.toLocaleString('en-US')} events in one document`);
    console.log(`  JSON.parse of the document        ${(parseMs / 1000).toFixed(2)} s  ${perSecond(options.events, parseMs)}`);
    console.log(`  schema validation (Ajv)           ${(checkMs / 1000).toFixed(2)} s  ${perSecond(options.events, checkMs)} events`);
    console.log(`  captureDocument end to end        ${(captureMs / 1000).toFixed(2)} s  ${perSecond(options.events, captureMs)} events (validation, rules, store, one transaction)`);
    const nodeCpu = (captureCpu.user + captureCpu.system) / 1e6;
    if (database.engine === 'pglite') console.log(`    CPU: this process ${nodeCpu.toFixed(2)} s (PGlite runs in it)`);
    else console.log(`    CPU: this process ${nodeCpu.toFixed(2)} s, its database backends ${captureDbCpu.toFixed(2)} s (wall minus the larger: waiting for a core)`);
    if (captureDbCpu > 0) console.log(`    events per second of the busier side's CPU: ${perSecond(options.events, Math.max(nodeCpu, captureDbCpu) * 1000)} (what an otherwise idle 2-core machine allows)`);

    if (database.engine === 'postgres' && url) {
      await sql`TRUNCATE epcis_events`.execute(database.db);
      const rows = eventsOf(parsed).map((e, i) => normaliseEvent(e, `/epcisBody/eventList/${i}`, new Date()).row);
      t = performance.now();
      const copyCpu = await copyRows(url, rows, { captureId: result.captureId, enterpriseId: actor.enterpriseId ?? '', jurisdictionCode: maker.jurisdictionCode }, () => serverCpu(name));
      const copyMs = performance.now() - t;
      console.log(`  COPY of the same rows             ${(copyMs / 1000).toFixed(2)} s  ${perSecond(options.events, copyMs)} rows`);
      console.log(`    CPU: database backend ${copyCpu.toFixed(2)} s: ${perSecond(options.events, copyCpu * 1000)} rows per database CPU-second`);
      console.log(`  capture / COPY                    ${((copyMs / captureMs) * 100).toFixed(0)} % of COPY's rate`);
    }
  } finally {
    await database.close();
    if (url) await admin(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}

/**
 * CPU ticks used so far by each PostgreSQL backend serving `database` on this machine (their process titles
 * name it), from /proc; empty when the server is elsewhere. Background writers are not counted.
 */
function serverCpuTicks(database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks.set(pid, Number(fields[11] ?? 0) + Number(fields[12] ?? 0)); // utime, stime (fields 14 and 15 of stat)
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc: not Linux
  }
  return ticks;
}

/** Starts measuring the CPU of `database`'s backends; the function returned gives the seconds used since. */
function serverCpu(database: string): () => number {
  const before = serverCpuTicks(database);
  return () => {
    let ticks = 0;
    // Backends that ended meanwhile (idle pool connections) used nothing worth counting.
    for (const [pid, now] of serverCpuTicks(database)) ticks += now - (before.get(pid) ?? 0);
    return ticks / 100; // USER_HZ
  };
}

const eventsOf = (document: unknown): Record<string, unknown>[] => (document as { epcisBody: { eventList: Record<string, unknown>[] } }).epcisBody.eventList;

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A GS1 key (GTIN, GLN) from its digits without the check digit. */
const withCheck = (body: string): string => `${body}${computeGtinCheckDigit(body)}`;

/** A maker in 浦东 with its factory and distribution centre (GLNs) and three infant-formula stages (GTINs). */
async function setUpMaker(database: Database): Promise<{ actor: Actor; maker: MakerIdentity & { jurisdictionCode: string } }> {
  const system = { db: database.db, actor: SYSTEM_ACTOR };
  const jurisdictionCode = '310115';
  const enterprise = await createEnterprise(system, {
    uscc: makeUscc('91', '310115', 424_242),
    name: '上海基准乳业有限公司',
    legalRepresentative: '王建国',
    kinds: ['producer'],
    jurisdictionCode,
    address: '上海市浦东新区基准路1号',
    phone: '021-58880000',
  });
  const factoryGln = withCheck('690424200001');
  const dcGln = withCheck('690424200002');
  await createPremises(system, enterprise.id, { name: '婴配乳粉工厂', address: '上海市浦东新区基准路1号', kind: 'production', jurisdictionCode, gln: factoryGln });
  await createPremises(system, enterprise.id, { name: '华东配送中心', address: '上海市浦东新区基准路9号', kind: 'warehouse', jurisdictionCode, gln: dcGln });
  const gtins = ['0690424200011', '0690424200012', '0690424200013'].map(withCheck);
  for (const [i, gtin] of gtins.entries()) {
    await createProduct(system, enterprise.id, {
      name: `基准牌婴儿配方奶粉（${i + 1}段）`,
      category: 'infant_formula',
      registrationNumber: `国食注字YP2023${String(1000 + i).padStart(4, '0')}`,
      functions: [],
      gtins: [gtin],
      specification: '800克/罐',
    });
  }
  const actor: Actor = { userId: null, username: 'apikey:bench', role: 'enterprise_staff', jurisdictionCode: null, enterpriseId: enterprise.id };
  return { actor, maker: { gtins, factoryGln, dcGln, companyPrefix: '6904242', jurisdictionCode } };
}

// ------------------------------------------------------------------------------------------ COPY

const COPY_COLUMNS =
  'record_time, enterprise_id, jurisdiction_code, capture_id, event_time, event_time_zone_offset, event_id, event_type, action, biz_step, disposition, ' +
  'read_point, biz_location, transformation_id, error_reason, persistent_set, persistent_unset, epc_list, parent_id, child_epcs, input_epcs, output_epcs, ' +
  'any_epcs, any_classes, destinations, doc';

/** A value in COPY text format. */
const field = (value: string | null): string => (value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const array = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** The same rows through `COPY … FROM STDIN` (text format), in one transaction; resolves to the database CPU seconds it took. */
async function copyRows(url: string, rows: readonly EventRow[], target: { captureId: string; enterpriseId: string; jurisdictionCode: string }, measure: () => () => number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cpuSince = measure();
  const recordTime = new Date().toISOString();
  function* lines(): Generator<string> {
    let chunk = '';
    for (const [i, r] of rows.entries()) {
      chunk +=
        [
          recordTime,
          target.enterpriseId,
          target.jurisdictionCode,
          target.captureId,
          r.event_time,
          r.event_time_zone_offset,
          r.event_id,
          r.event_type,
          r.action,
          r.biz_step,
          r.disposition,
          r.read_point,
          r.biz_location,
          r.transformation_id,
          r.error_reason,
          array(r.persistent_set),
          array(r.persistent_unset),
          array(r.epc_list),
          r.parent_id,
          array(r.child_epcs),
          array(r.input_epcs),
          array(r.output_epcs),
          array(r.any_epcs),
          array(r.any_classes),
          array(r.destinations),
          JSON.stringify(r.doc),
        ]
          .map(field)
          .join('\t') + '\n';
      if (i % 1000 === 999) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    await client.query('BEGIN');
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY epcis_events (${COPY_COLUMNS}) FROM STDIN`)));
    await client.query('COMMIT');
    return cpuSince();
  } finally {
    await client.end();
  }
}
