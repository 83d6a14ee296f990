import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from '../context';
import { lookupKey } from '../lookup';
import type { NodeTypeName, Order, PageWindow } from '../relay';

/**
 * How a GraphQL field reads as SQL: declared once, on the field (@Sql), and read two ways. The
 * compiled executor (compile.ts) writes a whole operation as one statement from it; a field's
 * resolver (bySql, resolve.ts) runs the same text for one parent when graphql-js executes
 * (mutations, and operations the compiler leaves). A type bound to a table (@SqlTable) reads
 * the fields named as the table's columns from them, and `id` as its global id.
 */

/** A join table's two columns: the parent it is read by, the child it links to (the table is theirs). */
export interface Link {
  parent: SQLiteColumn;
  child: SQLiteColumn;
}

/** Fresh aliases, named after their table (`quotes_3`) so that a query plan still says which table it reads. */
export interface SqlWriter {
  alias(table: SQLiteTable | 'page' | 'list'): string;
}

/**
 * What bind() returned, for each request: `param(pick)` writes a `?` bound to pick(that value). The
 * SQL text never depends on the values, so an operation is written out once.
 */
export interface Bound<B> {
  param(pick: (bound: B) => unknown): string;
}

/** Arguments as graphql-js coerced them; bind() may throw, and the operation then runs through the resolvers, which raise the error. */
export type Args = Record<string, unknown>;
/**
 * A field's arguments as the statement's values. It reads the database only through kept catalogue
 * values (keptWhileCatalogue): for literal arguments, its value is kept until the catalogue changes.
 */
type Bind<B> = (args: Args, ctx: Context) => B;

/** A connection's page window (from first/after/last/before, in its order) and what its own bind() returned. */
export type PageBound = PageWindow & { filter: unknown };

/**
 * What a connection's `pageWhere` picks a page's candidates by. In id order (`keyed` false): keyset
 * bounds on an id column (`conditions(column)`), which way the page is read, and how many rows it
 * needs. In an order with a key, the page walks that order's index: the candidates are the rows
 * it meets, tested one by one.
 */
export interface Seek {
  keyed: boolean;
  conditions: (column: string) => string[];
  descending: boolean;
  limit: () => string;
}

/**
 * A page chosen and ordered in JavaScript: a search's ranked hits. `hits` is a JSON array of
 * `{ kind, id, cursor, score, snippet }`, score as its JSON text (graphql-js's Float, written by
 * JSON.stringify), snippet an object of the edge's snippet type when the operation asks for it.
 */
export interface RankedPage {
  hits: string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Called only when the operation asks for totalCount. */
  totalCount: () => number;
}

export type FieldProjection =
  /** A JSON value read from the row (alias `self`). */
  | { kind: 'value'; sql: (self: string) => string }
  /** A JSON text read from the row's relations, never NULL: a list of scalars, at most `limit` (an SQL value) of them. */
  | { kind: 'json'; sql: (self: string, limit: string) => string }
  /** One object of `type` or null: `from` names the table as `child` and ties it to `self`. */
  // biome-ignore lint/suspicious/noExplicitAny: `from` reads what its own bind() returned, whatever type that is.
  | { kind: 'object'; type: NodeTypeName; table: SQLiteTable; bind?: Bind<unknown>; from: (self: string, child: string, bound: Bound<any>) => string }
  /** A list of `type`, never null: `rows` names the table as `child`, ties it to `self` and orders it (`FROM … ORDER BY …`). */
  | { kind: 'list'; type: NodeTypeName; table: SQLiteTable; rows: (self: string, child: string, w: SqlWriter) => string }
  /** One object of a union's member types or null: the first member whose `when` holds on `self`. */
  | { kind: 'union'; members: { type: NodeTypeName; table: SQLiteTable; when: (self: string) => string; from: (self: string, child: string) => string }[] }
  /**
   * A connection whose page bind() has chosen and ordered (RankedPage); each hit's node is the member
   * whose `code` is its kind, and a hit whose row is gone is left out. Bound afresh in every request,
   * literal arguments too: the page depends on the data, not only on the catalogue.
   */
  | {
      kind: 'ranked';
      /** Reads the page off the event loop before bind(), with its count and snippets when the operation asks for them. */
      prepare: (args: Args, ctx: Context, wants: { total: boolean; snippet: boolean }) => Promise<unknown>;
      bind: Bind<RankedPage>;
      members: { type: NodeTypeName; table: SQLiteTable; code: number }[];
    }
  /**
   * A Relay connection of `type`, paged both ways in the order its orderBy argument names (one of
   * `orders`, by enum value; id order without one). `bind` reads what `where` needs beside the page
   * window (bound.filter); `where` leaves out the page's own bounds, so it also counts.
   */
  | {
      kind: 'connection';
      type: NodeTypeName;
      table: SQLiteTable;
      bind?: Bind<unknown>;
      where: (self: string, child: string, bound: Bound<PageBound>) => string[];
      orders?: Record<string, Order>;
      /**
       * The conditions of a page's rows where `where` alone would read every row to find a page's
       * few (a topic's subtree): the same rows, written for the way the page is read (Seek).
       * `where` still counts (totalCount).
       */
      pageWhere?: (self: string, child: string, bound: Bound<PageBound>, seek: Seek) => string[];
      via?: Walk;
    }
  /**
   * Counts of a list's rows by group, for a facets field: `of` is the list's projection (chosen as
   * for its page); each field of the facets type declares its grouping with @Facet.
   */
  | { kind: 'facets'; of: FieldProjection }
  /**
   * The projection for the shape of the field's arguments: a filter may need another walk, which
   * the statement's text cannot leave to a value. `choose` reads which arguments and input fields
   * are set (not null), never their values: plans are kept per shape.
   */
  | { kind: 'chosen'; choose: (shaped: Args) => FieldProjection | null }
  /**
   * One of several projections, chosen per request by `on` (an index into `arms`): for a choice a
   * value makes and the shape cannot (a speaker that is an expert or an organisation). Every arm
   * is written and bound; SQLite runs only the one chosen.
   */
  | { kind: 'switch'; on: (args: Args, ctx: Context) => number; arms: FieldProjection[] };

/**
 * A connection's rows read through another table's index instead of the table's own: the FROM
 * clause naming the table as `child`, the indexed column that stands for the id (it runs in id
 * order) and its value for a row id (an SQL value).
 */
interface Walk {
  from: (child: string) => string;
  key: (child: string) => string;
  keyOf: (id: string) => string;
}

/**
 * One grouping of a list's rows (a field of a facets type): `group` selects a count column and the
 * group's key columns from the list's rows (`from` names them `child`, `where` holds for each);
 * `value` and `label` read a bucket's from a grouped row at alias `g`. Buckets come most counted
 * first, or by value, latest first (`byValue`: months).
 */
export interface FacetGroup {
  group: (child: string, from: string, where: string) => string;
  value: (g: string) => string;
  label: (g: string) => string;
  byValue?: boolean;
}

const FACET = 'facet';

/** Declares a field of a facets type as a grouping of the list's rows. */
export const Facet = (group: FacetGroup) => Extensions({ [FACET]: group });

/** The grouping a field declared with @Facet, if any. */
export const declaredFacet = (extensions: Readonly<Record<string, unknown>> | null | undefined): FacetGroup | undefined => extensions?.[FACET] as FacetGroup | undefined;

export type TypeProjection = Record<string, FieldProjection>;

/** A double-quoted SQL identifier. */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const tableOf = (table: SQLiteTable): string => ident(getTableName(table));
export const columnOf = (alias: string, column: SQLiteColumn): string => `${alias}.${ident(column.name)}`;

/** Fields that are the value of one column each, by GraphQL field name. */
export function columns(map: Record<string, SQLiteColumn>): TypeProjection {
  return Object.fromEntries(Object.entries(map).map(([field, column]) => [field, { kind: 'value', sql: (self: string) => columnOf(self, column) }]));
}

// The instants SQLite's strftime can write (years 0000 to 9999), in milliseconds since 1970.
const FIRST_STRFTIME_MS = -62_167_219_200_000;
const LAST_STRFTIME_MS = 253_402_300_799_999;

/**
 * A DateTimeISO from milliseconds since 1970, as graphql-scalars serialises a row's Date (`Date#toISOString`):
 * `2025-09-07T00:00:00.000Z`. strftime writes the same text for years 0000 to 9999; any other
 * instant goes through the SQL function the executor registers, which calls toISOString itself.
 */
const isoDateTime = (ms: string): string =>
  `CASE WHEN ${ms} BETWEEN ${FIRST_STRFTIME_MS} AND ${LAST_STRFTIME_MS} THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch') ELSE qg_iso_date_time(${ms}) END`;

/** `id`: the global id, made by the SQL function the executor registers. */
const globalIdField = (typename: NodeTypeName): FieldProjection => ({ kind: 'value', sql: (self) => `qg_global_id('${typename}', ${self}."id")` });

/** The row of `table` that `self`'s foreign key `column` points at, as the `child` alias (a to-one `from`). */
export const pointedAt =
  (table: SQLiteTable, column: SQLiteColumn) =>
  (self: string, child: string): string =>
    `FROM ${tableOf(table)} AS ${child} WHERE ${child}."id" = ${columnOf(self, column)}`;

/** A to-one field read through a foreign key of the row: null when the key is. */
export const referenced = (type: NodeTypeName, table: SQLiteTable, column: SQLiteColumn): FieldProjection => ({ kind: 'object', type, table, from: pointedAt(table, column) });

/**
 * The row at alias `child` is one that `link` ties to `parent`, an SQL expression: a filter's bound
 * id, or a parent row's id.
 */
export function linkedTo(link: Link, child: string, parent: string): string {
  const table = tableOf(link.parent.table);
  return `${child}."id" IN (SELECT ${columnOf(table, link.child)} FROM ${table} WHERE ${columnOf(table, link.parent)} = ${parent})`;
}

/** A join table's rows for a parent, as `child` rows of `target`, in the child's id order. */
export function linkList(type: NodeTypeName, link: Link, target: SQLiteTable): FieldProjection {
  return {
    kind: 'list',
    type,
    table: target,
    // Ordered by the link's column, which the join makes the child's id: the link table's index on
    // (parent, child) then gives the order, where ORDER BY the child's id took a sorter per list.
    rows: (self, child, w) => {
      const l = w.alias(link.parent.table);
      return `FROM ${tableOf(link.parent.table)} AS ${l} JOIN ${tableOf(target)} AS ${child} ON ${child}."id" = ${columnOf(l, link.child)} WHERE ${columnOf(l, link.parent)} = ${self}."id" ORDER BY ${columnOf(l, link.child)}`;
    },
  };
}

/**
 * The rows of `target` whose ids the subquery `ids` selects (distinct, as `id`) for the parent
 * `self`, in id order. Joined from the ids: written `target.id IN (…)`, SQLite ran the subquery
 * again for each row of a small table (an expert's topics: 6 ms instead of 0.45).
 */
export function rowsOfIds(type: NodeTypeName, target: SQLiteTable, ids: (self: string, w: SqlWriter) => string): FieldProjection {
  return {
    kind: 'list',
    type,
    table: target,
    rows: (self, child, w) => `FROM (${ids(self, w)}) AS ${child}_ids JOIN ${tableOf(target)} AS ${child} ON ${child}."id" = ${child}_ids.id ORDER BY ${child}."id"`,
  };
}

/**
 * `thing(id:, slug:)` at the root: the row with that id or slug (lookupKey checks the arguments).
 * One text for both: the id, else the id of the row with the slug (a constant subquery).
 */
export function lookupField(type: NodeTypeName, table: SQLiteTable): FieldProjection {
  const name = tableOf(table);
  return {
    kind: 'object',
    type,
    table,
    bind: (args) => lookupKey(args, type),
    from: (_self, child, bound: Bound<ReturnType<typeof lookupKey>>) => {
      const id = bound.param((k) => ('id' in k ? k.id : null));
      const slug = bound.param((k) => ('slug' in k ? k.slug : null));
      return `FROM ${name} AS ${child} WHERE ${child}."id" = coalesce(${id}, (SELECT "id" FROM ${name} WHERE "slug" = ${slug}))`;
    },
  };
}

/** Thrown by bind() for a value no statement can take (a topic id below 1); the resolvers then report what they can. */
export class NotCompiled extends Error {}

const SQL = 'sql';
const TABLE = 'sqlTable';

/** Declares how a field reads as SQL. */
export const Sql = (projection: FieldProjection) => Extensions({ [SQL]: projection });

const tablesByType = new Map<string, SQLiteTable>();

/** Binds an object type to its table: fields named as its columns read them. The type is named as its class. */
export const SqlTable =
  (table: SQLiteTable): ClassDecorator =>
  (target) => {
    tablesByType.set(target.name, table);
    Extensions({ [TABLE]: table })(target);
  };

/** The table a node type is bound to (@SqlTable). */
export function nodeTable(type: NodeTypeName): SQLiteTable & { id: SQLiteColumn; slug?: SQLiteColumn } {
  const table = tablesByType.get(type);
  if (!table) throw new Error(`${type} is bound to no table (@SqlTable)`);
  return table as SQLiteTable & { id: SQLiteColumn };
}

/** The projection a field declared with @Sql, if any. */
export const declaredSql = (extensions: Readonly<Record<string, unknown>> | null | undefined): FieldProjection | undefined => extensions?.[SQL] as FieldProjection | undefined;

/** The table a type is bound to, if any. */
export const boundTable = (extensions: Readonly<Record<string, unknown>> | null | undefined): SQLiteTable | undefined => extensions?.[TABLE] as SQLiteTable | undefined;

/**
 * Every object type's fields as SQL, read off the schema: what @Sql declares, and for a type bound
 * to a table, its columns by field name (a timestamp as DateTimeISO text) and `id` as the global id.
 */
export function schemaProjections(schema: GraphQLSchema): Record<string, TypeProjection> {
  const all: Record<string, TypeProjection> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const table = boundTable(type.extensions);
    const tableColumns: Record<string, SQLiteColumn> = table ? getTableColumns(table) : {};
    const fields: TypeProjection = {};
    for (const field of Object.values(type.getFields())) {
      const declared = declaredSql(field.extensions);
      const column = tableColumns[field.name];
      if (declared) fields[field.name] = declared;
      else if (table && field.name === 'id' && type.getInterfaces().some((i) => isInterfaceType(i) && i.name === 'Node')) fields.id = globalIdField(type.name as NodeTypeName);
      else if (column)
        fields[field.name] =
          column.columnType === 'SQLiteTimestamp'
            ? { kind: 'value', sql: (self) => isoDateTime(columnOf(self, column)) }
            : { kind: 'value', sql: (self) => columnOf(self, column) };
    }
    if (Object.keys(fields).length) all[type.name] = fields;
  }
  return all;
}

/**
 * The body of a field declared for its arguments and type: attachSqlResolvers (resolve.ts) gives
 * it the resolver its @Sql projection makes, so this never runs.
 */
export function bySql(): never {
  throw new Error('a field declared with @Sql is resolved from its projection (attachSqlResolvers)');
}
