import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { articleExperts, articleOrganisations, articles, articleTopics, quotes, type ArticleRow } from '../../db/schema';
import { byIdLoader, bySlugLoader, linkedIdsLoader, perParentPageLoader } from '../../graphql/batch';
import { groupBy } from '../../util/collections';
import type { Context } from '../../graphql/context';
import { tag, type Tagged } from '../../graphql/node';
import type { PageWindow } from '../../graphql/relay';

export type ArticleEntity = Tagged<ArticleRow, 'Article'>;

export const articleById = (ctx: Context) => byIdLoader<ArticleRow, 'Article'>(ctx, 'Article', articles);
export const articleBySlug = (ctx: Context) => bySlugLoader<ArticleRow, 'Article'>(ctx, 'Article', articles);

export const articleExpertIds = (ctx: Context) =>
  linkedIdsLoader(ctx, 'article.experts', articleExperts, articleExperts.articleId, articleExperts.expertId);
export const articleOrganisationIds = (ctx: Context) =>
  linkedIdsLoader(ctx, 'article.organisations', articleOrganisations, articleOrganisations.articleId, articleOrganisations.organisationId);
export const articleTopicIds = (ctx: Context) =>
  linkedIdsLoader(ctx, 'article.topics', articleTopics, articleTopics.articleId, articleTopics.topicId);

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

/** Organisation.articles: articles that mention the organisation or that it published. */
export function articlesByOrganisation(ctx: Context, window: PageWindow) {
  const pairs = (orgIds: number[]) => {
    const list = sql.join(orgIds.map((id) => sql`${id}`), sql`, `);
    return sql`SELECT ${articleOrganisations.organisationId} AS parent_id, ${articleOrganisations.articleId} AS article_id
        FROM ${articleOrganisations} WHERE ${articleOrganisations.organisationId} IN (${list})
      UNION
      SELECT ${articles.sourceId}, ${articles.id} FROM ${articles} WHERE ${articles.sourceId} IN (${list})`;
  };
  return perParentPageLoader<ArticleEntity>(ctx, 'organisation.articles', window, {
    rows: (orgIds, { afterId }, limit) =>
      ctx.db
        .all<ArticleRow & { parentId: number; publishedAt: number | null }>(sql`
          SELECT * FROM (
            SELECT a.*, p.parent_id AS parentId, ROW_NUMBER() OVER (PARTITION BY p.parent_id ORDER BY a.id) AS rn
            FROM (${pairs(orgIds)}) AS p JOIN ${articles} AS a ON a.id = p.article_id
            ${afterId === null ? sql`` : sql`WHERE a.id > ${afterId}`}
          ) WHERE rn <= ${limit} ORDER BY parentId, id`)
        .map((r) => tag('Article', fromRawArticle(r))),
    counts: (orgIds) =>
      ctx.db.all<{ parentId: number; count: number }>(sql`
        SELECT parent_id AS parentId, COUNT(*) AS count FROM (${pairs(orgIds)}) GROUP BY parent_id`),
  });
}

/** Raw SQL rows carry column names; this gives them the shape drizzle's select() returns. */
function fromRawArticle(r: Record<string, unknown>): ArticleRow & { parentId: number } {
  return {
    id: r.id as number,
    slug: r.slug as string,
    title: r.title as string,
    lede: r.lede as string | null,
    body: r.body as string,
    language: r.language as string,
    url: r.url as string | null,
    publishedAt: r.published_at == null ? null : new Date(r.published_at as number),
    sourceId: r.source_id as number | null,
    contentHash: r.content_hash as string | null,
    parentId: r.parentId as number,
  };
}
