import http from 'node:http';
import net from 'node:net';
import Database from 'better-sqlite3';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

// Defects found by probing the running server as an attacker would (issue 24): each case here
// failed before its fix.

const TOKEN = 'a-long-enough-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** Every log line the server wrote, parsed. */
const lines: Record<string, any>[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  }),
);

let app: TestApp;
let resolvers: TestApp;
beforeAll(async () => {
  [app, resolvers] = await Promise.all([startTestApp({ apiToken: TOKEN, logger }), startTestApp({ apiToken: TOKEN, config: { COMPILE_QUERIES: false } })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([app?.close(), resolvers?.close()]);
});

async function post(target: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

async function get(target: TestApp, params: Record<string, string>, headers: Record<string, string> = {}) {
  const url = new URL(target.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const res = await fetch(url, { headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
}

const topicExists = async (target: TestApp, slug: string) => (await target.gql(`{ topic(slug: "${slug}") { slug } }`)).data?.topic !== null;

describe('an operationName that names no operation is refused before anything runs', () => {
  for (const [name, target] of [
    ['compiled', () => app],
    ['resolvers', () => resolvers],
  ] as const) {
    it(`a mutation by GET or POST, with a token, writes nothing (${name})`, async () => {
      const mutation = (slug: string) => `mutation M { createTopic(input: { slug: "${slug}", name: "اختبار", nameEn: "Probe" }) { slug } }`;
      const byGet = await get(target(), { query: mutation('probe-get'), operationName: 'Nope' }, auth);
      expect(byGet.status).toBe(400);
      expect(byGet.body.errors?.[0].message).toMatch(/Unknown operation named "Nope"/);
      const byPost = await post(target(), { query: mutation('probe-post'), operationName: 'Nope' }, auth);
      expect(byPost.status).toBe(400);
      expect(byPost.body.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
      expect(await topicExists(target(), 'probe-get')).toBe(false);
      expect(await topicExists(target(), 'probe-post')).toBe(false);
    });

    it(`an anonymous operation with any name, or an empty name, answers 400 (${name})`, async () => {
      for (const operationName of ['X', '']) {
        const res = await post(target(), { query: '{ topics { slug } }', operationName });
        expect(res.status, res.text).toBe(400);
        expect(res.body.data).toBeUndefined();
      }
    });
  }

  it('a query over the cost limit is refused under its own name and under a wrong one', async () => {
    const query = 'query Big { experts(first: 100) { edges { node { quotes(first: 100) { edges { node { organisations { slug } } } } } } } }';
    expect((await post(app, { query })).status).toBe(400);
    const wrong = await post(app, { query, operationName: 'Small' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.data).toBeUndefined();
  });
});

describe('the cost limit', () => {
  const query = 'query H($n: Int = 100) { experts(first: $n) { edges { node { quotes(first: $n) { edges { node { text topics { slug } } } } } } } }';

  it('is not bypassed by a request whose variables failed to coerce first', async () => {
    expect((await post(app, { query, variables: { n: 'x' } })).status).toBe(400);
    const res = await post(app, { query, variables: {} });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.limit).toBe('cost');
  });

  it('keys on every variable value: a string variable that changes the cost is costed anew', async () => {
    const typed =
      'query T($n: Int!, $s: String) { experts(first: $n, filter: { search: $s }) { edges { node { quotes(first: $n) { edges { node { text topics { slug } } } } } } } }';
    expect((await post(app, { query: typed, variables: { n: 1, s: 'a' } })).status).toBe(200);
    expect((await post(app, { query: typed, variables: { n: 100, s: 'a' } })).status).toBe(400);
  });
});

describe('malformed requests answer 4xx, never 500', () => {
  it('deeply nested variables', async () => {
    const deep = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
    const res = await post(app, `{"query":"{ topics { slug } }","variables":{"deep":${deep}}}`);
    expect(res.status).toBeLessThan(500);
    const declared = await post(app, `{"query":"query ($t: [String!]) { topics { slug } }","variables":{"t":${deep}}}`);
    expect(declared.status).toBe(400);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a content type Apollo does not accept', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const body = '{"query":"{ topics { slug } }"}';
      const req = http.request(app.url, { method: 'POST', headers: { 'content-type': 'application/json\u00a0', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(415);
  });
});

describe('answers are the same whichever way a query runs', () => {
  it('an integer count is written as an integer every time', async () => {
    const query = '{ search(query: "التعاون", types: [QUOTE]) { totalCount } }';
    for (let i = 0; i < 3; i++) {
      const res = await post(app, { query });
      expect(res.text).toMatch(/"totalCount":\d+\}/);
      expect(Number.isInteger(res.body.data.search.totalCount)).toBe(true);
    }
  });
});

describe('text that is not well-formed is refused, naming the field', () => {
  it('a lone surrogate in an article body', async () => {
    const res = await post(
      app,
      {
        query: 'mutation ($input: ArticleInput!) { ingestArticle(input: $input) { slug } }',
        variables: { input: { title: 'عنوان', body: `قال الخبير «نص\ud800 مقتبس» في الندوة.` } },
      },
      auth,
    );
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].extensions?.argument).toBe('input.body');
    expect((await app.gql('{ articles { totalCount } }')).data.articles.totalCount).toBe(2);
  });

  it('a NUL in an expert name, and other control characters', async () => {
    for (const name of ['كريم\u0000 بناني', 'كريم\u001b بناني', 'كريم\u0085 بناني']) {
      const res = await post(
        app,
        { query: 'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug } }', variables: { input: { slug: 'karim-bennani', name } } },
        auth,
      );
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].extensions?.argument).toBe('input.name');
    }
    expect((await app.gql('{ expert(slug: "karim-bennani") { slug } }')).data.expert).toBeNull();
  });

  it('newlines and tabs are text', async () => {
    const res = await post(
      app,
      {
        query: 'mutation ($input: CreateTopicInput!) { createTopic(input: $input) { slug } }',
        variables: { input: { slug: 'tabbed', name: 'وسم', nameEn: 'Tabbed', terms: ['كلمة\tأخرى'] } },
      },
      auth,
    );
    expect(res.body.errors).toBeUndefined();
  });
});

describe('logs', () => {
  it('cap what a client sends: a long operation name is logged cut short', async () => {
    const name = `Op${'x'.repeat(100_000)}`;
    await post(app, { query: `query ${name} { topics { slug } }` });
    const line = lines.findLast((l) => l.msg === 'request');
    expect(line?.operation.length).toBeLessThanOrEqual(201);
  });

  it('log a client that drops mid-body at debug level, without a stack', async () => {
    const before = lines.length;
    await new Promise<void>((resolve) => {
      const req = http.request(app.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 10_000 } });
      req.on('error', () => resolve());
      req.write('{"query":"{ topi');
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 100);
      }, 50);
    });
    const written = lines.slice(before);
    expect(written.some((l) => l.msg === 'client went away mid-request' && l.level === 20)).toBe(true);
    expect(written.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('the database file', () => {
  it('passes integrity_check on a connection without the app’s SQL functions, as in a plain sqlite3 shell', async () => {
    const created = await post(app, { query: 'mutation { createExpert(input: { slug: "salma-idrissi", name: "سلمى الإدريسي" }) { slug } }' }, auth);
    expect(created.body.errors).toBeUndefined();
    const plain = new Database(app.dbPath, { readonly: true });
    try {
      expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
      // The search form is kept in a column by the database itself, for every writer.
      expect(plain.prepare("SELECT name_search FROM experts WHERE slug = 'salma-idrissi'").pluck().get()).toBe('سلمي الادريسي');
    } finally {
      plain.close();
    }
  });
});

describe('slow clients', () => {
  it('a connection that never finishes its headers is closed soon after REQUEST_TIMEOUT_MS', async () => {
    const slow = await startTestApp({ config: { REQUEST_TIMEOUT_MS: 300 } });
    try {
      const { port } = new URL(slow.url);
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\n'));
        socket.on('error', reject);
        socket.on('close', () => resolve());
        socket.resume();
      });
      // Node's own check ran every 30 s: the socket stayed open that long.
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.close();
    }
  });
});

describe('a search over its budget', () => {
  it('answers BAD_USER_INPUT, and the server goes on answering', async () => {
    const strict = await startTestApp({ config: { SEARCH_BUDGET_MS: 1 } });
    try {
      const res = await post(strict, { query: '{ search(query: "الأمن") { totalCount } }' });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].message).toMatch(/took longer than 1 ms/);
      expect((await strict.gql('{ topics { slug } }')).data.topics.length).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('is refused before it runs when it asks too much: short prefixes, many prefixes or words', async () => {
    for (const query of ['ا* م*', 'الامن* الجريمة* الارهاب*', 'في '.repeat(13)]) {
      const res = await post(app, { query: `{ search(query: "${query}") { totalCount } }` });
      expect(res.body.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].extensions?.argument).toBe('query');
    }
  });
});

describe('MAX_RESPONSE_BYTES', () => {
  it('refuses an answer larger than the cap, naming the setting', async () => {
    const capped = await startTestApp({ config: { MAX_RESPONSE_BYTES: 2000 } });
    try {
      const small = await post(capped, { query: '{ topics { slug } }' });
      expect(small.status).toBe(200);
      const large = await post(capped, { query: '{ articles { edges { node { body } } } }' });
      expect(large.status).toBe(400);
      expect(large.body.errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
      expect(large.body.errors?.[0].message).toMatch(/MAX_RESPONSE_BYTES/);
    } finally {
      await capped.close();
    }
  });
});
