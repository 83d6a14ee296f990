import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

function expectError(body: { errors?: any[] }, code: string, message: RegExp) {
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors!;
  expect(error.extensions.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(JSON.stringify(error)).not.toMatch(/stacktrace|SELECT|sqlite/i);
}

describe('nodes and ids', () => {
  it('refetches every kind of object through Query.node with an opaque id', async () => {
    const { data } = await app.gql(`{
      article(slug: "morocco-denmark-security-talks") { id quotes(first: 1) { edges { node { id } } } topics { id } organisations { id } }
      expert(slug: "hicham-moatadid") { id }
    }`);
    const ids = [data.article.id, data.article.quotes.edges[0].node.id, data.article.topics[0].id, data.article.organisations[0].id, data.expert.id];
    for (const id of ids) expect(id).not.toMatch(/^\d+$/);
    const query = `query ($id: ID!) { node(id: $id) { __typename id } }`;
    const types = [];
    for (const id of ids) {
      const { data: d, errors } = await app.gql(query, { id });
      expect(errors).toBeUndefined();
      expect(d.node.id).toBe(id);
      types.push(d.node.__typename);
    }
    expect(types).toEqual(['Article', 'Quote', 'Topic', 'Organisation', 'Expert']);
  });

  it('answers null for an unknown id or slug, and BAD_USER_INPUT for a malformed id', async () => {
    const { data: byId } = await app.gql(`{ expert(id: "RXhwZXJ0Ojk5OTk") { name } }`); // Expert:9999
    expect(byId.expert).toBeNull();
    const { data: bySlug } = await app.gql(`{ article(slug: "no-such-article") { title } topic(slug: "nope") { slug } }`);
    expect(bySlug).toEqual({ article: null, topic: null });
    expectError(await app.gql(`{ node(id: "not-an-id") { id } }`), 'BAD_USER_INPUT', /not an id issued by this API/);
    expectError(await app.gql(`{ quote(id: "12") { text } }`), 'BAD_USER_INPUT', /not a Quote id/);
  });

  it('asks for exactly one of id or slug', async () => {
    expectError(await app.gql(`{ expert { name } }`), 'BAD_USER_INPUT', /exactly one of id or slug/);
  });
});

describe('connections', () => {
  it('pages through an article’s quotes in reading order with opaque cursors', async () => {
    const page = (after?: string) =>
      app.gql(
        `query ($after: String) { article(slug: "morocco-international-police-cooperation-day") {
           quotes(first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { position } } } } }`,
        { after },
      );
    const positions: number[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const { data, errors } = await page(after);
      expect(errors).toBeUndefined();
      const quotes = data.article.quotes;
      // 22 direct quotes and 2 reported statements by unnamed observers.
      expect(quotes.totalCount).toBe(24);
      expect(quotes.pageInfo.hasPreviousPage).toBe(after !== undefined);
      positions.push(...quotes.edges.map((e: any) => e.node.position));
      pages += 1;
      if (!quotes.pageInfo.hasNextPage) break;
      after = quotes.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(positions).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('defaults to 20 items and refuses more than 100', async () => {
    const { data } = await app.gql(`{ quotes { totalCount edges { cursor } } }`);
    expect(data.quotes.totalCount).toBe(25);
    expect(data.quotes.edges).toHaveLength(20);
    expectError(await app.gql(`{ quotes(first: 1000) { totalCount } }`), 'BAD_USER_INPUT', /first must be between 0 and 100/);
    expectError(await app.gql(`{ quotes(first: -1) { totalCount } }`), 'BAD_USER_INPUT', /first must be between 0 and 100/);
  });

  it('rejects a malformed cursor', async () => {
    expectError(await app.gql(`{ quotes(after: "garbage") { totalCount } }`), 'BAD_USER_INPUT', /not a valid cursor/);
    expectError(await app.gql(`{ expert(slug: "hicham-moatadid") { quotes(after: "Y3Vyc29yOnYxOmFiYw") { totalCount } } }`), 'BAD_USER_INPUT', /not a valid cursor/);
  });
});

describe('filters', () => {
  it('combines quote filters: speaker, topic, organisation, article, dates', async () => {
    const count = async (filter: string) => {
      const { data, errors } = await app.gql(`{ quotes(filter: ${filter}) { totalCount } }`);
      expect(errors).toBeUndefined();
      return data.quotes.totalCount as number;
    };
    expect(await count(`{ speaker: "hicham-moatadid" }`)).toBe(11);
    expect(await count(`{ speaker: "elbouraq-chadi-abdessalam", topic: "organised-crime" }`)).toBe(4);
    expect(await count(`{ speaker: "dgsn" }`)).toBe(1);
    expect(await count(`{ organisation: "interpol" }`)).toBe(3);
    expect(await count(`{ article: "morocco-denmark-security-talks" }`)).toBe(1);
    expect(await count(`{ kind: INDIRECT }`)).toBe(3);
    expect(await count(`{ publishedAfter: "2025-09-01T00:00:00Z", publishedBefore: "2025-09-08T00:00:00Z" }`)).toBe(24);
    expect(await count(`{ publishedAfter: "2025-09-08T00:00:00Z" }`)).toBe(0);
  });

  it('reports an unknown topic slug in a filter instead of returning nothing', async () => {
    expectError(await app.gql(`{ quotes(filter: { topic: "cyber" }) { totalCount } }`), 'BAD_USER_INPUT', /unknown topic "cyber".*cybersecurity/);
    expectError(await app.gql(`{ expert(slug: "hicham-moatadid") { quotes(topic: "cyber") { totalCount } } }`), 'BAD_USER_INPUT', /unknown topic "cyber"/);
    expectError(await app.gql(`{ quotes(filter: { speaker: "nobody" }) { totalCount } }`), 'BAD_USER_INPUT', /no expert or organisation/);
  });

  it('filters experts by topic, organisation and search, and organisations by alias', async () => {
    const { data } = await app.gql(`{
      cyber: experts(filter: { topic: "cybersecurity" }) { edges { node { slug } } }
      dgsn: experts(filter: { organisation: "dgsn" }) { edges { node { slug } } }
      latin: experts(filter: { search: "moatadid" }) { edges { node { slug } } }
      title: experts(filter: { search: "إدارة الأزمات" }) { edges { node { slug } } }
      interpol: organisations(filter: { search: "الإنتربول" }) { edges { node { slug aliases } } }
      police: organisations(filter: { category: POLICE, country: "dk" }) { totalCount }
    }`);
    const slugs = (c: any) => c.edges.map((e: any) => e.node.slug);
    expect(slugs(data.cyber)).toEqual(['hicham-moatadid', 'elbouraq-chadi-abdessalam']);
    expect(slugs(data.dgsn)).toEqual(['abdellatif-hammouchi']);
    expect(slugs(data.latin)).toEqual(['hicham-moatadid']);
    expect(slugs(data.title)).toEqual(['elbouraq-chadi-abdessalam']);
    expect(slugs(data.interpol)).toEqual(['interpol']);
    expect(data.interpol.edges[0].node.aliases).toContain('Interpol');
    expect(data.police.totalCount).toBe(2);
  });

  it('searches names in their Arabic search form, and refuses a search with no letters', async () => {
    const { data } = await app.gql(`{ a: experts(filter: { search: "مُعتضِد" }) { totalCount } b: organisations(filter: { search: "الأنتربول" }) { edges { node { slug } } } }`);
    expect(data.a.totalCount).toBe(1);
    expect(data.b.edges).toEqual([{ node: { slug: 'interpol' } }]);
    expectError(await app.gql(`{ experts(filter: { search: "%_" }) { totalCount } }`), 'BAD_USER_INPUT', /at least one letter or digit/);
  });
});

describe('the graph', () => {
  it('resolves a statement’s speaker to the organisation, and its statements back', async () => {
    const { data, errors } = await app.gql(`{
      organisation(slug: "dgsn") {
        name category country
        statements { totalCount edges { node { kind verb speaker { __typename ... on Organisation { slug } } article { slug } } } }
        articles { totalCount edges { node { slug } } }
        experts { nodes { slug } }
      }
    }`);
    expect(errors).toBeUndefined();
    const org = data.organisation;
    expect(org).toMatchObject({ name: 'المديرية العامة للأمن الوطني', category: 'POLICE', country: 'MA' });
    expect(org.statements.totalCount).toBe(1);
    expect(org.statements.edges[0].node).toEqual({
      kind: 'INDIRECT',
      verb: 'وفق بيان صادر عن',
      speaker: { __typename: 'Organisation', slug: 'dgsn' },
      article: { slug: 'morocco-denmark-security-talks' },
    });
    expect(org.articles.totalCount).toBe(2);
    expect(org.experts.nodes.map((e: any) => e.slug)).toEqual(['abdellatif-hammouchi']);
  });

  it('gives each quote text that equals body.slice(start, end)', async () => {
    const { data } = await app.gql(`{ articles { edges { node { body quotes(first: 100) { edges { node { text start end } } } } } } }`);
    let checked = 0;
    for (const { node: article } of data.articles.edges) {
      for (const { node: q } of article.quotes.edges) {
        expect(article.body.slice(q.start, q.end)).toBe(q.text);
        checked += 1;
      }
    }
    expect(checked).toBe(25);
  });

  it('walks topics: parent, children, quotes of a subtree and experts', async () => {
    const { data } = await app.gql(`{
      topic(slug: "cybersecurity") { name children { slug parent { slug } } quotes { totalCount } experts { nodes { slug } } }
      topics { slug }
    }`);
    expect(data.topic.name).toBe('الأمن السيبراني');
    expect(data.topic.children).toEqual([{ slug: 'cybercrime', parent: { slug: 'cybersecurity' } }]);
    expect(data.topic.quotes.totalCount).toBe(2);
    expect(data.topic.experts.nodes.map((e: any) => e.slug)).toEqual(['hicham-moatadid', 'elbouraq-chadi-abdessalam']);
    expect(data.topics.length).toBeGreaterThanOrEqual(10);
  });

  it('links experts to their articles, topics, quote counts and affiliations', async () => {
    const { data } = await app.gql(`{
      hammouchi: expert(slug: "abdellatif-hammouchi") { role quoteCount articles { nodes { slug } } affiliations { acronym } }
      moatadid: expert(slug: "hicham-moatadid") { quoteCount topics { slug } article: articles { nodes { source { name } publishedAt } } }
    }`);
    expect(data.hammouchi).toEqual({
      role: 'المدير العام للأمن الوطني ومراقبة التراب الوطني',
      quoteCount: 0,
      articles: { nodes: [{ slug: 'morocco-denmark-security-talks' }] },
      affiliations: [{ acronym: 'DGSN' }, { acronym: 'DGST' }],
    });
    expect(data.moatadid.quoteCount).toBe(11);
    expect(data.moatadid.topics.map((t: any) => t.slug)).toContain('cybersecurity');
    expect(data.moatadid.article.nodes).toEqual([{ source: { name: 'هسبريس' }, publishedAt: '2025-09-07T00:00:00.000Z' }]);
  });
});
