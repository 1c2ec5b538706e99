import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Production mode refuses unsafe starts and says why, as a person starting the process would see it.
const MAIN = new URL('./main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'shian-production-'));
const port = 3800 + Math.floor(Math.random() * 90);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(env: Record<string, string>, stopWhenReady = false): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [MAIN], {
      env: { ...process.env, SHIAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopWhenReady && output.includes('is ready at')) proc.kill('SIGTERM');
    };
    proc.stdout.on('data', collect);
    proc.stderr.on('data', collect);
    proc.once('exit', (code) => resolve({ code, output }));
  });
}

describe('production mode', { timeout: 240_000 }, () => {
  it('refuses to start without a session secret, and says which variable to set', async () => {
    const { code, output } = await run({ NODE_ENV: 'production', SHIAN_SESSION_SECRET: '' });
    expect(code).toBe(78);
    expect(output).toContain('SHIAN_SESSION_SECRET');
  });

  it('refuses to start while demo accounts keep the demo password, naming them', async () => {
    const demo = await run({ SHIAN_DEMO: '1', SHIAN_DEMO_SELLERS: '20' }, true);
    expect(demo.code).toBe(0);
    expect(demo.output).toContain('demo logins');
    const { code, output } = await run({ NODE_ENV: 'production', SHIAN_SESSION_SECRET: 'p'.repeat(48) });
    expect(code).toBe(78);
    expect(output).toMatch(/demo password \(.*city-admin.*\)/);
    expect(output).toMatch(/\d+ demo devices still sign in with the published demo key/);
  });
});
