import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CuratedText, IsSlug } from '../../graphql/validation';
import { TopicRef } from '../../graphql/scalars';

@InputType({ description: 'Narrows a list of experts: every field given must hold.' })
export class ExpertFilter {
  @Field(() => TopicRef, { nullable: true, description: 'Experts quoted on this topic (slug or id) or any of its subtopics.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Experts affiliated with this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (Arabic or Latin) or of the role, e.g. "معتضد".' })
  search?: string | null;
}

/** The fields an expert is created with and changed by alike; not a schema type of its own. */
@InputType('ExpertFields')
abstract class ExpertFields {
  @Field(() => String, { nullable: true, description: 'The name in Latin script.' })
  @CuratedText(200)
  nameLatin?: string | null;

  @Field(() => String, { nullable: true, description: 'The role as printed, e.g. «باحث في الشؤون الاستراتيجية».' })
  @CuratedText(500)
  role?: string | null;

  @Field(() => [String], { nullable: true, description: 'Organisations (slugs or ids) the expert works for; on an update, they replace the old ones.' })
  @ArrayMaxSize(50)
  affiliations?: string[] | null;
}

@InputType({ description: 'A new person for the catalogue.' })
export class CreateExpertInput extends ExpertFields {
  @Field(() => String, { description: "The new expert's handle: lower case, digits and hyphens." })
  @IsSlug()
  slug!: string;

  @Field(() => String, { description: 'The name as printed in Arabic.' })
  @CuratedText(200)
  name!: string;
}

@InputType({ description: 'Changes to a person: only the fields given change.' })
export class UpdateExpertInput extends ExpertFields {
  @Field(() => ID, { description: 'The expert to change (its id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new handle; left out, it stays.' })
  @IsSlug()
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'A new name as printed in Arabic; left out, it stays.' })
  @CuratedText(200)
  name?: string | null;
}
