import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator. `npm run codegen` first prints the schema from the type-graphql classes
 * into schema.graphql, then runs this: the committed schema.graphql is the contract clients build on.
 *
 * A frontend team generates its own client the same way, from `schema.graphql` or from a running
 * server (`schema: 'http://localhost:4000/graphql'`) and its own documents.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    // Typed documents (TypedDocumentNode) for the example operations, used by examples/client.ts.
    'examples/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // The allowlist for PERSISTED_ONLY=true: examples/gql/persisted-documents.json.
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
