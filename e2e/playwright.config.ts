import { defineConfig } from '@playwright/test';

// Browser tests against the real platform (demo city on a fresh embedded database) in Debian's Chromium;
// no browser is downloaded. The server is started by Playwright and stopped after the run.
export const PORT = Number(process.env.SHIAN_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The JSON report goes to a file (npm test names it through PLAYWRIGHT_JSON_OUTPUT_NAME), not to stdout.
  reporter: [['list'], ['json', { outputDir: '../.tmp', fileName: 'e2e-report.json' }]],
  outputDir: '../.tmp/e2e-output',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    // DOM snapshots only: the screencast of `trace: 'retain-on-failure'` more than doubled every test's time on
    // a 2-core machine (the browser and the server share the CPU).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `"${process.execPath}" scripts/e2e-server.ts`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { SHIAN_E2E_PORT: String(PORT) },
  },
});
