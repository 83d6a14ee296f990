import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { searchForm, stemForm } from '../arabic/normalize';
import * as schema from './schema';
import { fromRoot } from '../paths';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = fromRoot('drizzle');

/** Counts every SQL statement executed on one connection; tests and the bench flag read it. */
export class StatementCounter {
  count = 0;
  /** When set, every executed statement is also recorded with its parameters (tests read the plans). */
  log: { sql: string; params: unknown[] }[] | null = null;
}

const COUNTED_METHODS = ['run', 'get', 'all', 'iterate'] as const;

type Prepare = (source: string) => Database.Statement;

/**
 * Counts each run of a statement (a statement prepared once and run many times counts each run).
 * The methods are wrapped on the statement itself, once: a Proxy would tax every property access.
 */
function counted(prepare: Prepare, counter: StatementCounter): Prepare {
  return (source) => {
    const stmt = prepare(source) as unknown as Record<(typeof COUNTED_METHODS)[number], (...args: unknown[]) => unknown>;
    for (const method of COUNTED_METHODS) {
      const run = stmt[method];
      stmt[method] = function (this: unknown, ...args: unknown[]) {
        counter.count += 1;
        counter.log?.push({ sql: source, params: args });
        return run.apply(this, args);
      };
    }
    return stmt as unknown as Database.Statement;
  };
}

export const STATEMENT_CACHE_SIZE = 500;

/**
 * Reuses prepared statements by SQL text (least recently used out first). Drizzle prepares a
 * statement on every call, and for the small lookups a request makes, compiling the SQL costs more
 * than running it. Drizzle switches a statement to raw mode for some calls and never back, so a
 * statement leaves the cache in the default mode (rows as objects); one still iterating is never shared.
 */
function cached(prepare: Prepare, size: number): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (source) => {
    const hit = statements.get(source);
    if (hit && !hit.busy) {
      statements.delete(source);
      statements.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const stmt = prepare(source);
    if (hit) return stmt;
    statements.set(source, stmt);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return stmt;
  };
}

export interface OpenOptions {
  /** Count executed statements (tests, benchmarks). Off in normal serving: it wraps each statement's methods. */
  countStatements?: boolean;
  readonly?: boolean;
  /** SQLite's page cache, in MiB. Its default (2 MiB) is far smaller than an archive's hot pages. */
  cacheMb?: number;
}

export interface OpenedDb {
  db: AppDb;
  sqlite: Database.Database;
  counter: StatementCounter;
  close(): void;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // A negative cache_size is in KiB. A page the cache misses is a read() from the OS.
  sqlite.pragma(`cache_size = ${-Math.round((options.cacheMb ?? 64) * 1024)}`);
  // The search index's triggers call these: every connection that writes must have them.
  sqlite.function('qg_search', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchForm(text) : null));
  sqlite.function('qg_stem', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? stemForm(text) : null));
  const counter = new StatementCounter();
  const prepare: Prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = cached(options.countStatements ? counted(prepare, counter) : prepare, STATEMENT_CACHE_SIZE) as typeof sqlite.prepare;
  const db = drizzle(sqlite, { schema }) as AppDb;
  return {
    db,
    sqlite,
    counter,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Applies the committed drizzle-kit migrations; the app never pushes a schema. */
export function runMigrations(db: AppDb): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  analyseNewIndexes(db.$client);
}

/**
 * In a database that has planner statistics (ANALYZE), gives each index that has none its own: an
 * index a migration adds would otherwise look ten rows a key to the planner beside the others'
 * real counts, and win plans it should not (the date indexes of 0009 took an expert's first quotes
 * doubled the typed client's S7 at 100k). A database never analysed is left so: the planner then judges all
 * indexes alike.
 */
function analyseNewIndexes(sqlite: Database.Database): void {
  const analysed = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get();
  if (!analysed) return;
  const missing = sqlite
    .prepare(
      `SELECT i.name FROM sqlite_master AS i WHERE i.type = 'index' AND i.sql IS NOT NULL
         AND EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = i.tbl_name) AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = i.name)`,
    )
    .pluck()
    .all() as string[];
  for (const index of missing) sqlite.exec(`ANALYZE "${index.replace(/"/g, '""')}"`);
}
