import { ArrayMaxSize, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNfc, IsTrimmed, NoBidiControls, NotBlank, SLUG_PATTERN } from '../../graphql/validation';

const SLUG_MESSAGE = 'must be lowercase latin letters, digits and single hyphens, e.g. "cyber-crime"';

@InputType()
export class CreateTopicInput {
  @Field(() => String)
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  labelAr!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  labelEn!: string;

  @Field(() => String, { nullable: true, description: 'The parent topic (slug or id); none for a root topic.' })
  parent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Arabic words and phrases that mark the topic, for tagging ingested quotes.' })
  @ArrayMaxSize(500)
  @Length(1, 200, { each: true })
  @IsNfc({ each: true })
  @IsTrimmed({ each: true })
  @NoBidiControls({ each: true })
  terms?: string[] | null;
}

@InputType()
export class UpdateTopicInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  labelAr?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  labelEn?: string | null;

  @Field(() => String, { nullable: true, description: 'A new parent (slug or id); null makes it a root topic; absent leaves it.' })
  parent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the tagging terms.' })
  @ArrayMaxSize(500)
  @Length(1, 200, { each: true })
  @IsNfc({ each: true })
  @IsTrimmed({ each: true })
  @NoBidiControls({ each: true })
  terms?: string[] | null;
}
