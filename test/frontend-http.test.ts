import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHash } from '../src/graphql/protection/persisted';
import { startTestApp, type TestApp } from './helpers/app';

// HTTP as a browser front end meets it: Vary, ETag and 304, CORS on every answer, and persisted
// documents as current clients name them.
const ORIGIN = 'https://news.example';
const manifest = JSON.parse(fs.readFileSync('examples/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
const [rawKey, missionText] = Object.entries(manifest).find(([, q]) => q.includes('MissionQuotes'))!;
const missionHash = rawKey.replace(/^sha256:/, '');

let app: TestApp;
let locked: TestApp;
let prefixed: TestApp;
beforeAll(async () => {
  // The manifest as client-preset 6 writes it: keys `sha256:<hex>`.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const file = path.join(dir, 'persisted-documents.json');
  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(manifest).map(([k, v]) => [`sha256:${k.replace(/^sha256:/, '')}`, v]))));
  [app, locked, prefixed] = await Promise.all([
    startTestApp({ config: { CORS_ORIGINS: [ORIGIN], MAX_BODY_BYTES: 2000 } }),
    startTestApp({ config: { PERSISTED_ONLY: true } }),
    startTestApp({ config: { PERSISTED_ONLY: true, PERSISTED_MANIFEST: file } }),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.close(), locked?.close(), prefixed?.close()]);
});

// Apollo's CSRF rule wants a non-simple header on a GET; a browser client sends this one.
const get = (a: TestApp, search: string, headers: Record<string, string> = {}) =>
  fetch(`${a.url}?${search}`, { headers: { origin: ORIGIN, 'apollo-require-preflight': 'true', ...headers } });

describe('HTTP for front ends', () => {
  it('says a GraphQL answer varies by Accept and Origin', async () => {
    const res = await get(app, new URLSearchParams({ query: '{ topics { slug } }' }).toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('accept, origin');
    const posted = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ query: '{ topics { slug } }' }),
    });
    expect(posted.headers.get('vary')).toBe('accept, origin');
  });

  it('gives a cacheable GET an ETag, and answers 304 with no body to a client that holds it', async () => {
    const search = new URLSearchParams({ query: '{ topics { slug } }' }).toString();
    const first = await get(app, search);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(app, search, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    // Another answer, another tag; a POST and an answer with errors are not cacheable.
    expect((await get(app, new URLSearchParams({ query: '{ topics { nameEn } }' }).toString(), { 'if-none-match': etag! })).status).toBe(200);
    const failed = await get(app, new URLSearchParams({ query: '{ topic(slug: 1) { slug } }' }).toString());
    expect(failed.headers.get('etag')).toBeNull();
  });

  it('lets a browser send x-request-id and Apollo client names, read the request id back, and see every error', async () => {
    const preflight = await fetch(app.url, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-request-id, apollographql-client-name' },
    });
    const allowed = preflight.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['x-request-id', 'apollographql-client-name', 'apollographql-client-version']) expect(allowed).toContain(header);
    const res = await get(app, new URLSearchParams({ query: '{ __typename }' }).toString(), { 'x-request-id': 'front-42' });
    expect(res.headers.get('x-request-id')).toBe('front-42');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    // 413, 415 and 404 carry CORS headers too, so the browser shows them rather than a CORS failure.
    const tooLarge = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(3000)}` }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const wrongType = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'text/plain', origin: ORIGIN }, body: '{}' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});

describe('persisted documents as current clients send them', () => {
  it('serves a GraphQL-over-HTTP documentId, by POST and by GET, from the allowlist', async () => {
    const body = JSON.stringify({ documentId: `sha256:${missionHash}`, variables: {} });
    const posted = await fetch(locked.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(((await posted.json()) as { data: { experts: unknown } }).data.experts).toBeTruthy();
    const got = await fetch(`${locked.url}?${new URLSearchParams({ documentId: `sha256:${missionHash}` })}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await got.json()) as { data: { experts: unknown } }).data.experts).toBeTruthy();
    const bad = await fetch(locked.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: 'md5:abc' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/documentId must be "sha256:"/);
  });

  it('reads a manifest whose keys are sha256:<hex>, as client-preset 6 writes it', async () => {
    expect(operationHash(missionText)).toBe(missionHash);
    const byHash = await fetch(prefixed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: missionHash } } }),
    });
    expect(((await byHash.json()) as { data: { experts: unknown } }).data.experts).toBeTruthy();
    const byText = await fetch(prefixed.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: missionText }) });
    expect(((await byText.json()) as { data: { experts: unknown } }).data.experts).toBeTruthy();
  });
});

describe('date bounds', () => {
  it('take a day or a date-time, as a literal or a variable; a bad one says what a bound is', async () => {
    const count = async (bound: string) =>
      (await app.gql('query ($d: DateBound) { quotes(filter: { publishedAfter: $d }) { totalCount } }', { d: bound })).data?.quotes.totalCount as number;
    const byDay = await count('2025-09-01');
    expect(byDay).toBe(await count('2025-09-01T00:00:00Z'));
    expect(byDay).toBe((await app.gql('{ quotes(filter: { publishedAfter: "2025-09-01" }) { totalCount } }')).data.quotes.totalCount);
    expect(await count('2100-01-01')).toBe(0);
    const articles = await app.gql('{ articles(filter: { publishedBefore: "2100-01-01", publishedAfter: "1990-01-01" }) { totalCount } }');
    expect(articles.data.articles.totalCount).toBeGreaterThan(0);
    const bad = await app.gql('query ($d: DateBound) { quotes(filter: { publishedAfter: $d }) { totalCount } }', { d: '2025-13-45' });
    expect(bad.errors?.[0].message).toMatch(/"\$d".*not a date bound: give a day \(2025-09-01/);
  });
});

describe('a topic that does not exist', () => {
  it('nulls only the page that names it, with one BAD_USER_INPUT naming the argument; the fields beside it answer', async () => {
    const expert = await app.gql('{ experts(first: 1) { nodes { id } } }');
    const id = expert.data.experts.nodes[0].id;
    const res = await app.gql(
      `{ topics { slug } expert(id: "${id}") { name quotes(topic: "cyber") { totalCount } all: quotes { totalCount } } quotes(filter: { topic: "cyber" }) { totalCount } }`,
    );
    const errors = (res.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.argument, e.path?.join('.')]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(errors).toEqual([
      ['BAD_USER_INPUT', 'topic', 'expert.quotes'],
      ['BAD_USER_INPUT', 'filter.topic', 'quotes'],
    ]);
    for (const e of res.errors ?? []) expect(e.message).toMatch(/unknown topic "cyber"\. Known topics: .*cybersecurity/);
    expect(res.data.topics.length).toBeGreaterThan(5);
    expect(res.data.expert.name).toEqual(expect.any(String));
    expect(res.data.expert.quotes).toBeNull();
    expect(res.data.expert.all.totalCount).toBeGreaterThanOrEqual(0);
    expect(res.data.quotes).toBeNull();
  });

  it('is refused before the query runs when it is not a slug or a topic id at all', async () => {
    const res = await app.gql('{ quotes(filter: { topic: "Not A Slug!" }) { totalCount } }');
    expect(res.errors?.[0].message).toMatch(/is not a topic reference: give a topic's slug/);
  });
});

describe('cursors', () => {
  it('from another connection are refused, saying whose they are', async () => {
    const experts = await app.gql('{ experts(first: 1) { pageInfo { endCursor } } }');
    const cursor = experts.data.experts.pageInfo.endCursor;
    const res = await app.gql(`{ topics { slug } quotes(first: 2, after: "${cursor}") { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/a cursor of a list of Experts, not of this list of Quotes/);
    expect(res.data.topics.length).toBeGreaterThan(5);
    expect((await app.gql(`{ experts(first: 1, after: "${cursor}") { nodes { name } } }`)).errors).toBeUndefined();
  });
});
