import { keptWhileCatalogue } from '../../db/catalogue-version';
import { preparedOnce } from '../../db/prepared';
import { quoteTopics, topics, type TopicRow } from '../../db/schema';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { columnOf, NotCompiled, tableOf, type FacetGroup } from '../../graphql/compiled/projection';
import { rowBuckets } from '../../graphql/facets';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { groupBy } from '../../util/collections';

export interface TopicTree {
  /** The topic's id and all its descendants' ids: one frozen array per topic, shared by every request. */
  subtree(id: number): number[];
  bySlug: Map<string, TopicRow>;
  byId: Map<number, TopicRow>;
}

/**
 * The whole topic tree: topics are few, and filters need descendants. Kept between requests until
 * the catalogue changes; reading it afresh (through drizzle) was a tenth of the mission query's time.
 */
export function topicTree(ctx: Context): TopicTree {
  return keptWhileCatalogue(ctx.db, ctx.catalogueVersion(), 'topic.tree', () => {
    const rows = preparedOnce(ctx.db, 'topics:all', () => ctx.db.select().from(topics).prepare()).all();
    const children = groupBy(rows, (r) => r.parentId);
    const subtree = (id: number, seen = new Set<number>()): number[] => {
      if (seen.has(id)) return [];
      seen.add(id);
      return [id, ...(children.get(id) ?? []).flatMap((c) => subtree(c.id, seen))];
    };
    // Kept as long as the tree, as a request binds its topic filter from here; frozen, so that a
    // caller that changed one would fail loudly instead of changing every later request's filter.
    const subtrees = new Map<number, number[]>();
    return {
      subtree: (id: number) => {
        let ids = subtrees.get(id);
        if (!ids) subtrees.set(id, (ids = Object.freeze(subtree(id)) as number[]));
        return ids;
      },
      bySlug: new Map(rows.map((r) => [r.slug, r])),
      byId: new Map(rows.map((r) => [r.id, r])),
    };
  });
}

/**
 * Turns a topic filter (slug or global id) into the ids it covers: the topic and its descendants.
 * An unknown topic is a mistake worth reporting, not an empty result.
 */
export function topicFilterIds(ctx: Context, value: string, argument: string): number[] {
  const tree = topicTree(ctx);
  const parsed = parseGlobalId(value);
  const row = parsed?.type === 'Topic' ? tree.byId.get(parsed.id) : tree.bySlug.get(value);
  if (!row) {
    const known = [...tree.bySlug.keys()].sort().join(', ');
    throw badUserInput(`${argument}: unknown topic "${value}". Known topics: ${known}.`, argument);
  }
  return tree.subtree(row.id);
}

/**
 * The topic ids a filter covers as one byte each, '1' at offset id − 1: a row's topic is tested
 * with one substr of a BLOB (O(1)) whatever the subtree's size. Written `IN (SELECT value FROM
 * json_each(?))`, the test had SQLite build a table and a 10 kB Bloom filter in every run, and probe
 * the index once per (quote, topic) pair: more than a quarter of S2's statement for a rarely quoted
 * expert. Topic ids are a taxonomy's, so the bitmap is a few bytes.
 */
export function topicBitmap(ids: readonly number[]): Buffer {
  // substr counts from 1: an id below 1 has no byte.
  if (ids.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new NotCompiled('a topic id below 1');
  const bits = Buffer.alloc(Math.max(0, ...ids), '0');
  for (const id of ids) bits[id - 1] = 0x31;
  return bits;
}

/** A topic filter's bitmap, for a statement's parameter: BAD_USER_INPUT naming `argument` for an unknown topic. */
export const topicFilter = (ctx: Context, value: unknown, argument: string): Buffer => topicBitmap(topicFilterIds(ctx, value as string, argument));

/** The topic id (an SQL expression) is in the bitmap `bitmap` (an SQL expression, see topicBitmap). */
export const inTopicBitmap = (topicId: string, bitmap: string): string => `substr(${bitmap}, ${topicId}, 1) = x'31'`;

/** The quote at `child` is tagged with a topic of the bitmap. */
export function quoteOnTopics(child: string, bitmap: string): string {
  const link = tableOf(quoteTopics);
  return `EXISTS (SELECT 1 FROM ${link} WHERE ${columnOf(link, quoteTopics.quoteId)} = ${child}."id" AND ${inTopicBitmap(columnOf(link, quoteTopics.topicId), bitmap)})`;
}

/** Several topic filters (a list argument) as the ids each covers; BAD_USER_INPUT naming the item for an unknown one. */
export const topicFilterLists = (ctx: Context, values: unknown, argument: string): number[][] =>
  (values as string[]).map((value, i) => topicFilterIds(ctx, value, `${argument}[${i}]`));

/** The ids any of several topic filters covers, as one bitmap (see topicBitmap). */
export const anyTopicFilter = (ctx: Context, values: unknown, argument: string): Buffer => topicBitmap(topicFilterLists(ctx, values, argument).flat());

/**
 * The row at `child` has, for each of several topic filters (a JSON list of id lists, an SQL
 * value), a link to one of its topics: `linked(child, ids)` says it has one among `ids` (SQL).
 */
export const onEveryTopic = (child: string, lists: string, linked: (child: string, ids: string) => string): string =>
  `NOT EXISTS (SELECT 1 FROM json_each(${lists}) AS ${child}_need WHERE NOT ${linked(child, `SELECT value FROM json_each(${child}_need.value)`)})`;

/**
 * Items counted under each topic they are on, as the topic filters read it: a topic's bucket counts
 * the items tagged with it or with a topic below it, each once (so a click on a bucket finds as
 * many). `itemColumn` and `topicColumn` are a join table's (quote_topics, article_topics).
 */
export function topicFacet(itemColumn: SQLiteColumn, topicColumn: SQLiteColumn): FacetGroup {
  return {
    group: (child, from, where) => {
      const [link, up, t] = [`${child}_tagged`, `${child}_up`, `${child}_parent`];
      const ancestors = `WITH RECURSIVE ${up}(id, anc) AS (SELECT "id", "id" FROM ${tableOf(topics)} UNION SELECT ${up}.id, ${columnOf(t, topics.parentId)} FROM ${up} JOIN ${tableOf(topics)} AS ${t} ON ${t}."id" = ${up}.anc WHERE ${columnOf(t, topics.parentId)} IS NOT NULL)`;
      return `${ancestors} SELECT ${up}.anc AS id, count(DISTINCT ${child}."id") AS count FROM ${from} JOIN ${tableOf(itemColumn.table)} AS ${link} ON ${columnOf(link, itemColumn)} = ${child}."id" JOIN ${up} ON ${up}.id = ${columnOf(link, topicColumn)} WHERE ${where} GROUP BY 1`;
    },
    ...rowBuckets('Topic', topics.name),
  };
}
