import { ArgsType, Field } from 'type-graphql';
import { organisations, quotes } from '../../db/schema';
import { columnOf, tableOf } from '../../graphql/compiled/projection';
import { OrderedPageArgs, orderEnum } from '../../graphql/relay';
import { OrganisationFilter } from './organisation.input';

const QUOTES = tableOf(quotes);

/** How many quotes the organisation at `self` is the speaker of (its statements): the MOST_QUOTED order. */
const statementCount = (self: string) => `(SELECT count(*) FROM ${QUOTES} WHERE ${columnOf(QUOTES, quotes.speakerOrganisationId)} = ${self}."id")`;

/** The orders of a list of organisations. */
export const ORGANISATION_ORDER = orderEnum('OrganisationOrder', 'How a list of organisations is ordered.', {
  ADDED: { descending: false, description: 'In the order they were added. The default.' },
  NAME: { key: (child) => columnOf(child, organisations.name), descending: false, description: 'By Arabic name (Unicode code point order).' },
  MOST_QUOTED: { key: statementCount, descending: true, description: 'Most statements first (quotes it is the speaker of).' },
});

@ArgsType()
export class OrganisationsArgs extends OrderedPageArgs(ORGANISATION_ORDER, 'ADDED') {
  @Field(() => OrganisationFilter, { nullable: true, description: 'Only the organisations this filter accepts.' })
  filter?: OrganisationFilter | null;
}
