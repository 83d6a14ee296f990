import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap';
import { generateCorpus } from '../src/corpus/generate';
import { startTestApp, type TestApp } from './helpers/app';
import { startServerProcess, type ServerProcess } from './helpers/process';

let app: TestApp;
let prod: TestApp;
// The abusive suite hits a separate server process, so its memory is measured alone, over a
// corpus where an expert has a few hundred articles and a topic a couple of hundred experts.
let server: ServerProcess;
const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-abuse-'));
beforeAll(async () => {
  const corpus = openReadyDatabase(path.join(corpusDir, 'corpus.db'));
  generateCorpus(corpus, { articles: 3000, seed: 24, experts: 200, organisations: 40 });
  corpus.close();
  [app, prod, server] = await Promise.all([
    startTestApp({ config: { CORS_ORIGINS: ['https://frontend.example'] } }),
    startTestApp({ config: { NODE_ENV: 'production', PLAYGROUND: false, INTROSPECTION: false } }),
    startServerProcess({ DATABASE_PATH: path.join(corpusDir, 'corpus.db') }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([app?.close(), prod?.close(), server?.close()]);
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

async function post(target: { url: string }, body: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started, headers: res.headers };
}

const nest = (depth: number) => `{ topics { ${'children { '.repeat(depth)}slug${' }'.repeat(depth)} } }`;

// Times are printed, not asserted: these machines are shared and noisy (see BENCHMARKS / closing notes).
const timings: string[] = [];
afterAll(() => console.log(`abusive queries: ${timings.join('; ')}`));

describe('abusive queries get a 4xx and the server keeps answering', () => {
  const cases: [string, () => string][] = [
    ['depth bomb', () => JSON.stringify({ query: nest(20) })],
    ['alias flood (10k)', () => JSON.stringify({ query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: topics { slug }`).join(' ')} }` })],
    ['directive flood', () => JSON.stringify({ query: `{ topics { slug ${'@include(if: true) '.repeat(200)} } }` })],
    ['duplicate fields (100k)', () => JSON.stringify({ query: `{ topics { ${'slug '.repeat(100_000)} } }` })],
    ['fragment cycle', () => JSON.stringify({ query: '{ topics { ...A } } fragment A on Topic { children { ...B } } fragment B on Topic { parent { ...A } }' })],
    ['huge string', () => JSON.stringify({ query: `{ topic(slug: "${'ا'.repeat(400_000)}") { slug } }` })],
    ['1000-operation batch', () => JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ topics { slug } }' })))],
    ['introspection cycle', () => JSON.stringify({ query: `{ __schema { types { ${'fields { type { '.repeat(8)}name${' } }'.repeat(8)} } } }` })],
    [
      'cost bomb',
      () =>
        JSON.stringify({
          query: '{ experts(first: 100) { edges { node { quotes(first: 100) { edges { node { organisations { experts { quotes(first: 100) { totalCount } } } } } } } } } }',
        }),
    ],
    [
      'deeply nested variables',
      () => `{"query":"query ($t: [String!]) { topics { slug } }","variables":{"t":${'['.repeat(3000)}1${']'.repeat(3000)},"u":${'['.repeat(3000)}${']'.repeat(3000)}}}`,
    ],
  ];

  it.each(cases)('%s', async (_name, body) => {
    const payload = body();
    await post(server, '{"query":"{ topics { slug } }"}'); // warm
    const res = await post(server, payload);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    timings.push(`${_name} ${res.status} ${res.ms.toFixed(1)} ms`);
    expect(res.text).not.toMatch(/stacktrace/i);
    const healthy = await post(server, '{"query":"{ topics { slug } }"}');
    expect(healthy.status).toBe(200);
  });

  // Field errors: the rest of such a query still answers, with status 200 as GraphQL over HTTP has it.
  it.each([
    ['search bomb (one-letter prefixes)', '{ search(query: "ا* م* ت* و* ب* ف*") { totalCount edges { cursor } } }'],
    ['search bomb (twelve prefixes)', `{ search(query: "${'الامن* '.repeat(12)}") { totalCount } }`],
    ['search bomb (many words)', `{ search(query: "${'في من على '.repeat(10)}") { totalCount } }`],
    ['quote filter search bomb', '{ quotes(filter: { search: "ا* م* ت*" }) { totalCount } }'],
  ])('%s', async (name, query) => {
    const res = await post(server, JSON.stringify({ query }));
    timings.push(`${name} ${res.status} ${res.ms.toFixed(1)} ms`);
    expect((JSON.parse(res.text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await post(server, '{"query":"{ topics { slug } }"}')).status).toBe(200);
  });

  it('heavy lists: every list is bounded, and costed by its bound', async () => {
    // Costed 32 and fanned out to about 90k article bodies before lists were bounded.
    const cheap = await post(server, JSON.stringify({ query: '{ topic(slug: "cybersecurity") { experts { nodes { articles { nodes { title body } } } } } }' }));
    timings.push(`heavy list, default bounds ${cheap.status} ${cheap.ms.toFixed(1)} ms`);
    expect(cheap.status).toBe(200);
    const experts = (JSON.parse(cheap.text) as { data: { topic: { experts: { nodes: { articles: { nodes: unknown[] } }[] } } } }).data.topic.experts.nodes;
    expect(experts.length).toBe(20);
    expect(Math.max(...experts.map((e) => e.articles.nodes.length))).toBe(20);
    // Every topic's experts' articles, a hundred of each: two million bodies by its bounds.
    const wide = await post(server, JSON.stringify({ query: '{ topics { experts(first: 100) { nodes { articles(first: 100) { nodes { body } } } } } }' }));
    timings.push(`heavy list, widest ${wide.status} ${wide.ms.toFixed(1)} ms`);
    expect(wide.status).toBe(400);
    expect(wide.text).toMatch(/"limit":"cost"/);
    // About the most bodies the cost limit lets through (a body weighs 50): 900 of them.
    const big = await post(server, JSON.stringify({ query: '{ topic(slug: "cybersecurity") { experts(first: 60) { nodes { articles(first: 15) { nodes { body } } } } } }' }));
    timings.push(`heavy list, within cost ${big.status} ${big.ms.toFixed(1)} ms ${(big.text.length / 1e6).toFixed(1)} MB`);
    expect(big.status).toBe(200);
    expect((await post(server, '{"query":"{ topics { slug } }"}')).status).toBe(200);
  });

  it('a 60 MB body is refused with 413 before it is read', async () => {
    // Announce 60 MB and send one kilobyte: the answer must come without the rest. (Sending it all
    // races the server's close against the client's writes, and the client may see EPIPE instead.)
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 60 * 1024 * 1024 } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(`{"query":"${'x'.repeat(1024)}`);
    });
    expect(status).toBe(413);
    expect((await post(server, '{"query":"{ topics { slug } }"}')).status).toBe(200);
  });

  it('keeps the server under 256 MB RSS through all of it', () => {
    const rss = server.rss();
    timings.push(`server rss ${(rss / 2 ** 20).toFixed(0)} MB`);
    expect(rss).toBeLessThan(256 * 1024 * 1024);
  });
});

describe('limits say which limit and how to stay under it', () => {
  it('depth', async () => {
    const body = JSON.parse((await post(app, JSON.stringify({ query: nest(12) }))).text);
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(body.errors[0].message).toMatch(/the limit is 10/);
  });

  it('aliases', async () => {
    const body = JSON.parse((await post(app, JSON.stringify({ query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: topics { slug }`).join(' ')} }` }))).text);
    expect(body.errors[0].extensions).toMatchObject({ limit: 'aliases' });
  });

  it('cost counts first multipliers and variables', async () => {
    const query = 'query ($n: Int) { experts(first: $n) { edges { node { quotes(first: $n) { edges { node { topics { slug } } } } } } } }';
    const ok = await post(app, JSON.stringify({ query, variables: { n: 10 } }));
    expect(ok.status).toBe(200);
    const tooMuch = JSON.parse(
      (await post(app, JSON.stringify({ query: query.replace('topics { slug }', 'topics { slug experts { nodes { name } } }'), variables: { n: 100 } }))).text,
    );
    expect(tooMuch.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
  });

  it('cost is worked out again when the same query comes with larger pages', async () => {
    // Costs are remembered per document and variables: a cached small page must not let a big one through.
    const query =
      'query ($n: Int, $who: String) { experts(first: $n, filter: { search: $who }) { edges { node { quotes(first: $n) { edges { node { topics { slug experts { nodes { name } } } } } } } } } }';
    expect((await post(app, JSON.stringify({ query, variables: { n: 2, who: 'a' } }))).status).toBe(200);
    const big = JSON.parse((await post(app, JSON.stringify({ query, variables: { n: 100, who: 'a' } }))).text);
    expect(big.errors[0].extensions).toMatchObject({ limit: 'cost' });
    expect((await post(app, JSON.stringify({ query, variables: { n: 2, who: 'b' } }))).status).toBe(200);
  });

  it('tokens: a parse error, never a 500', async () => {
    const res = await post(app, JSON.stringify({ query: `{ topics { ${'slug '.repeat(5000)} } }` }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toMatch(/more th.. 4000 tokens/);
  });
});

describe('HTTP behaviour', () => {
  it('allows GET for queries, with Cache-Control, and never for mutations', async () => {
    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ topics { slug } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('public, max-age=60');
    const mutation = await fetch(`${app.url}?query=${encodeURIComponent('mutation { ingestArticle(input: {title: "t", body: "b"}) { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    expect((await post(app, '{"query":"{ topics { slug } }"}')).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${app.url}?query=${encodeURIComponent('{ topics { slug } }')}`);
    expect(res.status).toBe(400);
  });

  it('answers CORS only for CORS_ORIGINS', async () => {
    const allowed = await fetch(app.url, { method: 'OPTIONS', headers: { origin: 'https://frontend.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://frontend.example');
    const other = await fetch(app.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves /health and /ready', async () => {
    const base = app.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
  });
});

describe('production config', () => {
  it('turns introspection off, hides field suggestions and the playground', async () => {
    const intro = JSON.parse((await post(prod, JSON.stringify({ query: '{ __schema { types { name } } }' }))).text);
    expect(intro.errors[0].message).toMatch(/introspection/i);
    const typo = JSON.parse((await post(prod, JSON.stringify({ query: '{ topicz { slug } }' }))).text);
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const devTypo = JSON.parse((await post(app, JSON.stringify({ query: '{ topicz { slug } }' }))).text);
    expect(devTypo.errors[0].message).toMatch(/Did you mean/);
    const page = await fetch(prod.url.replace(/\/graphql$/, '/'), { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });
});
