import { eq } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { nodeTable } from './compiled/projection';
import type { Context } from './context';
import { tag, type Tagged } from './node';
import type { NodeTypeName } from './relay';

/**
 * A row of a node type, read now and tagged for graphql-js, which resolves its fields on it: what a
 * mutation returns. Null when there is none.
 */
export function rowBy<N extends NodeTypeName>(ctx: Context, type: N, key: { id: number } | { slug: string }): Tagged<Record<string, unknown>, N> | null {
  const table = nodeTable(type);
  const column = ('id' in key ? table.id : table.slug) as SQLiteColumn;
  const row = ctx.db
    .select()
    .from(table)
    .where(eq(column, 'id' in key ? key.id : key.slug))
    .get() as Record<string, unknown> | undefined;
  return row ? tag(type, row) : null;
}
