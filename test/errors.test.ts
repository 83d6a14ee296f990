import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it('masks database errors: no SQL, no stack trace, code INTERNAL_SERVER_ERROR', async () => {
  const { sqlite, close } = openDatabase(app.dbPath);
  sqlite.exec('DROP TABLE quote_organisations');
  close();
  const body = await app.gql(`query ($id: ID!) { topic(slug: "cybersecurity") { slug } quote(id: $id) { text organisations { slug } } }`, {
    id: toGlobalId('Quote', 1),
  });
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(JSON.stringify(body)).not.toMatch(/quote_organisations|select|stacktrace|no such table/i);
  // The rest of the query still answers.
  expect(body.data).toEqual({ topic: { slug: 'cybersecurity' }, quote: null });
});

it('answers GraphQL syntax errors with a 400 and the parser’s message', async () => {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ quotes { "}' });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
});
