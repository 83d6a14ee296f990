// type-graphql reads decorator metadata through this polyfill; every type module imports this file first.
import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors';

// Relay-style ids and cursors. Both are opaque base64url strings so clients never build them.

export const NODE_TYPES = ['Article', 'Quote', 'Expert', 'Organisation', 'Topic'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');
const POSITIVE_INT = /^[1-9][0-9]{0,15}$/;

export function toGlobalId(type: NodeTypeName, id: number): string {
  return b64(`${type}:${id}`);
}

/** Decodes a global id; returns null when the string is not one of ours. */
export function parseGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const [type, id, ...rest] = unb64(globalId).split(':');
  if (rest.length || !NODE_TYPES.includes(type as NodeTypeName) || !POSITIVE_INT.test(id ?? '')) return null;
  if (b64(`${type}:${id}`) !== globalId) return null;
  return { type: type as NodeTypeName, id: Number(id) };
}

// A cursor names the type of the list it came from: one from another connection is refused, not
// read as an id of this one.
const CURSOR_PREFIX = 'cursor:v2:';

export function toCursor(type: NodeTypeName, id: number): string {
  return b64(`${CURSOR_PREFIX}${type}:${id}`);
}

export function parseCursor(cursor: string, type: NodeTypeName, argument = 'after'): number {
  const raw = unb64(cursor);
  const [of, id, ...rest] = raw.startsWith(CURSOR_PREFIX) ? raw.slice(CURSOR_PREFIX.length).split(':') : [];
  if (rest.length || !NODE_TYPES.includes(of as NodeTypeName) || !POSITIVE_INT.test(id ?? '') || toCursor(of as NodeTypeName, Number(id)) !== cursor) {
    throw badUserInput(`${argument}: "${cursor}" is not a valid cursor; pass an endCursor or edge cursor from this connection.`, argument);
  }
  if (of !== type) throw badUserInput(`${argument}: "${cursor}" is a cursor of a list of ${of}s, not of this list of ${type}s; pass an endCursor from this connection.`, argument);
  return Number(id);
}

const OFFSET_PREFIX = 'offset:v1:';

/** Cursors for ranked results, which have no stable key to page on: the position in the ranking. */
export function toOffsetCursor(offset: number): string {
  return b64(`${OFFSET_PREFIX}${offset}`);
}

export function parseOffsetCursor(cursor: string, argument = 'after'): number {
  const raw = unb64(cursor);
  const offset = raw.startsWith(OFFSET_PREFIX) ? raw.slice(OFFSET_PREFIX.length) : '';
  if (!/^(0|[1-9][0-9]{0,8})$/.test(offset) || toOffsetCursor(Number(offset)) !== cursor) {
    throw badUserInput(`${argument}: "${cursor}" is not a valid cursor; pass an endCursor from the same search.`, argument);
  }
  return Number(offset);
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
let maxPageSize = MAX_PAGE_SIZE;

/** MAX_PAGE_SIZE from the configuration, applied once at startup. */
export function setMaxPageSize(size: number): void {
  maxPageSize = size;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor).' })
  after?: string | null;
}

export interface PageWindow {
  /** Rows to return. */
  first: number;
  /** Exclusive lower bound on the row id, from the `after` cursor. */
  afterId: number | null;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw badUserInput(`first must be between 0 and ${maxPageSize} (got ${size}); fetch more with after: pageInfo.endCursor.`, 'first');
  }
  return size;
}

export function pageWindow(args: { first?: number | null; after?: string | null }, type: NodeTypeName): PageWindow {
  return { first: pageSize(args.first), afterId: args.after == null ? null : parseCursor(args.after, type) };
}

@ObjectType({ description: 'Where a page sits in its connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page: ask for them with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items come before this page (it was asked for with after).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as after for the next page; null for an empty page." })
  endCursor!: string | null;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Pass as after to get the items after this one.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name.toLowerCase()}s, paged with first and after (pageInfo.endCursor).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The page: each item with its cursor.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The same page as edges, the items alone, in the same order (for a client that needs no cursor but pageInfo.endCursor).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where the page sits: whether more items come before or after it, and the cursors to ask for them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All items in the connection, across pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * A page whose arguments can name something that is not there (a topic, a speaker): null, with one
 * BAD_USER_INPUT naming the argument, rather than blanking the fields beside it.
 */
export const NULLABLE_PAGE = (what: string): string =>
  `${what} Null, with a BAD_USER_INPUT error naming the argument, when an argument names nothing or a page is asked for wrongly.`;
