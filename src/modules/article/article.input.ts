import { TopicFilterFields } from '../topic/topic.filter';
import { Field, InputType } from 'type-graphql';
import { DateBound } from '../../graphql/scalars';

@InputType({ description: 'Narrows a list of articles: every field given must hold.' })
export class ArticleFilter extends TopicFilterFields {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in the title and body: words in any Arabic form, "a phrase", or a prefix*.',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Articles that mention this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Articles published by this outlet (slug or id).' })
  source?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Articles that quote this speaker, an Expert or Organisation (id or slug), as QuoteFilter.speaker takes it; for an expert, also those that name them.',
  })
  speaker?: string | null;

  @Field(() => DateBound, { nullable: true, description: 'Published on or after this day, or at or after this instant.' })
  publishedAfter?: Date | null;

  @Field(() => DateBound, { nullable: true, description: 'Published before this day, or strictly before this instant.' })
  publishedBefore?: Date | null;
}
