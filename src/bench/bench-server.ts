import { startApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { send } from '../http/messages';
import { KEPT_SEARCHES } from '../modules/search/search.cache';
import { searchRanker } from '../modules/search/search.pool';

/**
 * The server as npm start serves it, for `npm run bench`: the same app, counting its SQL statements,
 * with two routes the production server does not have. GET /__bench/stats: statements run on the
 * connection, and memory. POST /__bench/search-cache?keep=N: how many searches to keep (0: rank
 * each afresh; no keep: the server's own number).
 */
async function main(): Promise<void> {
  const app = await startApp(loadConfig(), {
    countStatements: true,
    routes:
      ({ db, statements }) =>
      async (req, res, url) => {
        if (url.pathname === '/__bench/stats') {
          send(res, 200, JSON.stringify({ statements: statements(), memory: process.memoryUsage() }), 'application/json');
          return true;
        }
        if (url.pathname === '/__bench/search-cache' && req.method === 'POST') {
          const keep = Number(url.searchParams.get('keep') ?? KEPT_SEARCHES);
          if (!Number.isInteger(keep) || keep < 0) send(res, 400, 'keep must be a whole number, 0 or more\n');
          else {
            await searchRanker(db.$client).keep(keep);
            send(res, 204, '');
          }
          return true;
        }
        return false;
      },
  });
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
