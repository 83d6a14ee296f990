import { ArrayMaxSize, Length } from 'class-validator';
import { PublishedFilterFields } from '../article/published.filter';
import { Field, ID, InputType } from 'type-graphql';
import { IsNfc, NoBidiControls, NotBlank } from '../../graphql/validation';
import type { QuoteKind } from '../../db/schema';
import { QuoteKindEnum } from './quote.type';

@InputType({ description: 'All given fields must match.' })
export class QuoteFilter extends PublishedFilterFields {
  @Field(() => String, { nullable: true, description: 'The speaker: an Expert or Organisation id, or a slug.' })
  speaker?: string | null;

  @Field(() => String, { nullable: true, description: 'Quotes that mention this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Quotes from this article (slug or id).' })
  article?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in the quote: words in any Arabic form, "a phrase", or a prefix*.',
  })
  search?: string | null;

  @Field(() => QuoteKindEnum, { nullable: true, description: 'Only DIRECT or only INDIRECT quotes.' })
  kind?: QuoteKind | null;
}

@InputType({ description: 'A curator’s fix to a quote; only the fields given change.' })
export class UpdateQuoteInput {
  @Field(() => ID, { description: 'The quote to change (its id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The corrected text: it must be a passage of the article body, whose offsets it takes.' })
  @Length(1, 20_000)
  @NotBlank()
  @IsNfc()
  @NoBidiControls()
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'The speaker: an Expert or Organisation id or slug; null clears it.' })
  speaker?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the topics (slugs or ids).' })
  @ArrayMaxSize(50)
  topics?: string[] | null;
}
