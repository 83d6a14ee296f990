import { sql, type SQL } from 'drizzle-orm';
import { quoteOrganisations, quotes, quoteTopics, type QuoteRow } from '../../db/schema';
import { byIdLoader, linkedIdsLoader, perParentPageLoader } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { tag, type Tagged } from '../../graphql/node';
import type { PageWindow } from '../../graphql/relay';
import { topicTree } from '../topic/topic.loaders';

export type QuoteEntity = Tagged<QuoteRow, 'Quote'>;

export const quoteById = (ctx: Context) => byIdLoader<QuoteRow, 'Quote'>(ctx, 'Quote', quotes);
export const quoteTopicIds = (ctx: Context) =>
  linkedIdsLoader(ctx, 'quote.topics', quoteTopics, quoteTopics.quoteId, quoteTopics.topicId);
export const quoteOrganisationIds = (ctx: Context) =>
  linkedIdsLoader(ctx, 'quote.organisations', quoteOrganisations, quoteOrganisations.quoteId, quoteOrganisations.organisationId);

/**
 * Restricts `q` (the quotes table alias) to quotes tagged with one of these topics. EXISTS, not
 * IN (…): SQLite then walks the parent's quotes and probes the (quote_id, topic_id) key, instead of
 * materialising every quote of a popular topic first.
 */
export function onTopics(topicIds: number[] | null): SQL | undefined {
  if (topicIds === null) return undefined;
  const list = sql.join(topicIds.map((id) => sql`${id}`), sql`, `);
  return sql`EXISTS (SELECT 1 FROM ${quoteTopics} WHERE ${quoteTopics.quoteId} = q.id AND ${quoteTopics.topicId} IN (${list}))`;
}

const QUOTE_COLUMNS = sql.raw(
  `q.id AS id, q.article_id AS articleId, q.text AS text, q.kind AS kind, q.verb AS verb, q.start AS start,
   q."end" AS "end", q.position AS position, q.speaker_expert_id AS speakerExpertId,
   q.speaker_organisation_id AS speakerOrganisationId`,
);

/**
 * Yields (parent_id, quote_id). With `page`, a relation may already cut each parent's quotes to
 * the page (after the cursor, matching `where`, the first `limit` by id); without, all of them.
 */
type Pairs = (parentIds: number[], page?: { afterId: number | null; limit: number; where: SQL | undefined }) => SQL;

/**
 * A page of quotes for each parent in one statement: the window function numbers each parent's
 * quotes in id order so the limit applies per parent.
 */
function windowedQuotes(ctx: Context, key: string, window: PageWindow, topicIds: number[] | null, pairs: Pairs) {
  const filters = (afterId: number | null) => {
    const conditions = [afterId === null ? undefined : sql`q.id > ${afterId}`, onTopics(topicIds)].filter(Boolean) as SQL[];
    return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  };
  return perParentPageLoader<QuoteEntity>(ctx, `${key}.${topicIds?.join(',') ?? '*'}`, window, {
    rows: (parentIds, { afterId }, limit) =>
      ctx.db
        .all<QuoteRow & { parentId: number }>(sql`
          SELECT * FROM (
            SELECT ${QUOTE_COLUMNS}, p.parent_id AS parentId,
              ROW_NUMBER() OVER (PARTITION BY p.parent_id ORDER BY q.id) AS rn
            FROM (${pairs(parentIds, { afterId, limit, where: onTopics(topicIds) })}) AS p JOIN ${quotes} AS q ON q.id = p.quote_id
            ${filters(afterId)}
          ) WHERE rn <= ${limit} ORDER BY parentId, id`)
        .map((r) => tag('Quote', r)),
    counts: (parentIds) =>
      ctx.db.all<{ parentId: number; count: number }>(sql`
        SELECT p.parent_id AS parentId, COUNT(*) AS count
        FROM (${pairs(parentIds)}) AS p JOIN ${quotes} AS q ON q.id = p.quote_id
        ${filters(null)} GROUP BY p.parent_id`),
  });
}

const idList = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/**
 * Quotes grouped by a column of the quotes table itself (article, speaker). For a page, each
 * parent's quotes come from a correlated `ORDER BY id LIMIT n` on the column's index, so a parent
 * with 26,000 quotes costs what one with ten does.
 */
function byQuoteColumn(column: 'article_id' | 'speaker_expert_id' | 'speaker_organisation_id'): Pairs {
  const col = sql.raw(`"${column}"`);
  return (parentIds, page) => {
    if (!page) return sql`SELECT ${col} AS parent_id, id AS quote_id FROM ${quotes} WHERE ${col} IN (${idList(parentIds)})`;
    const conditions = [sql`q.${col} = parents.pid`, page.afterId === null ? undefined : sql`q.id > ${page.afterId}`, page.where].filter(Boolean) as SQL[];
    return sql`WITH parents(pid) AS (VALUES ${sql.join(parentIds.map((id) => sql`(${id})`), sql`, `)})
      SELECT parents.pid AS parent_id, q0.id AS quote_id FROM parents JOIN ${quotes} AS q0 ON q0.id IN (
        SELECT q.id FROM ${quotes} AS q WHERE ${sql.join(conditions, sql` AND `)} ORDER BY q.id LIMIT ${page.limit})`;
  };
}

export const quotesByArticle = (ctx: Context, window: PageWindow, topicIds: number[] | null) =>
  windowedQuotes(ctx, 'article.quotes', window, topicIds, byQuoteColumn('article_id'));

export const quotesByExpert = (ctx: Context, window: PageWindow, topicIds: number[] | null) =>
  windowedQuotes(ctx, 'expert.quotes', window, topicIds, byQuoteColumn('speaker_expert_id'));

export const statementsByOrganisation = (ctx: Context, window: PageWindow) =>
  windowedQuotes(ctx, 'organisation.statements', window, null, byQuoteColumn('speaker_organisation_id'));

/** Topic.quotes: each topic covers its subtopics, so a quote is counted once per topic asked for. */
export function quotesByTopic(ctx: Context, window: PageWindow) {
  const tree = topicTree(ctx);
  return windowedQuotes(ctx, 'topic.quotes', window, null, (topicIds) => {
    const covered = topicIds.flatMap((root) => tree.subtree(root).map((id) => sql`(${root}, ${id})`));
    return sql`SELECT DISTINCT c.root AS parent_id, ${quoteTopics.quoteId} AS quote_id
      FROM (WITH covered(root, topic_id) AS (VALUES ${sql.join(covered, sql`, `)}) SELECT * FROM covered) AS c
      JOIN ${quoteTopics} ON ${quoteTopics.topicId} = c.topic_id`;
  });
}
