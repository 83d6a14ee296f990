import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHash, persistedQuery } from '../src/graphql/protection/persisted';
import { startTestApp, type TestApp } from './helpers/app';

// Keyed `sha256:<hex>`, as client-preset 6 writes it; the hash a client sends is the hex.
const manifest = Object.fromEntries(
  Object.entries(JSON.parse(fs.readFileSync('examples/gql/persisted-documents.json', 'utf8')) as Record<string, string>).map(([key, text]) => [key.replace(/^sha256:/, ''), text]),
);

let open: TestApp;
let locked: TestApp;
beforeAll(async () => {
  [open, locked] = await Promise.all([startTestApp(), startTestApp({ config: { PERSISTED_ONLY: true } })]);
});
afterAll(async () => {
  await Promise.all([open?.close(), locked?.close()]);
});

async function post(app: TestApp, body: object) {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

const persisted = (hash: string) => ({ extensions: persistedQuery(hash) });

describe('automatic persisted queries', () => {
  it('register a query by hash, then serve it from the hash alone', async () => {
    const query = '{ topics { slug } }';
    const first = await post(open, persisted(operationHash(query)));
    expect(first.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(open, { query, ...persisted(operationHash(query)) })).body.data.topics.length).toBeGreaterThan(5);
    expect((await post(open, persisted(operationHash(query)))).body.data.topics.length).toBeGreaterThan(5);
  });
});

describe('PERSISTED_ONLY=true', () => {
  const [missionHash, missionQuery] = Object.entries(manifest).find(([, q]) => q.includes('MissionQuotes'))!;

  it('runs the operations codegen produced, by hash or by text', async () => {
    expect(operationHash(missionQuery)).toBe(missionHash);
    const byHash = await post(locked, persisted(missionHash));
    expect(byHash.body.data.experts.edges[0].node.name).toBe('هشام معتضد');
    const byText = await post(locked, { query: missionQuery });
    expect(byText.body.errors, JSON.stringify(byText.body.errors)).toBeUndefined();
  });

  it('refuses anything else, and learns nothing new', async () => {
    const query = '{ topics { slug } }';
    const other = await post(locked, { query });
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    await post(locked, { query, ...persisted(operationHash(query)) });
    expect((await post(locked, persisted(operationHash(query)))).body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers an allowlisted operation asked again by its hash, and never a text outside the list', async () => {
    const [hash] = Object.entries(manifest).find(([, q]) => q.includes('OrganisationStatements'))!;
    for (let i = 0; i < 3; i++) expect((await post(locked, persisted(hash))).body.data.organisation.statements.edges.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await post(locked, { query: '{ topics { slug } }' })).status).toBe(400);
  });
});
