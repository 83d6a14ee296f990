import { topics } from '../../db/schema';
import { columnOf, columns, globalIdField, referenced, tableOf, type TypeProjection } from '../../graphql/compiled/projection';

/** Topic's own fields, its place in the tree and the root fields that return topics, as SQL for the compiled executor. */
export const topicProjections: Record<string, TypeProjection> = {
  Topic: {
    id: globalIdField('Topic'),
    ...columns({ slug: topics.slug, labelAr: topics.labelAr, labelEn: topics.labelEn }),
    parent: referenced('Topic', topics, topics.parentId),
    children: {
      kind: 'list',
      type: 'Topic',
      table: topics,
      rows: (self, child) => `FROM ${tableOf(topics)} AS ${child} WHERE ${columnOf(child, topics.parentId)} = ${self}."id" ORDER BY ${child}."id"`,
    },
  },
  Query: {
    topic: {
      kind: 'object',
      type: 'Topic',
      table: topics,
      bind: (args) => args.slug,
      from: (_self, child, slug) => `FROM ${tableOf(topics)} AS ${child} WHERE ${columnOf(child, topics.slug)} = ${slug.param((v) => v)}`,
    },
    // Every topic: a few dozen rows, read whole as TopicResolver.topics reads them.
    topics: { kind: 'list', type: 'Topic', table: topics, rows: (_self, child) => `FROM ${tableOf(topics)} AS ${child} ORDER BY ${child}."id"` },
  },
};
