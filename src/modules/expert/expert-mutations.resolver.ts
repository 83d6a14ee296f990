import { eq, sql } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { articleExperts, expertAffiliations, experts, organisations, quotes } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { conflict, curate, Deleted, existingId, idByRef } from '../../graphql/mutation';
import { tag } from '../../graphql/node';
import { toGlobalId } from '../../graphql/relay';
import { CreateExpertInput, UpdateExpertInput } from './expert.input';
import type { ExpertEntity } from './expert.type';
import { Expert } from './expert.type';

@Resolver()
export class ExpertMutationsResolver {
  @Mutation(() => Expert, { description: 'Adds a person. Needs the curator token.' })
  createExpert(@Arg('input', () => CreateExpertInput, { description: 'The person to add.' }) input: CreateExpertInput, @Ctx() ctx: Context): ExpertEntity {
    return curate(ctx, 'expert', () => {
      const { affiliations, ...fields } = input;
      const row = ctx.db
        .insert(experts)
        .values({ ...fields, origin: 'CURATED' })
        .returning()
        .get();
      setAffiliations(ctx, row.id, affiliations ?? []);
      return tag('Expert', row);
    });
  }

  @Mutation(() => Expert, { description: 'Changes a person; only the fields given change. Needs the curator token.' })
  updateExpert(@Arg('input', () => UpdateExpertInput, { description: 'The person and what changes.' }) input: UpdateExpertInput, @Ctx() ctx: Context): ExpertEntity {
    return curate(ctx, 'expert', () => {
      const id = existingExpert(ctx, input.id, 'id');
      const { id: _id, affiliations, ...fields } = input;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
      // A person a curator has touched is theirs: re-extraction no longer removes them.
      ctx.db
        .update(experts)
        .set({ ...changes, origin: 'CURATED' })
        .where(eq(experts.id, id))
        .run();
      if (affiliations != null) setAffiliations(ctx, id, affiliations);
      return reload(ctx, id);
    });
  }

  @Mutation(() => Deleted, { description: 'Removes a person who is quoted nowhere (merge a quoted one with mergeExperts). Needs the curator token.' })
  deleteExpert(@Arg('id', () => ID, { description: 'Its id.' }) globalId: string, @Ctx() ctx: Context): Deleted {
    return curate(ctx, 'expert', () => {
      const id = existingExpert(ctx, globalId, 'id');
      if (ctx.db.select({ id: quotes.id }).from(quotes).where(eq(quotes.speakerExpertId, id)).get()) {
        throw conflict('This expert is quoted: merge them into the right expert with mergeExperts, or reassign the quotes first.');
      }
      ctx.db.delete(experts).where(eq(experts.id, id)).run();
      return { id: toGlobalId('Expert', id) };
    });
  }

  @Mutation(() => Expert, {
    description: 'Moves every quote, mention and affiliation of the source expert to the target, then deletes the source. Needs the curator token.',
  })
  mergeExperts(
    @Arg('sourceId', () => ID, { description: 'The expert to fold in, and delete (an id).' }) sourceId: string,
    @Arg('targetId', () => ID, { description: 'The expert that stays (an id).' }) targetId: string,
    @Ctx() ctx: Context,
  ): ExpertEntity {
    return curate(ctx, 'expert', () => {
      const source = existingExpert(ctx, sourceId, 'sourceId');
      const target = existingExpert(ctx, targetId, 'targetId');
      if (source === target) throw badUserInput('sourceId and targetId are the same expert.', 'targetId');
      // Curated from now on: re-extraction would read the merged name again and bring the duplicate back.
      ctx.db.update(quotes).set({ speakerExpertId: target, origin: 'CURATED' }).where(eq(quotes.speakerExpertId, source)).run();
      ctx.db.run(sql`INSERT OR IGNORE INTO ${articleExperts} (article_id, expert_id) SELECT article_id, ${target} FROM ${articleExperts} WHERE expert_id = ${source}`);
      ctx.db.run(
        sql`INSERT OR IGNORE INTO ${expertAffiliations} (expert_id, organisation_id) SELECT ${target}, organisation_id FROM ${expertAffiliations} WHERE expert_id = ${source}`,
      );
      // The target keeps its own fields; it takes the source's where it has none.
      const from = ctx.db.select().from(experts).where(eq(experts.id, source)).get()!;
      const into = ctx.db.select().from(experts).where(eq(experts.id, target)).get()!;
      ctx.db.delete(experts).where(eq(experts.id, source)).run();
      ctx.db
        .update(experts)
        .set({ nameLatin: into.nameLatin ?? from.nameLatin, role: into.role ?? from.role, origin: 'CURATED' })
        .where(eq(experts.id, target))
        .run();
      return reload(ctx, target);
    });
  }
}

const existingExpert = (ctx: Context, globalId: string, argument: string) => existingId(ctx, experts, 'Expert', globalId, argument);

function reload(ctx: Context, id: number): ExpertEntity {
  return tag('Expert', ctx.db.select().from(experts).where(eq(experts.id, id)).get()!);
}

/** Replaces the expert's affiliations with these organisations (slugs or ids). */
function setAffiliations(ctx: Context, expertId: number, refs: string[]): void {
  const ids = refs.map((ref, i) => idByRef(ctx, organisations, 'Organisation', ref, `affiliations.${i}`));
  ctx.db.delete(expertAffiliations).where(eq(expertAffiliations.expertId, expertId)).run();
  for (const organisationId of new Set(ids)) ctx.db.insert(expertAffiliations).values({ expertId, organisationId }).run();
}
