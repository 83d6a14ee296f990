import { openReadyDatabase } from './bootstrap';
import type { Config } from './config';
import type { AppDb, OpenOptions, StatementCounter } from './db/client';
import { setMaxPageSize } from './graphql/relay';
import { getSchema } from './graphql/schema';
import { createLogger, type Logger } from './logger';
import { createServer, type ExtraRoutes } from './server';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
  statements(): number;
  /** The statement counter of the server's connection (tests may switch on its log). */
  counter: StatementCounter;
}

/**
 * Opens (creating, migrating and seeding a new file) the database, and serves GraphQL on it.
 * Used by `npm start` and by the tests, so both run the same path.
 */
export async function startApp(
  config: Config,
  options: OpenOptions & { logger?: Logger; routes?: (served: { db: AppDb; statements: () => number }) => ExtraRoutes } = {},
): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = openReadyDatabase(config.DATABASE_PATH, { ...options, cacheMb: config.DB_CACHE_MB });
  try {
    setMaxPageSize(config.MAX_PAGE_SIZE);
    const routes = options.routes?.({ db: database.db, statements: () => database.counter.count });
    const server = await createServer(await getSchema(), database.db, config, logger, { routes });
    const url = await server.listen(config.PORT, config.HOST);
    return {
      url,
      statements: () => database.counter.count,
      counter: database.counter,
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
