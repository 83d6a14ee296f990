import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CuratedText, IsSlug } from '../../graphql/validation';

/** The fields a topic is created with and changed by alike; not a schema type of its own. */
@InputType('TopicFields')
abstract class TopicFields {
  @Field(() => String, { nullable: true, description: 'The parent topic (slug or id); null for a root topic. Left out of an update, the parent stays.' })
  parent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Arabic words and phrases that mark the topic, for tagging ingested quotes; on an update, they replace the old ones.' })
  @ArrayMaxSize(500)
  @CuratedText(200, { each: true })
  terms?: string[] | null;
}

@InputType({ description: 'A new topic, placed in the tree under its parent.' })
export class CreateTopicInput extends TopicFields {
  @Field(() => String, { description: "The new topic's handle: lower case, digits and hyphens." })
  @IsSlug()
  slug!: string;

  @Field(() => String, { description: 'Its name in Arabic.' })
  @CuratedText(200)
  name!: string;

  @Field(() => String, { description: 'Its name in English.' })
  @CuratedText(200)
  nameEn!: string;
}

@InputType({ description: 'Changes to a topic: only the fields given change.' })
export class UpdateTopicInput extends TopicFields {
  @Field(() => ID, { description: 'The topic to change (its id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new handle; left out, it stays.' })
  @IsSlug()
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'A new Arabic name; left out, it stays.' })
  @CuratedText(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new English name; left out, it stays.' })
  @CuratedText(200)
  nameEn?: string | null;
}
