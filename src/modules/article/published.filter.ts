import { Field, InputType } from 'type-graphql';
import { DateBound } from '../../graphql/scalars';
import { TopicFilterFields } from '../topic/topic.filter';

/**
 * The fields of every filter of published items (articles, quotes, a search's matches), read the
 * same way for each: a quote by its article. One definition; not a schema type of its own.
 */
@InputType('PublishedFilterFields')
export abstract class PublishedFilterFields extends TopicFilterFields {
  @Field(() => String, { nullable: true, description: "Published by this outlet (slug or id; a quote: its article's outlet)." })
  source?: string | null;

  @Field(() => DateBound, { nullable: true, description: 'Published on or after this day, or at or after this instant (a quote: its article).' })
  publishedAfter?: Date | null;

  @Field(() => DateBound, { nullable: true, description: 'Published before this day, or strictly before this instant (a quote: its article).' })
  publishedBefore?: Date | null;
}
