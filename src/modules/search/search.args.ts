import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { PublishedFilterFields } from '../article/published.filter';
import { SearchOrder, SearchType } from './search.type';

@InputType({
  description:
    'Narrows a search to the quotes and articles every given field holds for (as QuoteFilter and ArticleFilter read them); experts and organisations, which have no topic, date or outlet, are left out.',
})
export class SearchFilter extends PublishedFilterFields {}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, {
    description: 'Words in any Arabic form (diacritics, tatweel and hamza forms fold; clitics are stripped), "a phrase" in quote marks, or a prefix*.',
  })
  query!: string;

  @Field(() => [SearchType], { nullable: true, description: 'Only these kinds of result; all by default.' })
  types?: SearchType[] | null;

  @Field(() => SearchFilter, { nullable: true, description: 'Only the quotes and articles this filter accepts.' })
  filter?: SearchFilter | null;

  @Field(() => SearchOrder, { defaultValue: SearchOrder.RELEVANCE, description: 'The order of the ranked matches; cursors are only good in the order they came from.' })
  orderBy!: SearchOrder;
}
