import { ArgsType, Field } from 'type-graphql';
import { experts, quotes } from '../../db/schema';
import { columnOf, tableOf } from '../../graphql/compiled/projection';
import { OrderedPageArgs, orderEnum } from '../../graphql/relay';
import { ExpertFilter } from './expert.input';

const QUOTES = tableOf(quotes);

/** How many quotes are attributed to the expert at `self`: Expert.quoteCount, and the MOST_QUOTED order. */
export const expertQuoteCount = (self: string) => `(SELECT count(*) FROM ${QUOTES} WHERE ${columnOf(QUOTES, quotes.speakerExpertId)} = ${self}."id")`;

/** The orders of every list of experts. */
export const EXPERT_ORDER = orderEnum('ExpertOrder', 'How a list of experts is ordered.', {
  ADDED: { descending: false, description: 'In the order they were added. The default.' },
  NAME: { key: (child) => columnOf(child, experts.name), descending: false, description: 'By name as printed (Unicode code point order).' },
  MOST_QUOTED: { key: expertQuoteCount, descending: true, description: 'Most quoted first (quoteCount).' },
});

@ArgsType()
export class ExpertPageArgs extends OrderedPageArgs(EXPERT_ORDER, 'ADDED') {}

@ArgsType()
export class ExpertsArgs extends ExpertPageArgs {
  @Field(() => ExpertFilter, { nullable: true, description: 'Only the experts this filter accepts.' })
  filter?: ExpertFilter | null;
}
