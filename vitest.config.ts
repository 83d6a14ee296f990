import { defineConfig } from 'vitest/config';

// Slow suites: property tests of every mutation and of the compiled read path, SIGKILL durability, writers racing, the browser,
// the production bundle, a 3,000-article corpus. `npm test` runs the rest in under a minute;
// `npm run test:slow` runs these, and .ci/run runs both.
const SLOW = [
  'test/mutations-fuzz.test.ts',
  'test/compiled-fuzz.test.ts',
  'test/durability.test.ts',
  'test/concurrent-writes.test.ts',
  'test/playground.test.ts',
  'test/bundle.test.ts',
  'test/fuzz.test.ts',
  'test/protection.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 ships ESM through "module" and CJS through "main". Node (and so type-graphql and
    // Apollo, loaded natively) takes "main"; Vite would take "module" for our files, giving two
    // graphql instances. Pin ours to the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own server and database; files run in parallel on separate processes.
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
