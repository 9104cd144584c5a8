import { configDefaults, defineConfig } from 'vitest/config';
import { CLUSTER_JOURNEYS } from './vitest.cluster.config.js';

// End-to-end journeys in Debian's Chromium through playwright-core, against the real server.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/e2e/**/*.test.ts'],
    // On PostgreSQL the check-in loop's journeys run through the cluster's balancer instead
    // (vitest.cluster.config.ts): two nodes, a primary and its replica.
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? CLUSTER_JOURNEYS : [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One process for every file, one after the other: Playwright, ExcelJS and the rest load once.
    // Each file launches its own Chromium and (but for the cluster's) its own server.
    isolate: false,
  },
});
