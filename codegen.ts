import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator (`npm run codegen`). The schema comes from the type-graphql classes
 * themselves; it writes schema.graphql, the contract clients build on, and a typed client for
 * the example operations.
 *
 * A frontend team generates its own client the same way, from `schema.graphql` or from a running
 * server (`schema: 'http://localhost:4000/graphql'`) and its own documents.
 */
const config: CodegenConfig = {
  schema: [{ 'src/graphql/print-schema.ts': { loader: './src/graphql/codegen-schema-loader.cjs' } }],
  documents: ['examples/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    // The committed SDL; a test fails when it is stale.
    'schema.graphql': { plugins: ['schema-ast'], config: { sort: true, includeDirectives: false } },
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
        scalars: { DateTimeISO: 'string', DateBound: 'string', TopicRef: 'string' },
      },
    },
  },
};

export default config;
