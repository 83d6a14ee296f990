import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { keptWhileCatalogue } from '../../db/catalogue-version';
import { preparedOnce } from '../../db/prepared';
import { topics, type TopicRow } from '../../db/schema';
import { byIdLoader, bySlugLoader } from '../../graphql/batch';
import { groupBy } from '../../util/collections';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { tag, type Tagged } from '../../graphql/node';
import { parseGlobalId } from '../../graphql/relay';

export type TopicEntity = Tagged<TopicRow, 'Topic'>;

export const topicById = (ctx: Context) => byIdLoader<TopicRow, 'Topic'>(ctx, 'Topic', topics);
export const topicBySlug = (ctx: Context) => bySlugLoader<TopicRow, 'Topic'>(ctx, 'Topic', topics);

export function topicChildren(ctx: Context): DataLoader<number, TopicEntity[]> {
  return ctx.loaders.get('topic.children', () => new DataLoader(async (ids: readonly number[]) => {
    const rows = ctx.db.select().from(topics).where(inArray(topics.parentId, [...ids])).orderBy(asc(topics.id)).all();
    const byParent = groupBy(rows, (r) => r.parentId);
    return ids.map((id) => (byParent.get(id) ?? []).map((r) => tag('Topic', r)));
  }));
}

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
  return ctx.loaders.get('topic.tree', () => keptWhileCatalogue(ctx.db, 'topic.tree', () => {
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
  }));
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
