import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { articles, quoteOrganisations, quotes, type QuoteRow } from '../../db/schema';
import { listPage } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { expectId, resolveRef } from '../../graphql/lookup';
import { PageArgs, pageWindow } from '../../graphql/relay';
import { matchesRow, parseSearch } from '../../graphql/search-pattern';
import { articleById, articleBySlug, type ArticleEntity } from '../article/article.loaders';
import { Article } from '../article/article.type';
import { expertById, expertBySlug, type ExpertEntity } from '../expert/expert.loaders';
import { Expert } from '../expert/expert.type';
import { organisationById, organisationBySlug, type OrganisationEntity } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';
import { topicFilterIds, type TopicEntity } from '../topic/topic.loaders';
import { Topic } from '../topic/topic.type';
import { QuotesArgs, TopicQuotesArgs } from './quote.args';
import type { QuoteFilter } from './quote.input';
import {
  quoteById,
  onTopics,
  organisationsOfQuote,
  quotesByArticle,
  quotesByExpert,
  quotesByTopic,
  topicsOfQuote,
  searchedQuotes,
  statementsByOrganisation,
  type QuoteEntity,
} from './quote.loaders';
import { Quote, QuoteConnection } from './quote.type';
import { speakerFromId, speakerFromSlug } from './speaker.ref';
import { Speaker } from './speaker.union';
import { Bounded } from '../../graphql/list-bound';

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { nullable: true, description: 'One quote by id; null when none matches.' })
  quote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<QuoteEntity | null> {
    return quoteById(ctx).load(expectId(id, 'Quote', 'id'));
  }

  @Query(() => QuoteConnection, { description: 'Quotes in the order they were ingested (per article, in reading order).' })
  async quotes(@Args(() => QuotesArgs) args: QuotesArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args);
    const filter = args.filter;
    if (filter?.search == null) return listPage<QuoteRow, 'Quote'>(ctx, 'Quote', quotes, await quoteWhere(ctx, filter, false), window);
    const { match } = parseSearch(filter.search, 'filter.search');
    // A speaker or an article narrows to tens of thousands of quotes at most: walk those, probing the
    // index per row. Otherwise the search index drives, in id order, and the rest is checked per hit.
    const narrow = filter.speaker != null || filter.article != null;
    const where = await quoteWhere(ctx, filter, true);
    if (narrow || match === null) return listPage<QuoteRow, 'Quote'>(ctx, 'Quote', quotes, and(where, matchesRow('Quote', quotes.id, match)), window);
    return searchedQuotes(ctx, match, where, window);
  }

  @FieldResolver(() => Article)
  async article(@Root() quote: QuoteEntity, @Ctx() ctx: Context): Promise<ArticleEntity> {
    const article = await articleById(ctx).load(quote.articleId);
    if (!article) throw new Error(`quote ${quote.id} points at missing article ${quote.articleId}`);
    return article;
  }

  @FieldResolver(() => Speaker, { nullable: true })
  speaker(@Root() quote: QuoteEntity, @Ctx() ctx: Context): Promise<ExpertEntity | OrganisationEntity | null> | null {
    if (quote.speakerExpertId !== null) return expertById(ctx).load(quote.speakerExpertId);
    if (quote.speakerOrganisationId !== null) return organisationById(ctx).load(quote.speakerOrganisationId);
    return null;
  }

  @FieldResolver(() => [Topic], { description: 'What the quote is about (at most 30 topics).' })
  @Bounded(30)
  async topics(@Root() quote: QuoteEntity, @Ctx() ctx: Context): Promise<TopicEntity[]> {
    return topicsOfQuote(ctx).load(quote.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations the quote names (at most 50).' })
  @Bounded(50)
  async organisations(@Root() quote: QuoteEntity, @Ctx() ctx: Context): Promise<OrganisationEntity[]> {
    return organisationsOfQuote(ctx).load(quote.id);
  }
}

@Resolver(() => Article)
export class ArticleQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: 'The article’s quotes in reading order.' })
  quotes(@Root() article: ArticleEntity, @Args(() => TopicQuotesArgs) args: TopicQuotesArgs, @Ctx() ctx: Context) {
    const topicIds = args.topic == null ? null : topicFilterIds(ctx, args.topic, 'topic');
    return quotesByArticle(ctx, pageWindow(args), topicIds).load(article.id);
  }
}

@Resolver(() => Expert)
export class ExpertQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: 'What the expert said, optionally on one topic and its subtopics.' })
  quotes(@Root() expert: ExpertEntity, @Args(() => TopicQuotesArgs) args: TopicQuotesArgs, @Ctx() ctx: Context) {
    const topicIds = args.topic == null ? null : topicFilterIds(ctx, args.topic, 'topic');
    return quotesByExpert(ctx, pageWindow(args), topicIds).load(expert.id);
  }
}

@Resolver(() => Organisation)
export class OrganisationStatementsResolver {
  @FieldResolver(() => QuoteConnection, { description: 'Quotes whose speaker is the organisation itself (statements).' })
  statements(@Root() org: OrganisationEntity, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return statementsByOrganisation(ctx, pageWindow(args)).load(org.id);
  }
}

@Resolver(() => Topic)
export class TopicQuotesResolver {
  @FieldResolver(() => QuoteConnection, { description: 'Quotes on the topic or any of its subtopics.' })
  quotes(@Root() topic: TopicEntity, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return quotesByTopic(ctx, pageWindow(args)).load(topic.id);
  }
}

/** A speaker filter is an Expert or Organisation id, or a slug that names exactly one of them. */
async function speakerCondition(ctx: Context, value: string): Promise<SQL> {
  const argument = 'filter.speaker';
  let speaker = speakerFromId(value, argument);
  if (!speaker) {
    const [expert, org] = await Promise.all([expertBySlug(ctx).load(value), organisationBySlug(ctx).load(value)]);
    speaker = speakerFromSlug(value, argument, expert?.id, org?.id);
  }
  return speaker.type === 'Expert' ? eq(quotes.speakerExpertId, speaker.id) : eq(quotes.speakerOrganisationId, speaker.id);
}

/**
 * The filter's conditions but the search, which the caller applies. `perRow`: another index drives
 * the walk, so the topic is probed per row; otherwise SQLite reads the topic's quote ids first.
 */
async function quoteWhere(ctx: Context, filter: QuoteFilter | null | undefined, perRow: boolean): Promise<SQL | undefined> {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.topic != null) {
    const topicIds = topicFilterIds(ctx, filter.topic, 'filter.topic');
    conditions.push(
      perRow
        ? onTopics(topicIds, quotes.id)
        : sql`${quotes.id} IN (SELECT quote_id FROM quote_topics WHERE ${inArray(sql`topic_id`, topicIds)})`,
    );
  }
  if (filter.speaker != null) conditions.push(await speakerCondition(ctx, filter.speaker));
  if (filter.organisation != null) {
    const orgId = await resolveRef(filter.organisation, 'Organisation', 'filter.organisation', organisationBySlug(ctx));
    conditions.push(
      sql`${quotes.id} IN (SELECT ${quoteOrganisations.quoteId} FROM ${quoteOrganisations} WHERE ${quoteOrganisations.organisationId} = ${orgId})`,
    );
  }
  if (filter.article != null) {
    conditions.push(eq(quotes.articleId, await resolveRef(filter.article, 'Article', 'filter.article', articleBySlug(ctx))));
  }
  if (filter.kind) conditions.push(eq(quotes.kind, filter.kind));
  if (filter.publishedAfter || filter.publishedBefore) {
    const published = and(
      filter.publishedAfter ? gte(articles.publishedAt, filter.publishedAfter) : undefined,
      filter.publishedBefore ? lt(articles.publishedAt, filter.publishedBefore) : undefined,
    );
    conditions.push(sql`${quotes.articleId} IN (SELECT ${articles.id} FROM ${articles} WHERE ${published})`);
  }
  return and(...conditions);
}
