import { Args, FieldResolver, Query, Resolver } from 'type-graphql';
import { articleExperts, articleOrganisations, articles, articleTopics, experts, organisations, quotes, topics } from '../../db/schema';
import { childConnection, type Condition, equals, filteredConnection, refTo } from '../../graphql/compiled/filters';
import { bySql, columnOf, linkedTo, linkList, lookupField, referenced, Sql, tableOf, type Link } from '../../graphql/compiled/projection';
import { Bounded } from '../../graphql/list-bound';
import { IdOrSlugArgs } from '../../graphql/lookup';
import { NULLABLE_PAGE } from '../../graphql/relay';
import { EXPERT_ORDER, ExpertPageArgs } from '../expert/expert.args';
import { Expert, ExpertConnection } from '../expert/expert.type';
import { Organisation } from '../organisation/organisation.type';
import { amongMatches, parseSearch } from '../../graphql/search-pattern';
import { speakerRef } from '../quote/speaker.ref';
import { onEveryTopic, topicFilterIds, topicFilterLists } from '../topic/topic.tree';
import { Topic } from '../topic/topic.type';
import { ARTICLE_ORDER, ArticleFacetsArgs, ArticlePageArgs, ArticlesArgs } from './article.args';
import { ArticleFacets } from './article.facets';
import { Article, ArticleConnection } from './article.type';

// An article's lists, through their join tables, and the articles of an organisation.
const ARTICLE_EXPERTS: Link = { parent: articleExperts.articleId, child: articleExperts.expertId };
const ORGANISATION_ARTICLES: Link = { parent: articleOrganisations.organisationId, child: articleOrganisations.articleId };
const ARTICLE_ORGANISATIONS: Link = { parent: articleOrganisations.articleId, child: articleOrganisations.organisationId };
const ARTICLE_TOPICS: Link = { parent: articleTopics.articleId, child: articleTopics.topicId };

const QUOTES = tableOf(quotes);
const NAMED = tableOf(articleExperts);
const MENTIONS = tableOf(articleOrganisations);
const TAGS = tableOf(articleTopics);

/** The ids of the articles that name the expert (an SQL expression, written anew at each use) or quote them. */
const articlesOfExpert = (expert: () => string) =>
  `SELECT ${columnOf(NAMED, articleExperts.articleId)} AS id FROM ${NAMED} WHERE ${columnOf(NAMED, articleExperts.expertId)} = ${expert()}
    UNION SELECT ${columnOf(QUOTES, quotes.articleId)} FROM ${QUOTES} WHERE ${columnOf(QUOTES, quotes.speakerExpertId)} = ${expert()}`;

/** The ids of the articles tagged with a topic among `ids` (an SQL list: a subquery). */
const taggedWith = (ids: string) => `SELECT ${columnOf(TAGS, articleTopics.articleId)} FROM ${TAGS} WHERE ${columnOf(TAGS, articleTopics.topicId)} IN (${ids})`;
/** The article at `child` is tagged with one of the topics of a JSON list of ids (an SQL value). */
const onTopics = (child: string, ids: string) => `${child}."id" IN (${taggedWith(`SELECT value FROM json_each(${ids})`)})`;

/** What `articles(filter:)` narrows by, wherever a list of articles takes the filter. */
export const ARTICLE_CONDITIONS: Record<string, Condition> = {
  // Tagged with the topic or a topic below it: the ids as a JSON list, which the (topic, article) index reads.
  topic: { bind: (value, ctx, argument) => JSON.stringify(topicFilterIds(ctx, value as string, argument)), sql: (child, value) => onTopics(child, value()) },
  anyTopic: { bind: (value, ctx, argument) => JSON.stringify(topicFilterLists(ctx, value, argument).flat()), sql: (child, value) => onTopics(child, value()) },
  allTopics: {
    bind: (value, ctx, argument) => JSON.stringify(topicFilterLists(ctx, value, argument)),
    sql: (child, value) => onEveryTopic(child, value(), (c, ids) => `${c}."id" IN (${taggedWith(ids)})`),
  },
  search: { bind: (value, _ctx, argument) => parseSearch(value as string, argument).match, sql: (child, match) => amongMatches('Article', child, match) },
  organisation: { bind: refTo(organisations, 'Organisation'), sql: (child, value) => linkedTo(ORGANISATION_ARTICLES, child, value()) },
  source: { bind: refTo(organisations, 'Organisation'), sql: equals((child) => columnOf(child, articles.sourceId)).sql },
  // An expert or an organisation, as [expert id, organisation id] (one of them null): one text for both.
  speaker: {
    bind: (value, ctx, argument) => {
      const ref = speakerRef(ctx, value as string, argument);
      return JSON.stringify(ref.type === 'Expert' ? [ref.id, null] : [null, ref.id]);
    },
    sql: (child, value) =>
      `(${child}."id" IN (${articlesOfExpert(() => `json_extract(${value()}, '$[0]')`)}) OR ${child}."id" IN (SELECT ${columnOf(QUOTES, quotes.articleId)} FROM ${QUOTES} WHERE ${columnOf(QUOTES, quotes.speakerOrganisationId)} = json_extract(${value()}, '$[1]')))`,
  },
  publishedAfter: { bind: (value) => (value as Date).getTime(), sql: (child, value) => `${columnOf(child, articles.publishedAt)} >= ${value()}` },
  publishedBefore: { bind: (value) => (value as Date).getTime(), sql: (child, value) => `${columnOf(child, articles.publishedAt)} < ${value()}` },
};

/** `articles(filter:)`, its page or its facets. */
const ARTICLE_LIST = filteredConnection('Article', articles, ARTICLE_CONDITIONS, undefined, ARTICLE_ORDER.orders);

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'One article by id or slug; null when none matches.' })
  @Sql(lookupField('Article', articles))
  article(@Args(() => IdOrSlugArgs) _args: IdOrSlugArgs): never {
    return bySql();
  }

  @Query(() => ArticleConnection, { nullable: true, description: NULLABLE_PAGE('Articles the filter accepts, newest first unless orderBy says otherwise: a feed.') })
  @Sql(ARTICLE_LIST)
  articles(@Args(() => ArticlesArgs) _args: ArticlesArgs): never {
    return bySql();
  }

  @Query(() => ArticleFacets, {
    nullable: true,
    description: NULLABLE_PAGE('Counts of the articles the filter accepts by topic, expert, organisation, outlet and month, in one request.'),
  })
  @Sql({ kind: 'facets', of: ARTICLE_LIST })
  articleFacets(@Args(() => ArticleFacetsArgs) _args: ArticleFacetsArgs): never {
    return bySql();
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The outlet that published the article.' })
  @Sql(referenced('Organisation', organisations, articles.sourceId))
  source(): never {
    return bySql();
  }

  @FieldResolver(() => ExpertConnection, { nullable: true, description: NULLABLE_PAGE('Every person the article names, quoted or not, in the order they were added.') })
  @Sql(childConnection('Expert', experts, (self, child) => linkedTo(ARTICLE_EXPERTS, child, `${self}."id"`), EXPERT_ORDER.orders))
  experts(@Args(() => ExpertPageArgs) _args: ExpertPageArgs): never {
    return bySql();
  }

  @FieldResolver(() => [Organisation], { description: 'Every organisation the article names (at most 100).' })
  @Bounded(100)
  @Sql(linkList('Organisation', ARTICLE_ORGANISATIONS, organisations))
  organisations(): never {
    return bySql();
  }

  @FieldResolver(() => [Topic], { description: 'The topics of its quotes (at most 50).' })
  @Bounded(50)
  @Sql(linkList('Topic', ARTICLE_TOPICS, topics))
  topics(): never {
    return bySql();
  }
}

@Resolver(() => Expert)
export class ExpertArticlesResolver {
  @FieldResolver(() => ArticleConnection, { nullable: true, description: NULLABLE_PAGE('Articles that name or quote the expert, in the order they were added.') })
  @Sql(childConnection('Article', articles, (self, child) => `${child}."id" IN (${articlesOfExpert(() => `${self}."id"`)})`, ARTICLE_ORDER.orders))
  articles(@Args(() => ArticlePageArgs) _args: ArticlePageArgs): never {
    return bySql();
  }
}

@Resolver(() => Organisation)
export class OrganisationArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: NULLABLE_PAGE('Articles that mention the organisation or that it published, narrowed by the filter articles takes.'),
  })
  @Sql(
    filteredConnection(
      'Article',
      articles,
      ARTICLE_CONDITIONS,
      (self, child) =>
        `${child}."id" IN (SELECT ${columnOf(MENTIONS, articleOrganisations.articleId)} FROM ${MENTIONS} WHERE ${columnOf(MENTIONS, articleOrganisations.organisationId)} = ${self}."id"
        UNION SELECT "id" FROM ${tableOf(articles)} WHERE ${columnOf(tableOf(articles), articles.sourceId)} = ${self}."id")`,
      ARTICLE_ORDER.orders,
    ),
  )
  articles(@Args(() => ArticlesArgs) _args: ArticlesArgs): never {
    return bySql();
  }
}
