import type { FieldNode, GraphQLObjectType, GraphQLSchema, SelectionSetNode } from 'graphql';
import type { Writer } from './writer';

/**
 * Writes SQL for the JSON text of a value of the row at alias `self`, never NULL. The text is built
 * by concatenation, with json_quote for each scalar (the escaping json_object does): a nested
 * object's text is copied into its parent's, where json_object would parse it again at every level
 * of nesting (the same bytes; S3's statement 1,226 → 1,006 µs and S5's 754 → 634 µs).
 */
export type Emit = (self: string, w: Writer) => string;

/** SQLite's functions take 127 arguments by default: an object of n keys is 2n + 1 of concat's. */
export const MAX_KEYS = 63;

// Keys are response keys and type names, GraphQL names ([_A-Za-z][_0-9A-Za-z]*) by the parser's
// rules, so they are safe inside SQL and JSON quotes.
export const jsonObject = (parts: [string, string][]) =>
  parts.length ? `concat(${parts.map(([key, value], i) => `'${i ? ',' : '{'}"${key}":', ${value}`).join(', ')}, '}')` : `'{}'`;
/**
 * The JSON array of `item` over the rows of `from`, a subquery that orders them; [] for none.
 * group_concat takes rows as they come, and SQLite keeps a FROM subquery's ORDER BY when the outer
 * query aggregates with anything but count, min or max (select.c). `group_concat(… ORDER BY …)`
 * opened a sorter for every list, a sixth of S2's statement (test/compiled.test.ts checks the order).
 */
export const jsonArray = (item: string, from: string) => `concat('[', (SELECT group_concat(${item}, ',') ${from}), ']')`;
/** A JSON value, or null where it is NULL (a subquery that finds no row, a CASE without a match). */
export const orNull = (value: string) => `coalesce((${value}), 'null')`;
export const jsonBool = (condition: string) => `CASE WHEN ${condition} THEN 'true' ELSE 'false' END`;

/**
 * What the connection emitters (connections.ts) need of the compiler: the object a selection asks
 * of a type, the fields of a selection, and an object made in JavaScript.
 */
export interface Emitters {
  readonly schema: GraphQLSchema;
  fields(type: GraphQLObjectType, set: SelectionSetNode | undefined, field: (name: string, node: FieldNode) => Emit | null): Emit | null;
  typed(name: string, set: SelectionSetNode | undefined): Emit | null;
  plain(type: GraphQLObjectType, set: SelectionSetNode | undefined, value: (self: string) => string): Emit | null;
}
