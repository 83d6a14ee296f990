import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { OrganisationFilter } from './organisation.input';

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  filter?: OrganisationFilter | null;
}
