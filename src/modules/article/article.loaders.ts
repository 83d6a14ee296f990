import DataLoader from 'dataloader';
import { getTableColumns, sql } from 'drizzle-orm';
import {
  articleExperts,
  articleOrganisations,
  articles,
  articleTopics,
  experts,
  organisations,
  quotes,
  topics,
  type ArticleRow,
} from '../../db/schema';
import { byIdLoader, bySlugLoader, columnByIdLoader, compound, linkedRowsLoader, MAX_COMPOUND_ARMS, perParentPageLoader, type Link } from '../../graphql/batch';
import { groupBy } from '../../util/collections';
import type { Context } from '../../graphql/context';
import { tag, type Tagged } from '../../graphql/node';
import type { PageWindow } from '../../graphql/relay';

/** An article without its body: bodies are kilobytes, and most queries want a title. */
export type ArticleHead = Omit<ArticleRow, 'body'>;
export type ArticleEntity = Tagged<ArticleHead, 'Article'>;

const { body: _body, ...headColumns } = getTableColumns(articles);
export const ARTICLE_HEAD = headColumns;

export const articleById = (ctx: Context) => byIdLoader<ArticleHead, 'Article'>(ctx, 'Article', articles, ARTICLE_HEAD);
export const articleBySlug = (ctx: Context) => bySlugLoader<ArticleHead, 'Article'>(ctx, 'Article', articles, ARTICLE_HEAD);

/** Article.body, read only when a client asks for it. */
export const articleBody = (ctx: Context) => columnByIdLoader<string>(ctx, 'article.body', articles, articles.body);

// The join tables an article's lists read, shared with the compiled executor's projections.
export const ARTICLE_EXPERTS: Link = { parent: articleExperts.articleId, child: articleExperts.expertId };
export const ARTICLE_ORGANISATIONS: Link = { parent: articleOrganisations.articleId, child: articleOrganisations.organisationId };
export const ARTICLE_TOPICS: Link = { parent: articleTopics.articleId, child: articleTopics.topicId };

export const expertsOfArticle = (ctx: Context, limit: number) => linkedRowsLoader(ctx, 'article.experts', ARTICLE_EXPERTS, 'Expert', experts, limit);
export const organisationsOfArticle = (ctx: Context) => linkedRowsLoader(ctx, 'article.organisations', ARTICLE_ORGANISATIONS, 'Organisation', organisations);
export const topicsOfArticle = (ctx: Context) => linkedRowsLoader(ctx, 'article.topics', ARTICLE_TOPICS, 'Topic', topics);

/** Articles that name an expert or quote them, whichever the annotations recorded. */
export function articleIdsByExpert(ctx: Context): DataLoader<number, number[]> {
  return ctx.loaders.get('expert.articleIds', () => new DataLoader(async (ids: readonly number[]) => {
    const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    const rows = ctx.db.all<{ expertId: number; articleId: number }>(sql`
      SELECT ${articleExperts.expertId} AS expertId, ${articleExperts.articleId} AS articleId
        FROM ${articleExperts} WHERE ${articleExperts.expertId} IN (${list})
      UNION
      SELECT ${quotes.speakerExpertId}, ${quotes.articleId}
        FROM ${quotes} WHERE ${quotes.speakerExpertId} IN (${list})
      ORDER BY articleId`);
    const byExpert = groupBy(rows, (r) => r.expertId);
    return ids.map((id) => (byExpert.get(id) ?? []).map((r) => r.articleId));
  }));
}

/**
 * Organisation.articles: articles that mention the organisation or that it published. A page is
 * the first ids of each of the two sources (both on an index in id order), merged without repeats
 * and cut again; the organisations of a batch are arms of one compound SELECT.
 */
export function articlesByOrganisation(ctx: Context, window: PageWindow) {
  const pairs = (orgIds: number[]) => {
    const list = sql.join(orgIds.map((id) => sql`${id}`), sql`, `);
    return sql`SELECT ${articleOrganisations.organisationId} AS parent_id, ${articleOrganisations.articleId} AS article_id
        FROM ${articleOrganisations} WHERE ${articleOrganisations.organisationId} IN (${list})
      UNION
      SELECT ${articles.sourceId}, ${articles.id} FROM ${articles} WHERE ${articles.sourceId} IN (${list})`;
  };
  const firstIds = (orgId: number, afterId: number | null, limit: number) =>
    compound(
      [
        sql`SELECT ${articleOrganisations.articleId} AS article_id FROM ${articleOrganisations} WHERE ${articleOrganisations.organisationId} = ${orgId}
          ${afterId === null ? sql`` : sql`AND ${articleOrganisations.articleId} > ${afterId}`} ORDER BY ${articleOrganisations.articleId} LIMIT ${limit}`,
        sql`SELECT ${articles.id} AS article_id FROM ${articles} WHERE ${articles.sourceId} = ${orgId}
          ${afterId === null ? sql`` : sql`AND ${articles.id} > ${afterId}`} ORDER BY ${articles.id} LIMIT ${limit}`,
      ],
      'UNION',
    );
  return perParentPageLoader<ArticleEntity>(ctx, 'organisation.articles', window, {
    maxBatchSize: MAX_COMPOUND_ARMS,
    rows: (orgIds, { afterId }, limit) =>
      ctx.db
        .all<Record<string, unknown>>(
          compound(
            orgIds.map(
              (orgId) => sql`SELECT a.id, a.slug, a.title, a.lede, a.language, a.url, a.published_at, a.source_id, a.content_hash, ${orgId} AS parentId
                FROM ${articles} AS a WHERE a.id IN (
                SELECT article_id FROM (${firstIds(orgId, afterId, limit)}) ORDER BY article_id LIMIT ${limit}) ORDER BY a.id`,
            ),
          ),
        )
        .map((r) => tag('Article', fromRawArticle(r))),
    counts: (orgIds) =>
      ctx.db.all<{ parentId: number; count: number }>(sql`
        SELECT parent_id AS parentId, COUNT(*) AS count FROM (${pairs(orgIds)}) GROUP BY parent_id`),
  });
}

/** Raw SQL rows carry column names; this gives them the shape drizzle's select() returns. */
function fromRawArticle(r: Record<string, unknown>): ArticleHead & { parentId: number } {
  return {
    id: r.id as number,
    slug: r.slug as string,
    title: r.title as string,
    lede: r.lede as string | null,
    language: r.language as string,
    url: r.url as string | null,
    publishedAt: r.published_at == null ? null : new Date(r.published_at as number),
    sourceId: r.source_id as number | null,
    contentHash: r.content_hash as string | null,
    parentId: r.parentId as number,
  };
}
