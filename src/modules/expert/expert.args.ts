import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { ExpertFilter } from './expert.input';

@ArgsType()
export class ExpertsArgs extends PageArgs {
  @Field(() => ExpertFilter, { nullable: true })
  filter?: ExpertFilter | null;
}
