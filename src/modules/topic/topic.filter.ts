import { ArrayMaxSize } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TopicRef } from '../../graphql/scalars';

/** The topic fields of every filter of a list that has topics (quotes, articles): one definition; not a schema type of its own. */
@InputType('TopicFilterFields')
export abstract class TopicFilterFields {
  @Field(() => TopicRef, { nullable: true, description: 'Only those on this topic (slug or id) or any of its subtopics.' })
  topic?: string | null;

  @Field(() => [TopicRef], { nullable: true, description: 'Only those on any of these topics (slugs or ids) or their subtopics; at most 10.' })
  @ArrayMaxSize(10)
  anyTopic?: string[] | null;

  @Field(() => [TopicRef], { nullable: true, description: 'Only those on every one of these topics (each or a subtopic of it); at most 10.' })
  @ArrayMaxSize(10)
  allTopics?: string[] | null;
}
