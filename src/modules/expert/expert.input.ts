import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CuratedText, IsSlug } from '../../graphql/validation';

@InputType()
export class ExpertFilter {
  @Field(() => String, { nullable: true, description: 'Experts quoted on this topic (slug or id) or any of its subtopics.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Experts affiliated with this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (Arabic or Latin) or of the title, e.g. "معتضد".' })
  search?: string | null;
}

/** The fields an expert is created with and changed by alike; not a schema type of its own. */
@InputType('ExpertFields')
abstract class ExpertFields {
  @Field(() => String, { nullable: true })
  @CuratedText(200)
  nameLatin?: string | null;

  @Field(() => String, { nullable: true, description: 'The title as printed, e.g. «باحث في الشؤون الاستراتيجية».' })
  @CuratedText(500)
  title?: string | null;

  @Field(() => [String], { nullable: true, description: 'Organisations (slugs or ids) the expert works for; on an update, they replace the old ones.' })
  @ArrayMaxSize(50)
  affiliations?: string[] | null;
}

@InputType()
export class CreateExpertInput extends ExpertFields {
  @Field(() => String)
  @IsSlug()
  slug!: string;

  @Field(() => String, { description: 'The name as printed in Arabic.' })
  @CuratedText(200)
  name!: string;
}

@InputType()
export class UpdateExpertInput extends ExpertFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsSlug()
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @CuratedText(200)
  name?: string | null;
}
