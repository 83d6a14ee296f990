import { Field, InputType } from 'type-graphql';

@InputType()
export class ExpertFilter {
  @Field(() => String, { nullable: true, description: 'Experts quoted on this topic (slug or id) or any of its subtopics.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Experts affiliated with this organisation (slug or id).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (Arabic or Latin) or of the title, e.g. "معتضد".' })
  search?: string | null;
}
