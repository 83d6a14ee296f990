import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { badUserInput } from './errors';

const MAX_SEARCH_LENGTH = 200;

/** A LIKE pattern that matches `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string, argument: string): string {
  const needle = text.normalize('NFC').trim();
  if (needle.length === 0) throw badUserInput(`${argument}: give at least one character to search for.`, argument);
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`${argument}: search text is limited to ${MAX_SEARCH_LENGTH} characters.`, argument);
  }
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function likePattern(column: SQLiteColumn | SQL, pattern: string): SQL {
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
