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
