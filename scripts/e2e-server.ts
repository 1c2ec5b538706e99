import { rmSync } from 'node:fs';
import { join } from 'node:path';

// The platform as the browser tests see it: a fresh embedded database with a small demo city.
const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, '.tmp/e2e-data');
rmSync(dataDir, { recursive: true, force: true });
process.env.SHIAN_DATA_DIR = dataDir;
process.env.PORT = process.env.SHIAN_E2E_PORT ?? '3100';
process.env.HOST = '127.0.0.1';
process.env.SHIAN_DEMO = '1';
process.env.SHIAN_DEMO_SELLERS ??= '400';
process.env.LOG_LEVEL ??= 'warn';
await import('../packages/server/src/main.ts');
