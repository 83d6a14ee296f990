import { Args, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { expertAffiliations, experts, organisations, quotes, quoteTopics, topics } from '../../db/schema';
import { childConnection, filteredConnection, refTo } from '../../graphql/compiled/filters';
import { bySql, columnOf, linkedTo, linkList, lookupField, rowsOfIds, Sql, tableOf, type Link } from '../../graphql/compiled/projection';
import { Bounded } from '../../graphql/list-bound';
import { IdOrSlugArgs } from '../../graphql/lookup';
import { NULLABLE_PAGE } from '../../graphql/relay';
import { containsPattern, searchFormLike } from '../../graphql/search-pattern';
import { Organisation } from '../organisation/organisation.type';
import { inTopicBitmap, topicFilter } from '../topic/topic.tree';
import { Topic } from '../topic/topic.type';
import { EXPERT_ORDER, ExpertPageArgs, ExpertsArgs, expertQuoteCount } from './expert.args';
import { Expert, ExpertConnection } from './expert.type';

// Affiliations, read from either side.
const EXPERT_AFFILIATIONS: Link = { parent: expertAffiliations.expertId, child: expertAffiliations.organisationId };
const ORGANISATION_EXPERTS: Link = { parent: expertAffiliations.organisationId, child: expertAffiliations.expertId };

const QUOTES = tableOf(quotes);
const TAGS = tableOf(quoteTopics);

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => Expert, { nullable: true, description: 'One expert by id or slug; null when none matches.' })
  @Sql(lookupField('Expert', experts))
  expert(@Args(() => IdOrSlugArgs) _args: IdOrSlugArgs): never {
    return bySql();
  }

  @Query(() => ExpertConnection, { nullable: true, description: NULLABLE_PAGE('Experts in the order they were added, narrowed by a filter.') })
  @Sql(
    filteredConnection(
      'Expert',
      experts,
      {
        // Quoted on the topic or a topic below it.
        topic: {
          bind: (value, ctx, argument) => topicFilter(ctx, value, argument),
          sql: (child, value) =>
            `EXISTS (SELECT 1 FROM ${QUOTES} JOIN ${TAGS} ON ${columnOf(TAGS, quoteTopics.quoteId)} = ${columnOf(QUOTES, quotes.id)} WHERE ${columnOf(QUOTES, quotes.speakerExpertId)} = ${child}."id" AND ${inTopicBitmap(columnOf(TAGS, quoteTopics.topicId), value())})`,
        },
        organisation: { bind: refTo(organisations, 'Organisation'), sql: (child, value) => linkedTo(ORGANISATION_EXPERTS, child, value()) },
        // The name, in either script, and the role.
        search: {
          bind: (value, _ctx, argument) => containsPattern(value as string, argument),
          sql: (child, value) =>
            searchFormLike(
              `${columnOf(child, experts.name)} || ' ' || coalesce(${columnOf(child, experts.nameLatin)}, '') || ' ' || coalesce(${columnOf(child, experts.role)}, '')`,
              value(),
            ),
        },
      },
      undefined,
      EXPERT_ORDER.orders,
    ),
  )
  experts(@Args(() => ExpertsArgs) _args: ExpertsArgs): never {
    return bySql();
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations the expert works for or leads (at most 50).' })
  @Bounded(50)
  @Sql(linkList('Organisation', EXPERT_AFFILIATIONS, organisations))
  affiliations(): never {
    return bySql();
  }

  @FieldResolver(() => Int, { description: 'How many quotes are attributed to the expert.' })
  @Sql({ kind: 'value', sql: expertQuoteCount })
  quoteCount(): never {
    return bySql();
  }

  @FieldResolver(() => [Topic], { description: 'Topics the expert has been quoted on (at most 100).' })
  @Bounded(100)
  // The topics of the expert's quotes, each once, in id order.
  @Sql(
    rowsOfIds('Topic', topics, (self, w) => {
      const quote = w.alias(quotes);
      const tagged = w.alias(quoteTopics);
      return `SELECT DISTINCT ${columnOf(tagged, quoteTopics.topicId)} AS id FROM ${QUOTES} AS ${quote} JOIN ${TAGS} AS ${tagged} ON ${columnOf(tagged, quoteTopics.quoteId)} = ${quote}."id" WHERE ${columnOf(quote, quotes.speakerExpertId)} = ${self}."id"`;
    }),
  )
  topics(): never {
    return bySql();
  }
}

@Resolver(() => Organisation)
export class OrganisationExpertsResolver {
  @FieldResolver(() => ExpertConnection, { nullable: true, description: NULLABLE_PAGE('Experts affiliated with the organisation, in the order they were added.') })
  @Sql(childConnection('Expert', experts, (self, child) => linkedTo(ORGANISATION_EXPERTS, child, `${self}."id"`), EXPERT_ORDER.orders))
  experts(@Args(() => ExpertPageArgs) _args: ExpertPageArgs): never {
    return bySql();
  }
}

@Resolver(() => Topic)
export class TopicExpertsResolver {
  @FieldResolver(() => ExpertConnection, { nullable: true, description: NULLABLE_PAGE('Experts quoted on the topic or any of its subtopics, in the order they were added.') })
  // The subtree is read here, UNION (not UNION ALL) stopping at a topic seen before. CROSS JOIN
  // keeps this order: left to choose, SQLite walked every quote with a speaker (1.5 s at 100k).
  @Sql(
    childConnection(
      'Expert',
      experts,
      (self, child) => {
        const [below, tagged, quote] = [`${child}_below`, `${child}_tagged`, `${child}_quote`];
        const subtree = `${child}_subtree`;
        return `${child}."id" IN (WITH RECURSIVE ${subtree}(id) AS (SELECT ${self}."id" UNION SELECT ${below}."id" FROM ${tableOf(topics)} AS ${below} JOIN ${subtree} ON ${columnOf(below, topics.parentId)} = ${subtree}.id)
        SELECT DISTINCT ${columnOf(quote, quotes.speakerExpertId)} FROM ${subtree}
          CROSS JOIN ${TAGS} AS ${tagged} ON ${columnOf(tagged, quoteTopics.topicId)} = ${subtree}.id
          CROSS JOIN ${QUOTES} AS ${quote} ON ${quote}."id" = ${columnOf(tagged, quoteTopics.quoteId)}
          WHERE ${columnOf(quote, quotes.speakerExpertId)} IS NOT NULL)`;
      },
      EXPERT_ORDER.orders,
    ),
  )
  experts(@Args(() => ExpertPageArgs) _args: ExpertPageArgs): never {
    return bySql();
  }
}
