import { openReadyDatabase } from './bootstrap';
import type { Config } from './config';
import type { OpenOptions } from './db/client';
import { getSchema } from './graphql/schema';
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
  const database = openReadyDatabase(config.DATABASE_PATH, options);
  try {
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
