import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data lives: a directory (PGlite) or the server URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A PostgreSQL server (`postgres://…`). When absent, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay ISO strings (a licence valid until 2026-05-01 is a calendar date, not an instant in some zone);
// bigint counts become numbers (they never pass 2^53 here).
pg.types.setTypeParser(DATE_OID, (value: string) => value);
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value: string) => Number(value));

const pgliteParsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

/** The pools of PostgreSQL server databases, by their Kysely: for work that needs a connection itself. */
const serverPools = new WeakMap<Db, pg.Pool>();

/**
 * Runs `fn` holding one connection of the server's pool for the whole call: `db` is a Kysely on that
 * connection alone (its transactions run there) and `client` the connection itself, for what Kysely cannot
 * send (`COPY … FROM STDIN`). On PGlite (one connection, no COPY from the client) `fn` gets the database
 * as it is and no client. A connection that saw an error is closed rather than pooled again.
 */
export async function withOwnConnection<T>(db: Db, fn: (db: Db, client: pg.PoolClient | null) => Promise<T>): Promise<T> {
  const pool = serverPools.get(db);
  if (!pool) return fn(db, null);
  const client = await pool.connect();
  // Kysely releases its connection after each transaction; the connection is ours until `fn` ends.
  const held = { query: client.query.bind(client), release: () => undefined } as unknown as pg.PoolClient;
  const heldPool = { options: pool.options, connect: async () => held, end: async () => undefined };
  const own = new Kysely<DB>({ dialect: new PostgresDialect({ pool: heldPool }), plugins: [new CamelCasePlugin()] });
  let failed = false;
  try {
    return await fn(own, client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
  }
}

/** Opens the platform's database: PGlite in `dataDir` by default, a PostgreSQL server when a URL is given. */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c TimeZone=Asia/Shanghai' });
    // An idle connection the server closes (restart, failover) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    serverPools.set(db, pool);
    const url = new URL(options.databaseUrl);
    url.password = '';
    return { db, engine: 'postgres', location: url.toString(), close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? './data/pglite';
  const isMemory = dataDir.startsWith('memory://');
  const location = isMemory ? dataDir : resolve(dataDir);
  if (!isMemory) mkdirSync(location, { recursive: true });
  const pglite = await PGlite.create(location, { parsers: pgliteParsers });
  await pglite.exec("SET TIME ZONE 'Asia/Shanghai'");
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins });
  return {
    db,
    engine: 'pglite',
    location,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
