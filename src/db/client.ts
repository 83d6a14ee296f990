import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { searchForm, stemForm } from '../arabic/normalize';
import * as schema from './schema';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Counts every SQL statement executed on one connection; tests and the bench flag read it. */
export class StatementCounter {
  count = 0;
  /** When set, every executed statement is also recorded with its parameters (tests read the plans). */
  log: { sql: string; params: unknown[] }[] | null = null;
}

const COUNTED_METHODS = new Set(['run', 'get', 'all', 'iterate']);

function countStatements(sqlite: Database.Database, counter: StatementCounter): void {
  const prepare = sqlite.prepare.bind(sqlite);
  // Wrap the execution methods, not prepare(): a statement prepared once and run many times counts each run.
  sqlite.prepare = ((source: string) => {
    const stmt = prepare(source);
    return new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (COUNTED_METHODS.has(prop as string)) {
          return (...args: unknown[]) => {
            counter.count += 1;
            counter.log?.push({ sql: source, params: args });
            return value.apply(target, args);
          };
        }
        // raw(), pluck(), expand() return the statement itself: keep the proxy in the chain.
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result === target ? receiver : result;
        };
      },
    });
  }) as typeof sqlite.prepare;
}

export interface OpenOptions {
  /** Count executed statements (tests, benchmarks). Off in normal serving: it adds a proxy per statement. */
  countStatements?: boolean;
  readonly?: boolean;
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
  // The search index's triggers call these: every connection that writes must have them.
  sqlite.function('qg_search', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchForm(text) : null));
  sqlite.function('qg_stem', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? stemForm(text) : null));
  const counter = new StatementCounter();
  if (options.countStatements) countStatements(sqlite, counter);
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
}
