import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Arg, Args, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { articles, experts, organisations, quoteOrganisations, quotes, quoteTopics, topics, UNDATED_MS } from '../../db/schema';
import { searchIndex } from '../../db/search-index';
import { equals, filteredConnection, refTo, type Condition, type Parent } from '../../graphql/compiled/filters';
import {
  bySql,
  columnOf,
  linkedTo,
  linkList,
  pointedAt,
  referenced,
  Sql,
  tableOf,
  type Bound,
  type FieldProjection,
  type Link,
  type PageBound,
} from '../../graphql/compiled/projection';
import { badUserInput } from '../../graphql/errors';
import { Bounded } from '../../graphql/list-bound';
import { expectId } from '../../graphql/lookup';
import { NULLABLE_PAGE } from '../../graphql/relay';
import { matchesRow, parseSearch, SEARCH_KIND } from '../../graphql/search-pattern';
import { Article } from '../article/article.type';
import { Expert } from '../expert/expert.type';
import { Organisation } from '../organisation/organisation.type';
import { anyTopicFilter, onEveryTopic, quoteOnTopics, topicFilter, topicFilterLists } from '../topic/topic.tree';
import { Topic } from '../topic/topic.type';
import { QUOTE_ORDER, QuoteFacetsArgs, QuotePageArgs, QuotesArgs, TopicQuotesArgs } from './quote.args';
import { QuoteFacets } from './quote.facets';
import { Quote, QuoteConnection } from './quote.type';
import { speakerRef } from './speaker.ref';
import { Speaker } from './speaker.union';

// A quote's lists, through their join tables.
const QUOTE_TOPICS: Link = { parent: quoteTopics.quoteId, child: quoteTopics.topicId };
const QUOTE_ORGANISATIONS: Link = { parent: quoteOrganisations.quoteId, child: quoteOrganisations.organisationId };
const ORGANISATION_QUOTES: Link = { parent: quoteOrganisations.organisationId, child: quoteOrganisations.quoteId };

const ARTICLES = tableOf(articles);
const TAGS = tableOf(quoteTopics);
const FTS = tableOf(searchIndex);

/** The full-text match of a search, or null when it has no searchable word (it then finds nothing). */
const searchMatch = (value: unknown, argument: string) => parseSearch(value as string, argument).match;

/** What `quotes(filter:)` narrows by, but the speaker and the search, which choose the walk. */
export const QUOTE_CONDITIONS: Record<string, Condition> = {
  topic: { bind: (value, ctx, argument) => topicFilter(ctx, value, argument), sql: (child, value) => quoteOnTopics(child, value()) },
  anyTopic: { bind: (value, ctx, argument) => anyTopicFilter(ctx, value, argument), sql: (child, value) => quoteOnTopics(child, value()) },
  allTopics: {
    bind: (value, ctx, argument) => JSON.stringify(topicFilterLists(ctx, value, argument)),
    sql: (child, value) =>
      onEveryTopic(
        child,
        value(),
        (c, ids) => `EXISTS (SELECT 1 FROM ${TAGS} WHERE ${columnOf(TAGS, quoteTopics.quoteId)} = ${c}."id" AND ${columnOf(TAGS, quoteTopics.topicId)} IN (${ids}))`,
      ),
  },
  organisation: { bind: refTo(organisations, 'Organisation'), sql: (child, value) => linkedTo(ORGANISATION_QUOTES, child, value()) },
  article: { bind: refTo(articles, 'Article'), sql: equals((child) => columnOf(child, quotes.articleId)).sql },
  kind: equals((child) => columnOf(child, quotes.kind)),
  source: {
    bind: refTo(organisations, 'Organisation'),
    sql: (child, value) => `${columnOf(child, quotes.articleId)} IN (SELECT "id" FROM ${ARTICLES} WHERE ${columnOf(ARTICLES, articles.sourceId)} = ${value()})`,
  },
  // On the quote's copy of its article's date; an undated article's quotes are in neither range.
  publishedAfter: { bind: (value) => (value as Date).getTime(), sql: (child, value) => `${columnOf(child, quotes.publishedKey)} >= ${value()}` },
  publishedBefore: {
    bind: (value) => (value as Date).getTime(),
    sql: (child, value) => `${columnOf(child, quotes.publishedKey)} < ${value()} AND ${columnOf(child, quotes.publishedKey)} > ${UNDATED_MS}`,
  },
  // Probed per row, where the speaker or the article drives the walk.
  search: { bind: (value, _ctx, argument) => searchMatch(value, argument), sql: (child, match) => matchesRow('Quote', `${child}."id"`, match) },
};

/** The speaker's quotes by one of the two speaker columns. */
const spokenBy = (column: SQLiteColumn): Condition => ({
  bind: (value, ctx, argument) => speakerRef(ctx, value as string, argument).id,
  sql: (child, value) => `${columnOf(child, column)} = ${value()}`,
});

/** Nothing: a search without a searchable word. No row's id is NULL, which the primary key says without reading a row. */
const NO_QUOTES: FieldProjection = {
  kind: 'connection',
  type: 'Quote',
  table: quotes,
  orders: QUOTE_ORDER.orders,
  where: (_self, child) => [`${child}."id" IS NULL`],
};

/**
 * A search with no speaker or article: the search index's quote matches in its rowid order, which
 * is id order, each checked against the rest of the filter.
 */
const searchedQuotes = (shaped: Record<string, unknown>, parent?: Parent): FieldProjection => {
  const rest = filteredConnection('Quote', quotes, QUOTE_CONDITIONS_BUT_SEARCH, parent, QUOTE_ORDER.orders);
  const narrowed = rest.kind === 'chosen' ? rest.choose(shaped) : null;
  if (narrowed?.kind !== 'connection') throw new Error('a filtered connection chooses a connection');
  // The match is bound after the rest of the filter's values.
  const match = (bound: Bound<PageBound>) => bound.param((b) => (b.filter as unknown[]).at(-1));
  return {
    ...narrowed,
    via: {
      from: (child) => `${FTS} AS ${child}_fts JOIN ${tableOf(quotes)} AS ${child} ON ${child}."id" = ${child}_fts.rowid >> 2`,
      key: (child) => `${child}_fts.rowid`,
      keyOf: (id) => `(${id} * 4 + ${SEARCH_KIND.Quote})`,
    },
    bind: (args, ctx) => [...(narrowed.bind!(args, ctx) as unknown[]), searchMatch((args.filter as { search: string }).search, 'filter.search')],
    where: (self, child, bound) => [`${child}_fts.${FTS} MATCH ${match(bound)}`, `(${child}_fts.rowid & 3) = ${SEARCH_KIND.Quote}`, ...narrowed.where(self, child, bound)],
  };
};
const { search: _search, ...QUOTE_CONDITIONS_BUT_SEARCH } = QUOTE_CONDITIONS;

/**
 * `quotes(filter:)`. A speaker is an expert or an organisation, each quoted through its own column
 * and index: a switch between the two. A search is walked in the search index unless a speaker or
 * an article narrows the quotes first (then it is probed per row).
 */
function quoteList(shaped: Record<string, unknown>, parent?: Parent): FieldProjection {
  const filter = (shaped.filter ?? {}) as Record<string, unknown>;
  const bySpeaker = (column: SQLiteColumn) => filteredConnection('Quote', quotes, { ...QUOTE_CONDITIONS, speaker: spokenBy(column) }, parent, QUOTE_ORDER.orders);
  if (filter.speaker != null) {
    return {
      kind: 'switch',
      on: (args, ctx) => (speakerRef(ctx, (args.filter as { speaker: string }).speaker, 'filter.speaker').type === 'Expert' ? 0 : 1),
      arms: [bySpeaker(quotes.speakerExpertId), bySpeaker(quotes.speakerOrganisationId)],
    };
  }
  if (filter.search == null || filter.article != null) return filteredConnection('Quote', quotes, QUOTE_CONDITIONS, parent, QUOTE_ORDER.orders);
  return {
    kind: 'switch',
    on: (args) => (searchMatch((args.filter as { search: string }).search, 'filter.search') === null ? 1 : 0),
    arms: [searchedQuotes(shaped, parent), NO_QUOTES],
  };
}

/** `quotes(filter:)`, its page or its facets. */
const QUOTE_LIST: FieldProjection = { kind: 'chosen', choose: quoteList };

/** A parent's quotes by a column of the quotes table, optionally on a topic (the `topic` argument) and its subtopics. */
function quotesBy(column: SQLiteColumn, withTopic: boolean): FieldProjection {
  return {
    kind: 'connection',
    type: 'Quote',
    table: quotes,
    orders: QUOTE_ORDER.orders,
    // The `topic` argument is QuoteFilter.topic, bound and written by its condition.
    bind: (args, ctx) => (withTopic && args.topic != null ? QUOTE_CONDITIONS.topic.bind(args.topic, ctx, 'topic') : null),
    where: (self, child, bound) => {
      const parent = `${columnOf(child, column)} = ${self}."id"`;
      if (!withTopic) return [parent];
      const bitmap = () => bound.param((b) => b.filter);
      return [parent, `(${bitmap()} IS NULL OR ${QUOTE_CONDITIONS.topic.sql(child, bitmap)})`];
    },
  };
}

/** Asked with both `topic` and `filter`: refused, naming the argument. */
const TOPIC_AND_FILTER: FieldProjection = {
  kind: 'connection',
  type: 'Quote',
  table: quotes,
  orders: QUOTE_ORDER.orders,
  bind: () => {
    throw badUserInput('topic: with a filter, give the topic as filter.topic (or filter.anyTopic, filter.allTopics).', 'topic');
  },
  where: () => [],
};

/** A parent's quotes by a column of the quotes table: by `topic`, or by the whole quotes filter. */
const parentQuotes =
  (column: SQLiteColumn): Extract<FieldProjection, { kind: 'chosen' }>['choose'] =>
  (shaped) => {
    if (shaped.filter == null) return quotesBy(column, true);
    if (shaped.topic != null) return TOPIC_AND_FILTER;
    return quoteList(shaped, (self, child) => `${columnOf(child, column)} = ${self}."id"`);
  };

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { nullable: true, description: 'One quote by id; null when none matches.' })
  @Sql({
    kind: 'object',
    type: 'Quote',
    table: quotes,
    bind: (args) => expectId(args.id as string, 'Quote', 'id'),
    from: (_self, child, id) => `FROM ${tableOf(quotes)} AS ${child} WHERE ${child}."id" = ${id.param((v) => v)}`,
  })
  quote(@Arg('id', () => ID, { description: "The quote's id." }) _id: string): never {
    return bySql();
  }

  @Query(() => QuoteConnection, { nullable: true, description: NULLABLE_PAGE('Quotes the filter accepts, in the order orderBy names.') })
  @Sql(QUOTE_LIST)
  quotes(@Args(() => QuotesArgs) _args: QuotesArgs): never {
    return bySql();
  }

  @Query(() => QuoteFacets, {
    nullable: true,
    description: NULLABLE_PAGE(
      'Counts of the quotes the filter accepts by topic, speaker, organisation, outlet and month, in one request: with the filter of a quotes page (a search included), the facets beside it.',
    ),
  })
  @Sql({ kind: 'facets', of: QUOTE_LIST })
  quoteFacets(@Args(() => QuoteFacetsArgs) _args: QuoteFacetsArgs): never {
    return bySql();
  }

  @FieldResolver(() => Article, { description: 'The article the quote is from.' })
  @Sql(referenced('Article', articles, quotes.articleId))
  article(): never {
    return bySql();
  }

  @FieldResolver(() => Speaker, {
    nullable: true,
    description:
      'Who said it: an expert, or an organisation for a statement. Null when the article names no one the name gate accepts; attribution then holds the words as printed.',
  })
  // The expert when there is one, else the organisation.
  @Sql({
    kind: 'union',
    members: [
      { type: 'Expert', table: experts, when: (self) => `${columnOf(self, quotes.speakerExpertId)} IS NOT NULL`, from: pointedAt(experts, quotes.speakerExpertId) },
      {
        type: 'Organisation',
        table: organisations,
        when: (self) => `${columnOf(self, quotes.speakerOrganisationId)} IS NOT NULL`,
        from: pointedAt(organisations, quotes.speakerOrganisationId),
      },
    ],
  })
  speaker(): never {
    return bySql();
  }

  @FieldResolver(() => [Topic], { description: 'What the quote is about (at most 30 topics).' })
  @Bounded(30)
  @Sql(linkList('Topic', QUOTE_TOPICS, topics))
  topics(): never {
    return bySql();
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations the quote names (at most 50).' })
  @Bounded(50)
  @Sql(linkList('Organisation', QUOTE_ORGANISATIONS, organisations))
  organisations(): never {
    return bySql();
  }
}

@Resolver(() => Article)
export class ArticleQuotesResolver {
  @FieldResolver(() => QuoteConnection, {
    nullable: true,
    description: NULLABLE_PAGE('The article’s quotes, on a topic or as the quotes filter accepts them, in reading order unless orderBy says otherwise.'),
  })
  @Sql({ kind: 'chosen', choose: parentQuotes(quotes.articleId) })
  quotes(@Args(() => TopicQuotesArgs) _args: TopicQuotesArgs): never {
    return bySql();
  }
}

@Resolver(() => Expert)
export class ExpertQuotesResolver {
  @FieldResolver(() => QuoteConnection, {
    nullable: true,
    description: NULLABLE_PAGE('What the expert said, on a topic (and its subtopics) or as the quotes filter accepts it, in the order orderBy names.'),
  })
  @Sql({ kind: 'chosen', choose: parentQuotes(quotes.speakerExpertId) })
  quotes(@Args(() => TopicQuotesArgs) _args: TopicQuotesArgs): never {
    return bySql();
  }
}

@Resolver(() => Organisation)
export class OrganisationStatementsResolver {
  @FieldResolver(() => QuoteConnection, { description: 'Quotes whose speaker is the organisation itself (statements).' })
  @Sql(quotesBy(quotes.speakerOrganisationId, false))
  statements(@Args(() => QuotePageArgs) _args: QuotePageArgs): never {
    return bySql();
  }
}

/** The topic at `self` and every topic below it, as a recursive CTE named `name`. */
const subtreeOf = (self: string, name: string) => {
  const below = `${name}_below`;
  return `WITH RECURSIVE ${name}(id) AS (SELECT ${self}."id" UNION SELECT ${below}."id" FROM ${tableOf(topics)} AS ${below} JOIN ${name} ON ${columnOf(below, topics.parentId)} = ${name}.id)`;
};

/**
 * The quote at `child` is on the topic at `self` or a topic below it: among the subtree's quotes,
 * read once (`IN`: for a count or a filter), or probed for a tag of the subtree (`EXISTS`: for a
 * walk in another index's order).
 */
const onSubtree = (self: string, child: string, form: 'IN' | 'EXISTS' = 'IN') => {
  const st = `${child}_st`;
  const tagged = `${columnOf(TAGS, quoteTopics.topicId)} IN (SELECT id FROM ${st})`;
  return form === 'IN'
    ? `${child}."id" IN (${subtreeOf(self, st)} SELECT ${columnOf(TAGS, quoteTopics.quoteId)} FROM ${TAGS} WHERE ${tagged})`
    : `EXISTS (${subtreeOf(self, st)} SELECT 1 FROM ${TAGS} WHERE ${columnOf(TAGS, quoteTopics.quoteId)} = ${child}."id" AND ${tagged})`;
};

/** A topic's quotes without a filter. */
const TOPIC_QUOTES: FieldProjection = {
  kind: 'connection',
  type: 'Quote',
  table: quotes,
  orders: QUOTE_ORDER.orders,
  // Every quote of the subtree: what totalCount counts.
  where: (self, child) => [onSubtree(self, child)],
  // A page: the first ids of each topic of the subtree beyond the cursor, in the page's direction,
  // on the (topic, quote) index, merged; the page's first n are among the first n of each topic.
  // Reading every quote of a broad topic took 3.6 s at 100k.
  pageWhere: (self, child, _bound, seek) => {
    // In date order the page walks the date index, each quote probed for a tag of the subtree
    // (2.5 ms a page of a broad topic at 100k, where reading the subtree first took 2.3 s).
    if (seek.keyed) return [onSubtree(self, child, 'EXISTS')];
    const [st, tag] = [`${child}_st`, `${child}_tag`];
    const quote = columnOf(tag, quoteTopics.quoteId);
    const conditions = [`${columnOf(tag, quoteTopics.topicId)} = ${st}.id`, ...seek.conditions(quote)];
    const firsts = `SELECT json_group_array(${quote}) FROM (SELECT ${quote} FROM ${TAGS} AS ${tag} WHERE ${conditions.join(' AND ')} ORDER BY ${quote} ${seek.descending ? 'DESC' : 'ASC'} LIMIT ${seek.limit()}) AS ${tag}`;
    return [
      `${child}."id" IN (SELECT ${child}_ids.value FROM (${subtreeOf(self, st)} SELECT (${firsts}) AS ids FROM ${st}) AS ${child}_per, json_each(${child}_per.ids) AS ${child}_ids)`,
    ];
  },
};

@Resolver(() => Topic)
export class TopicQuotesResolver {
  @FieldResolver(() => QuoteConnection, {
    nullable: true,
    description: NULLABLE_PAGE('Quotes on the topic or any of its subtopics, narrowed by the filter quotes takes, in the order orderBy names.'),
  })
  // With a filter, the quotes list itself, tied to the subtree.
  @Sql({ kind: 'chosen', choose: (shaped) => (shaped.filter == null ? TOPIC_QUOTES : quoteList(shaped, (self, child) => onSubtree(self, child))) })
  quotes(@Args(() => QuotesArgs) _args: QuotesArgs): never {
    return bySql();
  }
}
