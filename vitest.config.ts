import { defineConfig } from 'vitest/config';
import { TEST_NODE_FLAGS } from './tests/support/server-process.js';

// Domain and route tests. Route tests build the app against a real database: a fresh PGlite per
// test file, or, with TEST_DATABASE_URL set, a fresh database on that PostgreSQL server (and then
// only the tests that reach a database: the domain tests ran with the PGlite run).
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: [
      // The domain rules and the built server's own checks touch no database: they run once, with the
      // embedded database's run.
      ...(process.env.TEST_DATABASE_URL ? [] : ['tests/domain/**/*.test.ts', 'tests/built/**/*.test.ts']),
      'tests/routes/**/*.test.ts',
      'tests/faults/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's process (no fresh module graph per file): route files do not
    // pay for loading the server and PGlite again (PGlite tier 310 s → 146 s, PostgreSQL 193 s → 93 s).
    // Every test file builds its own app and database, so no state is shared between files.
    // Node's flags for tests (TEST_NODE_FLAGS: PGlite's WebAssembly compiled by V8's baseline compiler only).
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false, execArgv: TEST_NODE_FLAGS } },
  },
});
