import type { AppDb } from './client';
import { preparedOnce } from './prepared';

const keptByDb = new WeakMap<AppDb, Map<string, { version: number; value: unknown }>>();

/** Who is reading kept values now, and which catalogue versions they were of (see readingCatalogue). */
interface Reading {
  db: AppDb;
  trustKept: boolean;
  versions: Set<number>;
}
let reading: Reading | null = null;

/**
 * A value read from the catalogue tables (experts, organisations and their aliases, topics and
 * their terms), kept per connection until one of them changes: their triggers bump
 * catalogue_version (migration 0005), and reading that one row is all a hit costs.
 */
export function keptWhileCatalogue<T>(db: AppDb, key: string, read: () => T): T {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const entry = kept.get(key);
  const noting = reading?.db === db ? reading : null;
  if (entry && noting?.trustKept) {
    noting.versions.add(entry.version);
    return entry.value as T;
  }
  const version = preparedOnce(db, 'catalogue:version', () => db.$client.prepare(`SELECT version FROM catalogue_version WHERE id = 1`).pluck()).get() as number;
  noting?.versions.add(version);
  if (entry?.version === version) return entry.value as T;
  const value = read();
  kept.set(key, { version, value });
  return value;
}

/**
 * Runs `read`, and says which catalogue version the kept values it used are of: null when it used
 * none, -1 when they are of different versions (so that no version matches). With `trustKept`,
 * kept values are handed out without reading the version, and the caller checks the version in
 * the statement it runs next (CATALOGUE_IS_CURRENT): one statement a request instead of two.
 */
export function readingCatalogue<T>(db: AppDb, trustKept: boolean, read: () => T): { value: T; version: number | null } {
  const outer = reading;
  const current: Reading = { db, trustKept, versions: new Set() };
  reading = current;
  try {
    const value = read();
    const { size } = current.versions;
    return { value, version: size === 0 ? null : size > 1 ? -1 : (current.versions.values().next().value as number) };
  } finally {
    reading = outer;
  }
}

/** A value made from kept values alone, and the catalogue version they were of (null: it used none). */
export type DerivedCell<T> = WeakMap<AppDb, { value: T; version: number | null }>;

/**
 * `derive()`, a function of kept values alone (it reads the database only through
 * keptWhileCatalogue), kept in `cell` as they are. On trust it is handed out as they are, its
 * version noted for the statement's check; otherwise it is made afresh, and kept. What it returns
 * is shared by every request that takes it on trust, so it is frozen.
 */
export function keptDerived<T>(db: AppDb, cell: DerivedCell<T>, derive: () => T): T {
  const noting = reading?.db === db ? reading : null;
  const entry = cell.get(db);
  if (entry && noting?.trustKept) {
    if (entry.version !== null) noting.versions.add(entry.version);
    return entry.value;
  }
  const { value, version } = readingCatalogue(db, noting?.trustKept ?? false, derive);
  if (version !== null) noting?.versions.add(version);
  // Of two versions at once (-1), it would never be current: not kept.
  if (version !== -1) cell.set(db, { value: Object.freeze(value) as T, version });
  return value;
}

/** A condition for a statement's WHERE: true when the values were read at `@catalogue`, the current version, or used none. */
export const CATALOGUE_IS_CURRENT = '(@catalogue IS NULL OR @catalogue = (SELECT version FROM catalogue_version WHERE id = 1))';
