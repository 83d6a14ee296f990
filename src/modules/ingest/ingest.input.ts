import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A raw article to read: the same shape as the .json files `npm run ingest` takes.' })
export class ArticleInput {
  @Field(() => String, { description: 'The headline.' })
  title!: string;

  @Field(() => String, { description: 'The full text; paragraphs separated by newlines.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Where it was published; re-ingesting the same URL updates the article.' })
  url?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was published (a date-time with its offset).' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The outlet: an organisation slug or alias, e.g. "hespress".' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag; ar by default.' })
  language?: string | null;
}
