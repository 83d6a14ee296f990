import { eq, sql } from 'drizzle-orm';
import { preparedOnce } from '../../db/prepared';
import { experts, organisations } from '../../db/schema';
import type { Context } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';

export interface SpeakerRef {
  type: 'Expert' | 'Organisation';
  id: number;
}

/**
 * What a speaker reference names when it is a global id: an Expert or Organisation id, or null
 * when it is not an id at all (then it is a slug). An id of another type is BAD_USER_INPUT.
 */
export function speakerFromId(ref: string, argument: string): SpeakerRef | null {
  const parsed = parseGlobalId(ref);
  if (!parsed) return null;
  if (parsed.type === 'Expert' || parsed.type === 'Organisation') return { type: parsed.type, id: parsed.id };
  throw badUserInput(`${argument}: "${ref}" is a ${parsed.type} id; give an Expert or Organisation.`, argument);
}

/** A speaker slug must name exactly one expert or organisation; the lookups are the caller's. */
export function speakerFromSlug(ref: string, argument: string, expertId: number | undefined, organisationId: number | undefined): SpeakerRef {
  if (expertId !== undefined && organisationId !== undefined) {
    throw badUserInput(`${argument}: "${ref}" is both an expert and an organisation slug; pass the id instead.`, argument);
  }
  if (expertId !== undefined) return { type: 'Expert', id: expertId };
  if (organisationId !== undefined) return { type: 'Organisation', id: organisationId };
  throw badUserInput(`${argument}: no expert or organisation has the slug "${ref}".`, argument);
}

/** A speaker filter's reference, read now: an id as it is, a slug looked up among experts and organisations. */
export function speakerRef(ctx: Context, ref: string, argument: string): SpeakerRef {
  const byId = speakerFromId(ref, argument);
  if (byId) return byId;
  const bySlug = (table: typeof experts | typeof organisations, name: string) =>
    preparedOnce(ctx.db, `speaker:${name}`, () =>
      ctx.db
        .select({ id: table.id })
        .from(table)
        .where(eq(table.slug, sql.placeholder('slug')))
        .prepare(),
    ).get({ slug: ref }) as { id: number } | undefined;
  return speakerFromSlug(ref, argument, bySlug(experts, 'expert')?.id, bySlug(organisations, 'organisation')?.id);
}
