import { defineConfig } from 'vitest/config';

// One runner for unit and integration tests. Integration tests (`*.int.test.ts`) use PGlite by default and
// the PostgreSQL server when SHIAN_TEST_DATABASE_URL is set (each test file gets its own fresh database).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
