import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { expertAffiliations, experts, quotes, quoteTopics, type ExpertRow } from '../../db/schema';
import { listPage, loadAll } from '../../graphql/batch';
import type { Context } from '../../graphql/context';
import { IdOrSlugArgs, lookupByIdOrSlug, resolveRef } from '../../graphql/lookup';
import { pageSize, pageWindow } from '../../graphql/relay';
import { containsPattern, likePattern } from '../../graphql/search-pattern';
import { organisationBySlug, type OrganisationEntity } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';
import { topicById, topicFilterIds, type TopicEntity } from '../topic/topic.loaders';
import { Topic } from '../topic/topic.type';
import { ExpertsArgs } from './expert.args';
import type { ExpertFilter } from './expert.input';
import {
  expertsOfOrganisation,
  affiliationsOfExpert,
  expertById,
  expertBySlug,
  expertIdsByTopic,
  quoteCountByExpert,
  topicIdsByExpert,
  type ExpertEntity,
} from './expert.loaders';
import { Expert, ExpertConnection } from './expert.type';
import { Bounded, DATA_LIST, ListArgs } from '../../graphql/list-bound';

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => Expert, { nullable: true, description: 'One expert by id or slug; null when none matches.' })
  expert(@Args(() => IdOrSlugArgs) args: IdOrSlugArgs, @Ctx() ctx: Context): Promise<ExpertEntity | null> {
    return lookupByIdOrSlug(args, 'Expert', expertById(ctx), expertBySlug(ctx));
  }

  @Query(() => ExpertConnection)
  async experts(@Args(() => ExpertsArgs) args: ExpertsArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args);
    return listPage<ExpertRow, 'Expert'>(ctx, 'Expert', experts, await expertWhere(ctx, args.filter), window);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations the expert works for or leads (at most 50).' })
  @Bounded(50)
  async affiliations(@Root() expert: ExpertEntity, @Ctx() ctx: Context): Promise<OrganisationEntity[]> {
    return affiliationsOfExpert(ctx).load(expert.id);
  }

  @FieldResolver(() => Int, { description: 'How many quotes are attributed to the expert.' })
  quoteCount(@Root() expert: ExpertEntity, @Ctx() ctx: Context): Promise<number> {
    return quoteCountByExpert(ctx).load(expert.id);
  }

  @FieldResolver(() => [Topic], { description: 'Topics the expert has been quoted on (at most 100).' })
  @Bounded(100)
  async topics(@Root() expert: ExpertEntity, @Ctx() ctx: Context): Promise<TopicEntity[]> {
    return loadAll(topicById(ctx), await topicIdsByExpert(ctx).load(expert.id));
  }
}

@Resolver(() => Organisation)
export class OrganisationExpertsResolver {
  @FieldResolver(() => [Expert], { description: 'Experts affiliated with the organisation, the first ones added.' })
  @Bounded(DATA_LIST)
  async experts(@Root() org: OrganisationEntity, @Args(() => ListArgs) { first }: ListArgs, @Ctx() ctx: Context): Promise<ExpertEntity[]> {
    return expertsOfOrganisation(ctx, pageSize(first)).load(org.id);
  }
}

@Resolver(() => Topic)
export class TopicExpertsResolver {
  @FieldResolver(() => [Expert], { description: 'Experts quoted on the topic or any of its subtopics, the first ones added.' })
  @Bounded(DATA_LIST)
  async experts(@Root() topic: TopicEntity, @Args(() => ListArgs) { first }: ListArgs, @Ctx() ctx: Context): Promise<ExpertEntity[]> {
    return loadAll(expertById(ctx), (await expertIdsByTopic(ctx).load(topic.id)).slice(0, pageSize(first)));
  }
}

async function expertWhere(ctx: Context, filter: ExpertFilter | null | undefined): Promise<SQL | undefined> {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.topic != null) {
    const topicIds = topicFilterIds(ctx, filter.topic, 'filter.topic');
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${quotes} JOIN ${quoteTopics} ON ${quoteTopics.quoteId} = ${quotes.id}
        WHERE ${quotes.speakerExpertId} = ${experts.id} AND ${inArray(quoteTopics.topicId, topicIds)})`,
    );
  }
  if (filter.organisation != null) {
    const orgId = await resolveRef(filter.organisation, 'Organisation', 'filter.organisation', organisationBySlug(ctx));
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${expertAffiliations} WHERE ${expertAffiliations.expertId} = ${experts.id}
        AND ${expertAffiliations.organisationId} = ${orgId})`,
    );
  }
  if (filter.search != null) {
    const pattern = containsPattern(filter.search, 'filter.search');
    conditions.push(
      likePattern(sql`${experts.name} || ' ' || coalesce(${experts.nameLatin}, '') || ' ' || coalesce(${experts.title}, '')`, pattern),
    );
  }
  return and(...conditions);
}
