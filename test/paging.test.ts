import { describe, expect, it } from 'vitest';
import { parseGlobalId } from '../src/graphql/relay';
import { corpusServer } from './helpers/corpus-server';

// Per-parent pages are cut in SQL (one compound SELECT a batch, a LIMIT per parent). Every relation
// is checked against the plain answer read straight from the tables: the first page for a whole
// batch of parents at once, and every page of a few parents walked cursor by cursor.

const corpus = corpusServer({ articles: 150, seed: 11, experts: 40, organisations: 15 });
const { ids } = corpus;
const subtree = (topicId: number) => ids('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub', topicId);
const inList = (list: number[]) => list.join(', ');
const cyber = () => ids("SELECT id FROM topics WHERE slug = 'cybersecurity'")[0];

// Orders spelt out from the tables themselves: an article's date (undated ones as the oldest), not
// the published_key the triggers keep.
const DATE = 'coalesce(a.published_at, -62167219200000)';

interface Relation {
  name: string;
  /** The parent type, its root list and the relation under each, with the page's arguments in `page`. */
  type: 'Expert' | 'Article' | 'Organisation' | 'Topic';
  query: (page: string) => string;
  parents: string;
  field: string;
  /** The relation's arguments beside the page's (an order, a topic). */
  args: string;
  /** Every child id of one parent, in the relation's order. */
  expected: (parentId: number) => number[];
}

const relations: Relation[] = [
  {
    name: 'Expert.quotes(topic:)',
    type: 'Expert',
    parents: 'experts',
    field: 'quotes',
    args: 'topic: "cybersecurity"',
    query: (page) => `experts(first: 40) { edges { node { id quotes(${page}) { ...page } } } }`,
    expected: (id) =>
      ids(
        `SELECT id FROM quotes q WHERE speaker_expert_id = ? AND EXISTS (SELECT 1 FROM quote_topics t WHERE t.quote_id = q.id AND t.topic_id IN (${inList(subtree(cyber()))})) ORDER BY id`,
        id,
      ),
  },
  {
    name: 'Expert.quotes, newest first',
    type: 'Expert',
    parents: 'experts',
    field: 'quotes',
    args: 'orderBy: NEWEST_FIRST',
    query: (page) => `experts(first: 40) { edges { node { id quotes(${page}) { ...page } } } }`,
    expected: (id) => ids(`SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_expert_id = ? ORDER BY ${DATE} DESC, q.id DESC`, id),
  },
  {
    name: 'Article.quotes',
    type: 'Article',
    parents: 'articles',
    field: 'quotes',
    args: 'orderBy: ADDED',
    query: (page) => `articles(first: 60) { edges { node { id quotes(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT id FROM quotes WHERE article_id = ? ORDER BY id', id),
  },
  {
    name: 'Organisation.statements',
    type: 'Organisation',
    parents: 'organisations',
    field: 'statements',
    args: 'orderBy: ADDED',
    query: (page) => `organisations(first: 15) { edges { node { id statements(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT id FROM quotes WHERE speaker_organisation_id = ? ORDER BY id', id),
  },
  {
    name: 'Organisation.articles, as added',
    type: 'Organisation',
    parents: 'organisations',
    field: 'articles',
    args: 'orderBy: ADDED',
    query: (page) => `organisations(first: 15) { edges { node { id articles(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT article_id FROM article_organisations WHERE organisation_id = ? UNION SELECT id FROM articles WHERE source_id = ? ORDER BY 1', id, id),
  },
  {
    name: 'Organisation.articles, newest first by default',
    type: 'Organisation',
    parents: 'organisations',
    field: 'articles',
    args: '',
    query: (page) => `organisations(first: 15) { edges { node { id articles(${page}) { ...page } } } }`,
    expected: (id) =>
      ids(
        `SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM article_organisations WHERE organisation_id = ? UNION SELECT id FROM articles WHERE source_id = ?) ORDER BY ${DATE} DESC, a.id DESC`,
        id,
        id,
      ),
  },
  {
    name: 'Topic.quotes',
    type: 'Topic',
    parents: 'topics',
    field: 'quotes',
    args: '',
    query: (page) => `topics { id quotes(${page}) { ...page } }`,
    expected: (id) => ids(`SELECT DISTINCT quote_id FROM quote_topics WHERE topic_id IN (${inList(subtree(id))}) ORDER BY 1`),
  },
  {
    name: 'Topic.quotes, oldest first',
    type: 'Topic',
    parents: 'topics',
    field: 'quotes',
    args: 'orderBy: OLDEST_FIRST',
    query: (page) => `topics { id quotes(${page}) { ...page } }`,
    expected: (id) =>
      ids(
        `SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN (SELECT quote_id FROM quote_topics WHERE topic_id IN (${inList(subtree(id))})) ORDER BY ${DATE}, q.id`,
      ),
  },
  {
    name: 'Topic.experts, most quoted first',
    type: 'Topic',
    parents: 'topics',
    field: 'experts',
    args: 'orderBy: MOST_QUOTED',
    query: (page) => `topics { id experts(${page}) { ...page } }`,
    expected: (id) =>
      ids(
        `SELECT e.id FROM experts e WHERE e.id IN (SELECT q.speaker_expert_id FROM quotes q JOIN quote_topics t ON t.quote_id = q.id WHERE t.topic_id IN (${inList(subtree(id))}))
         ORDER BY (SELECT count(*) FROM quotes WHERE speaker_expert_id = e.id) DESC, e.id DESC`,
      ),
  },
  {
    name: 'Organisation.experts, by name',
    type: 'Organisation',
    parents: 'organisations',
    field: 'experts',
    args: 'orderBy: NAME',
    query: (page) => `organisations(first: 15) { edges { node { id experts(${page}) { ...page } } } }`,
    expected: (id) => ids('SELECT e.id FROM experts e JOIN expert_affiliations f ON f.expert_id = e.id WHERE f.organisation_id = ? ORDER BY e.name, e.id', id),
  },
];

const connectionType = (r: Relation) => (r.field === 'articles' ? 'ArticleConnection' : r.field === 'experts' ? 'ExpertConnection' : 'QuoteConnection');
const FRAGMENT = (r: Relation) =>
  `fragment page on ${connectionType(r)} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }`;
const numeric = (globalId: string) => parseGlobalId(globalId)!.id;
const withArgs = (r: Relation, page: string) => [page, r.args].filter(Boolean).join(', ');

interface PageResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

async function parentsWithPages(r: Relation, first: number): Promise<{ id: string; page: PageResult }[]> {
  const body = await corpus.app().gql(`query ($first: Int, $after: String) { ${r.query(withArgs(r, 'first: $first, after: $after'))} } ${FRAGMENT(r)}`, { first });
  expect(body.errors).toBeUndefined();
  const list = body.data[r.parents];
  const nodes = Array.isArray(list) ? list : list.edges.map((e: { node: unknown }) => e.node);
  return nodes.map((n: Record<string, unknown>) => ({ id: n.id as string, page: n[r.field] as PageResult }));
}

/** One page of one parent's relation, by the page's arguments (first/after or last/before). */
async function pageOf(r: Relation, id: string, page: string, variables: Record<string, unknown>): Promise<PageResult> {
  const body = await corpus
    .app()
    .gql(
      `query ($id: ID!, ${Object.keys(variables).map((v) => `$${v}: String`)}) { node(id: $id) { ... on ${r.type} { ${r.field}(${withArgs(r, page)}) { ...page } } } } ${FRAGMENT(r)}`,
      { id, ...variables },
    );
  expect(body.errors).toBeUndefined();
  return body.data.node[r.field] as PageResult;
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
      expect(page.pageInfo.hasPreviousPage).toBe(false);
      if (all.length > 4) withMore += 1;
    }
    // The corpus must give the check something to cut.
    expect(withMore).toBeGreaterThan(0);
  });

  it('walking a parent forwards and backwards yields every child once, in order, with pageInfo right both ways', async () => {
    const parents = await parentsWithPages(r, 4);
    const busiest = [...parents].sort((a, b) => b.page.totalCount - a.page.totalCount).slice(0, 2);
    for (const { id } of busiest) {
      const all = r.expected(numeric(id));
      // Small pages, at most about 25 of them for the busiest parent.
      const size = Math.max(3, Math.ceil(all.length / 25));
      const forwards: number[] = [];
      let after: string | null = null;
      for (let guard = 0; guard <= all.length; guard++) {
        const page = await pageOf(r, id, `first: ${size}, after: $after`, { after });
        forwards.push(...page.edges.map((e) => numeric(e.node.id)));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(page.pageInfo.hasNextPage).toBe(forwards.length < all.length);
        if (page.edges.length) {
          expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
          expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forwards).toEqual(all);

      // From the end back to the start: each page in the list's order, the pages last to first.
      const backwards: number[][] = [];
      let before: string | null = null;
      for (let guard = 0; guard <= all.length; guard++) {
        const page = await pageOf(r, id, `last: ${size}, before: $before`, { before });
        backwards.unshift(page.edges.map((e) => numeric(e.node.id)));
        const seen = backwards.flat().length;
        expect(page.pageInfo.hasNextPage).toBe(before !== null);
        expect(page.pageInfo.hasPreviousPage).toBe(seen < all.length);
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backwards.flat()).toEqual(all);
    }
  });
});
