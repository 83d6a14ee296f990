import { describe, expect, it } from 'vitest';
import { expertProfile, newestArticles, searchWithFacets, topicPage } from '../examples/news';
import { parseGlobalId, toGlobalId } from '../src/graphql/relay';
import { corpusServer } from './helpers/corpus-server';

// The news front end of examples/news.ts, typed by codegen, against a generated corpus with some
// undated articles. Every order, page and count is checked against SQL written here from the
// tables alone (an article's published_at, not the key the triggers keep for quotes).

// Undated articles sort after every dated one, newest first.
const corpus = corpusServer({ articles: 200, seed: 5, experts: 30, organisations: 15 }, (db) => db.sqlite.exec('UPDATE articles SET published_at = NULL WHERE id % 17 = 0'));
const { ids } = corpus;
const numeric = (globalId: string) => parseGlobalId(globalId)!.id;
const DATE = 'coalesce(a.published_at, -62167219200000)';
const cyberQuotes = () =>
  ids(`WITH RECURSIVE sub(id) AS (SELECT id FROM topics WHERE slug = 'cybersecurity' UNION SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id)
       SELECT DISTINCT quote_id FROM quote_topics WHERE topic_id IN (SELECT id FROM sub)`);

type TopicQuotes = NonNullable<NonNullable<Awaited<ReturnType<typeof topicPage>>['topic']>['quotes']>;

describe('a news front end on the typed operations of examples/', () => {
  it("an expert's profile lists their latest quotes newest first, each once, page by page", async () => {
    const [busiest] = ids('SELECT speaker_expert_id FROM quotes WHERE speaker_expert_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
    const slug = corpus.sqlite().prepare('SELECT slug FROM experts WHERE id = ?').pluck().get(busiest) as string;
    const expected = ids(`SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_expert_id = ? ORDER BY ${DATE} DESC, q.id DESC`, busiest);
    expect(expected.length).toBeGreaterThan(10);
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const { expert } = await expertProfile(corpus.app().url, slug, { first: 7, after });
      expect(expert?.quoteCount).toBe(expected.length);
      const latest = expert!.latest!;
      expect(latest.totalCount).toBe(expected.length);
      seen.push(...latest.nodes.map((q) => numeric(q.id)));
      if (!latest.pageInfo.hasNextPage) break;
      after = latest.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(expected);
  });

  it('a topic page walks forwards and backwards over every quote once, in either date order', async () => {
    const tagged = cyberQuotes();
    for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST'] as const) {
      const direction = order === 'NEWEST_FIRST' ? 'DESC' : 'ASC';
      const expected = ids(`SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN (${tagged.join(',')}) ORDER BY ${DATE} ${direction}, q.id ${direction}`);
      expect(expected.length).toBeGreaterThan(40);
      const forwards: number[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const quotes: TopicQuotes = (await topicPage(corpus.app().url, 'cybersecurity', { first: 9, after, order })).topic!.quotes!;
        expect(quotes.totalCount).toBe(expected.length);
        expect(quotes.pageInfo.hasPreviousPage).toBe(after !== null);
        forwards.push(...quotes.edges.map((e) => numeric(e.node.id)));
        if (!quotes.pageInfo.hasNextPage) break;
        after = quotes.pageInfo.endCursor ?? null;
      }
      expect(forwards).toEqual(expected);

      const backwards: number[][] = [];
      let before: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const quotes: TopicQuotes = (await topicPage(corpus.app().url, 'cybersecurity', { last: 9, before, order })).topic!.quotes!;
        expect(quotes.pageInfo.hasNextPage).toBe(before !== null);
        backwards.unshift(quotes.edges.map((e) => numeric(e.node.id)));
        if (!quotes.pageInfo.hasPreviousPage) break;
        before = quotes.pageInfo.startCursor ?? null;
      }
      expect(backwards.flat()).toEqual(expected);
    }
  });

  it("a search's facets count what its pages list, by topic, speaker, outlet and month", async () => {
    // A word most quotes of the topic carry, so that the search finds many.
    const texts = corpus
      .sqlite()
      .prepare(`SELECT text FROM quotes WHERE id IN (${cyberQuotes().join(',')})`)
      .pluck()
      .all() as string[];
    const counts = new Map<string, number>();
    for (const word of texts.flatMap((t) => t.split(/[\s،.:«»"]+/).filter((w) => w.length > 4))) counts.set(word, (counts.get(word) ?? 0) + 1);
    const word = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const filter = { search: word, topic: 'cybersecurity' };

    const listed: number[] = [];
    let after: string | null = null;
    let facets: Awaited<ReturnType<typeof searchWithFacets>>['quoteFacets'] = null;
    let total = 0;
    for (let guard = 0; guard < 200; guard++) {
      const page = await searchWithFacets(corpus.app().url, filter, { first: 25, after });
      facets ??= page.quoteFacets;
      total = page.quotes!.totalCount;
      listed.push(...page.quotes!.nodes.map((q) => numeric(q.id)));
      if (!page.quotes!.pageInfo.hasNextPage) break;
      after = page.quotes!.pageInfo.endCursor ?? null;
    }
    expect(listed.length).toBe(total);
    expect(new Set(listed).size).toBe(total);
    expect(total).toBeGreaterThan(5);
    const found = listed.join(',');

    // Each facet, grouped here over the quotes the pages listed: most counted first, then by value.
    const byCount = (rows: { value: string; label: string; count: number }[]) =>
      rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, 50);
    const grouped = (sql: string, type?: string) =>
      (corpus.sqlite().prepare(sql).all() as { id: number | string; label: string; count: number; type?: string }[]).map((r) => ({
        value: type || r.type ? toGlobalId((r.type ?? type) as 'Topic', r.id as number) : String(r.id),
        label: r.label,
        count: r.count,
      }));
    // A topic counts the quotes on it or on a topic below it, each once, as a topic filter finds them.
    const parents = new Map(
      corpus
        .sqlite()
        .prepare('SELECT id, parent_id AS parent FROM topics')
        .all()
        .map((r) => [(r as { id: number }).id, (r as { parent: number | null }).parent]),
    );
    const onTopic = new Map<number, Set<number>>();
    for (const { quote, topic } of corpus.sqlite().prepare(`SELECT quote_id AS quote, topic_id AS topic FROM quote_topics WHERE quote_id IN (${found})`).all() as {
      quote: number;
      topic: number;
    }[]) {
      for (let t: number | null | undefined = topic; t != null; t = parents.get(t)) onTopic.set(t, (onTopic.get(t) ?? new Set()).add(quote));
    }
    const labels = new Map(
      corpus
        .sqlite()
        .prepare('SELECT id, label_ar AS label FROM topics')
        .all()
        .map((r) => [(r as { id: number }).id, (r as { label: string }).label]),
    );
    expect(facets!.topics).toEqual(byCount([...onTopic].map(([id, quotes]) => ({ value: toGlobalId('Topic', id), label: labels.get(id)!, count: quotes.size }))));
    expect(facets!.speakers).toEqual(
      byCount(
        grouped(`SELECT 'Expert' AS type, e.id, e.name AS label, count(*) AS count FROM quotes q JOIN experts e ON e.id = q.speaker_expert_id WHERE q.id IN (${found}) GROUP BY e.id
                 UNION ALL SELECT 'Organisation', o.id, o.name, count(*) FROM quotes q JOIN organisations o ON o.id = q.speaker_organisation_id WHERE q.id IN (${found}) GROUP BY o.id`),
      ),
    );
    expect(facets!.outlets).toEqual(
      byCount(
        grouped(
          `SELECT o.id, o.name AS label, count(*) AS count FROM quotes q JOIN articles a ON a.id = q.article_id JOIN organisations o ON o.id = a.source_id WHERE q.id IN (${found}) GROUP BY o.id`,
          'Organisation',
        ),
      ),
    );
    const months = corpus
      .sqlite()
      .prepare(
        `SELECT strftime('%Y-%m', a.published_at / 1000, 'unixepoch') AS value, count(*) AS count FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.id IN (${found}) AND a.published_at IS NOT NULL GROUP BY 1 ORDER BY 1 DESC`,
      )
      .all() as { value: string; count: number }[];
    expect(facets!.months).toEqual(months.map((m) => ({ ...m, label: m.value })));
    expect(facets!.months.length).toBeGreaterThan(1);

    // A bucket's value narrows the search: the count it said is the total the narrowed page says.
    const [topic, other] = facets!.topics.filter((t) => t.count < total);
    const narrowed = await searchWithFacets(corpus.app().url, { ...filter, allTopics: [topic.value] }, { first: 1 });
    expect(narrowed.quotes!.totalCount).toBe(topic.count);
    // Either of two buckets: each quote once, however many of the two it is on.
    const either = await searchWithFacets(corpus.app().url, { ...filter, anyTopic: [topic.value, other.value] }, { first: 1 });
    expect(either.quotes!.totalCount).toBe(new Set([...onTopic.get(numeric(topic.value))!, ...onTopic.get(numeric(other.value))!]).size);
  });

  it('the feed lists articles newest first, undated last, each once', async () => {
    const expected = ids(`SELECT a.id FROM articles a ORDER BY ${DATE} DESC, a.id DESC`);
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const { articles } = await newestArticles(corpus.app().url, { first: 30, after });
      seen.push(...articles!.nodes.map((a) => numeric(a.id)));
      if (!articles!.pageInfo.hasNextPage) break;
      after = articles!.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(expected);
    const dated = ids('SELECT count(*) FROM articles WHERE published_at IS NOT NULL')[0];
    expect(dated).toBeLessThan(expected.length);
  });
});
