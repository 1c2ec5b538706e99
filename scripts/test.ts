import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { assertNode24 } from './node-version.ts';
import { buildWebIfStale } from './build-web.ts';

/**
 * `npm test`: the whole suite. Unit and integration tests on PGlite; the integration tests again on the
 * PostgreSQL server; the browser tests in Chromium against the started platform. Prints one closing line,
 * `N passed, N failed[, N skipped]`, counted from the runners' JSON reports, and exits non-zero on any failure.
 */
assertNode24();
const ROOT = new URL('..', import.meta.url).pathname;
const RESULTS = join(ROOT, '.tmp/results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const node = process.execPath;
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(node, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/**
 * The browser tests drive Debian's Chromium (no browser is ever downloaded). On a fresh Debian machine
 * where we are root, install it; elsewhere say what is missing.
 */
/**
 * A Debian package a test needs (Chromium for the browser tests, poppler-utils to read PDFs back): installed
 * with apt-get when missing and we are root, as on a fresh CI machine; otherwise the tests that need it say so.
 */
function ensureDebianTool(binary: string, debianPackage: string): void {
  if (existsSync(binary)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`\n=== installing ${debianPackage} from Debian (apt-get install ${debianPackage}) ===`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
  }
  if (!existsSync(binary)) console.error(`${binary} not found: install it (Debian: apt-get install -y ${debianPackage}).`);
}

function countVitest(file: string, label: string): void {
  if (!existsSync(file)) {
    failures.push(`${label}: no report (the runner crashed)`);
    total.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
    success: boolean;
  };
  total.passed += report.numPassedTests;
  // A failed suite without a failed test is a file that could not run at all: count it once.
  total.failed += report.numFailedTests > 0 ? report.numFailedTests : Math.min(report.numFailedTestSuites, 1);
  total.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests + report.numFailedTestSuites > 0) failures.push(`${label}: ${report.numFailedTests} failed tests, ${report.numFailedTestSuites} failed files`);
  else if (!report.success) {
    // Every test passed but the run was not clean (an unhandled error): that is a failure too.
    total.failed += 1;
    failures.push(`${label}: unhandled errors during the run`);
  }
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
const vitestArgs = (out: string, filter: string[] = []) => [vitest, 'run', ...filter, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];

// 1. Everything on the embedded database.
ensureDebianTool('/usr/bin/pdftotext', 'poppler-utils');
run('unit and integration tests on PGlite', vitestArgs(join(RESULTS, 'vitest-pglite.json')), { SHIAN_TEST_DATABASE_URL: '' });
countVitest(join(RESULTS, 'vitest-pglite.json'), 'PGlite');

// 2. The integration tests on the PostgreSQL server.
const pgUrl = process.env.SHIAN_TEST_DATABASE_URL ?? DEFAULT_PG;
if (process.env.SHIAN_TEST_PG === '0') {
  console.log('\nSHIAN_TEST_PG=0: the PostgreSQL server pass was not run.');
} else {
  const problem = await postgresReachable(pgUrl);
  if (problem) {
    failures.push(`PostgreSQL server at ${pgUrl} unreachable (${problem}); set SHIAN_TEST_DATABASE_URL, or SHIAN_TEST_PG=0 to leave it out`);
    total.failed += 1;
  } else {
    run('integration tests on the PostgreSQL server', vitestArgs(join(RESULTS, 'vitest-postgres.json'), ['.int.test.ts']), { SHIAN_TEST_DATABASE_URL: pgUrl });
    countVitest(join(RESULTS, 'vitest-postgres.json'), 'PostgreSQL');
  }
}

// 3. Browser tests against the started platform.
const specs = existsSync(join(ROOT, 'e2e/specs')) ? readdirSync(join(ROOT, 'e2e/specs')).filter((f) => f.endsWith('.spec.ts')) : [];
if (specs.length > 0) {
  ensureDebianTool(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium');
  buildWebIfStale();
  const e2eReport = join(RESULTS, 'e2e.json');
  run('browser tests in Chromium', [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--config', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  if (existsSync(e2eReport)) {
    const stats = (JSON.parse(readFileSync(e2eReport, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
    total.passed += stats.expected + stats.flaky;
    total.failed += stats.unexpected;
    total.skipped += stats.skipped;
    if (stats.unexpected > 0) failures.push(`browser: ${stats.unexpected} failed`);
  } else {
    failures.push('browser: no report (the runner crashed)');
    total.failed += 1;
  }
}

const line = `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(join(RESULTS, 'summary.txt'), `${line}\n`);
if (failures.length > 0) console.log(`\nFailures:\n  ${failures.join('\n  ')}`);
console.log(`\n${line}`);
process.exit(total.failed > 0 ? 1 : 0);
