import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { ExpertFilter } from './expert.input';

@ArgsType()
export class ExpertsArgs extends PageArgs {
  @Field(() => ExpertFilter, { nullable: true, description: 'Only the experts this filter accepts.' })
  filter?: ExpertFilter | null;
}
