import { experts, organisations, quotes, quoteTopics, topics } from '../../db/schema';
import { columnOf, columns, globalIdField, linkList, lookupField, rootList, rowsOfIds, tableOf, type TypeProjection } from '../../graphql/compiled/projection';
import { EXPERT_AFFILIATIONS, ORGANISATION_EXPERTS } from './expert.loaders';

/** Expert's own fields, the affiliations both ways, an expert's topics and a topic's experts, and the root fields that return experts, as SQL for the compiled executor. */
export const expertProjections: Record<string, TypeProjection> = {
  Expert: {
    id: globalIdField('Expert'),
    ...columns({ slug: experts.slug, name: experts.name, nameLatin: experts.nameLatin, title: experts.title }),
    affiliations: linkList('Organisation', EXPERT_AFFILIATIONS, organisations),
    quoteCount: { kind: 'value', sql: (self) => `(SELECT count(*) FROM ${tableOf(quotes)} WHERE ${columnOf(tableOf(quotes), quotes.speakerExpertId)} = ${self}."id")` },
    // As topicIdsByExpert: the topics of the expert's quotes, each once, in id order.
    topics: rowsOfIds('Topic', topics, (self, w) => {
      const quote = w.alias(quotes);
      const tagged = w.alias(quoteTopics);
      return `SELECT DISTINCT ${columnOf(tagged, quoteTopics.topicId)} AS id FROM ${tableOf(quotes)} AS ${quote} JOIN ${tableOf(quoteTopics)} AS ${tagged} ON ${columnOf(tagged, quoteTopics.quoteId)} = ${quote}."id" WHERE ${columnOf(quote, quotes.speakerExpertId)} = ${self}."id"`;
    }),
  },
  Organisation: { experts: linkList('Expert', ORGANISATION_EXPERTS, experts) },
  Topic: {
    // As expertIdsByTopic: the experts quoted on the topic or a topic below it, each once, in id
    // order. The subtree is read here, UNION (not UNION ALL) stopping at a topic seen before. CROSS
    // JOIN keeps this order: left to choose, SQLite walked every quote with a speaker (1.5 s at 100k).
    experts: rowsOfIds('Expert', experts, (self, w) => {
      const below = w.alias(topics);
      const tagged = w.alias(quoteTopics);
      const quote = w.alias(quotes);
      const subtree = `${below}_subtree`;
      return `WITH RECURSIVE ${subtree}(id) AS (SELECT ${self}."id" UNION SELECT ${below}."id" FROM ${tableOf(topics)} AS ${below} JOIN ${subtree} ON ${columnOf(below, topics.parentId)} = ${subtree}.id)
        SELECT DISTINCT ${columnOf(quote, quotes.speakerExpertId)} AS id FROM ${subtree}
          CROSS JOIN ${tableOf(quoteTopics)} AS ${tagged} ON ${columnOf(tagged, quoteTopics.topicId)} = ${subtree}.id
          CROSS JOIN ${tableOf(quotes)} AS ${quote} ON ${quote}."id" = ${columnOf(tagged, quoteTopics.quoteId)}
          WHERE ${columnOf(quote, quotes.speakerExpertId)} IS NOT NULL`;
    }),
  },
  Query: { expert: lookupField('Expert', experts), experts: rootList('Expert', experts) },
};
