import { ArrayMaxSize, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsNfc, IsTrimmed, NoBidiControls, NotBlank, SLUG_PATTERN } from '../../graphql/validation';

@InputType()
export class ExpertFilter {
  @Field(() => String, { nullable: true, description: 'Experts quoted on this topic (slug or id) or any of its subtopics.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Experts affiliated with this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (Arabic or Latin) or of the title, e.g. "معتضد".' })
  search?: string | null;
}

const SLUG_MESSAGE = 'must be lowercase latin letters, digits and single hyphens, e.g. "hicham-moatadid"';

@InputType()
export class CreateExpertInput {
  @Field(() => String)
  @Length(1, 80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field(() => String, { description: 'The name as printed in Arabic.' })
  @Length(1, 200)
  @NotBlank()
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  name!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  nameLatin?: string | null;

  @Field(() => String, { nullable: true, description: 'The title as printed, e.g. «باحث في الشؤون الاستراتيجية».' })
  @Length(1, 500)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  title?: string | null;

  @Field(() => [String], { nullable: true, description: 'Organisations (slugs or ids) the expert works for.' })
  @ArrayMaxSize(50)
  affiliations?: string[] | null;
}

@InputType()
export class UpdateExpertInput {
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
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  nameLatin?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 500)
  @IsNfc()
  @IsTrimmed()
  @NoBidiControls()
  title?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the affiliations.' })
  @ArrayMaxSize(50)
  affiliations?: string[] | null;
}
