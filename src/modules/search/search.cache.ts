import type Database from 'better-sqlite3';
import { once } from '../../util/once';
import { countMatches, rankNewestMatches, type RankedMatch, type SearchQuery } from './search.ranking';

/**
 * The ranked candidates of recent searches, kept until the database changes. Ranking reads about a
 * thousand rows of the index three times; a search asked again (the next page, or a popular query)
 * then costs one small statement. Any commit drops every kept search: an archive is read far more
 * often than it is written, and a search must never miss what was just stored.
 */
export const KEPT_SEARCHES = 128;

export interface KeptSearch {
  ranked: RankedMatch[];
  /** Every match, counted the first time a client asks for totalCount. */
  total: () => number;
}

interface Kept {
  capacity: number;
  version: string;
  searches: Map<string, KeptSearch>;
  /**
   * What the database holds, as far as this connection can tell: data_version moves when another
   * connection commits (an ingest run), total_changes when this one writes (a mutation). Prepared
   * once per database: preparing it on every search cost more than running it.
   */
  versionOf: Database.Statement<[], string>;
}
const keptByDb = new WeakMap<Database.Database, Kept>();

const keptOf = (sqlite: Database.Database): Kept => {
  let kept = keptByDb.get(sqlite);
  if (!kept) {
    const versionOf = sqlite.prepare<[], string>("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
    keptByDb.set(sqlite, (kept = { capacity: KEPT_SEARCHES, version: '', searches: new Map(), versionOf }));
  }
  return kept;
};

/** The search's ranked candidates (the newest `candidates` matches) and its count, from the kept ones while the data is unchanged. */
export function rankedSearch(sqlite: Database.Database, search: SearchQuery, candidates: number): KeptSearch {
  const kept = keptOf(sqlite);
  const compute = (): KeptSearch => ({ ranked: rankNewestMatches(sqlite, search, candidates), total: once(() => countMatches(sqlite, search)) });
  if (kept.capacity === 0) return compute();
  const version = kept.versionOf.get()!;
  if (version !== kept.version) {
    kept.searches.clear();
    kept.version = version;
  }
  const key = `${candidates}|${search.kinds?.join(',') ?? '*'}|${search.match}`;
  let hit = kept.searches.get(key);
  if (hit) {
    // Least recently used out first: a hit moves to the back.
    kept.searches.delete(key);
  } else {
    hit = compute();
    if (kept.searches.size >= kept.capacity) kept.searches.delete(kept.searches.keys().next().value!);
  }
  kept.searches.set(key, hit);
  return hit;
}

/** How many searches to keep for this database; 0 ranks every search afresh (the benchmark's uncached scenario). */
export function keepSearches(sqlite: Database.Database, capacity: number): void {
  const kept = keptOf(sqlite);
  kept.capacity = capacity;
  kept.searches.clear();
}
