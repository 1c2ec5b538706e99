/**
 * A manual check of the query plans of the EPCIS query interface (查询) on a PostgreSQL server with a large
 * `epcis_events` table: it creates a database of its own, loads N events (default 1,000,000; generated in the
 * server with `generate_series`), analyses, runs `queryEvents` for a few typical queries and prints
 * `EXPLAIN (ANALYZE, BUFFERS)` of the very SQL it sent, then drops the database.
 *
 *   node packages/core/src/epcis/query/query-plan-check.ts [events] [postgres://…/postgres]
 *
 * What to look for: MATCH_anyEPC and MATCH_anyEPCClass start from a Bitmap Index Scan on
 * `epcis_events_default_any_epcs_idx` / `…_any_classes_idx` (the GIN indexes), never a sequential scan or a
 * walk of the order index; the sensor filters (EQ_type…) are a Filter on rows the scope and time found.
 */
import { CamelCasePlugin, Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { SYSTEM_ACTOR, computeGtinCheckDigit, type Actor } from '@shian/domain';
import { migrateToLatest } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { queryEvents } from './event-query.ts';

const events = Number(process.argv[2] ?? 1_000_000);
const serverUrl = process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'shian_query_plan_check';
/** GTIN-14 number n (0–49) of maker 6901234. */
const GTIN = (n: number): string => {
  const body = `069012340${String(n).padStart(4, '0')}`;
  return `${body}${computeGtinCheckDigit(body)}`;
};
const GTINS = Array.from({ length: 50 }, (_, n) => GTIN(n));

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`DROP DATABASE IF EXISTS ${NAME}`);
await admin(`CREATE DATABASE ${NAME}`);
const url = new URL(serverUrl);
url.pathname = `/${NAME}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
const sent: CompiledQuery[] = [];
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log: (e) => void (e.level === 'query' && sent.push(e.query)) });
try {
  await migrateToLatest(db);
  const started = Date.now();
  // 100 enterprises in 4 districts; each event holds two items of one of 50 GTINs, its GTIN and lot classes.
  await pool.query(`
    INSERT INTO epcis_events (record_time, event_time, event_time_zone_offset, event_id, event_type, action, biz_step, epc_list, any_epcs, any_classes, enterprise_id, jurisdiction_code, capture_id, doc)
    SELECT now() - make_interval(secs => g), now() - make_interval(secs => g + 60), '+08:00', 'urn:uuid:' || md5(g::text), 'ObjectEvent', 'OBSERVE',
      (ARRAY['receiving','shipping','storing'])[1 + g % 3],
      ARRAY[item_a, item_b], ARRAY[item_a, item_b], ARRAY[gtin_class, gtin_class || '/10/L' || (g / 5000)],
      ('00000000-0000-4000-8000-' || lpad((g % 100)::text, 12, '0'))::uuid,
      (ARRAY['310115007','310101002','310104003','310112001'])[1 + g % 4],
      '00000000-0000-4000-8000-000000000000',
      jsonb_build_object('type', 'ObjectEvent', 'action', 'OBSERVE', 'epcList', jsonb_build_array(item_a, item_b))
    FROM (
      SELECT g, 'https://id.gs1.org/01/' || gtin AS gtin_class,
        'https://id.gs1.org/01/' || gtin || '/21/A' || g AS item_a,
        'https://id.gs1.org/01/' || gtin || '/21/B' || g AS item_b
      FROM generate_series(1, ${events}) AS g, LATERAL (SELECT ($1::text[])[1 + g % 50] AS gtin) AS t
    ) AS x`, [GTINS]);
  await pool.query('ANALYZE epcis_events');
  console.log(`loaded ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const city: Actor = SYSTEM_ACTOR;
  const enterprise: Actor = { userId: null, username: 'apikey:check', role: 'enterprise_staff', jurisdictionCode: null, enterpriseId: '00000000-0000-4000-8000-000000000042', apiKeyId: 'check' };
  const item = `https://id.gs1.org/01/${GTIN(42)}/21/A742042`;
  const checks: [string, Actor, Record<string, string>][] = [
    ['MATCH_anyEPC, city scope, default order', city, { MATCH_anyEPC: item }],
    ['MATCH_anyEPC, an enterprise (API key), latest first', enterprise, { MATCH_anyEPC: item, orderBy: 'eventTime' }],
    ['MATCH_epc, pattern of a GTIN, city scope', city, { MATCH_epc: 'urn:epc:idpat:sgtin:6901234.000042.*', GE_eventTime: new Date(Date.now() - 3_600_000).toISOString() }],
    ['MATCH_anyEPCClass, a lot', city, { MATCH_anyEPCClass: `https://id.gs1.org/01/${GTIN(7)}/10/L3`, perPage: '100' }],
    // Sensor filters: jsonb containment on doc->'sensorElementList', which no index serves (a Filter line).
    ['EQ_type, an enterprise, last hour', enterprise, { EQ_type: 'Temperature', GE_recordTime: new Date(Date.now() - 3_600_000).toISOString() }],
  ];
  for (const [name, actor, params] of checks) {
    sent.length = 0;
    const page = await queryEvents({ db, actor }, params, { pageTokenSecret: 'plan-check', locale: 'en-US' });
    const query = sent.at(-1);
    if (!query) throw new Error('no query was sent');
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query.sql}`, [...query.parameters]);
    console.log(`\n== ${name}: ${page.events.length} event(s)`);
    for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(row['QUERY PLAN']);
  }
} finally {
  await db.destroy();
  await admin(`DROP DATABASE IF EXISTS ${NAME}`);
}
