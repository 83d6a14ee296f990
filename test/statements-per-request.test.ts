import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { articles, experts, quotes, quoteTopics, quoteOrganisations, topics } from '../src/db/schema';
import { startTestApp, type TestApp } from './helpers/app';

const MISSION = `{
  experts(filter: { search: "معتضد" }) {
    edges { node { name quotes(topic: "cybersecurity") { totalCount edges { node { text article { title } topics { slug } } } } } }
  }
}`;

const WIDE = `{
  experts(first: 50) {
    totalCount
    edges { node { name quoteCount affiliations { slug } quotes(first: 5) { totalCount edges { node { text speaker { __typename } topics { slug parent { slug } } organisations { slug } article { title source { name } } } } } } }
  }
}`;

let app: TestApp;
beforeAll(async () => {
  // As served: each query is one compiled statement, whatever the rows it returns.
  app = await startTestApp();
});
afterAll(() => app?.close());

/** Adds `count` experts whose names contain معتضد, each quoted `perExpert` times on cybercrime. */
function addExperts(from: number, count: number, perExpert: number): void {
  const { db, close } = openDatabase(app.dbPath);
  try {
    db.transaction((tx) => {
      const article = tx.select().from(articles).where(eq(articles.slug, 'morocco-international-police-cooperation-day')).get()!;
      const cybercrime = tx.select().from(topics).where(eq(topics.slug, 'cybercrime')).get()!;
      let position = 1000 + from * perExpert;
      for (let i = from; i < from + count; i++) {
        const expert = tx
          .insert(experts)
          .values({ slug: `generated-${i}`, name: `باحث معتضد ${i}`, role: 'باحث' })
          .returning()
          .get();
        for (let j = 0; j < perExpert; j++) {
          const quote = tx
            .insert(quotes)
            .values({ articleId: article.id, text: 'نص', kind: 'DIRECT', start: 0, end: 2, position: position++, speakerExpertId: expert.id })
            .returning()
            .get();
          tx.insert(quoteTopics).values({ quoteId: quote.id, topicId: cybercrime.id }).run();
          tx.insert(quoteOrganisations).values({ quoteId: quote.id, organisationId: 1 }).run();
        }
      }
    });
  } finally {
    close();
  }
}

/** How many objects a response holds: the rows the resolvers had to produce. */
function objects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + objects(v), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + objects(v), 0);
  return 0;
}

async function statementsFor(query: string): Promise<{ statements: number; rows: number }> {
  const { statements, body } = await app.countStatements(query);
  expect(body.errors).toBeUndefined();
  return { statements, rows: objects(body.data) };
}

describe('SQL statements per request do not grow with the rows returned', () => {
  it('the mission query', async () => {
    const small = await statementsFor(MISSION);
    addExperts(0, 30, 4);
    const large = await statementsFor(MISSION);
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    expect(large.statements).toBe(small.statements);
    // The catalogue's version (for the topic), the topic tree (read again as adding experts changed
    // the catalogue), and the statement.
    expect(small.statements).toBeLessThanOrEqual(3);
  });

  it('a wide list with per-parent paging: experts(first: 50) { quotes(first: 5) }', async () => {
    const before = await statementsFor(WIDE);
    addExperts(100, 40, 7);
    const after = await statementsFor(WIDE);
    expect(after.rows).toBeGreaterThan(before.rows * 1.3);
    expect(after.statements).toBe(before.statements);
  });

  it('per-parent pages honour first for every parent and count all', async () => {
    const { data } = await app.gql(
      `{ experts(first: 100, filter: { search: "باحث معتضد" }) { edges { node { quotes(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } } }`,
    );
    const pages = data.experts.edges.map((e: any) => e.node.quotes);
    expect(pages.length).toBe(70);
    for (const page of pages) {
      expect(page.edges.length).toBe(Math.min(5, page.totalCount));
      expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 5);
    }
    expect(pages.filter((p: any) => p.totalCount === 7)).toHaveLength(40);
  });

  it("article bodies: every article's in the one statement", async () => {
    const titles = await statementsFor(`{ articles { edges { node { title } } } }`);
    const { statements, body } = await app.countStatements(`{ articles { edges { node { slug title body } } } }`);
    expect(statements).toBe(titles.statements);
    expect(statements).toBe(1);
    const { db, close } = openDatabase(app.dbPath, { readonly: true });
    try {
      const stored = new Map(
        db
          .select({ slug: articles.slug, body: articles.body })
          .from(articles)
          .all()
          .map((a) => [a.slug, a.body]),
      );
      const nodes = body.data.articles.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThan(1);
      for (const node of nodes) expect(node.body).toBe(stored.get(node.slug));
    } finally {
      close();
    }
  });
});
