import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { articles, experts, organisations, quotes, quoteTopics, topics } from '../../db/schema';
import { columnOf, columns, globalIdField, linkList, NotCompiled, pointedAt, referenced, rootList, tableOf, type FieldProjection, type TypeProjection } from '../../graphql/compiled/projection';
import { expectId } from '../../graphql/lookup';
import { pageWindow } from '../../graphql/relay';
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
      if (!withTopic) return [parent];
      const topics = () => bound.param((b) => b.filter);
      const link = tableOf(quoteTopics);
      return [
        parent,
        `(${topics()} IS NULL OR EXISTS (SELECT 1 FROM ${link} WHERE ${columnOf(link, quoteTopics.quoteId)} = ${child}."id" AND substr(${topics()}, ${columnOf(link, quoteTopics.topicId)}, 1) = x'31'))`,
      ];
    },
  };
}

/** Quote's own fields and relations, and the quote lists of other types, as SQL for the compiled executor. */
export const quoteProjections: Record<string, TypeProjection> = {
  Quote: {
    id: globalIdField('Quote'),
    ...columns({ text: quotes.text, kind: quotes.kind, verb: quotes.verb, start: quotes.start, end: quotes.end, position: quotes.position }),
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
    quotes: rootList('Quote', quotes),
  },
};
