import DataLoader from 'dataloader';
import { and, asc, count, eq, getTableColumns, getTableName, gt, lte, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { inJsonList, jsonList, preparedOnce } from '../db/prepared';
import { groupBy, indexBy } from '../util/collections';
import type { Context } from './context';
import { tag, type Tagged } from './node';
import { toPage, type Page, type PageWindow, type NodeTypeName } from './relay';

type TableWithId = SQLiteTable & { id: SQLiteColumn };

/** The columns a loader reads; all of the table's when not given. */
export type Columns = Record<string, SQLiteColumn>;

const selectFrom = (ctx: Context, table: TableWithId, columns: Columns | undefined) => (columns ? ctx.db.select(columns) : ctx.db.select()).from(table);

/** `SELECT columns FROM table WHERE key IN (:keys)`, prepared once per connection. */
function lookupQuery(ctx: Context, table: TableWithId, key: SQLiteColumn, columns: Columns | undefined) {
  // The aliases and the columns they read: two lookups on one table differ in either.
  const selected = columns ? Object.entries(columns).map(([alias, column]) => `${alias}=${column.name}`).join(',') : '*';
  const name = `lookup:${getTableName(table)}.${key.name}:${selected}`;
  return preparedOnce(ctx.db, name, () => selectFrom(ctx, table, columns).where(inJsonList(key, 'keys')).prepare());
}

/** One SELECT … WHERE id IN (…) per batch, answered in key order. */
export function byIdLoader<Row extends { id: number }, N extends NodeTypeName>(
  ctx: Context,
  typename: N,
  table: TableWithId,
  columns?: Columns,
): DataLoader<number, Tagged<Row, N> | null> {
  return ctx.loaders.get(`${typename}.byId`, () => new DataLoader(async (ids: readonly number[]) => {
    const rows = lookupQuery(ctx, table, table.id, columns).all({ keys: jsonList(ids) }) as Row[];
    const byId = indexBy(rows, (r) => r.id);
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? tag(typename, row) : null;
    });
  }));
}

/** One column of rows by id, for a field read apart from its row (a body, say); prepared once, answered in key order. */
export function columnByIdLoader<T>(ctx: Context, key: string, table: TableWithId, column: SQLiteColumn): DataLoader<number, T | null> {
  return ctx.loaders.get(`column.${key}`, () => new DataLoader(async (ids: readonly number[]) => {
    const rows = lookupQuery(ctx, table, table.id, { id: table.id, value: column }).all({ keys: jsonList(ids) }) as { id: number; value: T }[];
    const byId = indexBy(rows, (r) => r.id);
    return ids.map((id) => byId.get(id)?.value ?? null);
  }));
}

/** Same for lookups by slug, the unique handle people type. */
export function bySlugLoader<Row extends { id: number; slug: string }, N extends NodeTypeName>(
  ctx: Context,
  typename: N,
  table: TableWithId & { slug: SQLiteColumn },
  columns?: Columns,
): DataLoader<string, Tagged<Row, N> | null> {
  return ctx.loaders.get(`${typename}.bySlug`, () => new DataLoader(async (slugs: readonly string[]) => {
    const rows = lookupQuery(ctx, table, table.slug, columns).all({ keys: jsonList(slugs) }) as Row[];
    const bySlug = indexBy(rows, (r) => r.slug);
    return slugs.map((slug) => {
      const row = bySlug.get(slug);
      return row ? tag(typename, row) : null;
    });
  }));
}

/** A join table's two columns: the parent it is read by, the child it links to (the table is theirs). */
export interface Link {
  parent: SQLiteColumn;
  child: SQLiteColumn;
}

/**
 * For a join table: the rows linked to each parent, in the child's id order, at most `limit` of
 * them per parent (the first ones) when a limit is given. One joined statement per batch, prepared
 * once, and one load per parent: not ids first and a byId load for each. The limit is taken over
 * the link's index, before any row of the target is read.
 */
export function linkedRowsLoader<Target extends TableWithId, N extends NodeTypeName>(
  ctx: Context,
  key: string,
  link: Link,
  typename: N,
  target: Target,
  limit?: number,
): DataLoader<number, Tagged<InferSelectModel<Target>, N>[]> {
  type Row = InferSelectModel<Target>;
  return ctx.loaders.get(`links.${key}.${limit ?? ''}`, () => new DataLoader(async (parentIds: readonly number[]) => {
    const query =
      limit === undefined
        ? preparedOnce(ctx.db, `links:${key}`, () =>
            ctx.db
              .select({ parent: link.parent, row: getTableColumns(target) })
              .from(link.parent.table)
              .innerJoin(target, eq(target.id, link.child))
              .where(inJsonList(link.parent, 'parents'))
              .orderBy(asc(link.child))
              .prepare(),
          )
        : preparedOnce(ctx.db, `links-limited:${key}`, () => {
            const firsts = ctx.db
              .select({
                parent: sql<number>`${link.parent}`.as('parent'),
                child: sql<number>`${link.child}`.as('child'),
                n: sql<number>`row_number() OVER (PARTITION BY ${link.parent} ORDER BY ${link.child})`.as('n'),
              })
              .from(link.parent.table)
              .where(inJsonList(link.parent, 'parents'))
              .as('firsts');
            return ctx.db
              .select({ parent: firsts.parent, row: getTableColumns(target) })
              .from(firsts)
              .innerJoin(target, eq(target.id, firsts.child))
              .where(lte(firsts.n, sql.placeholder('limit')))
              .orderBy(asc(firsts.child))
              .prepare();
          });
    const rows = query.all({ parents: jsonList(parentIds), limit }) as { parent: number; row: Row }[];
    const byParent = groupBy(rows, (r) => r.parent);
    return parentIds.map((id) => (byParent.get(id) ?? []).map((r) => tag(typename, r.row)));
  }));
}

export async function loadAll<K, T>(loader: DataLoader<K, T | null>, ids: readonly K[]): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.filter((r): r is T => r !== null && !(r instanceof Error));
}

/**
 * Each part as `SELECT * FROM (part)`, joined by UNION ALL (or UNION, which drops repeats): SQLite
 * takes an ORDER BY … LIMIT per arm of a compound SELECT only inside a subquery.
 */
export function compound(parts: SQL[], operator: 'UNION ALL' | 'UNION' = 'UNION ALL'): SQL {
  return sql.join(
    parts.map((part) => sql`SELECT * FROM (${part})`),
    sql.raw(` ${operator} `),
  );
}

/** SQLite allows 500 terms in a compound SELECT; loaders that build one arm a parent split bigger batches. */
export const MAX_COMPOUND_ARMS = 400;

export interface PerParentQuery<Row> {
  /** Rows for these parents, at most `limit` per parent and in id order within one, each with its parent id. */
  rows(parentIds: number[], window: PageWindow, limit: number): (Row & { parentId: number })[];
  /** Number of rows per parent across all pages. */
  counts(parentIds: number[]): { parentId: number; count: number }[];
  /** Most parents in one statement (see MAX_COMPOUND_ARMS). */
  maxBatchSize?: number;
}

/**
 * Paginates a relation for many parents at once: one statement per batch for the pages (see compound),
 * and one GROUP BY statement for totalCount, only when a client asks for it.
 */
export function perParentPageLoader<Row extends { id: number }>(
  ctx: Context,
  key: string,
  window: PageWindow,
  query: PerParentQuery<Row>,
): DataLoader<number, Page<Row>> {
  const counts = ctx.loaders.get(`count.${key}`, () => new DataLoader(async (parentIds: readonly number[]) => {
    const byParent = indexBy(query.counts([...parentIds]), (r) => r.parentId);
    return parentIds.map((id) => byParent.get(id)?.count ?? 0);
  }));
  return ctx.loaders.get(`page.${key}.${window.first}.${window.afterId}`, () => new DataLoader(async (parentIds: readonly number[]) => {
    const rows = window.first === 0 ? [] : query.rows([...parentIds], window, window.first + 1);
    const byParent = groupBy(rows, (r) => r.parentId);
    return parentIds.map((id) => toPage(byParent.get(id) ?? [], window, () => counts.load(id)));
  }, { maxBatchSize: query.maxBatchSize ?? Infinity }));
}


/**
 * A top-level list page: keyset pagination on id (so deep pages cost the same as the first) and a
 * COUNT with the same filter, run only when totalCount is asked for.
 */
export function listPage<Row extends { id: number }, N extends NodeTypeName>(
  ctx: Context,
  typename: N,
  table: TableWithId,
  where: SQL | undefined,
  window: PageWindow,
  columns?: Columns,
): Page<Tagged<Row, N>> {
  const rows =
    window.first === 0
      ? []
      : (selectFrom(ctx, table, columns)
          // Always a keyset bound (0 on the first page): the plan is an index range, never a scan.
          .where(and(where, gt(table.id, window.afterId ?? 0)))
          .orderBy(asc(table.id))
          .limit(window.first + 1)
          .all() as Row[]);
  return toPage(
    rows.map((r) => tag(typename, r)),
    window,
    async () => ctx.db.select({ n: count() }).from(table).where(where).get()?.n ?? 0,
  );
}

