import { eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ArgsType, Field, ID } from 'type-graphql';
import { preparedOnce } from '../db/prepared';
import type { Context } from './context';
import { badUserInput } from './errors';
import { parseGlobalId, type NodeTypeName } from './relay';

@ArgsType()
export class IdOrSlugArgs {
  @Field(() => ID, { nullable: true, description: 'The global id (the id field); give id or slug, not both.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The slug; give id or slug, not both.' })
  slug?: string | null;
}

/** What `thing(id:, slug:)` looks up; BAD_USER_INPUT unless exactly one is given and an id is of this type. */
export function lookupKey(args: IdOrSlugArgs, typename: NodeTypeName): { id: number } | { slug: string } {
  if ((args.id == null) === (args.slug == null)) {
    throw badUserInput(`Give exactly one of id or slug to look up ${/^[AEIOU]/.test(typename) ? 'an' : 'a'} ${typename}.`);
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
 * A filter's reference (global id or slug) to a row of `table`, as its id, read now: for a
 * statement's parameters. BAD_USER_INPUT naming the argument when it names nothing.
 */
export function refId(ctx: Context, table: SQLiteTable & { id: SQLiteColumn; slug: SQLiteColumn }, typename: NodeTypeName, value: string, argument: string): number {
  const parsed = parseGlobalId(value);
  if (parsed) {
    if (parsed.type !== typename) throw badUserInput(`${argument}: "${value}" is a ${parsed.type} id, not a ${typename} id.`, argument);
    return parsed.id;
  }
  const row = preparedOnce(ctx.db, `ref:${typename}`, () =>
    ctx.db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.slug, sql.placeholder('slug')))
      .prepare(),
  ).get({ slug: value });
  if (!row) throw badUserInput(`${argument}: no ${typename} has the slug "${value}".`, argument);
  return row.id as number;
}
