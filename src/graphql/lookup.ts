import type DataLoader from 'dataloader';
import { ArgsType, Field, ID } from 'type-graphql';
import { badUserInput } from './errors';
import { parseGlobalId, type NodeTypeName } from './relay';

@ArgsType()
export class IdOrSlugArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

/**
 * Resolves `thing(id:, slug:)`. Exactly one must be given; an unknown id or slug is null, a
 * malformed id (or one of another type) is BAD_USER_INPUT.
 */
export async function lookupByIdOrSlug<T>(
  args: IdOrSlugArgs,
  typename: NodeTypeName,
  byId: DataLoader<number, T | null>,
  bySlug: DataLoader<string, T | null>,
): Promise<T | null> {
  const key = lookupKey(args, typename);
  return 'slug' in key ? bySlug.load(key.slug) : byId.load(key.id);
}

/** What `thing(id:, slug:)` looks up; BAD_USER_INPUT unless exactly one is given and an id is of this type. */
export function lookupKey(args: IdOrSlugArgs, typename: NodeTypeName): { id: number } | { slug: string } {
  if ((args.id == null) === (args.slug == null)) {
    throw badUserInput(`Give exactly one of id or slug to look up a ${typename}.`);
  }
  return args.slug != null ? { slug: args.slug } : { id: expectId(args.id!, typename, 'id') };
}

export function expectId(globalId: string, typename: NodeTypeName, argument: string): number {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== typename) {
    throw badUserInput(`${argument}: "${globalId}" is not a ${typename} id; use the id field of a ${typename}.`, argument);
  }
  return parsed.id;
}

/**
 * Filters accept either a global id or a slug, so that people can type `topic: "cybersecurity"` and
 * clients can pass ids. Returns the row id, or fails with BAD_USER_INPUT naming the filter field.
 */
export async function resolveRef(
  value: string,
  typename: NodeTypeName,
  argument: string,
  bySlug: DataLoader<string, { id: number } | null>,
): Promise<number> {
  const parsed = parseGlobalId(value);
  if (parsed) {
    if (parsed.type !== typename) throw badUserInput(`${argument}: "${value}" is a ${parsed.type} id, not a ${typename} id.`, argument);
    return parsed.id;
  }
  const row = await bySlug.load(value);
  if (!row) throw badUserInput(`${argument}: no ${typename} has the slug "${value}".`, argument);
  return row.id;
}
