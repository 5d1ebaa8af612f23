import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['./tests/server/vitest.config.ts', './client/vitest.config.ts'],
  },
});
