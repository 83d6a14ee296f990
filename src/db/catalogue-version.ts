import type { AppDb } from './client';
import { preparedOnce } from './prepared';

const keptByDb = new WeakMap<AppDb, Map<string, { version: number; value: unknown }>>();

/**
 * A value read from the catalogue tables (experts, organisations and their aliases, topics and
 * their terms), kept per connection until one of them changes: their triggers bump
 * catalogue_version (migration 0005), and reading that one row is all a hit costs.
 */
export function keptWhileCatalogue<T>(db: AppDb, key: string, read: () => T): T {
  const version = preparedOnce(db, 'catalogue:version', () => db.$client.prepare('SELECT version FROM catalogue_version').pluck()).get() as number;
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const entry = kept.get(key);
  if (entry?.version === version) return entry.value as T;
  const value = read();
  kept.set(key, { version, value });
  return value;
}
