import fs from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/graphql/print-schema';
import { startServerProcess, type ServerProcess } from './helpers/process';

// npm start runs one bundle with its dependencies inside (better-sqlite3 and pino outside): these
// check what bundling could break, type-graphql's names taken from class names among them.
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const sorted = (schema: Parameters<typeof lexicographicSortSchema>[0]) => printSchema(lexicographicSortSchema(schema));

it('the bundle npm start runs serves the schema in schema.graphql', async () => {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
  });
  const { data, errors } = (await res.json()) as { data: IntrospectionQuery; errors?: unknown };
  expect(errors).toBeUndefined();
  expect(sorted(buildClientSchema(data))).toBe(sorted(buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'))));
});

it('the bundle finds the playground files in node_modules', async () => {
  const res = await fetch(new URL('/playground/graphiql.js', server.url));
  expect(res.status).toBe(200);
  expect((await res.text()).length).toBeGreaterThan(100_000);
});
