import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lightStem, searchForm } from '../src/arabic/normalize';
import { parseSearchQuery, termPhrases, toFtsMatch } from '../src/arabic/search-query';
import { openDatabase, runMigrations, type OpenedDb } from '../src/db/client';
import { SEARCH_KIND } from '../src/graphql/search-pattern';
import { countMatches, rankNewestMatches, type SearchQuery } from '../src/modules/search/search.ranking';
import { SEEDS_DIR } from '../src/seed/seeds';

// The app ranks search hits with its own BM25 (FTS5's bm25() recounts every phrase's documents on
// each query). Where no phrase repeats within a document the two must agree to nine decimals.

let db: OpenedDb;
let nextId = 1;
beforeEach(() => {
  db = openDatabase(':memory:');
  runMigrations(db.db);
  nextId = 1;
});
afterEach(() => db.close());

/** Indexes texts straight into the FTS table, as the triggers would; returns their rowids. */
function index(texts: string[], kind: number = SEARCH_KIND.Quote): number[] {
  const insert = db.sqlite.prepare('INSERT INTO search_index (rowid, exact, stem) VALUES (?, qg_search(?), qg_stem(?))');
  return texts.map((text) => {
    const rowid = nextId++ * 4 + kind;
    insert.run(rowid, text, text);
    return rowid;
  });
}

function query(input: string, kinds: number[] | null = null): SearchQuery {
  const terms = parseSearchQuery(input);
  return { terms, match: toFtsMatch(terms)!, kinds };
}

/**
 * FTS5's own bm25 with the app's column weights, as a score (higher is better), over the search
 * written with both phrases of every term, as the app ranks it (the app matches by fewer).
 */
function fts5Scores(search: SearchQuery): Map<number, number> {
  const everyPhrase = search.terms.map((t) => `(${termPhrases(t).exact} OR ${termPhrases(t).stem})`).join(' AND ');
  const rows = db.sqlite.prepare('SELECT rowid, -bm25(search_index, 3.0, 1.0) AS score FROM search_index WHERE search_index MATCH ?').all(everyPhrase) as {
    rowid: number;
    score: number;
  }[];
  return new Map(rows.map((r) => [r.rowid, r.score]));
}

const FILLER = ['تعاون', 'المغرب', 'إسبانيا', 'الحدود', 'الشرطة', 'التنسيق', 'الإقليمي', 'تقرير', 'مصادر', 'خبراء'];
const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => FILLER[(from + i) % FILLER.length]).join(' ');

describe('rankNewestMatches', () => {
  it('gives the scores FTS5 bm25 gives when no phrase repeats in a document', () => {
    index([
      'الأمن السيبراني أولوية',
      `${filler(12)} والأمن السيبراني`,
      `الأمن ${filler(30, 3)} السيبراني`,
      'السيبراني والأمن',
      `${filler(5)} الأمن الرقمي`,
      filler(20, 5),
      `لأمن السيبرانية ${filler(4, 2)}`,
    ]);
    for (const input of ['الأمن السيبراني', 'الأمن', 'السيبر*', '"الأمن السيبراني"']) {
      const search = query(input);
      const expected = fts5Scores(search);
      const ranked = rankNewestMatches(db.sqlite, search, 100);
      expect(ranked.length, input).toBe(expected.size);
      expect(ranked.length, input).toBeGreaterThan(0);
      for (const { rowid, score } of ranked) expect(score, `${input} #${rowid}`).toBeCloseTo(expected.get(rowid)!, 9);
      const scores = ranked.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('scores the same when a word is far more common than the search, read through the search', () => {
    db.close();
    db = openDatabase(':memory:', { countStatements: true });
    runMigrations(db.db);
    const [oldest] = index(['الأمن السيبراني في المقال الأول']);
    index(Array.from({ length: 600 }, (_, i) => `الأمن ${filler(4, i)}`));
    index(['السيبراني والأمن', `الأمن السيبراني ${filler(8)}`]);
    const search = query('الأمن السيبراني');
    db.counter.log = [];
    const ranked = rankNewestMatches(db.sqlite, search, 100);
    const expected = fts5Scores(search);
    expect(ranked.map((r) => r.rowid)).toContain(oldest);
    expect(ranked.length).toBe(expected.size);
    for (const { rowid, score } of ranked) expect(score).toBeCloseTo(expected.get(rowid)!, 9);
    // 600 rows hold «الأمن» between the oldest candidate and the newest: more than its own read takes.
    expect(db.counter.log.some((e) => e.params[0] === `(${search.match}) AND ${termPhrases(search.terms[0]).exact}`)).toBe(true);
  });

  it('scores one kind when many rows of another kind hold both the search and a common word', () => {
    const [oldest] = index(['الأمن السيبراني في المقال الأول'], SEARCH_KIND.Article);
    index(Array.from({ length: 600 }, (_, i) => `الأمن السيبراني ${filler(4, i)}`));
    const [newest] = index([`السيبراني والأمن ${filler(3)}`], SEARCH_KIND.Article);
    const search = query('الأمن السيبراني', [SEARCH_KIND.Article]);
    const ranked = rankNewestMatches(db.sqlite, search, 100);
    const expected = fts5Scores(search);
    expect(ranked.map((r) => r.rowid).sort()).toEqual([oldest, newest].sort());
    for (const { rowid, score } of ranked) expect(score).toBeCloseTo(expected.get(rowid)!, 9);
  });

  it('ranks an exact form above a stemmed one and a short document above a long one', () => {
    const [exactShort, stemShort, exactLong] = index(['الأمن أولوية', 'والأمن أولوية', `الأمن ${filler(40)}`]);
    expect(rankNewestMatches(db.sqlite, query('الأمن'), 10).map((r) => r.rowid)).toEqual([exactShort, exactLong, stemShort]);
  });

  it('ranks only the newest candidates, and filters by kind', () => {
    const quotes = index(Array.from({ length: 6 }, (_, i) => `الأمن ${filler(i)}`));
    const [article] = index(['الأمن في المقال'], SEARCH_KIND.Article);
    expect(
      rankNewestMatches(db.sqlite, query('الأمن'), 3)
        .map((r) => r.rowid)
        .sort(),
    ).toEqual([...quotes.slice(4), article].sort());
    const onlyQuotes = query('الأمن', [SEARCH_KIND.Quote]);
    expect(
      rankNewestMatches(db.sqlite, onlyQuotes, 100)
        .map((r) => r.rowid)
        .sort(),
    ).toEqual([...quotes].sort());
    expect(countMatches(db.sqlite, onlyQuotes)).toBe(6);
    expect(countMatches(db.sqlite, query('الأمن'))).toBe(7);
  });

  it('counts document frequencies again once the index has grown', () => {
    index(['الأمن السيبراني', ...Array.from({ length: 20 }, (_, i) => filler(6, i))]);
    const search = query('الأمن');
    rankNewestMatches(db.sqlite, search, 10);
    // Now the word is in most rows, so each hit is worth far less than when it was rare.
    index(Array.from({ length: 30 }, (_, i) => `الأمن ${filler(5, i)}`));
    const expected = fts5Scores(search);
    for (const { rowid, score } of rankNewestMatches(db.sqlite, search, 100)) expect(score).toBeCloseTo(expected.get(rowid)!, 9);
  });
});

describe('the stemmed phrase alone', () => {
  // toFtsMatch and the ranking lean on this: every row holding a word's (or phrase's) exact form
  // holds its stemmed form too, so matching the stemmed phrase finds the same rows as matching either.
  const rowsOf = (phrase: string) => new Set(db.sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck().all(phrase) as number[]);
  const holdsForEveryWordAndPair = (texts: string[]) => {
    const wordLists = texts.map((t) => searchForm(t).split(' ').filter(Boolean));
    const words = [...new Set(wordLists.flat())];
    const pairs = wordLists.flatMap((list) => list.slice(1).map((word, i) => [list[i], word]));
    let checked = 0;
    for (const phrase of [...words.map((w) => [w]), ...pairs.slice(0, 400)]) {
      const { exact, stem } = termPhrases({ words: phrase, prefix: false });
      const stemmed = rowsOf(stem);
      for (const rowid of rowsOf(exact)) expect(stemmed.has(rowid), `${phrase.join(' ')} in #${rowid}`).toBe(true);
      checked += 1;
    }
    return checked;
  };

  it('finds every row the exact form finds, over the seed articles', () => {
    const bodies = fs
      .readdirSync(path.join(SEEDS_DIR, 'articles'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(SEEDS_DIR, 'articles', f), 'utf8'));
    const sentences = bodies.flatMap((b) => b.split(/[.!؟\n]+/)).filter((s) => s.trim());
    index(sentences);
    expect(holdsForEveryWordAndPair(sentences)).toBeGreaterThan(500);
  });

  it('finds every row the exact form finds, over words made of proclitics and letters', () => {
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    const proclitic = fc.constantFrom('', 'و', 'ف', 'ب', 'ك', 'ل', 'ال', 'وال', 'بال', 'لل', 'وبال', 'فلل');
    const word = fc.tuple(proclitic, fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 5 })).map(([p, l]) => p + l.join(''));
    fc.assert(
      fc.property(
        fc.array(
          fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
          { minLength: 1, maxLength: 8 },
        ),
        (texts) => {
          db.sqlite.exec('DELETE FROM search_index');
          index(texts);
          holdsForEveryWordAndPair(texts);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is what a whole word matches by, while a prefix keeps the exact form', () => {
    const [plain, prefixed] = parseSearchQuery('الأمن وال*');
    expect(toFtsMatch([plain])).toBe(termPhrases(plain).stem);
    expect(lightStem('وال')).toBe('وال');
    const [rowid] = index(['والأمن']);
    expect(rowsOf(toFtsMatch([prefixed])!).has(rowid)).toBe(true);
    expect(rowsOf(termPhrases(prefixed).stem).has(rowid)).toBe(false);
  });
});
