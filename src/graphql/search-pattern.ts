import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
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

/** `column`'s search form LIKE `pattern`. */
export function likePattern(column: SQLiteColumn | SQL, pattern: string): SQL {
  return sql`qg_search(${column}) LIKE ${pattern} ESCAPE '\\'`;
}

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

/** Ids of one kind of entity whose indexed text matches; no match expression matches nothing. */
export function matchingIds(kind: SearchKind, match: string | null): SQL {
  if (match === null) return sql`SELECT NULL WHERE 0`;
  return sql`SELECT rowid >> 2 FROM search_index WHERE search_index MATCH ${match} AND (rowid & 3) = ${SEARCH_KIND[kind]}`;
}
