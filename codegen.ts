/**
 * GraphQL Code Generator: typed operations for frontends, from the subgraph's SDL and the
 * example operations (`npm run codegen`; CI checks the committed output is current). Copy this
 * file and point `documents` at your own operations to get the same in a frontend.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'examples/*.graphql',
  generates: {
    'examples/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // DateTime travels as an ISO-8601 string.
        scalars: { DateTime: 'string' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
