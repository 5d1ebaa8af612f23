import type { CodegenConfig } from '@graphql-codegen/cli';

// Types every operation in src/**/*.graphql against the committed schema; output is committed.
// `pnpm codegen:check` fails when src/gql/ is stale or an operation does not validate.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
