import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { GraphQLError } from 'graphql';
import { Field, ID, ObjectType } from 'type-graphql';
import { writeTransaction } from '../db/write';
import { requireCurator } from './auth';
import type { Context } from './context';
import { badUserInput } from './errors';
import { expectId } from './lookup';
import { parseGlobalId, type NodeTypeName } from './relay';

export function notFound(what: string, id: string): GraphQLError {
  return notFoundBecause(`No ${what} has the id "${id}".`);
}

export function notFoundBecause(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

const isSqliteCode = (error: unknown, code: string) => error instanceof Error && 'code' in error && (error as { code: string }).code === code;

/**
 * Runs a curator's mutation: the token first, then everything in one transaction. A unique
 * constraint becomes CONFLICT naming what collided; a foreign key that still points here, CONFLICT too.
 */
export function curate<T>(ctx: Context, what: string, write: () => T): T {
  requireCurator(ctx.auth);
  try {
    const result = writeTransaction(ctx.db.$client, write);
    ctx.wrote();
    return result;
  } catch (error) {
    const cause = error instanceof Error && 'cause' in error && error.cause ? error.cause : error;
    if (isSqliteCode(cause, 'SQLITE_CONSTRAINT_UNIQUE') || isSqliteCode(cause, 'SQLITE_CONSTRAINT_PRIMARYKEY')) {
      throw conflict(`Another ${what} already has that slug (or name); choose another.`);
    }
    if (isSqliteCode(cause, 'SQLITE_CONSTRAINT_FOREIGNKEY')) {
      throw conflict(`This ${what} is still referred to; remove those references first.`);
    }
    throw error;
  }
}

@ObjectType({ description: 'What a delete removed.' })
export class Deleted {
  @Field(() => ID, { description: 'The global id of the removed object.' })
  id!: string;
}

type TableWithSlug = SQLiteTable & { id: SQLiteColumn; slug: SQLiteColumn };

/** Inside a mutation's transaction: the row a global id names, or NOT_FOUND. */
export function existingId(ctx: Context, table: SQLiteTable & { id: SQLiteColumn }, typename: NodeTypeName, globalId: string, argument = 'id'): number {
  const id = expectId(globalId, typename, argument);
  if (!ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get()) throw notFound(typename.toLowerCase(), globalId);
  return id;
}

/** Inside a mutation's transaction: the row a global id or slug names, or BAD_USER_INPUT naming the argument. */
export function idByRef(ctx: Context, table: TableWithSlug, typename: NodeTypeName, ref: string, argument: string): number {
  const parsed = parseGlobalId(ref);
  const row =
    parsed?.type === typename
      ? ctx.db.select({ id: table.id }).from(table).where(eq(table.id, parsed.id)).get()
      : parsed
        ? undefined
        : ctx.db.select({ id: table.id }).from(table).where(eq(table.slug, ref)).get();
  if (!row) throw badUserInput(`${argument}: no ${typename.toLowerCase()} is "${ref}".`, argument);
  return (row as { id: number }).id;
}
