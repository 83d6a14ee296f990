import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { keepSearches, rankedSearch } from './search.cache';
import type { RankerRequest, RankerResponse } from './search.pool';

// A search ranks in this thread, on its own read-only connection, so that a costly search does not
// hold up the server's event loop. Kept rankings live here, with the connection that made them.
// Its page cache is smaller than the server's: it reads only the search index.
const { sqlite } = openDatabase((workerData as { database: string }).database, { readonly: true, cacheMb: 16 });

parentPort!.on('message', (request: RankerRequest) => {
  let response: RankerResponse;
  try {
    if (request.op === 'keep') {
      keepSearches(sqlite, request.capacity);
      response = { id: request.id, value: null };
    } else {
      const kept = rankedSearch(sqlite, request.search, request.candidates);
      response = { id: request.id, value: request.op === 'rank' ? kept.ranked : kept.total() };
    }
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
