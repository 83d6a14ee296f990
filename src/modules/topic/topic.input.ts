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

@InputType()
export class CreateTopicInput extends TopicFields {
  @Field(() => String)
  @IsSlug()
  slug!: string;

  @Field(() => String)
  @CuratedText(200)
  labelAr!: string;

  @Field(() => String)
  @CuratedText(200)
  labelEn!: string;
}

@InputType()
export class UpdateTopicInput extends TopicFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsSlug()
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @CuratedText(200)
  labelAr?: string | null;

  @Field(() => String, { nullable: true })
  @CuratedText(200)
  labelEn?: string | null;
}
