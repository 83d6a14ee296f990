import { experts, organisations, quotes } from '../../db/schema';
import { columnOf, columns, globalIdField, linkList, lookupField, rootList, tableOf, type TypeProjection } from '../../graphql/compiled/projection';
import { EXPERT_AFFILIATIONS, ORGANISATION_EXPERTS } from './expert.loaders';

/** Expert's own fields, the affiliations both ways, and the root fields that return experts, as SQL for the compiled executor. */
export const expertProjections: Record<string, TypeProjection> = {
  Expert: {
    id: globalIdField('Expert'),
    ...columns({ slug: experts.slug, name: experts.name, nameLatin: experts.nameLatin, title: experts.title }),
    affiliations: linkList('Organisation', EXPERT_AFFILIATIONS, organisations),
    quoteCount: { kind: 'value', sql: (self) => `(SELECT count(*) FROM ${tableOf(quotes)} WHERE ${columnOf(tableOf(quotes), quotes.speakerExpertId)} = ${self}."id")` },
  },
  Organisation: { experts: linkList('Expert', ORGANISATION_EXPERTS, experts) },
  Query: { expert: lookupField('Expert', experts), experts: rootList('Expert', experts) },
};
