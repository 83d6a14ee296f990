import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { OrganisationFilter } from './organisation.input';

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true, description: 'Only the organisations this filter accepts.' })
  filter?: OrganisationFilter | null;
}
