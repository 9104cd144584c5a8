import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium through playwright-core, against the real server.
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
