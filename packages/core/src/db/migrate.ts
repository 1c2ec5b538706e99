import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './connect.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as inspection from './migrations/0002-inspection.ts';
import * as trace from './migrations/0003-trace.ts';
import * as duties from './migrations/0004-duties.ts';
import * as selfInspection from './migrations/0005-self-inspection.ts';
import * as training from './migrations/0006-training.ts';
import * as traceScanReads from './migrations/0007-trace-scan-reads.ts';
import * as monitoring from './migrations/0008-monitoring.ts';
import * as cameraEvents from './migrations/0009-camera-events.ts';

/** Every migration, in order. A new one is added here with the next number; names never change once released. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-inspection': inspection,
  '0003-trace': trace,
  '0004-duties': duties,
  '0005-self-inspection': selfInspection,
  '0006-training': training,
  '0007-trace-scan-reads': traceScanReads,
  '0008-monitoring': monitoring,
  '0009-camera-events': cameraEvents,
};

export function migratorFor(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** Brings the schema to the latest migration. Throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await migratorFor(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migration names with whether each has been applied. */
export async function migrationStatus(db: Db): Promise<{ name: string; executedAt: Date | undefined }[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
