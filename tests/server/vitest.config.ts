import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/server/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
