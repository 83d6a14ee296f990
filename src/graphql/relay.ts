// type-graphql reads decorator metadata through this polyfill; every type module imports this file first.
import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
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

// A cursor names the type of the list it came from, and the order it was read in with the row's key
// in that order: one from another connection or another order is refused, not read as a place in
// this one. In the default order (ADDED, id order) the id is the key.
const CURSOR_PREFIX = 'cursor:v2:';

/** A row's place in an order: its key (a date in ms, a count, a name) and its id, which breaks ties. */
export interface Position {
  key: number | string | null;
  id: number;
}

export function toCursor(type: NodeTypeName, id: number, order?: string, key?: number | string | null): string {
  return b64(`${CURSOR_PREFIX}${type}:${id}${order ? `:${order}:${JSON.stringify(key ?? null)}` : ''}`);
}

const ORDER_NAME = /^[A-Z][A-Z_]{0,40}$/;

/** A cursor of a list of `type` read in `order` (none: id order) as the place it names. */
export function parseCursor(cursor: string, type: NodeTypeName, argument = 'after', order?: string): Position {
  const raw = unb64(cursor);
  const [of, id, named, ...rest] = raw.startsWith(CURSOR_PREFIX) ? raw.slice(CURSOR_PREFIX.length).split(':') : [];
  let key: unknown = null;
  try {
    key = named === undefined ? Number(id) : JSON.parse(rest.join(':'));
  } catch {
    key = undefined;
  }
  const wellFormed =
    NODE_TYPES.includes(of as NodeTypeName) &&
    POSITIVE_INT.test(id ?? '') &&
    (named === undefined || ORDER_NAME.test(named)) &&
    (typeof key === 'number' || typeof key === 'string' || key === null) &&
    toCursor(of as NodeTypeName, Number(id), named, key as Position['key']) === cursor;
  if (!wellFormed) throw badUserInput(`${argument}: "${cursor}" is not a valid cursor; pass a cursor from this connection's pageInfo or edges.`, argument);
  if (of !== type) throw badUserInput(`${argument}: "${cursor}" is a cursor of a list of ${of}s, not of this list of ${type}s; pass a cursor from this connection.`, argument);
  if (named !== order) {
    throw badUserInput(
      `${argument}: "${cursor}" was read in ${named ?? 'ADDED'} order, and this page is asked for in ${order ?? 'ADDED'} order; ask with the orderBy the cursor came from.`,
      argument,
    );
  }
  return { key: named === undefined ? Number(id) : (key as Position['key']), id: Number(id) };
}

const OFFSET_PREFIX = 'offset:v1:';

/** Cursors for ranked results, which have no stable key to page on: the position in the ranking, in its order (none: by relevance). */
export function toOffsetCursor(offset: number, order?: string): string {
  return b64(`${OFFSET_PREFIX}${order ? `${order}:` : ''}${offset}`);
}

export function parseOffsetCursor(cursor: string, argument = 'after', order?: string): number {
  const raw = unb64(cursor);
  const rest = raw.startsWith(OFFSET_PREFIX) ? raw.slice(OFFSET_PREFIX.length) : '';
  const [named, offset] = rest.includes(':') ? rest.split(':', 2) : [undefined, rest];
  if (!/^(0|[1-9][0-9]{0,8})$/.test(offset) || toOffsetCursor(Number(offset), named) !== cursor) {
    throw badUserInput(`${argument}: "${cursor}" is not a valid cursor; pass a cursor from the same search.`, argument);
  }
  if (named !== order) throw badUserInput(`${argument}: "${cursor}" is a cursor of this search in ${named ?? 'RELEVANCE'} order; ask in that order, or start again.`, argument);
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
  @Field(() => Int, { nullable: true, description: `The first items (after \`after\`): ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}. Not with last.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor, or an edge cursor).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last items (before \`before\`), to page backwards: at most ${MAX_PAGE_SIZE}. Not with first.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (a startCursor, or an edge cursor).' })
  before?: string | null;
}

/**
 * How a connection is ordered, for one value of its orderBy: a key (an SQL expression on the row,
 * never NULL) and a direction, with the row id after it breaking ties in the same direction. No
 * key: id order. `name` is the enum value that cursors carry.
 */
export interface Order {
  name?: string;
  key?: (child: string) => string;
  descending: boolean;
}

/** Id order, oldest row first: the order rows were added in. */
export const ADDED: Order = { descending: false };

/** One value of an orderBy enum: how it orders (no key: id order) and what the schema says of it. */
export interface OrderChoice {
  key?: (child: string) => string;
  descending: boolean;
  description: string;
}

/**
 * An orderBy enum and the orders its values name, from one declaration. Only an order with a key
 * names itself in cursors: id order's cursors are those of a list without orderBy.
 */
export function orderEnum<K extends string>(name: string, description: string, choices: Record<K, OrderChoice>) {
  const entries = Object.entries(choices) as [K, OrderChoice][];
  const values = Object.fromEntries(entries.map(([value]) => [value, value])) as Record<K, K>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(entries.map(([value, c]) => [value, { description: c.description }])) as Record<K, { description: string }>,
  });
  const orders = Object.fromEntries(entries.map(([value, c]) => [value, c.key ? { name: value, key: c.key, descending: c.descending } : { descending: c.descending }])) as Record<
    K,
    Order
  >;
  return { values, orders };
}

/** Page arguments with an orderBy of `order`'s enum, `defaultOrder` when none is given (the schema shows it). */
export function OrderedPageArgs<K extends string>(order: { values: Record<K, K> }, defaultOrder: K) {
  @ArgsType()
  class OrderedArgs extends PageArgs {
    @Field(() => order.values, {
      defaultValue: defaultOrder,
      description: `The order of the list (${defaultOrder} when not given); cursors are only good in the order they came from.`,
    })
    orderBy!: K;
  }
  return OrderedArgs;
}

export interface PageWindow {
  /** Rows to return. */
  limit: number;
  /** Whether the page is the last `limit` rows before `before` (last), rather than the first after `after`. */
  backward: boolean;
  /** Exclusive bounds, from the cursors. */
  after: Position | null;
  before: Position | null;
}

export function pageSize(first: number | null | undefined, argument = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw badUserInput(
      `${argument} must be between 0 and ${maxPageSize} (got ${size}); fetch more with ${argument === 'first' ? 'after: pageInfo.endCursor' : 'before: pageInfo.startCursor'}.`,
      argument,
    );
  }
  return size;
}

/** Which way a page is read and how many items it takes: `first` forwards, `last` backwards, never both. */
export function pageDirection(args: { first?: number | null; last?: number | null }): { limit: number; backward: boolean } {
  if (args.first != null && args.last != null) throw badUserInput('Pass first or last, not both: first pages forwards from after, last backwards from before.', 'last');
  const backward = args.last != null;
  return { limit: backward ? pageSize(args.last, 'last') : pageSize(args.first), backward };
}

/** The page the arguments ask for, in `order`: first/after forward, last/before backward (Relay's cursor connections). */
export function pageWindow(
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
  type: NodeTypeName,
  order: Order = ADDED,
): PageWindow {
  return {
    ...pageDirection(args),
    after: args.after == null ? null : parseCursor(args.after, type, 'after', order.name),
    before: args.before == null ? null : parseCursor(args.before, type, 'before', order.name),
  };
}

@ObjectType({ description: 'Where a page sits in its connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page in the list (within before, if given): ask for them with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items come before this page in the list (within after, if given): ask for them with last and before: startCursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor, to pass as before for the page before; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as after for the next page; null for an empty page." })
  endCursor!: string | null;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Pass as after to get the items after this one, or as before for those before it.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name.toLowerCase()}s: forwards with first and after (pageInfo.endCursor), backwards with last and before (pageInfo.startCursor).`,
  })
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
