import { eq, isNull } from 'drizzle-orm';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { quoteTopics, topics } from '../src/db/schema';
import { CompiledData, createExecutor, registerSqlFunctions } from '../src/graphql/compiled/executor';
import { createContext } from '../src/graphql/context';
import { getSchema } from '../src/graphql/schema';
import { toCursor, toGlobalId, toOffsetCursor } from '../src/graphql/relay';
import { both, compiled, onCompiled, plannerVisibleParameters, resolvers, twoServers } from './helpers/both';

// The compiled executor must answer exactly what the resolvers answer, byte for byte, in one
// statement (helpers/both.ts); compiled-fuzz.test.ts does the same over random operations.
twoServers();

const QUOTE_PAGE = `totalCount
  pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
  edges { __typename cursor node { __typename id text kind verb start end position } }`;

describe('queries every field of which has a projection: one statement, the same answer', () => {
  it('S1 and S2, the lookup and the mission query', async () => {
    const heavy = toGlobalId('Expert', 1);
    const s1 = await both('query ($id: ID!) { expert(id: $id) { name role } }', { id: heavy });
    expect(s1.statements).toHaveLength(1);
    expect(s1.body.data.expert.name).toEqual(expect.any(String));
    const S2 = 'query ($id: ID!) { expert(id: $id) { name quotes(first: 10, topic: "cybersecurity") { edges { node { text article { title } organisations { name } } } } } }';
    await both(S2, { id: heavy });
    const s2 = await both(S2, { id: heavy });
    // One statement (beside the catalogue's version, read once a request).
    expect(s2.statements).toHaveLength(1);
    expect(s2.compiledOnce).toBe(true);
    // Bound, but prepared once: the page's LIMIT and keyset bound are parameters the plan cannot see.
    expect(s2.statements[0]).toMatch(/LIMIT \+\?/);
    expect(plannerVisibleParameters(s2.statements[0])).toEqual([]);
  });

  it('connections: edges, cursors, pageInfo and totalCount, walked page by page', async () => {
    const query = `query ($slug: String!, $after: String) { expert(slug: $slug) { id slug nameLatin quotes(first: 3, after: $after) { ${QUOTE_PAGE} } } }`;
    const slug = (await resolvers.gql('{ experts(first: 1) { edges { node { slug } } } }')).data.experts.edges[0].node.slug;
    let after: string | null = null;
    let pages = 0;
    let seen = 0;
    for (;;) {
      const { body, statements } = await both(query, { slug, after });
      expect(statements).toHaveLength(1);
      const page = body.data.expert.quotes;
      seen += page.edges.length;
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen).toBe((await resolvers.gql(`{ expert(slug: "${slug}") { quotes { totalCount } } }`)).data.expert.quotes.totalCount);
  });

  it('root lists, nested per-parent pages, fragments on the type and on Node, aliases, repeated leaves', async () => {
    const { body, compiledOnce } = await both(`
      query ($n: Int = 4) {
        experts(first: $n) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Who ... on Node { id } name name quotes(first: 2, topic: "cybersecurity") { totalCount edges { node { text } } }
          first: quotes(first: 1) { totalCount pageInfo { hasNextPage startCursor } edges { node { text } } } } } }
        later: experts(first: 2, after: "${toCursor('Expert', 3)}") { edges { node { n: name } } }
      }
      fragment Who on Expert { slug role }`);
    expect(compiledOnce).toBe(true);
    expect(body.data.experts.edges).toHaveLength(4);
    // pageInfo and totalCount beside the edges of a per-parent page are of that parent.
    const firsts = body.data.experts.edges.map((e: { node: { first: { totalCount: number; pageInfo: { hasNextPage: boolean } } } }) => e.node.first);
    expect(new Set(firsts.map((f: { totalCount: number }) => f.totalCount)).size).toBeGreaterThan(1);
    expect(firsts.map((f: { pageInfo: { hasNextPage: boolean } }) => f.pageInfo.hasNextPage)).toContain(true);
  });

  it('a quote page with its article, organisations and topics; lists that are empty', async () => {
    const { body, statements } = await both(`{ quotes(first: 25) { edges { node { text
      article { id title slug lede language url body }
      organisations { id slug name nameEn acronym category country }
      topics { id slug name nameEn } } } } }`);
    expect(statements).toHaveLength(1);
    const nodes = body.data.quotes.edges.map((e: { node: { organisations: unknown[] } }) => e.node);
    expect(nodes.some((n: { organisations: unknown[] }) => n.organisations.length === 0)).toBe(true);
    expect(nodes.some((n: { organisations: unknown[] }) => n.organisations.length > 0)).toBe(true);
  });

  it('an article and an organisation by id or slug, their quotes and statements, and a quote by id', async () => {
    const article = (await resolvers.gql('{ articles(first: 1) { edges { node { slug } } } }')).data.articles.edges[0].node.slug;
    const a = await both(`{ article(slug: "${article}") { title quotes(first: 3, topic: "security-cooperation") { ${QUOTE_PAGE} } } }`);
    expect(a.compiledOnce).toBe(true);
    for (let id = 1; id <= 4; id++) {
      const o = await both(`{ organisation(id: "${toGlobalId('Organisation', id)}") { name category statements(first: 2) { ${QUOTE_PAGE} } } }`);
      expect(o.statements).toHaveLength(1);
    }
    const q = await both(`{ quote(id: "${toGlobalId('Quote', 5)}") { text article { title } } }`);
    expect(q.body.data.quote.text).toEqual(expect.any(String));
  });

  it("every list and object a type links to: affiliations and their aliases, counts, an expert's articles and topics, an article's people, organisations and topics, the topic tree and a topic's experts", async () => {
    const { body, statements } = await both(`{
      experts(first: 10) { totalCount edges { node { name quoteCount affiliations { slug aliases experts(first: 5) { nodes { slug } } }
        articles(first: 3) { nodes { slug publishedAt } } topics { slug }
        quotes(first: 3) { totalCount edges { node { text speaker { __typename } topics { slug parent { slug } children { slug } }
          organisations { slug } article { title source { name } experts { nodes { slug } } organisations { name } topics { nameEn } } } } } } } }
      topic(slug: "cybersecurity") { name parent { slug } children { slug children { slug } } experts { nodes { slug } } }
      topics { slug parent { slug } }
    }`);
    expect(statements).toHaveLength(1);
    // The comparison means something only where the lists hold rows.
    type Node = {
      affiliations: { aliases: string[] }[];
      articles: { nodes: unknown[] };
      topics: unknown[];
      quotes: { edges: { node: { article: { source: unknown; experts: { nodes: unknown[] } } } }[] };
    };
    const experts: Node[] = body.data.experts.edges.map((e: { node: Node }) => e.node);
    expect(experts.some((e) => e.affiliations.length > 0)).toBe(true);
    expect(experts.some((e) => e.affiliations.some((o) => o.aliases.length > 1))).toBe(true);
    expect(experts.some((e) => e.articles.nodes.length > 1 && e.topics.length > 1)).toBe(true);
    const articles = experts.flatMap((e) => e.quotes.edges.map((q) => q.node.article));
    expect(articles.some((a) => a.source !== null && a.experts.nodes.length > 0)).toBe(true);
    expect(body.data.topic.children.length).toBeGreaterThan(0);
    expect(body.data.topic.experts.nodes.length).toBeGreaterThan(0);
  });

  it('a union: each speaker with the fragments for its type', async () => {
    const { body, statements } = await both(`{ quotes(first: 60) { edges { node {
      speaker { __typename ... on Node { id } ... on Expert { name role } ... on Organisation { name category } } } } } }`);
    expect(statements).toHaveLength(1);
    const kinds = new Set(body.data.quotes.edges.map((e: { node: { speaker: { __typename: string } | null } }) => e.node.speaker?.__typename ?? null));
    expect([...kinds]).toEqual(expect.arrayContaining(['Expert', 'Organisation']));
  });

  it('nothing found: null lookups, an empty page, a page of none', async () => {
    const { body, statements } = await both(`{
      expert(id: "${toGlobalId('Expert', 999_999)}") { name }
      bySlug: organisation(slug: "no-such-organisation") { name }
      quote(id: "${toGlobalId('Quote', 999_999)}") { text }
      none: quotes(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } }
      past: quotes(first: 5, after: "${toCursor('Quote', 999_999)}") { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } }
    }`);
    expect(statements).toHaveLength(1);
    expect(body.data.expert).toBeNull();
    expect(body.data.none.pageInfo.hasNextPage).toBe(false);
  });
});

describe('search', () => {
  const HITS = `totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor score node { __typename ... on Node { id } ... on Quote { text speaker { ... on Expert { name } } } ... on Article { title } ... on Expert { name } ... on Organisation { name } } }`;

  it('ranked hits of every kind, page by page, in one compiled statement after the ranking', async () => {
    // In quotes, articles, experts' titles and organisations' names of the generated corpus.
    const word = 'الوطني';
    const query = `query ($q: String!, $after: String) { search(query: $q, first: 3, after: $after) { ${HITS} } }`;
    let after: string | null = null;
    let pages = 0;
    do {
      const { body, compiledOnce } = await both(query, { q: word, after });
      expect(body.errors).toBeUndefined();
      expect(compiledOnce).toBe(true);
      expect(body.data.search.edges.length).toBeGreaterThan(0);
      after = body.data.search.pageInfo.hasNextPage ? body.data.search.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 4);
    expect(pages).toBeGreaterThan(1);

    const kinds = await both(`{ search(query: "${word}", types: [ARTICLE, EXPERT, ORGANISATION]) { ${HITS} } }`);
    expect(kinds.compiledOnce).toBe(true);
    const all = await both(`{ search(query: "${word}", first: 100) { edges { node { __typename } } } }`);
    const typenames = new Set(all.body.data.search.edges.map((e: { node: { __typename: string } }) => e.node.__typename));
    expect(typenames.size).toBeGreaterThan(1);
  });

  it('a page of none, a search that finds nothing, and words that are not searchable', async () => {
    for (const args of ['query: "باحث", first: 0', 'query: "كلمةلاتوجد"', 'query: "؟ ، !"', `query: "باحث", after: "${toCursor('Quote', 1)}"`]) {
      const { body, compiledOnce } = await both(`{ search(${args}) { ${HITS} } }`);
      expect(compiledOnce || body.errors !== undefined, args).toBe(true);
    }
  });

  it('answers a search afresh after another connection writes: the page is not kept with the plan, which only the catalogue would drop', async () => {
    const word = 'كلمةجديدةللبحث';
    const query = `{ search(query: "${word}") { totalCount edges { node { ... on Quote { text } } } } }`;
    expect((await compiled.gql(query)).data.search.totalCount).toBe(0);
    expect((await compiled.gql(query)).data.search.totalCount).toBe(0);
    const opened = [compiled, resolvers].map((app) => openDatabase(app.dbPath));
    const saved = opened[0].sqlite.prepare('SELECT text FROM quotes WHERE id = 1').pluck().get() as string;
    const setText = (text: string) => opened.forEach(({ sqlite }) => sqlite.prepare('UPDATE quotes SET text = ? WHERE id = 1').run(text));
    try {
      setText(`${saved} ${word}`);
      const { body, compiledOnce } = await both(query);
      expect(compiledOnce).toBe(true);
      expect(body.data.search.totalCount).toBe(1);
      expect(body.data.search.edges[0].node.text).toContain(word);
    } finally {
      setText(saved);
      opened.forEach((o) => o.close());
    }
  });
});

describe('quotes found by a search, with a topic or without', () => {
  it('walks the search index page by page, as the resolvers do, in one statement', async () => {
    for (const filter of ['search: "الأمن"', 'topic: "cybersecurity", search: "الأمن"', 'search: "التعاون الأمني"']) {
      let after: string | null = null;
      let pages = 0;
      do {
        const query: string = `{ quotes(first: 4${after ? `, after: "${after}"` : ''}, filter: { ${filter} }) { ${QUOTE_PAGE} } }`;
        const { body, statements, compiledOnce } = await both(query);
        expect(body.errors, query).toBeUndefined();
        expect(compiledOnce, query).toBe(true);
        expect(statements, query).toHaveLength(1);
        expect(plannerVisibleParameters(statements[0])).toEqual([]);
        after = body.data.quotes.pageInfo.hasNextPage ? body.data.quotes.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 3);
      expect(pages, filter).toBeGreaterThan(1);
    }
    const none = await both(`{ quotes(first: 0, filter: { search: "الأمن" }) { ${QUOTE_PAGE} } }`);
    expect(none.compiledOnce).toBe(true);
  });
});

describe("an expert's articles", () => {
  it('are those that name the expert and those that quote them', async () => {
    const opened = [compiled, resolvers].map((app) => openDatabase(app.dbPath));
    const { sqlite } = opened[0];
    // An article that quotes the expert, made not to name them, and one that names them without a quote.
    const quoted = sqlite.prepare('SELECT speaker_expert_id AS expert, article_id AS article FROM quotes WHERE speaker_expert_id IS NOT NULL LIMIT 1').get() as {
      expert: number;
      article: number;
    };
    const unquoted = sqlite
      .prepare(
        'SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM quotes WHERE speaker_expert_id = ?) AND id NOT IN (SELECT article_id FROM article_experts WHERE expert_id = ?) LIMIT 1',
      )
      .pluck()
      .get(quoted.expert, quoted.expert) as number;
    const named = sqlite.prepare('SELECT 1 FROM article_experts WHERE article_id = ? AND expert_id = ?').get(quoted.article, quoted.expert) !== undefined;
    const slugs = (ids: number[]) => ids.map((id) => sqlite.prepare('SELECT slug FROM articles WHERE id = ?').pluck().get(id));
    try {
      for (const app of opened) {
        app.sqlite.prepare('DELETE FROM article_experts WHERE article_id = ? AND expert_id = ?').run(quoted.article, quoted.expert);
        app.sqlite.prepare('INSERT INTO article_experts (article_id, expert_id) VALUES (?, ?)').run(unquoted, quoted.expert);
      }
      const { body, compiledOnce } = await both(`{ expert(id: "${toGlobalId('Expert', quoted.expert)}") { articles { nodes { slug } } } }`);
      expect(compiledOnce).toBe(true);
      expect(body.data.expert.articles.nodes.map((a: { slug: string }) => a.slug)).toEqual(expect.arrayContaining(slugs([quoted.article, unquoted])));
    } finally {
      for (const app of opened) {
        app.sqlite.prepare('DELETE FROM article_experts WHERE article_id = ? AND expert_id = ?').run(unquoted, quoted.expert);
        if (named) app.sqlite.prepare('INSERT OR IGNORE INTO article_experts (article_id, expert_id) VALUES (?, ?)').run(quoted.article, quoted.expert);
        app.close();
      }
    }
  });
});

describe('publishedAt', () => {
  it("writes each instant as the resolvers do, outside strftime's years too", async () => {
    // Milliseconds, before 1970, strftime's first and last instants, the first one after (year
    // 10000, through the SQL function), and none.
    const instants = [1_757_203_200_000, 1_714_521_600_123, -1, -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000, null];
    const opened = [compiled, resolvers].map((app) => openDatabase(app.dbPath));
    const setAll = (values: (number | null)[]) => {
      for (const { sqlite } of opened) values.forEach((ms, i) => sqlite.prepare('UPDATE articles SET published_at = ? WHERE id = ?').run(ms, i + 1));
    };
    const saved = opened[0].sqlite.prepare('SELECT published_at FROM articles WHERE id <= ? ORDER BY id').pluck().all(instants.length) as (number | null)[];
    try {
      setAll(instants);
      const { body, compiledOnce } = await both(`{ articles(first: ${instants.length}, orderBy: ADDED) { edges { node { id publishedAt } } } }`);
      expect(compiledOnce).toBe(true);
      expect(body.data.articles.edges.map((e: { node: { publishedAt: string | null } }) => e.node.publishedAt)).toEqual([
        '2025-09-07T00:00:00.000Z',
        '2024-05-01T00:00:00.123Z',
        '1969-12-31T23:59:59.999Z',
        '0000-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '+010000-01-01T00:00:00.000Z',
        null,
      ]);
    } finally {
      setAll(saved);
      for (const { close } of opened) close();
    }
  });
});

describe('the topic tree, kept between requests', () => {
  it('sees a topic added, and then removed, by another connection', async () => {
    const query = `{ expert(id: "${toGlobalId('Expert', 1)}") { quotes(topic: "compiled-test-topic") { totalCount } } }`;
    const before = await compiled.gql(query);
    expect(before.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { db, close } = openDatabase(compiled.dbPath);
    try {
      db.insert(topics).values({ slug: 'compiled-test-topic', name: 'اختبار', nameEn: 'Test' }).run();
      expect((await compiled.gql(query)).data.expert.quotes.totalCount).toBe(0);
      db.delete(topics).where(eq(topics.slug, 'compiled-test-topic')).run();
      expect((await compiled.gql(query)).errors?.[0]?.message).toMatch(/unknown topic "compiled-test-topic"/);
    } finally {
      close();
    }
  });
});

describe('a topic filter, with the topic tree kept between requests', () => {
  it('sees a subtopic added under the topic after the query ran', async () => {
    const { db, sqlite, close } = openDatabase(compiled.dbPath);
    try {
      const parent = db.select().from(topics).where(isNull(topics.parentId)).get()!;
      // A quote tagged with nothing in the topic's subtree: tagged with a new subtopic, the filter must take it in.
      const quote = sqlite
        .prepare(
          `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id)
           SELECT id, article_id AS articleId FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.quote_id = q.id AND qt.topic_id IN sub) LIMIT 1`,
        )
        .get(parent.id) as { id: number; articleId: number };
      const query = `{ article(id: "${toGlobalId('Article', quote.articleId)}") { quotes(first: 50, topic: "${parent.slug}") { totalCount edges { node { id } } } } }`;
      const count = async () => {
        const { body, statements, versionReads } = await onCompiled(query);
        return { total: body.data.article.quotes.totalCount as number, statements: statements.length + versionReads };
      };
      // Every request reads the catalogue's version, then runs one statement; the topic tree is
      // read again only after the catalogue changed.
      const { total: before } = await count();
      expect(await count()).toEqual({ total: before, statements: 2 });
      const [sub] = db.insert(topics).values({ slug: 'compiled-test-subtopic', name: 'فرع', nameEn: 'Subtopic', parentId: parent.id }).returning().all();
      try {
        db.insert(quoteTopics).values({ quoteId: quote.id, topicId: sub.id }).run();
        expect((await count()).total).toBe(before + 1);
        expect(await count()).toEqual({ total: before + 1, statements: 2 });
      } finally {
        db.delete(topics).where(eq(topics.id, sub.id)).run();
      }
      expect((await count()).total).toBe(before);
      expect(await count()).toEqual({ total: before, statements: 2 });
    } finally {
      close();
    }
  });
});

describe('a statement that fails', () => {
  it('is reported once a request, and the resolvers, which run the same SQL, answer with the error at its field', async () => {
    const { db, sqlite, close } = openDatabase(compiled.dbPath);
    try {
      const failures: unknown[] = [];
      registerSqlFunctions(db.$client);
      const executor = createExecutor(await getSchema(), db, (error) => failures.push(error));
      const document = parse('{ quotes(first: 2) { edges { cursor node { text } } } }');
      const warm = createContext(db);
      const expected = await executor.execute(document, null, undefined, warm);
      expect(expected.data).toBeInstanceOf(CompiledData);
      // The same name and any number of arguments, so that it replaces the executor's function.
      sqlite.function('qg_cursor', { varargs: true }, (_type: unknown, _id: unknown) => {
        throw new Error('a broken cursor function');
      });
      const ctx = createContext(db);
      const answered = await executor.execute(document, null, undefined, ctx);
      expect(answered.data).toEqual({ quotes: null });
      expect(answered.errors?.map((e) => e.path)).toEqual([['quotes']]);
      expect(failures).toHaveLength(1);
      expect(String(failures[0])).toMatch(/a broken cursor function/);
    } finally {
      close();
    }
  });
});

describe('a bad argument runs through the resolvers, which report it at its field, with the same answer', () => {
  it.each([
    ['a malformed id', `{ expert(id: "nope") { name } }`],
    ['an id of another type', `{ expert(id: "${toGlobalId('Quote', 1)}") { name } }`],
    ['both id and slug', `{ expert(id: "${toGlobalId('Expert', 1)}", slug: "x") { name } }`],
    ['a page too large', '{ quotes(first: 1000) { edges { cursor } } }'],
    ['a bad cursor', '{ quotes(after: "garbage") { edges { cursor } } }'],
    ['an unknown topic', `{ expert(id: "${toGlobalId('Expert', 1)}") { name quotes(topic: "no-such-topic") { edges { cursor } } } }`],
    ['an unknown speaker', '{ quotes(filter: { speaker: "nobody-at-all" }) { totalCount } }'],
    ['a bad node id', '{ node(id: "nope") { id } }'],
    ['a search with a bad cursor', '{ search(query: "باحث", after: "garbage") { edges { cursor } } }'],
  ])('%s', async (_name, query) => {
    const { compiledOnce, body } = await both(query);
    expect(compiledOnce).toBe(false);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('mutations run through graphql-js, their answers read with the same projections', async () => {
    const { compiledOnce } = await both('mutation { deleteQuote(id: "x") { id } }');
    expect(compiledOnce).toBe(false);
  });
});

describe('every other query compiles, whatever its arguments are written as', () => {
  it.each([
    ["a topic's quotes", '{ topics { slug quotes(first: 1) { totalCount edges { node { text } } } } }'],
    [
      "an organisation's articles",
      '{ organisations(first: 5) { edges { node { slug articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } } } } }',
    ],
    ['a filtered list of experts', '{ experts(filter: { search: "باحث" }) { totalCount edges { node { name } } } }'],
    [
      'a filtered list of articles',
      `{ articles(first: 3, filter: { topic: "cybersecurity", publishedAfter: "2020-01-01T00:00:00Z" }) { totalCount edges { node { title publishedAt } } } }`,
    ],
    ['a filtered list of organisations', '{ organisations(filter: { category: POLICE, country: "ma" }) { totalCount edges { node { slug } } } }'],
    ['a quote filter with a search and a speaker', `{ quotes(filter: { search: "الأمن", speaker: "${toGlobalId('Expert', 1)}" }) { totalCount edges { cursor } } }`],
    ['a quote filter in a variable', 'query ($f: QuoteFilter = { search: "الأمن" }) { quotes(filter: $f) { totalCount } }'],
    ['a quote search without a searchable word', '{ quotes(filter: { search: "؟" }) { totalCount edges { cursor } } }'],
    ['a directive', 'query ($on: Boolean!) { quotes(first: 2) { edges { node { text @include(if: $on) position @skip(if: $on) } } } }'],
    ['a search that asks for snippets', '{ search(query: "باحث") { edges { score snippet { text marked highlights { start end } } node { __typename } } } }'],
    [
      'a node of each type',
      `{ a: node(id: "${toGlobalId('Expert', 1)}") { id ... on Expert { name } } b: node(id: "${toGlobalId('Topic', 1)}") { id ... on Topic { slug } } c: node(id: "${toGlobalId('Quote', 999999)}") { id } }`,
    ],
    ['the same field twice, merged', '{ quotes(first: 2) { edges { node { article { title } } } edges { node { article { slug } } } } }'],
    [
      "an organisation's articles, filtered",
      '{ organisations(first: 4) { nodes { articles(first: 2, filter: { topic: "terrorism", publishedAfter: "2016-01-01" }) { totalCount nodes { title } } } } }',
    ],
  ])('%s', async (_name, query) => {
    const { compiledOnce, body } = await both(query, { on: false });
    expect(body.errors).toBeUndefined();
    expect(compiledOnce).toBe(true);
  });
});

describe('nodes beside edges', () => {
  it('are the edges’ nodes, in the same order, compiled with the rest', async () => {
    const { body, compiledOnce } = await both(
      '{ quotes(first: 4) { edges { node { id text } } nodes { id text } pageInfo { endCursor } } experts(first: 2) { nodes { name quotes(first: 1) { nodes { text } } } } }',
    );
    expect(compiledOnce).toBe(true);
    expect(body.data.quotes.nodes).toEqual(body.data.quotes.edges.map((e: { node: unknown }) => e.node));
    expect(body.data.experts.nodes).toHaveLength(2);
  });
});

describe("a topic's quotes", () => {
  it('are the quotes on that topic or below it, every one once, page by page', async () => {
    const root = await both('{ quotes(first: 100, filter: { topic: "cybersecurity" }) { totalCount nodes { id } } }');
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof both>> = await both(
        `{ topic(slug: "cybersecurity") { quotes(first: 7${after ? `, after: "${after}"` : ''}) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`,
      );
      const quotes = page.body.data.topic.quotes;
      expect(page.compiledOnce).toBe(true);
      expect(quotes.totalCount).toBe(root.body.data.quotes.totalCount);
      seen.push(...quotes.nodes.map((n: { id: string }) => n.id));
      after = quotes.pageInfo.hasNextPage ? quotes.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(root.body.data.quotes.totalCount);
    expect(seen.slice(0, 100)).toEqual(root.body.data.quotes.nodes.map((n: { id: string }) => n.id));
  });
});

describe('orders, pages backwards and facets', () => {
  it('each order, forwards and backwards, literal or a variable, in one statement', async () => {
    const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
    const cases: [string, Record<string, unknown>][] = [
      [`{ quotes(first: 4, orderBy: NEWEST_FIRST) { ${PAGE} } }`, {}],
      [`query ($o: QuoteOrder) { quotes(last: 4, orderBy: $o) { ${PAGE} } }`, { o: 'OLDEST_FIRST' }],
      [`query ($o: QuoteOrder) { quotes(last: 4, orderBy: $o) { ${PAGE} } }`, { o: 'ADDED' }],
      [`{ articles(first: 3) { ${PAGE} } experts(first: 3, orderBy: MOST_QUOTED) { ${PAGE} } organisations(last: 2, orderBy: NAME) { ${PAGE} } }`, {}],
      [
        `{ experts(first: 2, orderBy: NAME) { edges { node { name articles(last: 2, orderBy: OLDEST_FIRST) { ${PAGE} } quotes(first: 2, orderBy: NEWEST_FIRST) { ${PAGE} } } } } }`,
        {},
      ],
      [`{ topic(slug: "cybersecurity") { quotes(last: 3) { ${PAGE} } experts(first: 2, orderBy: MOST_QUOTED) { ${PAGE} } } }`, {}],
      [
        `query ($b: String) { search(query: "الأمن", last: 3, before: $b) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { __typename ... on Quote { text } ... on Article { title } } } }`,
        { b: toOffsetCursor(6) },
      ],
    ];
    for (const [query, variables] of cases) {
      const { body, compiledOnce } = await both(query, variables);
      expect(body.errors, query).toBeUndefined();
      expect(compiledOnce, query).toBe(true);
    }
    // An expert's and an article's quotes take the quotes filter; with topic beside it, topic is refused.
    const filtered = await both(
      `{ experts(first: 3) { nodes { quotes(first: 3, orderBy: NEWEST_FIRST, filter: { kind: DIRECT, publishedAfter: "2020-01-01", anyTopic: ["cybersecurity", "terrorism"] }) { ${PAGE} } } }
         articles(first: 2) { nodes { quotes(last: 2, filter: { search: "الأمن" }) { ${PAGE} } } } }`,
    );
    expect(filtered.compiledOnce).toBe(true);
    const both2 = await both(`{ experts(first: 1) { nodes { name quotes(topic: "cybersecurity", filter: { kind: DIRECT }) { totalCount } } } }`);
    expect(both2.body.data.experts.nodes[0]).toEqual({ name: expect.any(String), quotes: null });
    expect(both2.body.errors?.[0]?.extensions?.argument).toBe('topic');
    // A cursor carries its order: the next page in that order, and another order refuses it.
    const first = await both(`{ quotes(first: 2, orderBy: NEWEST_FIRST) { pageInfo { endCursor } } }`);
    const cursor = first.body.data.quotes.pageInfo.endCursor;
    const next = await both(`query ($c: String) { quotes(first: 2, after: $c, orderBy: NEWEST_FIRST) { ${PAGE} } }`, { c: cursor });
    expect(next.body.data.quotes.pageInfo.hasPreviousPage).toBe(true);
    const refused = await both(`query ($c: String) { quotes(first: 2, after: $c) { totalCount } }`, { c: cursor });
    expect(refused.body.data.quotes).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toMatch(/NEWEST_FIRST order/);
  });

  it('a search newest first: its matches by date, paged by cursors of that order only', async () => {
    const query = `query ($after: String, $order: SearchOrder) { search(query: "الأمن", first: 6, after: $after, orderBy: $order, types: [QUOTE, ARTICLE]) {
      pageInfo { hasNextPage endCursor } nodes { __typename ... on Quote { article { publishedAt } } ... on Article { publishedAt } } } }`;
    const dates: (string | null)[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { body, compiledOnce } = await both(query, { after, order: 'NEWEST_FIRST' });
      expect(compiledOnce).toBe(true);
      dates.push(...body.data.search.nodes.map((n: { publishedAt?: string | null; article?: { publishedAt: string | null } }) => n.publishedAt ?? n.article?.publishedAt ?? null));
      after = body.data.search.pageInfo.endCursor;
    }
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(6);
    expect(dated).toEqual([...dated].sort().reverse());
    const refused = await both(query, { after, order: 'RELEVANCE' });
    expect(refused.body.errors?.[0]?.message).toMatch(/NEWEST_FIRST order/);
  });

  it("a search's filter keeps the quotes and articles the lists' filters keep, and counts them", async () => {
    const source = (await resolvers.gql('{ articleFacets { outlets { value } } }')).data.articleFacets.outlets[0].value;
    for (const filter of [{ topic: 'cybersecurity' }, { publishedAfter: '2024-06-01', anyTopic: ['terrorism', 'cybercrime'] }, { source }]) {
      const { body, compiledOnce } = await both(
        `query ($f: SearchFilter) { search(query: "الأمن", first: 50, filter: $f) { totalCount nodes { __typename ... on Quote { id } ... on Article { id } } } }`,
        { f: filter },
      );
      expect(compiledOnce).toBe(true);
      const lists = await resolvers.gql(
        `query ($q: QuoteFilter, $a: ArticleFilter) { quotes(filter: $q, first: 100) { totalCount nodes { id } } articles(filter: $a, first: 100) { totalCount nodes { id } } }`,
        { q: { ...filter, search: 'الأمن' }, a: { ...filter, search: 'الأمن' } },
      );
      expect(body.data.search.totalCount).toBe(lists.data.quotes.totalCount + lists.data.articles.totalCount);
      expect(body.data.search.totalCount).toBeGreaterThan(0);
      const listed = new Set([...lists.data.quotes.nodes, ...lists.data.articles.nodes].map((n: { id: string }) => n.id));
      for (const node of body.data.search.nodes) expect(listed.has(node.id), JSON.stringify(node)).toBe(true);
    }
  });

  it('facets of a filter, a search and the articles, each bucket as the rows count it', async () => {
    const BUCKETS = 'value label count';
    const query = `query ($filter: QuoteFilter) { quoteFacets(filter: $filter) { topics { ${BUCKETS} } speakers { ${BUCKETS} } organisations { ${BUCKETS} } outlets { ${BUCKETS} } months { ${BUCKETS} } } }`;
    for (const filter of [{}, { topic: 'cybersecurity' }, { search: 'الأمن' }, { kind: 'DIRECT', publishedAfter: '2020-01-01' }]) {
      const { body, compiledOnce } = await both(query, { filter });
      expect(body.errors).toBeUndefined();
      expect(compiledOnce).toBe(true);
    }
    const { body } = await both(`{ articleFacets { topics { ${BUCKETS} } experts { ${BUCKETS} } organisations { ${BUCKETS} } outlets { ${BUCKETS} } months { ${BUCKETS} } } }`);
    expect(body.data.articleFacets.months.length).toBeGreaterThan(0);
  });
});
