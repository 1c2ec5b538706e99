import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with SHIAN_TEST_DATABASE_URL a
 * new database on that PostgreSQL server, dropped again on close. Jurisdictions are loaded; nothing else.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.SHIAN_TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `shian_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await connectDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    drop = () => dropDatabase(serverUrl, name);
  } else {
    database = await connectDatabase({ dataDir: 'memory://' });
  }
  if (options.migrate !== false) {
    await migrateToLatest(database.db);
    await seedJurisdictions(database.db);
  }
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      if (drop) await drop();
    },
  };
}

/**
 * Drops a test database once its connections are gone. A forced drop would terminate connections that are
 * still closing, and their clients would report the termination as an unhandled error.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006: still being accessed by another connection that is on its way out.
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
