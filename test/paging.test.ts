import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap';
import { openDatabase, type OpenedDb } from '../src/db/client';
import { generateCorpus } from '../src/corpus/generate';
import { parseGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

// Per-parent pages are cut in SQL (one compound SELECT a batch, a LIMIT per parent). Every relation
// is checked against the plain answer read straight from the tables: the first page for a whole
// batch of parents at once, and every page of a few parents walked cursor by cursor.

let app: TestApp;
let db: OpenedDb;
beforeAll(async () => {
  app = await startTestApp({
    prepare: (dbPath) => {
      const opened = openReadyDatabase(dbPath);
      generateCorpus(opened, { articles: 150, seed: 11, experts: 40, organisations: 15 });
      opened.close();
    },
  });
  db = openDatabase(app.dbPath, { readonly: true });
}, 60_000);
afterAll(async () => {
  db?.close();
  await app?.close();
});

const ids = (sql: string, ...params: unknown[]) =>
  db.sqlite
    .prepare(sql)
    .pluck()
    .all(...params) as number[];
const subtree = (topicId: number) => ids('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub', topicId);
const inList = (list: number[]) => list.join(', ');
const cyber = () => ids("SELECT id FROM topics WHERE slug = 'cybersecurity'")[0];

interface Relation {
  name: string;
  /** The root list of parents and the relation under each, with `$first`/`$after` for the page. */
  query: (page: string) => string;
  /** The parent list's field and the relation's field. */
  parents: string;
  field: string;
  /** Every child id of one parent, in id order. */
  expected: (parentId: number) => number[];
}

const relations: Relation[] = [
  {
    name: 'Expert.quotes(topic:)',
    parents: 'experts',
    field: 'quotes',
    query: (page) => `experts(first: 40) { edges { node { id quotes(${page}, topic: "cybersecurity") { ...page } } } }`,
    expected: (id) =>
      ids(
        `SELECT id FROM quotes q WHERE speaker_expert_id = ? AND EXISTS (SELECT 1 FROM quote_topics t WHERE t.quote_id = q.id AND t.topic_id IN (${inList(subtree(cyber()))})) ORDER BY id`,
        id,
      ),
  },
  {
    name: 'Article.quotes',
    parents: 'articles',
    field: 'quotes',
    query: (page) => `articles(first: 60) { edges { node { id quotes(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT id FROM quotes WHERE article_id = ? ORDER BY id', id),
  },
  {
    name: 'Organisation.statements',
    parents: 'organisations',
    field: 'statements',
    query: (page) => `organisations(first: 15) { edges { node { id statements(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT id FROM quotes WHERE speaker_organisation_id = ? ORDER BY id', id),
  },
  {
    name: 'Organisation.articles',
    parents: 'organisations',
    field: 'articles',
    query: (page) => `organisations(first: 15) { edges { node { id articles(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT article_id FROM article_organisations WHERE organisation_id = ? UNION SELECT id FROM articles WHERE source_id = ? ORDER BY 1', id, id),
  },
  {
    name: 'Topic.quotes',
    parents: 'topics',
    field: 'quotes',
    query: (page) => `topics { id quotes(${page}) { ...page } }`,
    expected: (id) => ids(`SELECT DISTINCT quote_id FROM quote_topics WHERE topic_id IN (${inList(subtree(id))}) ORDER BY 1`),
  },
];

const FRAGMENT = (type: string) => `fragment page on ${type} { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }`;
const connectionType = (r: Relation) => (r.field === 'articles' ? 'ArticleConnection' : 'QuoteConnection');
const numeric = (globalId: string) => parseGlobalId(globalId)!.id;

interface PageResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

async function parentsWithPages(r: Relation, first: number): Promise<{ id: string; page: PageResult }[]> {
  const body = await app.gql(`query ($first: Int, $after: String) { ${r.query('first: $first, after: $after')} } ${FRAGMENT(connectionType(r))}`, { first });
  expect(body.errors).toBeUndefined();
  const list = body.data[r.parents];
  const nodes = Array.isArray(list) ? list : list.edges.map((e: { node: unknown }) => e.node);
  return nodes.map((n: Record<string, unknown>) => ({ id: n.id as string, page: n[r.field] as PageResult }));
}

describe.each(relations)('$name', (r) => {
  it('the first page of every parent in one batch is the first ids, with the right total', async () => {
    const parents = await parentsWithPages(r, 4);
    expect(parents.length).toBeGreaterThan(3);
    let withMore = 0;
    for (const { id, page } of parents) {
      const all = r.expected(numeric(id));
      expect(
        page.edges.map((e) => numeric(e.node.id)),
        id,
      ).toEqual(all.slice(0, 4));
      expect(page.totalCount).toBe(all.length);
      expect(page.pageInfo.hasNextPage).toBe(all.length > 4);
      if (all.length > 4) withMore += 1;
    }
    // The corpus must give the check something to cut.
    expect(withMore).toBeGreaterThan(0);
  });

  it('walking a parent cursor by cursor yields every child once, in id order', async () => {
    const parents = await parentsWithPages(r, 4);
    const busiest = [...parents].sort((a, b) => b.page.totalCount - a.page.totalCount).slice(0, 2);
    for (const { id } of busiest) {
      const all = r.expected(numeric(id));
      const seen: number[] = [];
      let after: string | null = null;
      // Small pages, at most about 25 of them for the busiest parent.
      const size = Math.max(3, Math.ceil(all.length / 25));
      for (let guard = 0; guard <= all.length; guard++) {
        const body = await app.gql(
          `query ($id: ID!, $after: String) { node(id: $id) { ... on ${r.parents === 'experts' ? 'Expert' : r.parents === 'articles' ? 'Article' : r.parents === 'topics' ? 'Topic' : 'Organisation'} { ${r.field}(first: ${size}, after: $after${r.name.includes('topic:') ? ', topic: "cybersecurity"' : ''}) { ...page } } } } ${FRAGMENT(connectionType(r))}`,
          { id, after },
        );
        expect(body.errors).toBeUndefined();
        const page = body.data.node[r.field] as PageResult;
        seen.push(...page.edges.map((e) => numeric(e.node.id)));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });
});
