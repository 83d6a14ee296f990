import type Database from 'better-sqlite3';
import { termPhrases, type SearchTerm } from '../../arabic/search-query';

/**
 * BM25 over the newest matches of a search, worked out here rather than by FTS5's bm25(). FTS5
 * counts, on every query, every document that holds each phrase (its IDF); for a common word in a
 * 1M-row index that is 8-10 ms a phrase. Here those counts are kept between queries, and only the
 * candidates are looked at: which phrases each one holds, and its length.
 *
 * Two simplifications against FTS5's bm25: a phrase counts once per document (tf is 0 or 1; quotes
 * are a sentence or two; the schema's description of `score` says so), and document frequencies are
 * counted again only once the index has grown or shrunk by more than 1% since they were counted.
 */

const K1 = 1.2;
const B = 0.75;
/** A hit on the exact search form counts three times a stemmed one. */
const WEIGHT = { exact: 3, stem: 1 } as const;
/** How far the row count may drift before the kept document frequencies are counted again. */
const STALE_FRACTION = 0.01;
const MAX_KEPT_PHRASES = 10_000;
/**
 * The fewest of a phrase's own rows read before it is anded with the search instead: in a small index,
 * where a few candidates span every row, one read.
 */
const MIN_PHRASE_ROWS = 256;

export interface RankedMatch {
  /** search_index rowid: entity id * 4 + kind. */
  rowid: number;
  score: number;
}

interface Phrase {
  text: string;
  weight: number;
  /**
   * Held by every candidate, so not looked up: a whole word is searched for by its stemmed phrase
   * alone (toFtsMatch), so every candidate matched it.
   */
  everyCandidate: boolean;
}

function phrasesOf(terms: SearchTerm[]): Phrase[] {
  return terms.flatMap((term) => {
    const { exact, stem } = termPhrases(term);
    return [
      { text: exact, weight: WEIGHT.exact, everyCandidate: false },
      { text: stem, weight: WEIGHT.stem, everyCandidate: !term.prefix },
    ];
  });
}

/** SQLite's varints (big-endian, 7 bits a byte, high bit set on all but the last), from hex. */
function varints(hex: string): number[] {
  const values: number[] = [];
  let value = 0;
  for (let i = 0; i < hex.length; i += 2) {
    // Two hex digits by char code: this runs for each candidate's sizes.
    const byte = (hexDigit(hex.charCodeAt(i)) << 4) | hexDigit(hex.charCodeAt(i + 1));
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      values.push(value);
      value = 0;
    }
  }
  return values;
}

/** The value of an upper-case hex digit's char code (SQLite's hex() writes upper case). */
const hexDigit = (code: number) => (code <= 57 ? code - 48 : code - 55);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

interface KeptFrequencies {
  rows: number;
  byPhrase: Map<string, number>;
}
const frequenciesByDb = new WeakMap<Database.Database, KeptFrequencies>();

/** How many indexed rows hold `phrase`: counted once, then kept while the index stays about the same size. */
function documentFrequency(sqlite: Database.Database, phrase: string, rows: number): number {
  let kept = frequenciesByDb.get(sqlite);
  if (!kept || Math.abs(rows - kept.rows) > kept.rows * STALE_FRACTION) {
    frequenciesByDb.set(sqlite, (kept = { rows, byPhrase: new Map() }));
  }
  let frequency = kept.byPhrase.get(phrase);
  if (frequency === undefined) {
    frequency = countRows(sqlite, phrase, null);
    if (kept.byPhrase.size >= MAX_KEPT_PHRASES) kept.byPhrase.delete(kept.byPhrase.keys().next().value!);
    kept.byPhrase.set(phrase, frequency);
  }
  return frequency;
}

export interface SearchQuery {
  terms: SearchTerm[];
  /** toFtsMatch(terms). */
  match: string;
  /** SEARCH_KIND codes to keep, or null for every kind. */
  kinds: readonly number[] | null;
}

// The kind codes are small integers from SEARCH_KIND, never user text, so they are written into the SQL.
const matching = (kinds: readonly number[] | null) => `search_index MATCH ?${kinds ? ` AND (rowid & 3) IN (${kinds.map(Number).join(', ')})` : ''}`;

/** The rows matching an FTS5 expression (of these kinds); a phrase's document frequency too. */
function countRows(sqlite: Database.Database, match: string, kinds: readonly number[] | null): number {
  return sqlite
    .prepare(`SELECT count(*) FROM search_index WHERE ${matching(kinds)}`)
    .pluck()
    .get(match) as number;
}

/** Every row matching the search. Counting every match of a common word is slow: ask only when needed. */
export const countMatches = (sqlite: Database.Database, search: SearchQuery): number => countRows(sqlite, search.match, search.kinds);

/** The newest `candidates` rows matching the search, best first by BM25; ties go to the newer row. */
export function rankNewestMatches(sqlite: Database.Database, search: SearchQuery, candidates: number): RankedMatch[] {
  // The candidates with FTS5's own records, in one statement: the averages (row count, then tokens per
  // column) and each candidate's tokens per column ("rowid:hex,…"; a second statement for the sizes cost as much as the match).
  const found = sqlite
    .prepare(
      `SELECT (SELECT hex(block) FROM search_index_data WHERE id = 1) AS averages,
        (SELECT group_concat(c.id || ':' || coalesce(hex(d.sz), ''), ',')
          FROM (SELECT rowid AS id FROM search_index WHERE ${matching(search.kinds)} ORDER BY rowid DESC LIMIT ?) AS c
          LEFT JOIN search_index_docsize AS d ON d.id = c.id) AS candidates`,
    )
    .get(search.match, candidates) as { averages: string | null; candidates: string | null };
  if (!found.candidates) return [];
  const sized = found.candidates.split(',').map((entry) => {
    const colon = entry.indexOf(':');
    return { rowid: Number(entry.slice(0, colon)), length: sum(varints(entry.slice(colon + 1))) };
  });
  const oldest = Math.min(...sized.map((c) => c.rowid));
  const [rows = sized.length, ...columnTokens] = varints(found.averages ?? '');
  const averageLength = sum(columnTokens) / Math.max(rows, 1) || 1;

  const phrases = phrasesOf(search.terms);
  const newestOf = sqlite.prepare(`SELECT rowid FROM search_index WHERE ${matching(search.kinds)} ORDER BY rowid DESC LIMIT ?`).pluck();
  /** The rows matching `expression` from the newest down to the oldest candidate; null if there are more than `limit`. */
  const downToOldest = (expression: string, limit: number): Set<number> | null => {
    const rows = newestOf.all(expression, limit) as number[];
    if (rows.length === limit && rows[limit - 1] >= oldest) return null;
    return new Set(rows.filter((rowid) => rowid >= oldest));
  };
  // Which candidates hold each phrase. The phrase's own rows are read first: they reach the oldest
  // candidate within one row more than there are candidates unless the phrase is more common than the
  // search there. Such a phrase is anded with the search, whose rows down to the oldest candidate are
  // candidates. (A rowid bound instead of a limit is no help: FTS5 walks a whole doclist to seek it.)
  const limit = Math.max(sized.length + 1, MIN_PHRASE_ROWS);
  const holders = phrases.map((phrase) =>
    phrase.everyCandidate ? null : (downToOldest(phrase.text, limit) ?? downToOldest(`(${search.match}) AND ${phrase.text}`, sized.length + 1)!),
  );

  const idf = phrases.map((phrase) => {
    const n = documentFrequency(sqlite, phrase.text, rows);
    // Floored just above zero, as FTS5 does, so a word in most rows still counts a little.
    return Math.max(Math.log((rows - n + 0.5) / (n + 0.5)), 1e-6);
  });

  return sized
    .map(({ rowid, length }) => {
      const norm = K1 * (1 - B + (B * length) / averageLength);
      let score = 0;
      phrases.forEach((phrase, i) => {
        if (phrase.everyCandidate || holders[i]!.has(rowid)) score += (idf[i] * phrase.weight * (K1 + 1)) / (phrase.weight + norm);
      });
      return { rowid, score };
    })
    .sort((a, b) => b.score - a.score || b.rowid - a.rowid);
}
