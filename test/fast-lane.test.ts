import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap';
import { experts } from '../src/db/schema';
import { generateCorpus } from '../src/corpus/generate';
import { operationHash, persistedQuery } from '../src/graphql/protection/persisted';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';
import { randomQuery, type Pick } from './helpers/selections';

// The fast lane answers a repeated compiled query without Apollo's pipeline. It must answer what
// Apollo answers, to the byte and the header, and leave to Apollo every request it cannot answer
// so. Two servers over the same corpus, both compiling: one with the lane, one without.

// Every character JSON escapes, and some that it need not: the statement's JSON goes out as SQLite wrote it.
const AWKWARD_NAME = 'قال "الخبير" \\ سطر\nجديد\tو\u0001\u001f\u007f \u2028 🛡️ الأَمْنُ';

const lines: { requestId?: string; fastLane?: boolean; operation?: string; outcome?: string }[] = [];
let lane: TestApp;
let apollo: TestApp;
const prepare = (dbPath: string) => {
  const db = openReadyDatabase(dbPath);
  generateCorpus(db, { articles: 60, seed: 5, experts: 20, organisations: 10 });
  db.db.update(experts).set({ name: AWKWARD_NAME, title: null }).where(eq(experts.id, 2)).run();
  db.close();
};
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  [lane, apollo] = await Promise.all([
    startTestApp({ prepare, logger: pino({ level: 'info' }, sink), config: { MAX_COST: 2000 } }),
    startTestApp({ prepare, config: { FAST_LANE: false, MAX_COST: 2000 } }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([lane?.close(), apollo?.close()]);
});

/** A request: a JSON POST of `body`, or a GET of `search`. */
interface Ask {
  method?: 'GET' | 'POST';
  body?: unknown;
  search?: string;
  headers?: Record<string, string>;
}

/** A GET's query string for these request fields, as a client writes it (variables and extensions as JSON). */
const searchOf = (fields: Record<string, unknown>) => `?${new URLSearchParams(Object.entries(fields).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]))}`;

let requestIds = 0;
/** Sends a request to a server; returns the status, the headers that do not vary per request, the body as bytes, and whether the lane answered. */
async function ask(app: TestApp, { method = 'POST', body, search = '', headers = {} }: Ask) {
  const requestId = `lane-test-${requestIds++}`;
  const res = await fetch(`${app.url}${search}`, {
    method,
    headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), 'x-request-id': requestId, ...headers },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const head = [...res.headers].filter(([key]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(key));
  // The log line is written when the response finishes; wait for it on the lane's server.
  let line;
  for (let tries = 0; app === lane && !line && tries < 50; tries++) {
    line = lines.find((l) => l.requestId === requestId);
    if (!line) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return { status: res.status, head, text, fastLane: line?.fastLane === true, line };
}

const post = (app: TestApp, body: unknown, headers: Record<string, string> = {}) => ask(app, { body, headers });

/** Sends a request to the lane's server `times` times and once to Apollo's; every answer must be Apollo's. */
async function asked(request: Ask, times = 3) {
  const expected = await ask(apollo, request);
  const answers = [];
  for (let i = 0; i < times; i++) answers.push(await ask(lane, request));
  for (const answer of answers) {
    expect(answer.text).toBe(expected.text);
    expect(answer.head).toEqual(expected.head);
    expect(answer.status).toBe(expected.status);
  }
  return { expected, answers, laned: answers.map((a) => a.fastLane) };
}

/** The same, for a JSON POST of `body`. */
const repeated = (body: unknown, times = 3, headers: Record<string, string> = {}) => asked({ body, headers }, times);

const S2 = 'query Mission($id: ID!) { expert(id: $id) { name quotes(first: 10, topic: "cybersecurity") { edges { node { text article { title } organisations { name } } } } } }';

describe('a compiled query asked again is answered by the lane, with the same bytes and headers as Apollo', () => {
  it('the mission query: Apollo first, then the lane, for any expert', async () => {
    const first = await repeated({ query: S2, variables: { id: toGlobalId('Expert', 1) } });
    expect(first.laned).toEqual([false, true, true]);
    expect(first.expected.text).toMatch(/^\{"data":\{"expert":\{"name":/);
    // Another expert is the same text: the lane answers it at once.
    const other = await repeated({ query: S2, variables: { id: toGlobalId('Expert', 3) } }, 1);
    expect(other.laned).toEqual([true]);
    expect(other.answers[0].line).toMatchObject({ operation: 'Mission', outcome: 'ok' });
  });

  it('strings JSON must escape', async () => {
    const { laned, expected } = await repeated({ query: `{ expert(id: "${toGlobalId('Expert', 2)}") { name title } }` });
    expect(laned).toEqual([false, true, true]);
    expect(JSON.parse(expected.text).data.expert.name).toBe(AWKWARD_NAME);
  });

  it('an operation chosen by name from a document of several, and variables left to their defaults', async () => {
    const query = 'query A($n: Int = 2) { experts(first: $n) { edges { node { name } } } } query B { topics { slug } }';
    for (const operationName of ['A', 'B', 'A']) {
      const { answers } = await repeated({ query, operationName }, 1);
      expect(answers[0].line?.operation).toBe(operationName);
    }
    expect((await repeated({ query, operationName: 'B' }, 1)).laned).toEqual([true]);
    expect((await repeated({ query, operationName: 'A', variables: { n: 4 } }, 1)).laned).toEqual([true]);
  });

  it('a GET of the text, with a preflight header or a JSON content type, cacheable as Apollo makes it', async () => {
    const query = 'query Few($n: Int!) { topics { slug } experts(first: $n) { edges { node { name } } } }';
    for (const headers of [{ 'apollo-require-preflight': 'true' }, { 'content-type': 'application/json' }] as Record<string, string>[]) {
      const { laned, expected } = await asked({ method: 'GET', search: searchOf({ query, variables: { n: 3 } }), headers }, 2);
      expect(laned).toEqual(headers['content-type'] ? [true, true] : [false, true]);
      expect(expected.head).toContainEqual(['cache-control', 'public, max-age=60']);
    }
    // Learnt from a GET, the text is not taken as learnt for a POST: that is Apollo's to answer first.
    expect((await repeated({ query, variables: { n: 3 } }, 2)).laned).toEqual([false, true]);
  });

  it('a persisted query by its hash alone, over POST and GET, once Apollo has registered it', async () => {
    const query = 'query Org($n: Int!) { organisations(first: $n) { edges { node { name } } } }';
    const extensions = persistedQuery(operationHash(query));
    // The hash with its text is checked by Apollo, every time.
    expect((await repeated({ query, variables: { n: 2 }, extensions }, 2)).laned).toEqual([false, false]);
    expect((await repeated({ variables: { n: 2 }, extensions }, 3)).laned).toEqual([false, true, true]);
    const get = await asked({ method: 'GET', search: searchOf({ operationName: 'Org', variables: { n: 3 }, extensions }), headers: { 'x-apollo-operation-name': 'Org' } }, 2);
    expect(get.laned).toEqual([false, true]);
    expect(get.answers[1].line).toMatchObject({ operation: 'Org', outcome: 'ok' });
    expect(JSON.parse(get.expected.text).data.organisations.edges).toHaveLength(3);
  });

  it('any selection of the covered fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (choices) => {
        let i = 0;
        const pick: Pick = (items) => items[choices[i++ % choices.length] % items.length];
        const { laned, expected } = await repeated({ query: randomQuery(pick) }, 2);
        expect(JSON.parse(expected.text).errors).toBeUndefined();
        expect(laned[1]).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('what the lane leaves to Apollo, answered as Apollo answers it', () => {
  it('a bad argument, a bad variable and an unknown topic, in a text the lane knows', async () => {
    const query = 'query ($id: ID!, $topic: String) { expert(id: $id) { quotes(first: 2, topic: $topic) { totalCount } } }';
    await repeated({ query, variables: { id: toGlobalId('Expert', 1) } }, 2);
    for (const variables of [{ id: 'nope' }, { id: 7 }, {}, { id: toGlobalId('Expert', 1), topic: 'no-such-topic' }]) {
      const { laned, expected } = await repeated({ query, variables }, 1);
      expect(laned).toEqual([false]);
      expect(JSON.parse(expected.text).errors).toHaveLength(1);
    }
  });

  it('a cost over the limit, once variables make it so', async () => {
    const query = 'query ($n: Int!) { experts(first: $n) { edges { node { quotes(first: $n) { edges { node { text } } } } } } }';
    const small = await repeated({ query, variables: { n: 2 } }, 2);
    expect(small.laned).toEqual([false, true]);
    const big = await repeated({ query, variables: { n: 40 } }, 1);
    expect(big.laned).toEqual([false]);
    expect(big.expected.status).toBe(400);
    expect(JSON.parse(big.expected.text).errors[0].extensions).toMatchObject({ limit: 'cost' });
  });

  it('another Accept header: Apollo answers it first and chooses the content type', async () => {
    const body = { query: '{ topics { slug labelEn } }' };
    await repeated(body, 2);
    const modern = await repeated(body, 2, { accept: 'application/graphql-response+json' });
    expect(modern.laned).toEqual([false, true]);
    expect(modern.expected.head).toContainEqual(['content-type', 'application/graphql-response+json; charset=utf-8']);
  });

  it('an unknown hash, a hash that is not its text\'s, a batch and a form post', async () => {
    const query = '{ organisations(first: 2) { edges { node { name } } } }';
    await repeated({ query }, 2);
    const unknown = await repeated({ extensions: persistedQuery('f'.repeat(64)) }, 2);
    expect(unknown.laned).toEqual([false, false]);
    expect(JSON.parse(unknown.expected.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const mismatch = await repeated({ query, extensions: persistedQuery(operationHash(`${query} `)) }, 1);
    expect(mismatch.laned).toEqual([false]);
    expect(mismatch.expected.status).toBe(400);
    const batch = await post(lane, [{ query }]);
    expect(batch.fastLane).toBe(false);
    const form = await post(lane, { query }, { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
    expect(form.fastLane).toBe(false);
  });

  it('a GET Apollo refuses, of a text the lane has learnt by GET', async () => {
    const query = '{ organisations(first: 3) { edges { node { name } } } }';
    const preflight = { 'apollo-require-preflight': 'true' };
    expect((await asked({ method: 'GET', search: searchOf({ query }), headers: preflight }, 2)).laned).toEqual([false, true]);
    const refused: Ask[] = [
      // No preflight header and no content type: Apollo's CSRF rule.
      { method: 'GET', search: searchOf({ query }) },
      { method: 'GET', search: searchOf({ query }), headers: { ...preflight, 'content-type': 'text/plain' } },
      { method: 'GET', search: `${searchOf({ query, variables: {} })}&variables=%7B%7D`, headers: preflight },
      { method: 'GET', search: `${searchOf({ query })}&variables=%7Bnope`, headers: preflight },
      { method: 'GET', search: `${searchOf({ query })}&variables=%5B1%5D`, headers: preflight },
    ];
    for (const request of refused) {
      const { laned, expected } = await asked(request, 1);
      expect(laned).toEqual([false]);
      expect(expected.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('a mutation and a query the executor does not compile are never learned', async () => {
    for (const query of ['mutation { deleteQuote(id: "x") { id } }', '{ topics { quotes(first: 1) { totalCount } } }']) {
      expect((await repeated({ query }, 2)).laned).toEqual([false, false]);
    }
  });
});
