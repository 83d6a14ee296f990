import { ArgsType, Field } from 'type-graphql';
import { quotes } from '../../db/schema';
import { columnOf } from '../../graphql/compiled/projection';
import { OrderedPageArgs, orderEnum } from '../../graphql/relay';
import { TopicRef } from '../../graphql/scalars';
import { QuoteFilter } from './quote.input';

const byDate = (child: string) => columnOf(child, quotes.publishedKey);

/** The orders of every list of quotes. */
export const QUOTE_ORDER = orderEnum('QuoteOrder', 'How a list of quotes is ordered.', {
  ADDED: { descending: false, description: 'In the order they were added: reading order within an article. The default.' },
  NEWEST_FIRST: {
    key: byDate,
    descending: true,
    description: "By their article's publication date, newest first, undated articles last; one article's quotes last to first.",
  },
  OLDEST_FIRST: { key: byDate, descending: false, description: "By their article's publication date, oldest first, undated articles first." },
});

@ArgsType()
export class QuotePageArgs extends OrderedPageArgs(QUOTE_ORDER, 'ADDED') {}

@ArgsType()
export class QuotesArgs extends QuotePageArgs {
  @Field(() => QuoteFilter, { nullable: true, description: 'Only the quotes this filter accepts.' })
  filter?: QuoteFilter | null;
}

@ArgsType()
export class TopicQuotesArgs extends QuotePageArgs {
  @Field(() => TopicRef, { nullable: true, description: 'Only quotes on this topic (slug or id) or its subtopics: filter.topic for short; not with filter.' })
  topic?: string | null;

  @Field(() => QuoteFilter, { nullable: true, description: 'Only the quotes this filter accepts, as quotes takes it.' })
  filter?: QuoteFilter | null;
}

@ArgsType()
export class QuoteFacetsArgs {
  @Field(() => QuoteFilter, { nullable: true, description: 'Count only the quotes this filter accepts (the same filter as quotes takes).' })
  filter?: QuoteFilter | null;
}
