import { eq } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { topics, topicTerms } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { conflict, curate, Deleted, existingId, idByRef } from '../../graphql/mutation';
import { tag } from '../../graphql/node';
import { toGlobalId } from '../../graphql/relay';
import { CreateTopicInput, UpdateTopicInput } from './topic.input';
import type { TopicEntity } from './topic.type';
import { Topic } from './topic.type';

@Resolver()
export class TopicMutationsResolver {
  @Mutation(() => Topic, { description: 'Adds a topic, optionally under a parent. Needs the curator token.' })
  createTopic(@Arg('input', () => CreateTopicInput, { description: 'The topic to add.' }) input: CreateTopicInput, @Ctx() ctx: Context): TopicEntity {
    return curate(ctx, 'topic', () => {
      const parentId = input.parent == null ? null : topicIdOf(ctx, input.parent, 'parent');
      const row = ctx.db.insert(topics).values({ slug: input.slug, name: input.name, nameEn: input.nameEn, parentId }).returning().get();
      replaceTerms(ctx, row.id, input.terms ?? []);
      return tag('Topic', row);
    });
  }

  @Mutation(() => Topic, { description: 'Changes a topic; only the fields given change. Needs the curator token.' })
  updateTopic(@Arg('input', () => UpdateTopicInput, { description: 'The topic and what changes.' }) input: UpdateTopicInput, @Ctx() ctx: Context): TopicEntity {
    return curate(ctx, 'topic', () => {
      const id = existingTopic(ctx, input.id);
      const changes: Partial<typeof topics.$inferInsert> = {};
      if (input.slug != null) changes.slug = input.slug;
      if (input.name != null) changes.name = input.name;
      if (input.nameEn != null) changes.nameEn = input.nameEn;
      if (input.parent !== undefined) {
        const parentId = input.parent === null ? null : topicIdOf(ctx, input.parent, 'parent');
        if (parentId !== null && ancestorsOf(ctx, parentId).includes(id)) {
          throw badUserInput('parent: a topic cannot be placed under itself or one of its subtopics.', 'parent');
        }
        changes.parentId = parentId;
      }
      if (Object.keys(changes).length) ctx.db.update(topics).set(changes).where(eq(topics.id, id)).run();
      if (input.terms != null) replaceTerms(ctx, id, input.terms);
      return tag('Topic', ctx.db.select().from(topics).where(eq(topics.id, id)).get()!);
    });
  }

  @Mutation(() => Deleted, { description: 'Removes a topic that has no subtopics; its quotes lose the tag. Needs the curator token.' })
  deleteTopic(@Arg('id', () => ID, { description: 'Its id.' }) globalId: string, @Ctx() ctx: Context): Deleted {
    return curate(ctx, 'topic', () => {
      const id = existingTopic(ctx, globalId);
      if (ctx.db.select({ id: topics.id }).from(topics).where(eq(topics.parentId, id)).get()) {
        throw conflict('This topic has subtopics: move or delete them first.');
      }
      ctx.db.delete(topics).where(eq(topics.id, id)).run();
      return { id: toGlobalId('Topic', id) };
    });
  }
}

const existingTopic = (ctx: Context, globalId: string) => existingId(ctx, topics, 'Topic', globalId);
const topicIdOf = (ctx: Context, ref: string, argument: string) => idByRef(ctx, topics, 'Topic', ref, argument);

function ancestorsOf(ctx: Context, id: number): number[] {
  const chain: number[] = [];
  for (let cur: number | null = id; cur !== null && !chain.includes(cur); ) {
    chain.push(cur);
    cur = ctx.db.select({ parentId: topics.parentId }).from(topics).where(eq(topics.id, cur)).get()?.parentId ?? null;
  }
  return chain;
}

function replaceTerms(ctx: Context, topicId: number, terms: string[]): void {
  ctx.db.delete(topicTerms).where(eq(topicTerms.topicId, topicId)).run();
  const unique = [...new Set(terms)];
  if (unique.length)
    ctx.db
      .insert(topicTerms)
      .values(unique.map((term) => ({ topicId, term })))
      .run();
}
