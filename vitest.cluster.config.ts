import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The journeys that share one server (useSharedJourney): every one that fits its settings
 * (SHARED_SERVER_ENV: the 2021 list, the admin of ADMIN_ENV) and shares its database with the others
 * (names, phones and accounts of its own, no count of a whole province). On PGlite, one server started
 * for the e2e run (tests/e2e/support/shared-server-setup.ts); on PostgreSQL, the deployment's balancer
 * here (two nodes, a primary and its replica), and no more in the e2e run. The rest (the 2025 list, a
 * map tile server, the province dashboard's exact figures) start a server of their own.
 */
export const SHARED_JOURNEYS = [
  'tests/e2e/citizen-check-in.test.ts',
  'tests/e2e/declaration-and-scanner.test.ts',
  'tests/e2e/accounts.test.ts',
  'tests/e2e/arrival-declaration.test.ts',
  'tests/e2e/door-confirmation.test.ts',
  'tests/e2e/kiosk.test.ts',
  'tests/e2e/official-venue.test.ts',
  'tests/e2e/tracing.test.ts',
];

/** The journeys first, on the healthy cluster; then the test that kills nodes and fails over. */
class JourneysFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) => (f.moduleId.includes('/tests/cluster/') ? 1 : 0);
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// Issue 17: two app nodes behind HAProxy, PostgreSQL primary + streaming replica (tests/cluster).
export default defineConfig({
  test: {
    globalSetup: ['tests/cluster/global-setup.ts'],
    include: [...SHARED_JOURNEYS, 'tests/cluster/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One process for every file, one after the other: Playwright, ExcelJS and the rest load once.
    // Each file launches its own Chromium and (but for the cluster's) its own server.
    isolate: false,
    sequence: { sequencer: JourneysFirst },
  },
});
