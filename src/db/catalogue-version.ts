import type { AppDb } from './client';
import { preparedOnce } from './prepared';

/**
 * The catalogue tables (experts, organisations and their aliases, topics and their terms) bump
 * catalogue_version on every change (their triggers, migration 0005). A request reads it once
 * (Context.catalogueVersion) and values made from those tables are kept per version.
 */
export function readCatalogueVersion(db: AppDb): number {
  return preparedOnce(db, 'catalogue:version', () => db.$client.prepare(`SELECT version FROM catalogue_version WHERE id = 1`).pluck()).get() as number;
}

const keptByDb = new WeakMap<AppDb, Map<string, { version: number; value: unknown }>>();

/** A value read from the catalogue tables at `version`, kept per connection until the version moves on. */
export function keptWhileCatalogue<T>(db: AppDb, version: number, key: string, read: () => T): T {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const entry = kept.get(key);
  if (entry?.version === version) return entry.value as T;
  const value = read();
  kept.set(key, { version, value });
  return value;
}
