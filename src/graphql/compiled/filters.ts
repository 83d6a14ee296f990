import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from '../context';
import { refId } from '../lookup';
import type { NodeTypeName, Order } from '../relay';
import type { FieldProjection } from './projection';

/**
 * One field of a filter input: what a request's value binds to (a row id for a slug, a pattern for
 * a search; BAD_USER_INPUT naming `argument` when it names nothing), and the condition it writes
 * on the row at alias `child`, reading that bound value through `value()`.
 */
export interface Condition {
  bind(value: unknown, ctx: Context, argument: string): unknown;
  sql(child: string, value: () => string): string;
}

/** What ties a connection's rows (alias `child`) to its parent row (alias `self`). */
export type Parent = (self: string, child: string) => string;

/** A filter field that names a row of `type` by global id or slug: bound to the row's id (BAD_USER_INPUT when it names none). */
export const refTo =
  (table: SQLiteTable & { id: SQLiteColumn; slug: SQLiteColumn }, type: NodeTypeName): Condition['bind'] =>
  (value, ctx, argument) =>
    refId(ctx, table, type, value as string, argument);

/** A condition on a column's value as given: `child.column = ?`. */
export const equals = (column: (child: string) => string): Condition => ({ bind: (value) => value, sql: (child, value) => `${column(child)} = ${value()}` });

/**
 * A connection of `table` in one of `orders`, narrowed by its `filter` argument: each filter field that is
 * set writes its condition. The text follows which fields are set (plans are kept per shape); the
 * values are bound per request. `parent`, if any, ties the rows to the parent row.
 */
export function filteredConnection(
  type: NodeTypeName,
  table: SQLiteTable,
  conditions: Record<string, Condition>,
  parent?: Parent,
  orders?: Record<string, Order>,
): FieldProjection {
  return {
    kind: 'chosen',
    choose: (shaped) => {
      const filter = (shaped.filter ?? {}) as Record<string, unknown>;
      const set = Object.keys(conditions).filter((key) => filter[key] != null);
      return {
        kind: 'connection',
        type,
        table,
        orders,
        bind: (args, ctx) => {
          const given = (args.filter ?? {}) as Record<string, unknown>;
          return set.map((key) => conditions[key].bind(given[key], ctx, `filter.${key}`));
        },
        where: (self, child, bound) => [
          ...(parent ? [parent(self, child)] : []),
          ...set.map((key, i) => conditions[key].sql(child, () => bound.param((b) => (b.filter as unknown[])[i]))),
        ],
      };
    },
  };
}

/** A parent's rows as a connection in one of `orders`: `parent` ties them to the parent row. */
export const childConnection = (type: NodeTypeName, table: SQLiteTable, parent: Parent, orders?: Record<string, Order>): FieldProjection => ({
  kind: 'connection',
  type,
  table,
  orders,
  where: (self, child) => [parent(self, child)],
});
