import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const SEARCH = `query ($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor score snippet { text highlights { start end } marked } node { __typename ... on Quote { id text } ... on Organisation { slug } ... on Expert { slug } ... on Article { slug } } }
  }
}`;

async function search(q: string, extra: Record<string, unknown> = {}) {
  const body = await app.gql(SEARCH, { q, ...extra });
  return body;
}

describe('Query.search', () => {
  it('finds the same quotes for every written form of a word', async () => {
    const results = await Promise.all(['السِّيبراني', 'السيبرانـــي', 'السيبراني'].map((q) => search(q, { types: ['QUOTE'] })));
    const ids = results.map((r) => r.data.search.edges.map((e: any) => e.node.id));
    expect(ids[0].length).toBeGreaterThan(0);
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it('finds Interpol under either hamza, and highlights the original text', async () => {
    const [a, b] = await Promise.all([search('الأنتربول'), search('الإنتربول')]);
    const hits = (r: any) => r.data.search.edges.map((e: any) => `${e.node.__typename}:${e.node.slug ?? e.node.id}`);
    expect(hits(a)).toEqual(hits(b));
    expect(hits(a)).toContain('Organisation:interpol');
    for (const edge of a.data.search.edges) {
      expect(edge.snippet.highlights.length).toBeGreaterThan(0);
      for (const h of edge.snippet.highlights) expect(edge.snippet.text.slice(h.start, h.end)).toMatch(/نتربول/);
    }
  });

  it('ranks exact forms above stemmed ones', async () => {
    const { data } = await search('الإرهاب', { types: ['QUOTE'], first: 100 });
    const edges = data.search.edges;
    expect(edges.length).toBeGreaterThan(3);
    const exact = (e: any) => e.snippet.text.slice(e.snippet.highlights[0].start, e.snippet.highlights[0].end) === 'الإرهاب';
    // Scores come best first.
    const scores = edges.map((e: any) => e.score);
    expect([...scores].sort((x: number, y: number) => y - x)).toEqual(scores);
    expect(exact(edges[0])).toBe(true);
  });

  it('supports phrases and prefixes', async () => {
    const phrase = await search('"الجريمة المنظمة"', { types: ['QUOTE'], first: 100 });
    expect(phrase.data.search.totalCount).toBeGreaterThan(0);
    for (const e of phrase.data.search.edges) expect(e.node.text.replace(/[\u064B-\u0652]/g, '')).toMatch(/الجريمة المنظمة/);
    const prefix = await search('السيبر*', { types: ['QUOTE'] });
    expect(prefix.data.search.totalCount).toBe(1);
  });

  it('pages with cursors and counts all hits', async () => {
    const first = await search('المغرب', { first: 5 });
    expect(first.data.search.edges).toHaveLength(5);
    expect(first.data.search.pageInfo.hasNextPage).toBe(true);
    const second = await search('المغرب', { first: 5, after: first.data.search.pageInfo.endCursor });
    const seen = new Set(first.data.search.edges.map((e: any) => e.cursor));
    for (const e of second.data.search.edges) expect(seen.has(e.cursor)).toBe(false);
    expect(first.data.search.totalCount).toBeGreaterThan(10);
  });

  it('answers hostile input with BAD_USER_INPUT or nothing, never an SQL error', async () => {
    for (const q of ['"', '«الأمن', '"unbalanced']) {
      const { errors } = await search(q);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const q of ['NEAR(', '***', '؟!.', 'a OR', ')(', '"" AND']) {
      const { data, errors } = await search(q);
      expect(errors).toBeUndefined();
      expect(data.search.totalCount).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('QuoteFilter.search', () => {
  it('combines with speaker and topic: quotes by X about Y that contain Z', async () => {
    const count = async (filter: string) => (await app.gql(`{ quotes(filter: ${filter}) { totalCount } }`)).data.quotes.totalCount;
    expect(await count(`{ search: "الهجرة" }`)).toBe(4);
    expect(await count(`{ search: "الهجرة", speaker: "hicham-moatadid" }`)).toBe(3);
    expect(await count(`{ search: "الهجرة", speaker: "hicham-moatadid", topic: "human-trafficking" }`)).toBe(1);
    expect(await count(`{ search: "السِّيبراني", topic: "cybersecurity" }`)).toBe(1);
  });

  it('pages of one walk the same quotes, in id order, as totalCount counts', async () => {
    // Each filter takes a different plan: the index drives alone, the index drives and the topic
    // is probed per hit, or the speaker's quotes are walked and the index probed per row.
    for (const filter of ['{ search: "الأمن" }', '{ search: "الأمن", topic: "terrorism" }', '{ search: "الهجرة", speaker: "hicham-moatadid" }']) {
      const ids: number[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const body: any = await app.gql(
          `query ($after: String) { quotes(first: 1, after: $after, filter: ${filter}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
        );
        const page = body.data.quotes;
        total = page.totalCount;
        ids.push(...page.edges.map((e: any) => Number(Buffer.from(e.node.id, 'base64url').toString().split(':')[1])));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after && ids.length < 100);
      expect(ids.length, filter).toBeGreaterThan(1);
      expect(ids.length, filter).toBe(total);
      expect(ids, filter).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size, filter).toBe(ids.length);
    }
  });
});
