import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { refreshStatistics } from '../db/maintenance.ts';
import { seedJurisdictions } from '../jurisdiction/jurisdiction-queries.ts';
import type { DemoOptions } from '../demo/load-demo.ts';
import { today } from '../registry/guards.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../demo/demo-accounts.ts';
import { ensureEventPartitions, type PartitionResult } from '../epcis/capture/event-partitions.ts';
import { ensureReadingPartitions } from '../monitoring/reading-partitions.ts';
import { releaseOrphanedJobs } from '../jobs/job-queue.ts';

export interface PrepareResult {
  migrations: string[];
  demoLoaded: boolean;
  /** Monthly partitions of the EPCIS events made (or left in the default partition) at this start. */
  eventPartitions: PartitionResult;
  readingPartitions: PartitionResult;
}

/**
 * What every start does before serving: migrate, refresh the reference data (jurisdictions), and on an
 * empty registry load the demo city when asked. Later starts keep what is there.
 */
export async function prepareDatabase(database: Database, options: { demo: DemoOptions | null }): Promise<PrepareResult> {
  const migrations = await migrateToLatest(database.db);
  await seedJurisdictions(database.db);
  const eventPartitions = await ensureEventPartitions(database.db);
  const readingPartitions = await ensureReadingPartitions(database.db);
  // PGlite: this process owns the data directory, so jobs a killed process left running are orphans (job-queue.ts).
  if (database.engine === 'pglite') await releaseOrphanedJobs(database.db);
  let demoLoaded = false;
  if (options.demo) {
    const loaded = await database.db.selectFrom('settings').select('key').where('key', '=', 'demo.loaded').executeTakeFirst();
    const { n } = await database.db.selectFrom('enterprises').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    if (!loaded && Number(n) === 0) {
      // Loaded on demand: the generator's word lists are only needed on a first demo start.
      const { loadDemoData, DEFAULT_DEMO_SEED } = await import('../demo/load-demo.ts');
      const { loadDemoSupervision } = await import('../demo/demo-supervision.ts');
      await loadDemoData(database.db, options.demo);
      await loadDemoSupervision(database.db, { seed: options.demo.seed ?? DEFAULT_DEMO_SEED, asOf: options.demo.asOf ?? today() });
      const { loadDemoRecords } = await import('../demo/demo-records.ts');
      await loadDemoRecords(database.db, { asOf: options.demo.asOf ?? today() });
      await refreshStatistics(database.db);
      demoLoaded = true;
    }
  }
  return { migrations, demoLoaded, eventPartitions, readingPartitions };
}

/** Demo accounts that still have the published demo password (production refuses to start with any). */
export async function findDemoPasswordAccounts(database: Database): Promise<string[]> {
  const users = await database.db.selectFrom('users').select(['username', 'passwordHash']).where('username', 'in', [...DEMO_USERNAMES]).execute();
  const found: string[] = [];
  for (const user of users) {
    if (await verifyPassword(user.passwordHash, DEMO_PASSWORD)) found.push(user.username);
  }
  return found;
}
