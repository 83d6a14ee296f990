import DataLoader from 'dataloader';
import { count, inArray, sql } from 'drizzle-orm';
import { expertAffiliations, experts, organisations, quotes, quoteTopics, type ExpertRow } from '../../db/schema';
import { byIdLoader, bySlugLoader, linkedRowsLoader, type Link } from '../../graphql/batch';
import { groupBy, indexBy } from '../../util/collections';
import type { Context } from '../../graphql/context';
import type { Tagged } from '../../graphql/node';
import { topicTree } from '../topic/topic.loaders';

export type ExpertEntity = Tagged<ExpertRow, 'Expert'>;

export const expertById = (ctx: Context) => byIdLoader<ExpertRow, 'Expert'>(ctx, 'Expert', experts);
export const expertBySlug = (ctx: Context) => bySlugLoader<ExpertRow, 'Expert'>(ctx, 'Expert', experts);

// Affiliations read from either side, shared with the compiled executor's projections.
export const EXPERT_AFFILIATIONS: Link = { parent: expertAffiliations.expertId, child: expertAffiliations.organisationId };
export const ORGANISATION_EXPERTS: Link = { parent: expertAffiliations.organisationId, child: expertAffiliations.expertId };

export const affiliationsOfExpert = (ctx: Context) => linkedRowsLoader(ctx, 'expert.affiliations', EXPERT_AFFILIATIONS, 'Organisation', organisations);

export const expertsOfOrganisation = (ctx: Context, limit: number) => linkedRowsLoader(ctx, 'organisation.experts', ORGANISATION_EXPERTS, 'Expert', experts, limit);

export function quoteCountByExpert(ctx: Context): DataLoader<number, number> {
  return ctx.loaders.get('expert.quoteCount', () => new DataLoader(async (ids: readonly number[]) => {
    const rows = ctx.db
      .select({ expertId: quotes.speakerExpertId, n: count() })
      .from(quotes)
      .where(inArray(quotes.speakerExpertId, [...ids]))
      .groupBy(quotes.speakerExpertId)
      .all();
    const byExpert = indexBy(rows, (r) => r.expertId);
    return ids.map((id) => byExpert.get(id)?.n ?? 0);
  }));
}

/** The topics an expert has been quoted on, as tagged (not their ancestors). */
export function topicIdsByExpert(ctx: Context): DataLoader<number, number[]> {
  return ctx.loaders.get('expert.topicIds', () => new DataLoader(async (ids: readonly number[]) => {
    const rows = ctx.db
      .selectDistinct({ expertId: quotes.speakerExpertId, topicId: quoteTopics.topicId })
      .from(quotes)
      .innerJoin(quoteTopics, sql`${quoteTopics.quoteId} = ${quotes.id}`)
      .where(inArray(quotes.speakerExpertId, [...ids]))
      .orderBy(quoteTopics.topicId)
      .all();
    const byExpert = groupBy(rows, (r) => r.expertId);
    return ids.map((id) => (byExpert.get(id) ?? []).map((r) => r.topicId));
  }));
}

/** Experts quoted on each topic or any of its subtopics, in one statement per batch. */
export function expertIdsByTopic(ctx: Context): DataLoader<number, number[]> {
  return ctx.loaders.get('topic.expertIds', () => new DataLoader(async (topicIds: readonly number[]) => {
    const tree = topicTree(ctx);
    const pairs = topicIds.flatMap((root) => tree.subtree(root).map((id) => sql`(${root}, ${id})`));
    const rows = ctx.db.all<{ root: number; expertId: number }>(sql`
      WITH covered(root, topic_id) AS (VALUES ${sql.join(pairs, sql`, `)})
      SELECT DISTINCT covered.root AS root, ${quotes.speakerExpertId} AS expertId
      FROM covered
      JOIN ${quoteTopics} ON ${quoteTopics.topicId} = covered.topic_id
      JOIN ${quotes} ON ${quotes.id} = ${quoteTopics.quoteId}
      WHERE ${quotes.speakerExpertId} IS NOT NULL
      ORDER BY expertId`);
    const byRoot = groupBy(rows, (r) => r.root);
    return topicIds.map((id) => (byRoot.get(id) ?? []).map((r) => r.expertId));
  }));
}
