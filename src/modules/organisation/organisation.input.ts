import { Field, InputType } from 'type-graphql';
import type { OrganisationKind } from '../../db/schema';
import { OrganisationKindEnum } from './organisation.type';

@InputType()
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. MA.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, English name, acronym or an alias.' })
  search?: string | null;
}
