import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CuratedText, IsSlug } from '../../graphql/validation';


@InputType()
export class CreateTopicInput {
  @Field(() => String)
  @IsSlug()
  slug!: string;

  @Field(() => String)
  @CuratedText(200)
  labelAr!: string;

  @Field(() => String)
  @CuratedText(200)
  labelEn!: string;

  @Field(() => String, { nullable: true, description: 'The parent topic (slug or id); none for a root topic.' })
  parent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Arabic words and phrases that mark the topic, for tagging ingested quotes.' })
  @ArrayMaxSize(500)
  @CuratedText(200, { each: true })
  terms?: string[] | null;
}

@InputType()
export class UpdateTopicInput {
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

  @Field(() => String, { nullable: true, description: 'A new parent (slug or id); null makes it a root topic; absent leaves it.' })
  parent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the tagging terms.' })
  @ArrayMaxSize(500)
  @CuratedText(200, { each: true })
  terms?: string[] | null;
}
