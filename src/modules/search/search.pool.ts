import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { badUserInput } from '../../graphql/errors';
import { keepSearches, rankedSearch } from './search.cache';
import type { RankedMatch, SearchQuery } from './search.ranking';

type RankerOp = { op: 'rank' | 'count'; search: SearchQuery; candidates: number } | { op: 'keep'; capacity: number };
export type RankerRequest = RankerOp & { id: number };

/** What a ranker does for one request, on the connection it ranks with: in the worker, or in this thread. */
export function runRankerOp(sqlite: Database.Database, request: RankerOp): unknown {
  if (request.op === 'keep') {
    keepSearches(sqlite, request.capacity);
    return null;
  }
  const kept = rankedSearch(sqlite, request.search, request.candidates);
  return request.op === 'rank' ? kept.ranked : kept.total();
}
export type RankerResponse = { id: number; value: unknown } | { id: number; error: string };

/** Ranks and counts searches away from the event loop (search.worker.ts), one request at a time, each within a time budget. */
export interface SearchRanker {
  rank(search: SearchQuery, candidates: number): Promise<RankedMatch[]>;
  /** Every match of the search. */
  count(search: SearchQuery, candidates: number): Promise<number>;
  /** How many rankings to keep; 0 ranks every search afresh (the benchmark's uncached scenarios). */
  keep(capacity: number): Promise<void>;
  close(): Promise<void>;
}

type Call = { request: RankerRequest; resolve: (value: unknown) => void; reject: (error: unknown) => void; timer?: NodeJS.Timeout };

/**
 * The worker's code: in the bundle (dist/main.js) a file built beside it; from the sources (tsx,
 * vitest) the TypeScript file, loaded through tsx's hooks in the worker.
 */
function startWorker(database: string): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./search-worker.js', here), { workerData: { database } });
  const source = new URL('./search.worker.ts', here).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: { database } });
}

/**
 * One worker per database connection. A search still running after `budgetMs` is answered
 * BAD_USER_INPUT, and its worker is replaced (it stops once SQLite returns): the searches queued
 * behind it go to the new one.
 */
function workerRanker(database: string, budgetMs: number): SearchRanker {
  let worker: Worker | null = null;
  let nextId = 0;
  const queue: Call[] = [];
  let running: Call | null = null;

  const spawn = (): Worker => {
    const w = startWorker(database);
    w.unref();
    w.on('message', (response: RankerResponse) => {
      const call = running;
      if (w !== worker || !call || call.request.id !== response.id) return;
      clearTimeout(call.timer);
      running = null;
      if ('error' in response) call.reject(new Error(`search worker: ${response.error}`));
      else call.resolve(response.value);
      next();
    });
    w.on('error', (error) => {
      if (w !== worker) return;
      worker = null;
      const call = running;
      running = null;
      call?.reject(error);
      next();
    });
    return w;
  };

  const next = () => {
    if (running || !queue.length) return;
    running = queue.shift()!;
    const call = running;
    worker ??= spawn();
    call.timer = setTimeout(() => {
      if (running !== call) return;
      running = null;
      void worker?.terminate();
      worker = null;
      call.reject(badUserInput(`query: the search took longer than ${budgetMs} ms and was stopped. Use longer words, fewer prefixes (*) or a phrase.`, 'query'));
      next();
    }, budgetMs);
    worker.postMessage(call.request);
  };

  const send = <T>(request: RankerOp): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const call: Call = { request: { ...request, id: nextId++ }, resolve: resolve as (v: unknown) => void, reject };
      queue.push(call);
      next();
    });

  return {
    rank: (search, candidates) => send({ op: 'rank', search, candidates }),
    count: (search, candidates) => send({ op: 'count', search, candidates }),
    keep: (capacity) => send({ op: 'keep', capacity }),
    close: async () => {
      const w = worker;
      worker = null;
      for (const call of [...queue, ...(running ? [running] : [])]) {
        clearTimeout(call.timer);
        call.reject(new Error('the server is closing'));
      }
      queue.length = 0;
      running = null;
      await w?.terminate();
    },
  };
}

/** For a database in memory, which no other connection can open: ranked in this thread, as before. */
function inlineRanker(sqlite: Database.Database): SearchRanker {
  const run = async <T>(request: RankerOp) => runRankerOp(sqlite, request) as T;
  return {
    rank: (search, candidates) => run({ op: 'rank', search, candidates }),
    count: (search, candidates) => run({ op: 'count', search, candidates }),
    keep: (capacity) => run({ op: 'keep', capacity }),
    close: async () => {},
  };
}

const rankers = new WeakMap<Database.Database, SearchRanker>();

const DEFAULT_BUDGET_MS = 1500;

/** The ranker of this connection's database; searches take at most `budgetMs` each (set by the first call: the server's, at start). */
export function searchRanker(sqlite: Database.Database, budgetMs = DEFAULT_BUDGET_MS): SearchRanker {
  let ranker = rankers.get(sqlite);
  if (!ranker) rankers.set(sqlite, (ranker = sqlite.memory ? inlineRanker(sqlite) : workerRanker(sqlite.name, budgetMs)));
  return ranker;
}

/** Stops the connection's ranker, if it has one (when the server closes). */
export async function closeSearchRanker(sqlite: Database.Database): Promise<void> {
  await rankers.get(sqlite)?.close();
  rankers.delete(sqlite);
}
