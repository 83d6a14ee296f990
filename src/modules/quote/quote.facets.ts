import { Field, ObjectType } from 'type-graphql';
import { articles, experts, organisations, quoteOrganisations, quotes, quoteTopics } from '../../db/schema';
import { columnOf, Facet, tableOf } from '../../graphql/compiled/projection';
import { FacetBucket, linkFacet, MAX_BUCKETS, MAX_MONTHS, monthFacet, nameOfRow, pointerFacet } from '../../graphql/facets';
import { Bounded } from '../../graphql/list-bound';
import { topicFacet } from '../topic/topic.tree';

const speakerKind = (child: string) => `CASE WHEN ${columnOf(child, quotes.speakerExpertId)} IS NOT NULL THEN 'Expert' ELSE 'Organisation' END`;

@ObjectType({ description: 'Counts of a list of quotes (all of it, not a page) by group: each facet its groups, most counted first.' })
export class QuoteFacets {
  @Field(() => [FacetBucket], {
    description: `Quotes per topic, as topic filters read it: a topic counts the quotes on it or on a topic below it, each once; at most ${MAX_BUCKETS}.`,
  })
  @Bounded(MAX_BUCKETS)
  @Facet(topicFacet(quoteTopics.quoteId, quoteTopics.topicId))
  topics!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Quotes per speaker, an expert or an organisation (value: its id, as filter.speaker takes it); at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  // The two speaker columns as one key: (kind, id).
  @Facet({
    group: (child, from, where) =>
      `SELECT ${speakerKind(child)} AS kind, coalesce(${columnOf(child, quotes.speakerExpertId)}, ${columnOf(child, quotes.speakerOrganisationId)}) AS id, count(*) AS count FROM ${from} WHERE ${where} AND coalesce(${columnOf(child, quotes.speakerExpertId)}, ${columnOf(child, quotes.speakerOrganisationId)}) IS NOT NULL GROUP BY 1, 2`,
    value: (g) => `qg_global_id(${g}.kind, ${g}.id)`,
    label: (g) => `CASE ${g}.kind WHEN 'Expert' THEN ${nameOfRow(experts.name, `${g}.id`)} ELSE ${nameOfRow(organisations.name, `${g}.id`)} END`,
  })
  speakers!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Quotes per organisation they name; at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  @Facet(linkFacet(quoteOrganisations.quoteId, quoteOrganisations.organisationId, 'Organisation', organisations.name))
  organisations!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Quotes per outlet that published their article (value: the organisation's id); at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  @Facet(
    pointerFacet(
      (child) => columnOf(`${child}_article`, articles.sourceId),
      (child) => ` JOIN ${tableOf(articles)} AS ${child}_article ON ${child}_article."id" = ${columnOf(child, quotes.articleId)}`,
      'Organisation',
      organisations.name,
    ),
  )
  outlets!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Quotes per month their article was published (UTC, YYYY-MM), latest first; undated articles left out; at most ${MAX_MONTHS}.` })
  @Bounded(MAX_MONTHS)
  @Facet(monthFacet(quotes.publishedKey))
  months!: FacetBucket[];
}
