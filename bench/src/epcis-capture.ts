import { randomBytes } from 'node:crypto';
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
import { COPY_STATEMENT, copyLine, copyPrefix } from '@shian/core/epcis/capture/copy-events.ts';
import { normaliseEvent, type EventRow } from '@shian/core/epcis/capture/normalise-event.ts';
import { makerDocument, type MakerIdentity } from './epcis-document.ts';
import { adminStatement } from './admin-sql.ts';
import { serverCpu } from './server-cpu.ts';

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
    await adminStatement(serverUrl, `CREATE DATABASE ${name}`);
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
    if (url) await adminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}

const eventsOf = (document: unknown): Record<string, unknown>[] => (document as { epcisBody: { eventList: Record<string, unknown>[] } }).epcisBody.eventList;


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

/**
 * The same rows through `COPY … FROM STDIN` (text format, the capture's own encoder), in one transaction of a
 * client of its own; resolves to the database CPU seconds it took.
 */
async function copyRows(url: string, rows: readonly EventRow[], target: { captureId: string; enterpriseId: string; jurisdictionCode: string }, measure: () => () => number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cpuSince = measure();
  const prefix = copyPrefix({ ...target, recordTime: new Date() });
  function* lines(): Generator<string> {
    let chunk = '';
    for (const [i, r] of rows.entries()) {
      chunk += copyLine(prefix, r);
      if (i % 1000 === 999) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    await client.query('BEGIN');
    await pipeline(Readable.from(lines()), client.query(copyFrom(COPY_STATEMENT)));
    await client.query('COMMIT');
    return cpuSince();
  } finally {
    await client.end();
  }
}
