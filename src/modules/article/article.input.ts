import { PublishedFilterFields } from './published.filter';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of articles: every field given must hold.' })
export class ArticleFilter extends PublishedFilterFields {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in the title and body: words in any Arabic form, "a phrase", or a prefix*.',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Articles that mention this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Articles that quote this speaker, an Expert or Organisation (id or slug), as QuoteFilter.speaker takes it; for an expert, also those that name them.',
  })
  speaker?: string | null;
}
