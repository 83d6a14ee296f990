import { afterAll, beforeAll, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap';
import { openDatabase } from '../src/db/client';
import { generateCorpus } from '../src/corpus/generate';
import { registerSqlFunctions } from '../src/graphql/compiled/executor';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

// The statements S1–S5 of the benchmark run must never read a whole table: every plan step on a
// real table is a SEARCH through an index (or the FTS index), not a SCAN. The topic tree (a few
// dozen rows) is the exception: it is read whole, when the kept copy is out of date, by design.
const TABLES = [
  'articles',
  'quotes',
  'experts',
  'organisations',
  'organisation_aliases',
  'topic_terms',
  'quote_topics',
  'quote_organisations',
  'article_topics',
  'article_organisations',
  'article_experts',
  'expert_affiliations',
];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    prepare: (dbPath) => {
      const db = openReadyDatabase(dbPath);
      generateCorpus(db, { articles: 200, seed: 3, experts: 100, organisations: 40 });
      // Plans as at archive scale: the planner's statistics say every table is 1,000 times larger
      // than this small corpus (same selectivities), as a 200,000-article archive would be.
      db.sqlite.exec('ANALYZE');
      for (const row of db.sqlite.prepare('SELECT rowid, stat FROM sqlite_stat1').all() as { rowid: number; stat: string }[]) {
        const [rows, ...rest] = row.stat.split(' ');
        db.sqlite.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE rowid = ?').run([String(Number(rows) * 1000), ...rest].join(' '), row.rowid);
      }
      db.close();
    },
  });
}, 60_000);
afterAll(() => app?.close());

const S2 = `query ($id: ID!) { expert(id: $id) { name quotes(first: 10, topic: "cybersecurity") { edges { node { text article { title } organisations { name } } } } } }`;
const SCENARIOS: [string, string, Record<string, unknown>][] = [
  ['S1', 'query ($id: ID!) { expert(id: $id) { name role } }', { id: toGlobalId('Expert', 5) }],
  ['S2', S2, { id: toGlobalId('Expert', 5) }],
  ['S3', '{ experts(first: 50) { edges { node { quotes(first: 5) { edges { node { text topics { slug } } } } } } } }', {}],
  ['S4 search', '{ search(query: "الأمن السيبراني", first: 20) { edges { node { ... on Quote { text } ... on Article { title } } } } }', {}],
  ['S4 filter', '{ quotes(first: 20, filter: { topic: "cybersecurity", search: "الهجمات" }) { edges { node { text } } } }', {}],
  [
    'S5',
    '{ quotes(first: 100) { edges { node { text speaker { ... on Expert { name } ... on Organisation { name } } article { title } topics { slug } organisations { name } } } } }',
    {},
  ],
  // A news front end: latest quotes of an expert, the feeds newest first, a last page, a speaker's facets.
  [
    'latest quotes',
    'query ($id: ID!) { expert(id: $id) { quotes(first: 10, orderBy: NEWEST_FIRST) { pageInfo { hasNextPage endCursor } nodes { text } } } }',
    { id: toGlobalId('Expert', 5) },
  ],
  ['feeds', '{ articles(first: 20) { pageInfo { hasNextPage } nodes { title } } quotes(first: 20, orderBy: NEWEST_FIRST) { nodes { text } } }', {}],
  ['last page', '{ quotes(last: 20) { pageInfo { hasPreviousPage } nodes { text } } }', {}],
  [
    'facets of a speaker',
    'query ($id: String!) { quoteFacets(filter: { speaker: $id }) { topics { count } months { count } outlets { count } } }',
    { id: toGlobalId('Expert', 5) },
  ],
];

it.each(SCENARIOS)('%s reads no table in full', async (_name, query, variables) => {
  app.counter.log = [];
  const body = await app.gql(query, variables);
  const statements = app.counter.log;
  app.counter.log = null;
  expect(body.errors).toBeUndefined();
  expect(statements.length).toBeGreaterThan(0);
  const db = openDatabase(app.dbPath, { readonly: true });
  registerSqlFunctions(db.sqlite);
  try {
    const scans: string[] = [];
    for (const { sql, params } of statements) {
      const plan = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) as { detail: string }[];
      for (const { detail } of plan) {
        // The compiled executor's aliases are the table's name and a number (quotes_3).
        const scanned = detail.match(/^SCAN (\w+)(?: AS \w+)?(.*)$/);
        if (scanned && TABLES.includes(scanned[1].replace(/_\d+$/, '')) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(scanned[2]))
          scans.push(`${detail}  ←  ${sql.slice(0, 120)}`);
      }
    }
    expect(scans).toEqual([]);
  } finally {
    db.close();
  }
});
