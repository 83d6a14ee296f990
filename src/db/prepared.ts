import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

const queriesByDb = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then only bound and run: for the small
 * lookups a request makes, building the SQL text costs more than SQLite takes to answer it.
 */
export function preparedOnce<T>(db: object, key: string, build: () => T): T {
  let queries = queriesByDb.get(db);
  if (!queries) queriesByDb.set(db, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (query === undefined) queries.set(key, (query = build()));
  return query;
}

/**
 * `column IN (the values of a JSON array bound as placeholder 'name')`: one statement text for a list
 * of any length, so it can be prepared once. Bind with jsonList.
 */
export const inJsonList = (column: SQLiteColumn, name: string): SQL => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(name)}))`;

export const jsonList = (values: readonly (number | string)[]): string => JSON.stringify(values);
