import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { runRankerOp, type RankerRequest, type RankerResponse } from './search.pool';

// A search ranks in this thread, on its own read-only connection, so that a costly search does not
// hold up the server's event loop. Kept rankings live here, with the connection that made them.
// Its page cache is smaller than the server's: it reads only the search index.
const { sqlite } = openDatabase((workerData as { database: string }).database, { readonly: true, cacheMb: 16 });

parentPort!.on('message', (request: RankerRequest) => {
  let response: RankerResponse;
  try {
    response = { id: request.id, value: runRankerOp(sqlite, request) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
