import { asc } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { topics } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { tag } from '../../graphql/node';
import { topicById, topicBySlug, topicChildren, type TopicEntity } from './topic.loaders';
import { Topic } from './topic.type';
import { Bounded } from '../../graphql/list-bound';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { nullable: true, description: 'A topic by slug, e.g. "cybersecurity"; null when none matches.' })
  topic(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<TopicEntity | null> {
    return topicBySlug(ctx).load(slug);
  }

  @Query(() => [Topic], { description: 'Every topic (at most 200), in the order they were added; see parent and children for the tree.' })
  @Bounded(200)
  topics(@Ctx() ctx: Context): TopicEntity[] {
    return ctx.db.select().from(topics).orderBy(asc(topics.id)).all().map((r) => tag('Topic', r));
  }

  @FieldResolver(() => Topic, { nullable: true })
  parent(@Root() topic: TopicEntity, @Ctx() ctx: Context): Promise<TopicEntity | null> | null {
    return topic.parentId === null ? null : topicById(ctx).load(topic.parentId);
  }

  @FieldResolver(() => [Topic], { description: 'Its subtopics (at most 20).' })
  @Bounded(20)
  children(@Root() topic: TopicEntity, @Ctx() ctx: Context): Promise<TopicEntity[]> {
    return topicChildren(ctx).load(topic.id);
  }
}
