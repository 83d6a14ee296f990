import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../graphql/relay';
import { QuoteFilter } from './quote.input';
import { TopicRef } from '../../graphql/scalars';

@ArgsType()
export class QuotesArgs extends PageArgs {
  @Field(() => QuoteFilter, { nullable: true, description: 'Only the quotes this filter accepts.' })
  filter?: QuoteFilter | null;
}

@ArgsType()
export class TopicQuotesArgs extends PageArgs {
  @Field(() => TopicRef, { nullable: true, description: 'Only quotes on this topic (slug or id) or its subtopics.' })
  topic?: string | null;
}
