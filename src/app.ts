import fs from 'node:fs';
import type { Config } from './config';
import { openDatabase, runMigrations, type OpenOptions } from './db/client';
import { getSchema } from './graphql/schema';
import { loadCatalogue } from './seed/catalogue';
import { seedDatabase } from './seed/load';
import { createServer } from './server';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
  statements(): number;
}

/**
 * Opens (creating, migrating and seeding a new file) the database, and serves GraphQL on it.
 * Used by `npm start` and by the tests, so both run the same path.
 */
export async function startApp(config: Pick<Config, 'DATABASE_PATH' | 'PORT' | 'HOST'> & Partial<Pick<Config, 'API_TOKEN'>>, options: OpenOptions = {}): Promise<RunningApp> {
  const isNew = config.DATABASE_PATH === ':memory:' || !fs.existsSync(config.DATABASE_PATH);
  const database = openDatabase(config.DATABASE_PATH, options);
  try {
    runMigrations(database.db);
    if (isNew) seedDatabase(database.db, loadCatalogue());
    const server = await createServer(await getSchema(), database.db, { apiToken: config.API_TOKEN });
    const url = await server.listen(config.PORT, config.HOST);
    return {
      url,
      statements: () => database.counter.count,
      close: async () => {
        await server.close();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
