import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against the built app (`pnpm test:e2e`); not a project of `pnpm test`.
 * Files run in parallel, each with its own Chromium; they share one server.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
