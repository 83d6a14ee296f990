import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { articles, experts, organisations, quotes, quoteTopics, topics } from '../../db/schema';
import { searchIndex } from '../../db/search-index';
import { columnOf, columns, globalIdField, linkList, NotCompiled, pointedAt, referenced, rootList, tableOf, type Args, type FieldProjection, type TypeProjection } from '../../graphql/compiled/projection';
import { expectId } from '../../graphql/lookup';
import { pageWindow } from '../../graphql/relay';
import { parseSearch, SEARCH_KIND } from '../../graphql/search-pattern';
import { topicFilterIds } from '../topic/topic.loaders';
import { QUOTE_ORGANISATIONS, QUOTE_TOPICS } from './quote.loaders';

/**
 * The topic ids a filter covers as one byte each, '1' at offset id − 1: a quote's topic is tested
 * with one substr of a BLOB (O(1)) whatever the subtree's size. Written `IN (SELECT value FROM
 * json_each(?))`, the test had SQLite build a table and a 10 kB Bloom filter in every run, and probe
 * the index once per (quote, topic) pair: more than a quarter of S2's statement for a rarely quoted
 * expert. Topic ids are a taxonomy's, so the bitmap is a few bytes; a literal topic's is kept until
 * the catalogue changes.
 */
export function topicBitmap(ids: readonly number[]): Buffer {
  // substr counts from 1: an id below 1 has no byte, and the resolvers answer for it.
  if (ids.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new NotCompiled('a topic id below 1');
  const bits = Buffer.alloc(Math.max(0, ...ids), '0');
  for (const id of ids) bits[id - 1] = 0x31;
  return bits;
}

/**
 * A parent's quotes by a column of the quotes table, optionally on a topic and its subtopics: the
 * pages quotesByColumn cuts, as a correlated subquery.
 */
function quotesBy(column: SQLiteColumn, withTopic: boolean): FieldProjection {
  return {
    kind: 'connection',
    type: 'Quote',
    table: quotes,
    // The topics as a bitmap, or null for any topic: one text either way.
    bind: (args, ctx) => ({
      ...pageWindow(args),
      filter: withTopic && args.topic != null ? topicBitmap(topicFilterIds(ctx, args.topic as string, 'topic')) : null,
    }),
    where: (self, child, bound) => {
      const parent = `${columnOf(child, column)} = ${self}."id"`;
      return withTopic ? [parent, onTopicBitmap(child, () => bound.param((b) => b.filter))] : [parent];
    },
  };
}

/** The quote at `child` is on one of the topics of a bitmap (topicBitmap), or the bitmap is NULL. */
function onTopicBitmap(child: string, bitmap: () => string): string {
  const link = tableOf(quoteTopics);
  return `(${bitmap()} IS NULL OR EXISTS (SELECT 1 FROM ${link} WHERE ${columnOf(link, quoteTopics.quoteId)} = ${child}."id" AND substr(${bitmap()}, ${columnOf(link, quoteTopics.topicId)}, 1) = x'31'))`;
}

interface SearchedFilter {
  match: string;
  topics: Buffer | null;
}

/**
 * `quotes(filter: { search, topic })`: the search index's quote matches in its rowid order, which is
 * id order, with the topic probed per hit, as searchedQuotes walks them.
 */
const searchedQuotes: FieldProjection = {
  kind: 'connection',
  type: 'Quote',
  table: quotes,
  via: {
    from: (child) => `${tableOf(searchIndex)} AS ${child}_fts JOIN ${tableOf(quotes)} AS ${child} ON ${child}."id" = ${child}_fts.rowid >> 2`,
    order: (child) => `${child}_fts.rowid`,
    after: (child, afterId) => `${child}_fts.rowid > ${afterId} * 4 + 3`,
  },
  bind: (args, ctx) => {
    const window = pageWindow(args);
    const filter = args.filter as { search: string; topic?: string | null };
    const { match } = parseSearch(filter.search, 'filter.search');
    if (match === null) throw new NotCompiled('a search without a searchable word');
    const topics = filter.topic == null ? null : topicBitmap(topicFilterIds(ctx, filter.topic, 'filter.topic'));
    return { ...window, filter: { match, topics } satisfies SearchedFilter };
  },
  // The kind is written into the SQL, never bound (see matchesRow).
  where: (_self, child, bound) => [
    `${child}_fts.${tableOf(searchIndex)} MATCH ${bound.param((b) => (b.filter as SearchedFilter).match)}`,
    `(${child}_fts.rowid & 3) = ${SEARCH_KIND.Quote}`,
    onTopicBitmap(child, () => bound.param((b) => (b.filter as SearchedFilter).topics)),
  ],
};

/**
 * `quotes`: the table in id order without a filter; a literal filter of a search and a topic as the
 * search index walks it. Any other filter runs through the resolvers.
 */
function quoteList(literal: Args | null): FieldProjection | null {
  const filter = literal?.filter as Record<string, unknown> | null | undefined;
  if (filter == null) return rootList('Quote', quotes);
  const given = Object.keys(filter).filter((key) => filter[key] != null);
  return filter.search != null && given.every((key) => key === 'search' || key === 'topic') ? searchedQuotes : null;
}

/** Quote's own fields and relations, and the quote lists of other types, as SQL for the compiled executor. */
export const quoteProjections: Record<string, TypeProjection> = {
  Quote: {
    id: globalIdField('Quote'),
    ...columns({
      text: quotes.text,
      kind: quotes.kind,
      verb: quotes.verb,
      start: quotes.start,
      end: quotes.end,
      position: quotes.position,
      attribution: quotes.attribution,
      origin: quotes.origin,
    }),
    article: referenced('Article', articles, quotes.articleId),
    // As QuoteResolver.speaker: the expert when there is one, else the organisation.
    speaker: {
      kind: 'union',
      members: [
        { type: 'Expert', table: experts, when: (self) => `${columnOf(self, quotes.speakerExpertId)} IS NOT NULL`, from: pointedAt(experts, quotes.speakerExpertId) },
        { type: 'Organisation', table: organisations, when: (self) => `${columnOf(self, quotes.speakerOrganisationId)} IS NOT NULL`, from: pointedAt(organisations, quotes.speakerOrganisationId) },
      ],
    },
    organisations: linkList('Organisation', QUOTE_ORGANISATIONS, organisations),
    topics: linkList('Topic', QUOTE_TOPICS, topics),
  },
  Expert: { quotes: quotesBy(quotes.speakerExpertId, true) },
  Article: { quotes: quotesBy(quotes.articleId, true) },
  Organisation: { statements: quotesBy(quotes.speakerOrganisationId, false) },
  Query: {
    quote: {
      kind: 'object',
      type: 'Quote',
      table: quotes,
      bind: (args) => expectId(args.id as string, 'Quote', 'id'),
      from: (_self, child, id) => `FROM ${tableOf(quotes)} AS ${child} WHERE ${child}."id" = ${id.param((v) => v)}`,
    },
    quotes: { kind: 'chosen', choose: quoteList },
  },
};
