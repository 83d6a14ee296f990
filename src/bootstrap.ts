import fs from 'node:fs';
import { openDatabase, runMigrations, type OpenedDb, type OpenOptions } from './db/client';
import { loadSeeds } from './seed/seeds';
import { seedDatabase } from './seed/load';

/**
 * Opens the database the way every entry point does: created, migrated, and seeded when the file
 * is new, so `npm start` and `npm run ingest` on a fresh clone both find the catalogues.
 */
export function openReadyDatabase(file: string, options: OpenOptions = {}): OpenedDb {
  const isNew = file === ':memory:' || !fs.existsSync(file);
  const database = openDatabase(file, options);
  try {
    runMigrations(database.db);
    if (isNew) seedDatabase(database.db, loadSeeds());
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}
