import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '../db/client';

/**
 * The full-text index's triggers (those that write search_index), as the migrations define them. A bulk load drops them, writes,
 * indexes everything once, and puts them back: one pass instead of a trigger per row.
 */
function triggerStatements(): { name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(MIGRATIONS_FOLDER, f), 'utf8').split('--> statement-breakpoint'))
    .map((s) => s.trim())
    .filter((s) => /^CREATE TRIGGER/i.test(s) && s.includes('search_index'))
    .map((sql) => ({ name: sql.match(/^CREATE TRIGGER `?(\w+)`?/i)![1], sql }));
}

export function withoutSearchTriggers<T>(sqlite: Database.Database, load: () => T): T {
  const triggers = triggerStatements();
  for (const t of triggers) sqlite.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
  try {
    return load();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
  }
}

/** Indexes the rows a bulk load added (ids above the marks), as the triggers would have. */
export function indexNewRows(sqlite: Database.Database, after: { quote: number; article: number; expert: number; organisation: number }): void {
  sqlite.prepare('INSERT INTO search_index (rowid, exact, stem) SELECT id * 4, qg_search(text), qg_stem(text) FROM quotes WHERE id > ?').run(after.quote);
  sqlite
    .prepare('INSERT INTO search_index (rowid, exact, stem) SELECT id * 4 + 1, qg_search(title || char(10) || body), qg_stem(title || char(10) || body) FROM articles WHERE id > ?')
    .run(after.article);
  sqlite
    .prepare(
      "INSERT INTO search_index (rowid, exact, stem) SELECT id * 4 + 2, qg_search(name || ' ' || coalesce(name_latin, '') || ' ' || coalesce(title, '')), qg_stem(name || ' ' || coalesce(name_latin, '') || ' ' || coalesce(title, '')) FROM experts WHERE id > ?",
    )
    .run(after.expert);
  sqlite
    .prepare('INSERT INTO search_index (rowid, exact, stem) SELECT id * 4 + 3, qg_search(doc), qg_stem(doc) FROM organisation_search_docs WHERE id > ?')
    .run(after.organisation);
}
