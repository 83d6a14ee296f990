import { afterAll, beforeAll } from 'vitest';
import { openReadyDatabase } from '../../src/bootstrap';
import { generateCorpus, type CorpusOptions } from '../../src/corpus/generate';
import { openDatabase, type OpenedDb } from '../../src/db/client';
import { startTestApp, type TestApp } from './app';

/**
 * A server over a generated corpus for the calling test file (`change` runs on the corpus before
 * the server starts), and the database opened read-only beside it, for SQL the test writes itself
 * to check the answers against.
 */
export function corpusServer(options: CorpusOptions, change?: (db: OpenedDb) => void) {
  let app: TestApp;
  let db: OpenedDb;
  beforeAll(async () => {
    app = await startTestApp({
      prepare: (dbPath) => {
        const opened = openReadyDatabase(dbPath);
        generateCorpus(opened, options);
        change?.(opened);
        opened.close();
      },
    });
    db = openDatabase(app.dbPath, { readonly: true });
  }, 60_000);
  afterAll(async () => {
    db?.close();
    await app?.close();
  });
  return {
    app: () => app,
    /** The first column of each row the SQL selects. */
    ids: (sql: string, ...params: unknown[]) =>
      db.sqlite
        .prepare(sql)
        .pluck()
        .all(...params) as number[],
    sqlite: () => db.sqlite,
  };
}
