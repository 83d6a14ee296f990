import { and, asc, count, eq, getTableColumns, gt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { organisations, quoteOrganisations, quotes, quoteTopics, topics, type QuoteRow } from '../../db/schema';
import { byIdLoader, compound, linkedRowsLoader, MAX_COMPOUND_ARMS, perParentPageLoader, type Link } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { tag, type Tagged } from '../../graphql/node';
import { toPage, type Page, type PageWindow } from '../../graphql/relay';
import { SEARCH_KIND } from '../../graphql/search-pattern';
import { searchIndex } from '../../db/search-index';
import { topicTree } from '../topic/topic.loaders';

export type QuoteEntity = Tagged<QuoteRow, 'Quote'>;

/**
 * A page of the quotes that match a search and `where`, walked in the search index's rowid order
 * (id order), so a common word costs a few index steps rather than a list of every match. The
 * count, asked for only with totalCount, does list the matches.
 */
export function searchedQuotes(ctx: Context, match: string, where: SQL | undefined, window: PageWindow): Page<QuoteEntity> {
  const matched = and(sql`${searchIndex} MATCH ${match}`, sql`(${searchIndex.rowid} & 3) = ${SEARCH_KIND.Quote}`);
  const isHit = eq(quotes.id, sql`${searchIndex.rowid} >> 2`);
  const rows =
    window.first === 0
      ? []
      : ctx.db
          .select(getTableColumns(quotes))
          .from(searchIndex)
          .innerJoin(quotes, isHit)
          .where(and(matched, gt(searchIndex.rowid, (window.afterId ?? 0) * 4 + 3), where))
          .orderBy(asc(searchIndex.rowid))
          .limit(window.first + 1)
          .all();
  return toPage(
    rows.map((r) => tag('Quote', r)),
    window,
    async () => ctx.db.select({ n: count() }).from(searchIndex).innerJoin(quotes, isHit).where(and(matched, where)).get()?.n ?? 0,
  );
}

export const quoteById = (ctx: Context) => byIdLoader<QuoteRow, 'Quote'>(ctx, 'Quote', quotes);
// The join tables a quote's lists read, shared with the compiled executor's projections.
export const QUOTE_TOPICS: Link = { parent: quoteTopics.quoteId, child: quoteTopics.topicId };
export const QUOTE_ORGANISATIONS: Link = { parent: quoteOrganisations.quoteId, child: quoteOrganisations.organisationId };

export const topicsOfQuote = (ctx: Context) => linkedRowsLoader(ctx, 'quote.topics', QUOTE_TOPICS, 'Topic', topics);
export const organisationsOfQuote = (ctx: Context) => linkedRowsLoader(ctx, 'quote.organisations', QUOTE_ORGANISATIONS, 'Organisation', organisations);

/**
 * Restricts quotes (by default `q`, the quotes table alias) to those tagged with one of these
 * topics. EXISTS, not IN (…): SQLite then walks the quotes another index gives and probes the
 * (quote_id, topic_id) key, instead of materialising every quote of a popular topic first.
 */
export function onTopics(topicIds: number[] | null, quoteId: SQLiteColumn | SQL = sql`q.id`): SQL | undefined {
  if (topicIds === null) return undefined;
  const list = sql.join(topicIds.map((id) => sql`${id}`), sql`, `);
  return sql`EXISTS (SELECT 1 FROM ${quoteTopics} WHERE ${quoteTopics.quoteId} = ${quoteId} AND ${quoteTopics.topicId} IN (${list}))`;
}

// Every column of the quotes table under its field name, from the table's own definition.
const QUOTE_COLUMNS = sql.raw(
  Object.entries(getTableColumns(quotes))
    .map(([key, column]) => `q."${column.name}" AS "${key}"`)
    .join(', '),
);

/** Yields (parent_id, quote_id) for every quote of each parent. */
type Pairs = (parentIds: number[]) => SQL;

/** Each parent's page of quotes, with its parent id, in one statement for the batch. */
type PageRows = (parentIds: number[], afterId: number | null, limit: number) => SQL;

const filtersOf = (afterId: number | null, topicIds: number[] | null) =>
  [afterId === null ? undefined : sql`q.id > ${afterId}`, onTopics(topicIds)].filter(Boolean) as SQL[];

const whereAll = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

/**
 * Quote pages for many parents: `rows` cuts the pages, `pairs` (with the same filters) counts
 * each parent's quotes, only when a client asks for totalCount.
 */
function quotePages(ctx: Context, key: string, window: PageWindow, topicIds: number[] | null, pairs: Pairs, rows: PageRows) {
  return perParentPageLoader<QuoteEntity>(ctx, `${key}.${topicIds?.join(',') ?? '*'}`, window, {
    maxBatchSize: MAX_COMPOUND_ARMS,
    rows: (parentIds, { afterId }, limit) => ctx.db.all<QuoteRow & { parentId: number }>(rows(parentIds, afterId, limit)).map((r) => tag('Quote', r)),
    counts: (parentIds) =>
      ctx.db.all<{ parentId: number; count: number }>(sql`
        SELECT p.parent_id AS parentId, COUNT(*) AS count
        FROM (${pairs(parentIds)}) AS p JOIN ${quotes} AS q ON q.id = p.quote_id
        ${whereAll(filtersOf(null, topicIds))} GROUP BY p.parent_id`),
  });
}

const idList = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/**
 * Quotes grouped by a column of the quotes table itself (article, speaker). Each parent's page is
 * its own `ORDER BY id LIMIT n` on the column's index, the pages joined by UNION ALL: one statement
 * a batch, no window function and no sort, and a parent with 26,000 quotes costs what one with ten
 * does.
 */
function quotesByColumn(ctx: Context, key: string, column: 'article_id' | 'speaker_expert_id' | 'speaker_organisation_id', window: PageWindow, topicIds: number[] | null) {
  const col = sql.raw(`"${column}"`);
  const pairs: Pairs = (parentIds) => sql`SELECT ${col} AS parent_id, id AS quote_id FROM ${quotes} WHERE ${col} IN (${idList(parentIds)})`;
  const rows: PageRows = (parentIds, afterId, limit) =>
    compound(
      parentIds.map(
        (id) => sql`SELECT ${QUOTE_COLUMNS}, ${id} AS parentId FROM ${quotes} AS q
          ${whereAll([sql`q.${col} = ${id}`, ...filtersOf(afterId, topicIds)])} ORDER BY q.id LIMIT ${limit}`,
      ),
    );
  return quotePages(ctx, key, window, topicIds, pairs, rows);
}

export const quotesByArticle = (ctx: Context, window: PageWindow, topicIds: number[] | null) =>
  quotesByColumn(ctx, 'article.quotes', 'article_id', window, topicIds);

export const quotesByExpert = (ctx: Context, window: PageWindow, topicIds: number[] | null) =>
  quotesByColumn(ctx, 'expert.quotes', 'speaker_expert_id', window, topicIds);

export const statementsByOrganisation = (ctx: Context, window: PageWindow) =>
  quotesByColumn(ctx, 'organisation.statements', 'speaker_organisation_id', window, null);

/**
 * Topic.quotes: each topic covers its subtopics, so a quote is counted once per topic asked for.
 * A topic's page is the first ids of each covered topic on the (topic_id, quote_id) index, merged
 * without repeats and cut again: the first n of a union are among the first n of each part.
 */
export function quotesByTopic(ctx: Context, window: PageWindow) {
  const tree = topicTree(ctx);
  const pairs: Pairs = (topicIds) => {
    const covered = topicIds.flatMap((root) => tree.subtree(root).map((id) => sql`(${root}, ${id})`));
    return sql`SELECT DISTINCT c.root AS parent_id, ${quoteTopics.quoteId} AS quote_id
      FROM (WITH covered(root, topic_id) AS (VALUES ${sql.join(covered, sql`, `)}) SELECT * FROM covered) AS c
      JOIN ${quoteTopics} ON ${quoteTopics.topicId} = c.topic_id`;
  };
  const firstIds = (topicId: number, afterId: number | null, limit: number) =>
    sql`SELECT ${quoteTopics.quoteId} AS quote_id FROM ${quoteTopics} WHERE ${quoteTopics.topicId} = ${topicId}
      ${afterId === null ? sql`` : sql`AND ${quoteTopics.quoteId} > ${afterId}`} ORDER BY ${quoteTopics.quoteId} LIMIT ${limit}`;
  const rows: PageRows = (rootIds, afterId, limit) =>
    compound(
      rootIds.map(
        (root) => sql`SELECT ${QUOTE_COLUMNS}, ${root} AS parentId FROM ${quotes} AS q WHERE q.id IN (
          SELECT quote_id FROM (${compound(tree.subtree(root).map((id) => firstIds(id, afterId, limit)), 'UNION')}) ORDER BY quote_id LIMIT ${limit})
          ORDER BY q.id`,
      ),
    );
  return quotePages(ctx, 'topic.quotes', window, null, pairs, rows);
}
