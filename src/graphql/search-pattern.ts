import { searchForm } from '../arabic/normalize';
import { parseSearchQuery, SearchSyntaxError, toFtsMatch, type SearchTerm } from '../arabic/search-query';
import { badUserInput } from './errors';

const MAX_SEARCH_LENGTH = 200;

/**
 * A LIKE pattern that finds `text` anywhere in a column's Arabic search form (see qg_search), so
 * «معتضد» finds «مُعتضد» and hamza forms fold. The search form holds only words and spaces, so
 * the user's % and _ are dropped; the escape stays so a wider search form could never turn them into wildcards.
 */
export function containsPattern(text: string, argument: string): string {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`${argument}: search text is limited to ${MAX_SEARCH_LENGTH} characters.`, argument);
  }
  const needle = searchForm(text);
  if (needle.length === 0) throw badUserInput(`${argument}: give at least one letter or digit to search for.`, argument);
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search form of the SQL expression `text` LIKE the SQL expression `pattern` (a containsPattern). */
export const searchFormLike = (text: string, pattern: string): string => `qg_search(${text}) LIKE ${pattern} ESCAPE '\\'`;

/** Parses full-text search input; syntax problems become BAD_USER_INPUT naming the argument. */
export function parseSearch(input: string, argument: string): { terms: SearchTerm[]; match: string | null } {
  try {
    const terms = parseSearchQuery(input);
    return { terms, match: toFtsMatch(terms) };
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw badUserInput(`${argument}: ${error.message}.`, argument);
    throw error;
  }
}

export const SEARCH_KIND = { Quote: 0, Article: 1, Expert: 2, Organisation: 3 } as const;
export type SearchKind = keyof typeof SEARCH_KIND;

/** A search_index rowid (entity id * 4 + SEARCH_KIND code) as the entity's kind code and id. */
export const searchRow = (rowid: number): { kind: number; id: number } => ({ kind: rowid & 3, id: rowid >> 2 });

/**
 * True when the row of `kind` whose id is the SQL expression `id` matches the search `match` (an
 * SQL expression written anew at each use, NULL when the search has no searchable word, which
 * matches nothing): one lookup by rowid in each term's list, for when another index already
 * narrows the rows.
 */
export function matchesRow(kind: SearchKind, id: string, match: () => string): string {
  // The kind is written into the SQL, not bound: with `rowid = id * 4 + ?` SQLite (3.53) answers
  // this EXISTS true for every row (test/search.test.ts "combines with speaker" catches it).
  return `(${match()} IS NOT NULL AND EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH ${match()} AND rowid = ${id} * 4 + ${SEARCH_KIND[kind]}))`;
}

/**
 * True when the row of `kind` at alias `child` matches the search `match` (as matchesRow): its id is
 * among the search's matches, read once from the index, for when no other index narrows the rows.
 */
export function amongMatches(kind: SearchKind, child: string, match: () => string): string {
  return `(${match()} IS NOT NULL AND ${child}."id" IN (SELECT rowid >> 2 FROM search_index WHERE search_index MATCH ${match()} AND (rowid & 3) = ${SEARCH_KIND[kind]}))`;
}
