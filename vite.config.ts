import { defineConfig } from 'vitest/config';

/**
 * Test configuration for the whole monorepo (the web app's build has its own config in
 * apps/web/vite.config.ts). Three projects, so each kind of test can be run alone:
 *   unit         unit tests next to the code (apps/*, packages/*)
 *   integration  real servers on port 0, real clients, child processes (tests/integration)
 *   browser      playwright-core driving the system Chromium (tests/browser)
 */
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each browser test starts its own server and Chromium; two at once is what 2 cores bear.
          maxWorkers: 1,
        },
      },
    ],
  },
});
