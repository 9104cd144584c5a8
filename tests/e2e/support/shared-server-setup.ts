/**
 * Global setup of the journeys' PGlite run: one server, started once, for every shared journey
 * (SHARED_JOURNEYS in vitest.cluster.config.ts) instead of one each: ≈ 3 s of start and stop saved per
 * file. On PostgreSQL these journeys run through the cluster's balancer (tests/cluster/global-setup.ts)
 * and are left out of the e2e run.
 */
import type { TestProject } from 'vitest/node';
import { SHARED_SERVER_ENV } from './admin.js';
import { startServer } from './server.js';
import { TEST_NODE_FLAGS } from '../../support/server-process.js';

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) return;
  // After tests/support/global-setup.ts (listed first): the migrated template is ready.
  const server = await startServer(
    SHARED_SERVER_ENV,
    TEST_NODE_FLAGS,
    project.getProvidedContext().pgliteTemplateDir,
  );
  project.provide('sharedServerUrl', server.baseUrl);
  return () => server.stop();
}
