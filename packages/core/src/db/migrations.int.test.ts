import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MIGRATIONS } from 'kysely/migration';
import { createTestDatabase } from '../testing/test-database.ts';
import type { Database } from './connect.ts';
import { migrateToLatest, migratorFor } from './migrate.ts';
import { describeSchema } from './schema-catalog.ts';

// The schema that the migrations produce, as both engines describe it. The same snapshot is checked on
// PGlite and on the PostgreSQL server, so a test run on both proves the engines end up identical.
// After a new migration: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run packages/core/src/db/migrations.int.test.ts
const SNAPSHOT = new URL('./schema.snapshot.txt', import.meta.url);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(async () => database.close());

describe('migrations', () => {
  it('apply to an empty database and produce the recorded schema', async () => {
    await migrateToLatest(database.db);
    const schema = (await describeSchema(database.db)).join('\n');
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, `${schema}\n`);
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8').trimEnd());
  });

  it('roll back to nothing and apply again to the same schema', async () => {
    const before = await describeSchema(database.db);
    const down = await migratorFor(database.db).migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const empty = await describeSchema(database.db);
    expect(empty.filter((line) => !line.includes('schema_migrations'))).toEqual([]);
    await migrateToLatest(database.db);
    expect(await describeSchema(database.db)).toEqual(before);
  });
});
