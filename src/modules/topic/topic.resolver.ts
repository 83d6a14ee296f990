import { Args, FieldResolver, Query, Resolver } from 'type-graphql';
import { topics } from '../../db/schema';
import { bySql, columnOf, lookupField, referenced, Sql, tableOf } from '../../graphql/compiled/projection';
import { IdOrSlugArgs } from '../../graphql/lookup';
import { Bounded } from '../../graphql/list-bound';
import { Topic } from './topic.type';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { nullable: true, description: 'A topic by id or slug, e.g. slug: "cybersecurity"; null when none matches.' })
  @Sql(lookupField('Topic', topics))
  topic(@Args(() => IdOrSlugArgs) _args: IdOrSlugArgs): never {
    return bySql();
  }

  @Query(() => [Topic], { description: 'Every topic (at most 200), in the order they were added; see parent and children for the tree.' })
  @Bounded(200)
  @Sql({ kind: 'list', type: 'Topic', table: topics, rows: (_self, child) => `FROM ${tableOf(topics)} AS ${child} ORDER BY ${child}."id"` })
  topics(): never {
    return bySql();
  }

  @FieldResolver(() => Topic, { nullable: true, description: 'The broader topic it belongs to; null for a root topic.' })
  @Sql(referenced('Topic', topics, topics.parentId))
  parent(): never {
    return bySql();
  }

  @FieldResolver(() => [Topic], { description: 'Its subtopics (at most 20).' })
  @Bounded(20)
  @Sql({
    kind: 'list',
    type: 'Topic',
    table: topics,
    rows: (self, child) => `FROM ${tableOf(topics)} AS ${child} WHERE ${columnOf(child, topics.parentId)} = ${self}."id" ORDER BY ${child}."id"`,
  })
  children(): never {
    return bySql();
  }
}
