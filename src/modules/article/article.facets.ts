import { Field, ObjectType } from 'type-graphql';
import { articleExperts, articleOrganisations, articles, articleTopics, experts, organisations } from '../../db/schema';
import { columnOf, Facet } from '../../graphql/compiled/projection';
import { FacetBucket, linkFacet, MAX_BUCKETS, MAX_MONTHS, monthFacet, pointerFacet } from '../../graphql/facets';
import { Bounded } from '../../graphql/list-bound';
import { topicFacet } from '../topic/topic.tree';

@ObjectType({ description: 'Counts of a list of articles (all of it, not a page) by group: each facet its groups, most counted first.' })
export class ArticleFacets {
  @Field(() => [FacetBucket], {
    description: `Articles per topic, as topic filters read it: a topic counts the articles on it or on a topic below it, each once; at most ${MAX_BUCKETS}.`,
  })
  @Bounded(MAX_BUCKETS)
  @Facet(topicFacet(articleTopics.articleId, articleTopics.topicId))
  topics!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Articles per expert they name; at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  @Facet(linkFacet(articleExperts.articleId, articleExperts.expertId, 'Expert', experts.name))
  experts!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Articles per organisation they name; at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  @Facet(linkFacet(articleOrganisations.articleId, articleOrganisations.organisationId, 'Organisation', organisations.name))
  organisations!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Articles per outlet that published them (value: the organisation's id, as filter.source takes it); at most ${MAX_BUCKETS}.` })
  @Bounded(MAX_BUCKETS)
  @Facet(
    pointerFacet(
      (child) => columnOf(child, articles.sourceId),
      () => '',
      'Organisation',
      organisations.name,
    ),
  )
  outlets!: FacetBucket[];

  @Field(() => [FacetBucket], { description: `Articles per month they were published (UTC, YYYY-MM), latest first; undated ones left out; at most ${MAX_MONTHS}.` })
  @Bounded(MAX_MONTHS)
  @Facet(monthFacet(articles.publishedKey))
  months!: FacetBucket[];
}
