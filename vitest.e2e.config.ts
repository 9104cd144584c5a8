import { configDefaults, defineConfig } from 'vitest/config';
import { SHARED_JOURNEYS } from './vitest.cluster.config.js';

// End-to-end journeys in Debian's Chromium through playwright-core, against the real server.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts', 'tests/e2e/support/shared-server-setup.ts'],
    include: ['tests/e2e/**/*.test.ts'],
    // The shared journeys use one server started for the run on PGlite; on PostgreSQL they run through
    // the cluster's balancer instead (vitest.cluster.config.ts): two nodes, a primary and its replica.
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? SHARED_JOURNEYS : [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One process for every file, one after the other: Playwright, ExcelJS and the rest load once.
    // Each file launches its own Chromium; the shared journeys share a server (see SHARED_JOURNEYS).
    isolate: false,
  },
});
