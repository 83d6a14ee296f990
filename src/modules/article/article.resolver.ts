import { and, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { articleExperts, articleOrganisations, articles, articleTopics, quotes } from '../../db/schema';
import { listPage, loadAll } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { IdOrSlugArgs, lookupByIdOrSlug, resolveRef } from '../../graphql/lookup';
import { PageArgs, pageSize, pageWindow } from '../../graphql/relay';
import { expertBySlug, type ExpertEntity } from '../expert/expert.loaders';
import { Expert } from '../expert/expert.type';
import { organisationById, organisationBySlug, type OrganisationEntity } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';
import { topicFilterIds, type TopicEntity } from '../topic/topic.loaders';
import { Topic } from '../topic/topic.type';
import { ArticlesArgs } from './article.args';
import type { ArticleFilter } from './article.input';
import {
  ARTICLE_HEAD,
  articleBody,
  articleById,
  articleBySlug,
  expertsOfArticle,
  articleIdsByExpert,
  organisationsOfArticle,
  articlesByOrganisation,
  topicsOfArticle,
  type ArticleEntity,
  type ArticleHead,
} from './article.loaders';
import { Article, ArticleConnection } from './article.type';
import { Bounded, DATA_LIST, ListArgs } from '../../graphql/list-bound';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'One article by id or slug; null when none matches.' })
  article(@Args(() => IdOrSlugArgs) args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<ArticleEntity | null> {
    return lookupByIdOrSlug(args, 'Article', articleById(ctx), articleBySlug(ctx));
  }

  @Query(() => ArticleConnection)
  async articles(@Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args);
    return listPage<ArticleHead, 'Article'>(ctx, 'Article', articles, await articleWhere(ctx, args.filter), window, ARTICLE_HEAD);
  }

  @FieldResolver(() => String)
  async body(@Root() article: ArticleEntity, @Ctx() ctx: Context): Promise<string> {
    const body = await articleBody(ctx).load(article.id);
    // Articles are deleted only with their quotes, in one transaction: a missing body is a bug.
    if (body === null) throw new Error(`article ${article.id} has no body`);
    return body;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The outlet that published the article.' })
  source(@Root() article: ArticleEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return article.sourceId === null ? null : organisationById(ctx).load(article.sourceId);
  }

  @FieldResolver(() => [Expert], { description: 'Every person the article names, quoted or not, in the order they were added.' })
  @Bounded(DATA_LIST)
  async experts(@Root() article: ArticleEntity, @Args(() => ListArgs) { first }: ListArgs, @Ctx() ctx: Context): Promise<ExpertEntity[]> {
    return expertsOfArticle(ctx, pageSize(first)).load(article.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Every organisation the article names (at most 100).' })
  @Bounded(100)
  async organisations(@Root() article: ArticleEntity, @Ctx() ctx: Context): Promise<OrganisationEntity[]> {
    return organisationsOfArticle(ctx).load(article.id);
  }

  @FieldResolver(() => [Topic], { description: 'The topics of its quotes (at most 50).' })
  @Bounded(50)
  async topics(@Root() article: ArticleEntity, @Ctx() ctx: Context): Promise<TopicEntity[]> {
    return topicsOfArticle(ctx).load(article.id);
  }
}

@Resolver(() => Expert)
export class ExpertArticlesResolver {
  @FieldResolver(() => [Article], { description: 'Articles that name or quote the expert, the first ones added.' })
  @Bounded(DATA_LIST)
  async articles(@Root() expert: ExpertEntity, @Args(() => ListArgs) { first }: ListArgs, @Ctx() ctx: Context): Promise<ArticleEntity[]> {
    return loadAll(articleById(ctx), (await articleIdsByExpert(ctx).load(expert.id)).slice(0, pageSize(first)));
  }
}

@Resolver(() => Organisation)
export class OrganisationArticlesResolver {
  @FieldResolver(() => ArticleConnection, { description: 'Articles that mention the organisation or that it published.' })
  articles(@Root() org: OrganisationEntity, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return articlesByOrganisation(ctx, pageWindow(args)).load(org.id);
  }
}

async function articleWhere(ctx: Context, filter: ArticleFilter | null | undefined): Promise<SQL | undefined> {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.topic != null) {
    const topicIds = topicFilterIds(ctx, filter.topic, 'filter.topic');
    conditions.push(
      inArray(articles.id, ctx.db.select({ id: articleTopics.articleId }).from(articleTopics).where(inArray(articleTopics.topicId, topicIds))),
    );
  }
  if (filter.organisation != null) {
    const orgId = await resolveRef(filter.organisation, 'Organisation', 'filter.organisation', organisationBySlug(ctx));
    conditions.push(sql`${articles.id} IN (SELECT ${articleOrganisations.articleId} FROM ${articleOrganisations} WHERE ${articleOrganisations.organisationId} = ${orgId})`);
  }
  if (filter.source != null) {
    const orgId = await resolveRef(filter.source, 'Organisation', 'filter.source', organisationBySlug(ctx));
    conditions.push(sql`${articles.sourceId} = ${orgId}`);
  }
  if (filter.expert != null) {
    const expertId = await resolveRef(filter.expert, 'Expert', 'filter.expert', expertBySlug(ctx));
    conditions.push(sql`${articles.id} IN (
      SELECT ${articleExperts.articleId} FROM ${articleExperts} WHERE ${articleExperts.expertId} = ${expertId}
      UNION SELECT ${quotes.articleId} FROM ${quotes} WHERE ${quotes.speakerExpertId} = ${expertId})`);
  }
  if (filter.publishedAfter) conditions.push(gte(articles.publishedAt, filter.publishedAfter));
  if (filter.publishedBefore) conditions.push(lt(articles.publishedAt, filter.publishedBefore));
  return and(...conditions);
}
