import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { ROLES, SYSTEM_ACTOR, type Role } from '@shian/domain';
import {
  backupDatabase,
  connectDatabase,
  createUser,
  migrateToLatest,
  migrationStatus,
  prepareDatabase,
  refreshStatistics,
  restoreDatabase,
  seedJurisdictions,
  today,
  verifyAuditChain,
  verifyStoredDraw,
  scheduleRecurringJobs,
  startJobWorker,
  PLATFORM_JOBS,
  type Database,
} from '@shian/core';
import { loadConfig } from '../config.ts';
import { runImportCommand } from './import-command.ts';
import { runSimulateFleet } from './simulate-fleet-command.ts';

const HELP = `Shian operator commands:  npm run shian -- <command> [options]

  migrate                         apply pending migrations
  status                          list migrations and whether each is applied
  demo [--sellers N]              load the demo city into an empty registry (default 3000 sellers)
  create-user --username U --password P --role R [--jurisdiction CODE] [--enterprise ID] [--name NAME]
                                  roles: ${ROLES.filter((r) => r !== 'public').join(', ')}
  import FILE --kind enterprises|licences|products [--apply]
                                  preview a spreadsheet import (xlsx or csv); --apply applies it if it has no errors
  verify-audit                    walk the audit chain; names the first altered or removed entry (exit 1 if any)
  verify-draw NUMBER|ID            re-run a published random draw from its stored input and compare (exit 1 if it differs)
  run-jobs                        run every due background job now (re-grades, deadline sweep) and exit
  simulate-fleet [--url mqtt://127.0.0.1:1884] [--interval 10] [--minutes N]
                                  play the demo devices (智慧监管) on a broker: a reading per device every
                                  --interval seconds with the demo scenario, for N minutes (default until Ctrl-C).
                                  In demo mode the platform runs this simulator itself (SHIAN_SIMULATOR=off stops it).
                                  The devices are read from the database: an embedded one (PGlite) belongs to one
                                  process, so read it while the platform is stopped, or use DATABASE_URL
  backup FILE                     write a consistent logical backup (gzip JSON lines)
  restore FILE                    restore a backup into an empty database

The database is the one the platform uses: DATABASE_URL, or PGlite in SHIAN_DATA_DIR (default ./data).`;

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      sellers: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      jurisdiction: { type: 'string' },
      enterprise: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      apply: { type: 'boolean' },
      url: { type: 'string' },
      interval: { type: 'string' },
      minutes: { type: 'string' },
    },
  });
  switch (command) {
    case 'migrate':
      return withDatabase(async ({ db }) => {
        const applied = await migrateToLatest(db);
        await seedJurisdictions(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
        return 0;
      });
    case 'status':
      return withDatabase(async ({ db }) => {
        for (const m of await migrationStatus(db)) console.log(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}`);
        return 0;
      });
    case 'demo':
      return withDatabase(async (database) => {
        await prepareDatabase(database, { demo: null });
        const { n } = await database.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(n) > 0) {
          console.error('the registry is not empty: demo data loads only into an empty registry');
          return 1;
        }
        const { loadDemoData } = await import('@shian/core/demo/load-demo.ts');
        const summary = await loadDemoData(database.db, { sellers: Number(values.sellers ?? 3000) });
        const { loadDemoSupervision } = await import('@shian/core/demo/demo-supervision.ts');
        const { DEFAULT_DEMO_SEED } = await import('@shian/core/demo/load-demo.ts');
        Object.assign(summary, await loadDemoSupervision(database.db, { seed: DEFAULT_DEMO_SEED, asOf: today() }));
        const { loadDemoRecords } = await import('@shian/core/demo/demo-records.ts');
        Object.assign(summary, await loadDemoRecords(database.db, { asOf: today() }));
        await refreshStatistics(database.db);
        console.log(JSON.stringify(summary));
        return 0;
      });
    case 'create-user':
      return withDatabase(async ({ db }) => {
        const role = values.role as Role;
        if (!values.username || !values.password || !ROLES.includes(role)) {
          console.error('create-user needs --username, --password and a valid --role');
          return 2;
        }
        const user = await createUser(
          { db, actor: SYSTEM_ACTOR },
          {
            username: values.username,
            displayName: values.name ?? values.username,
            password: values.password,
            role,
            jurisdictionCode: values.jurisdiction ?? null,
            enterpriseId: values.enterprise ?? null,
          },
        );
        console.log(`created ${user.username} (${user.role})`);
        return 0;
      });
    case 'import':
      return withDatabase((database) => runImportCommand(database, positionals[0], values.kind, values.apply === true));
    case 'verify-audit':
      return withDatabase(async ({ db }) => {
        const report = await verifyAuditChain(db);
        if (report.ok) {
          console.log(`audit chain intact: ${report.entries} entries, head at ${report.headSeq}`);
          return 0;
        }
        const p = report.firstProblem;
        if (p?.kind === 'altered') console.error(`audit chain broken: entry ${p.seq} was altered`);
        if (p?.kind === 'removed') console.error(`audit chain broken: entries removed between ${p.afterSeq} and ${p.beforeSeq}`);
        if (p?.kind === 'truncated') console.error(`audit chain broken: entries after ${p.lastSeq} removed (head says ${p.headSeq})`);
        return 1;
      });
    case 'verify-draw':
      if (!positionals[0]) return usage();
      return withDatabase(async ({ db }) => {
        const key = positionals[0] ?? '';
        const draw = await db.selectFrom('draws').select(['id', 'number']).where((eb) => eb.or([eb('number', '=', key), eb(eb.cast('id', 'text'), '=', key)])).executeTakeFirst();
        if (!draw) {
          console.error(`no draw ${key}`);
          return 1;
        }
        const report = await verifyStoredDraw(db, draw.id);
        if (report.matches) console.log(`draw ${draw.number}: re-run matches the published outcome`);
        else console.error(`draw ${draw.number} differs:\n  ${report.differences.join('\n  ')}`);
        return report.matches ? 0 : 1;
      });
    case 'run-jobs':
      return withDatabase(async ({ db }) => {
        await scheduleRecurringJobs(db);
        const worker = startJobWorker(db, PLATFORM_JOBS, { pollMs: 0 });
        console.log(`ran ${await worker.drain()} job(s)`);
        await worker.stop();
        return 0;
      });
    case 'simulate-fleet':
      return runSimulateFleet({ url: values.url, interval: values.interval, minutes: values.minutes }, async () => {
        const { findDemoFleet } = await import('@shian/core/demo/demo-monitoring.ts');
        // The devices are read, then the database is closed: the simulator needs only the broker.
        return withDatabase(({ db }) => findDemoFleet(db));
      });
    case 'backup':
      if (!positionals[0]) return usage();
      return withDatabase(async ({ db }) => {
        console.log(JSON.stringify(await backupDatabase(db, positionals[0] ?? '')));
        return 0;
      });
    case 'restore':
      if (!positionals[0]) return usage();
      return withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        const { n } = await db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(n) > 0) {
          console.error('restore needs an empty database (point SHIAN_DATA_DIR or DATABASE_URL at a new one)');
          return 1;
        }
        console.log(JSON.stringify(await restoreDatabase(db, positionals[0] ?? '')));
        return 0;
      });
    default:
      return usage();
  }
}

function usage(): number {
  console.log(HELP);
  return 2;
}

process.exitCode = await run(process.argv.slice(2));
