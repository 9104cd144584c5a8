import { defineConfig } from 'vitest/config';

// Domain and route tests. Route tests build the app against a real database: a fresh PGlite per
// test file, or, with TEST_DATABASE_URL set, a fresh database on that PostgreSQL server.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/domain/**/*.test.ts', 'tests/routes/**/*.test.ts', 'tests/faults/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
