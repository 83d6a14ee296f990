import http from 'node:http';
import Database from 'better-sqlite3';

/**
 * The physical limit for this stack on scenarios S2 (the mission query) and S7 (a typed client's
 * filtered quotes, at /typed): node:http and better-sqlite3, a few plain statements for the data
 * (the GraphQL server answers each with one compiled statement), and JSON.stringify. No GraphQL,
 * no validation.
 * `node --import tsx src/bench/raw-server.ts DB PORT`.
 *
 * As fast as hand-written code gets: each statement is prepared once (per list length), its
 * parameters are written `+?` so that SQLite does not plan it again at every run (see Writer.param
 * in src/graphql/compiled/compile.ts, which does the same), and a request's statements share one
 * read transaction.
 */
const [dbPath, port] = process.argv.slice(2);
const db = new Database(dbPath, { readonly: true });
db.pragma('busy_timeout = 5000');

const marks = (n: number) => Array(n).fill('+?').join(', ');
/** One statement per list length, prepared on first use. */
function perLength(sql: (marks: string) => string): (n: number) => Database.Statement {
  const prepared = new Map<number, Database.Statement>();
  return (n) => {
    let stmt = prepared.get(n);
    if (!stmt) prepared.set(n, (stmt = db.prepare(sql(marks(n)))));
    return stmt;
  };
}

const expertById = db.prepare('SELECT id, name FROM experts WHERE id = +?');
const topicSubtree = db
  .prepare(`WITH RECURSIVE sub(id) AS (SELECT id FROM topics WHERE slug = +? UNION ALL SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub`)
  .pluck();
const quotesOf = perLength(
  (topics) =>
    `SELECT q.id, q.text, q.article_id FROM quotes q WHERE q.speaker_expert_id = +? AND EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.quote_id = q.id AND qt.topic_id IN (${topics})) ORDER BY q.id LIMIT 10`,
);
const titlesOf = perLength((ids) => `SELECT id, title FROM articles WHERE id IN (${ids})`);
const organisationsOf = perLength(
  (ids) => `SELECT qo.quote_id, o.name FROM quote_organisations qo JOIN organisations o ON o.id = qo.organisation_id WHERE qo.quote_id IN (${ids}) ORDER BY o.id`,
);

// One read transaction for the five statements: on their own, each would take and release SQLite's
// WAL read lock (two fcntl calls and an fstat), which was half of the rare expert's time.
const mission = db.transaction((expertId: number): unknown => {
  const expert = expertById.get(expertId) as { id: number; name: string } | undefined;
  if (!expert) return { data: { expert: null } };
  const topics = topicSubtree.all('cybersecurity') as number[];
  const quotes = quotesOf(topics.length).all(expert.id, ...topics) as { id: number; text: string; article_id: number }[];
  const articleIds = [...new Set(quotes.map((q) => q.article_id))];
  const titles = new Map((articleIds.length ? (titlesOf(articleIds.length).all(...articleIds) as { id: number; title: string }[]) : []).map((a) => [a.id, a.title]));
  const quoteIds = quotes.map((q) => q.id);
  const orgs = quoteIds.length ? (organisationsOf(quoteIds.length).all(...quoteIds) as { quote_id: number; name: string }[]) : [];
  return {
    data: {
      expert: {
        name: expert.name,
        quotes: {
          edges: quotes.map((q) => ({
            node: { text: q.text, article: { title: titles.get(q.article_id) }, organisations: orgs.filter((o) => o.quote_id === q.id).map((o) => ({ name: o.name })) },
          })),
        },
      },
    },
  };
});

// S7, the typed client's query: an expert's quotes on a topic, counted, with the speaker's name and each article's title and date.
const quotesOnTopic = perLength(
  (topics) =>
    `SELECT q.id, q.text, q.article_id FROM quotes q WHERE q.speaker_expert_id = +? AND EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.quote_id = q.id AND qt.topic_id IN (${topics})) ORDER BY q.id LIMIT 10`,
);
const countOnTopic = perLength(
  (topics) => `SELECT count(*) FROM quotes q WHERE q.speaker_expert_id = +? AND EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.quote_id = q.id AND qt.topic_id IN (${topics}))`,
);
const datedTitlesOf = perLength((ids) => `SELECT id, title, published_at FROM articles WHERE id IN (${ids})`);
const typedClient = db.transaction((expertId: number): unknown => {
  const topics = topicSubtree.all('cybersecurity') as number[];
  const expert = expertById.get(expertId) as { id: number; name: string } | undefined;
  const quotes = quotesOnTopic(topics.length).all(expertId, ...topics) as { id: number; text: string; article_id: number }[];
  const totalCount = countOnTopic(topics.length)
    .pluck()
    .get(expertId, ...topics) as number;
  const articleIds = [...new Set(quotes.map((q) => q.article_id))];
  const rows = articleIds.length ? (datedTitlesOf(articleIds.length).all(...articleIds) as { id: number; title: string; published_at: number | null }[]) : [];
  const byId = new Map(rows.map((a) => [a.id, a]));
  return {
    data: {
      quotes: {
        totalCount,
        edges: quotes.map((q) => {
          const a = byId.get(q.article_id)!;
          return {
            node: {
              text: q.text,
              speaker: { name: expert?.name },
              article: { title: a.title, publishedAt: a.published_at === null ? null : new Date(a.published_at).toISOString() },
            },
          };
        }),
      },
    },
  };
});

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return res.end('ok');
    // Drain the body as a GraphQL server would have to.
    req.on('data', () => {});
    req.on('end', () => {
      const expert = Number(url.searchParams.get('expert'));
      const body = JSON.stringify(url.pathname === '/typed' ? typedClient(expert) : mission(expert));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  })
  .listen(Number(port), '127.0.0.1');
