import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

// What the server logged, parsed.
const logged: Record<string, any>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  }),
);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ logger });
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
  expect(body.errors![0]).toMatchObject({ message: expect.stringMatching(/^Internal server error/), extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) } });
  expect(JSON.stringify(body)).not.toMatch(/quote_organisations|select|stacktrace|no such table/i);
  // The log has the cause, under the id the client was given.
  const line = logged.find((l) => l.errorId === body.errors![0].extensions!.errorId);
  expect(line?.err?.message).toMatch(/no such table/);
  // The rest of the query still answers.
  expect(body.data).toEqual({ topic: { slug: 'cybersecurity' }, quote: null });
});

it('answers GraphQL syntax errors with a 400 and the parser’s message', async () => {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ quotes { "}' });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
});

it('answers variables that do not coerce with a 400, BAD_USER_INPUT and the variable named, also for a text already answered', async () => {
  const query = `query ($id: ID!) { expert(id: $id) { name } }`;
  const post = (variables: unknown) => fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  // Twice with good variables first: the text's plan and cost are then kept.
  for (let i = 0; i < 2; i++) expect(((await (await post({ id: toGlobalId('Expert', 1) })).json()) as { errors?: unknown }).errors).toBeUndefined();
  for (const variables of [{ id: true }, {}, { id: { a: 1 } }]) {
    const res = await post(variables);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/^Variable "\$id"/);
  }
});
