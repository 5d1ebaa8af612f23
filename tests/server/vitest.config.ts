import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));

export default defineProject({
  // graphql 16 ships CJS (index.js) and ESM (index.mjs). Node loads the CJS build for
  // type-graphql and Apollo; Vite would pick the ESM build for our sources, giving two copies
  // of GraphQLScalarType and failing instanceof checks. Pin everyone to the one Node loads.
  resolve: { alias: { graphql: requireFromServer.resolve('graphql') } },
  test: {
    name: 'server',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/server/global-setup.ts'],
    // TypeGraphQL and TypeORM decorators read Reflect metadata when their modules load.
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
