import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The check-in loop's journeys: run through the balancer here (and no more alone on PostgreSQL). */
export const CLUSTER_JOURNEYS = [
  'tests/e2e/citizen-check-in.test.ts',
  'tests/e2e/declaration-and-scanner.test.ts',
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
    include: [...CLUSTER_JOURNEYS, 'tests/cluster/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { sequencer: JourneysFirst },
  },
});
