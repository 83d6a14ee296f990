import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships ESM through "module" and CJS through "main". Node (and so type-graphql and
    // Apollo, loaded natively) takes "main"; Vite would take "module" for our files, giving two
    // graphql instances. Pin ours to the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own server and database; files run in parallel on separate processes.
    pool: 'forks',
  },
});
