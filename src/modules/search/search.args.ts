import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { SearchOrder, SearchType } from './search.type';

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, {
    description: 'Words in any Arabic form (diacritics, tatweel and hamza forms fold; clitics are stripped), "a phrase" in quote marks, or a prefix*.',
  })
  query!: string;

  @Field(() => [SearchType], { nullable: true, description: 'Only these kinds of result; all by default.' })
  types?: SearchType[] | null;

  @Field(() => SearchOrder, { defaultValue: SearchOrder.RELEVANCE, description: 'The order of the ranked matches; cursors are only good in the order they came from.' })
  orderBy!: SearchOrder;
}
