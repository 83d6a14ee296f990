import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery, toFtsMatch } from '../src/arabic/search-query';
import { openDatabase, runMigrations, type OpenedDb } from '../src/db/client';
import { SEARCH_KIND } from '../src/graphql/search-pattern';
import { KEPT_SEARCHES, keepSearches, rankedSearch } from '../src/modules/search/search.cache';
import type { SearchQuery } from '../src/modules/search/search.ranking';

let dir: string;
let db: OpenedDb;
let nextId = 1;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-search-cache-'));
  db = openDatabase(path.join(dir, 'search.db'), { countStatements: true });
  runMigrations(db.db);
  nextId = 1;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function index(on: OpenedDb, texts: string[]): number[] {
  const insert = on.sqlite.prepare('INSERT INTO search_index (rowid, exact, stem) VALUES (?, qg_search(?), qg_stem(?))');
  return texts.map((text) => {
    const rowid = nextId++ * 4 + SEARCH_KIND.Quote;
    insert.run(rowid, text, text);
    return rowid;
  });
}

function query(input: string): SearchQuery {
  const terms = parseSearchQuery(input);
  return { terms, match: toFtsMatch(terms)!, kinds: null };
}

/** The rowids a search ranks, and how many statements it ran to get them. */
function ranked(search: SearchQuery): { rowids: number[]; statements: number } {
  const before = db.counter.count;
  const rowids = rankedSearch(db.sqlite, search, 100).ranked.map((r) => r.rowid);
  return { rowids, statements: db.counter.count - before };
}

describe('rankedSearch', () => {
  it('ranks a search asked again from what it kept: one statement, to see that nothing changed', () => {
    index(db, ['الأمن السيبراني أولوية', 'تعاون في الأمن', 'الحدود']);
    const first = ranked(query('الأمن'));
    expect(first.rowids).toHaveLength(2);
    expect(first.statements).toBeGreaterThan(1);
    expect(ranked(query('الأمن'))).toEqual({ rowids: first.rowids, statements: 1 });
  });

  it('ranks afresh once this connection has written', () => {
    index(db, ['الأمن السيبراني أولوية']);
    expect(ranked(query('الأمن')).rowids).toHaveLength(1);
    const [added] = index(db, ['والأمن أيضا']);
    expect(ranked(query('الأمن')).rowids).toContain(added);
  });

  it('ranks afresh once another connection has committed, as an ingest run does', () => {
    index(db, ['الأمن السيبراني أولوية']);
    expect(ranked(query('الأمن')).rowids).toHaveLength(1);
    const other = openDatabase(path.join(dir, 'search.db'));
    try {
      const [added] = index(other, ['والأمن أيضا']);
      expect(ranked(query('الأمن')).rowids).toContain(added);
    } finally {
      other.close();
    }
  });

  it('keeps its count with its ranking, and counts only when asked', () => {
    index(db, ['الأمن السيبراني', 'الأمن', 'السيبراني']);
    const kept = rankedSearch(db.sqlite, query('الأمن'), 100);
    const before = db.counter.count;
    expect(kept.total()).toBe(2);
    expect(rankedSearch(db.sqlite, query('الأمن'), 100).total()).toBe(2);
    // The count's statement once, and the second search's version check.
    expect(db.counter.count - before).toBe(2);
  });

  it('drops the least recently asked search first, and keeps none when told 0', () => {
    index(db, ['الأمن السيبراني', 'تعاون الحدود', 'الشرطة']);
    keepSearches(db.sqlite, 2);
    ranked(query('الأمن'));
    ranked(query('الحدود'));
    ranked(query('الأمن'));
    ranked(query('الشرطة'));
    expect(ranked(query('الأمن')).statements).toBe(1);
    expect(ranked(query('الحدود')).statements).toBeGreaterThan(1);
    keepSearches(db.sqlite, 0);
    ranked(query('الأمن'));
    expect(ranked(query('الأمن')).statements).toBeGreaterThan(1);
    keepSearches(db.sqlite, KEPT_SEARCHES);
  });
});
