import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Config } from './config';
import type { AppDb } from './db/client';
import { createContext, type Context } from './graphql/context';
import { compiledGateway, createExecutor } from './graphql/compiled/executor';
import { createFastLane, type LaneRequest } from './graphql/compiled/fast-lane';
import { formatError } from './graphql/errors';
import { allProjections } from './graphql/projections';
import { costLimitPlugin, operationCosts } from './graphql/protection/cost.plugin';
import { countLimitsRule } from './graphql/protection/counts.rule';
import { depthLimitRule } from './graphql/protection/depth.rule';
import { manifestCache, persistedOnlyPlugin, readManifest } from './graphql/protection/persisted';
import type { Logger } from './logger';
import { KEPT_SEARCHES, keepSearches } from './modules/search/search.cache';
import { loadExamples } from './playground/examples';
import { playgroundHtml, readAsset } from './playground/page';

export type ServerConfig = Pick<
  Config,
  | 'API_TOKEN'
  | 'NODE_ENV'
  | 'PLAYGROUND'
  | 'INTROSPECTION'
  | 'CORS_ORIGINS'
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_TOKENS'
  | 'MAX_COST'
  | 'MAX_BODY_BYTES'
  | 'REQUEST_TIMEOUT_MS'
  | 'ALLOW_BATCHING'
  | 'CACHE_MAX_AGE'
  | 'PERSISTED_ONLY'
  | 'PERSISTED_MANIFEST'
  | 'BENCH_STATS'
  | 'COMPILE_QUERIES'
  | 'FAST_LANE'
>;

export interface AppServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `Request body is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `Request body is larger than ${limit} bytes.`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** The status and headers of a GraphQL response: Apollo's (or the fast lane's), then CORS and caching. */
function writeHead(res: http.ServerResponse, status: number, headers: Iterable<[string, string]>, cors: Record<string, string>, maxAge: number | false): void {
  for (const [key, value] of headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(cors)) res.setHeader(key, value);
  res.setHeader('cache-control', maxAge ? `public, max-age=${maxAge}` : 'no-store');
  res.statusCode = status;
}

/** What the request log line says about the GraphQL part: filled in by a plugin, read by the HTTP layer. */
interface RequestLog {
  operationName?: string | null;
  /** Answered by the fast lane, without Apollo's pipeline. */
  fastLane?: boolean;
  errors?: number;
  codes?: string[];
}

const REQUEST_LOG = Symbol('requestLog');

function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const log = (contextValue as Context & { [REQUEST_LOG]?: RequestLog })[REQUEST_LOG];
      return {
        async didResolveOperation({ operationName }) {
          if (log) log.operationName = operationName ?? request.operationName ?? null;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (log) {
            log.errors = errors.length;
            log.codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          }
        },
      };
    },
  };
}

/** Distinct operations kept parsed and validated; a client app sends a few dozen. */
const DOCUMENT_CACHE_ENTRIES = 1000;

export async function createServer(schema: GraphQLSchema, db: AppDb, config: ServerConfig, logger: Logger, statements: () => number = () => 0): Promise<AppServer> {
  const production = config.NODE_ENV === 'production';
  const manifest = config.PERSISTED_ONLY ? readManifest(config.PERSISTED_MANIFEST) : null;
  const compiledQueryFailed = (err: unknown) => logger.error({ err }, 'compiled query failed; answered through the resolvers');
  const executor = config.COMPILE_QUERIES ? createExecutor(schema, db, allProjections(), compiledQueryFailed) : null;
  // Repeats of a compiled query skip Apollo's pipeline; see fast-lane.ts for what that skips.
  const lane = executor && config.FAST_LANE ? createFastLane(executor, operationCosts(schema), config.MAX_COST) : null;
  const apollo = new ApolloServer<Context>({
    // Queries whose every field has a projection run as one SQL statement; the rest, and every
    // mutation, through the resolvers (src/graphql/compiled). Off: always the resolvers.
    ...(executor ? { gateway: compiledGateway(schema, executor) } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.INTROSPECTION,
    // No "Did you mean …?" in production: it walks the schema for a client that may not see it.
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: config.ALLOW_BATCHING,
    csrfPrevention: true,
    // main.ts owns SIGINT and SIGTERM: it closes the HTTP server, Apollo and the database in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    // Parsed and validated documents, by count: Apollo's default budget (30 MiB measured as JSON)
    // let a stream of distinct queries hold a few hundred MB of syntax trees.
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: DOCUMENT_CACHE_ENTRIES, sizeCalculation: () => 1 }),
    validationRules: [depthLimitRule(config.MAX_DEPTH), countLimitsRule(config.MAX_ALIASES, config.MAX_DIRECTIVES)],
    // Apollo's landing pages load from a CDN; the playground below is served from our own files.
    // Automatic persisted queries are on; with PERSISTED_ONLY only the codegen allowlist runs.
    persistedQueries: manifest ? { cache: manifestCache(manifest) } : {},
    // The fast lane answers repeated compiled queries without running these: a plugin that must see
    // every request needs the lane to do its part too (as it checks the cost and fills the log).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Both would wrap every field resolver in a hook (willResolveField); we set Cache-Control
      // ourselves and are not a federated subgraph.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin(config.MAX_COST),
      loggingPlugin(),
      ...(manifest ? [persistedOnlyPlugin(manifest)] : []),
    ],
  });
  await apollo.start();
  const examples = config.PLAYGROUND ? loadExamples() : [];
  let graphqlRequests = 0;
  let laneAnswers = 0;

  const corsHeaders = (origin: string | undefined): Record<string, string> => {
    if (!origin || !(config.CORS_ORIGINS.includes('*') || config.CORS_ORIGINS.includes(origin))) return {};
    return {
      'access-control-allow-origin': config.CORS_ORIGINS.includes('*') ? '*' : origin,
      'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-max-age': '600',
      vary: 'origin',
    };
  };

  // Public reads over GET may be cached by a CDN for this many seconds; anything with a token or an error may not.
  const cacheFor = (req: http.IncomingMessage, status: number, errors: number): number | false =>
    req.method === 'GET' && status === 200 && !errors && !req.headers.authorization && config.CACHE_MAX_AGE > 0 && config.CACHE_MAX_AGE;

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, log: RequestLog, cors: Record<string, string>) => {
    const raw = req.method === 'POST' ? await readBody(req, config.MAX_BODY_BYTES) : '';
    let body: unknown;
    if (req.method === 'POST' && (req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'Request body is not valid JSON.');
      }
    } else if (req.method === 'POST') {
      body = raw;
    }
    const context = createContext(db, { apiToken: config.API_TOKEN, authorization: req.headers.authorization });
    const laneRequest: LaneRequest = {
      method: req.method,
      contentType: req.headers['content-type'],
      accept: req.headers.accept,
      preflight: !!(req.headers['x-apollo-operation-name'] || req.headers['apollo-require-preflight']),
      search: url.search,
      body,
    };
    const fast = lane?.answer(laneRequest, context);
    if (fast) {
      laneAnswers += 1;
      Object.assign(log, { operationName: fast.operationName, fastLane: true, errors: 0, codes: [] });
      writeHead(res, 200, [['content-type', fast.contentType]], cors, cacheFor(req, 200, 0));
      res.end(fast.body);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    Object.assign(context, { [REQUEST_LOG]: log });
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    const status = response.status ?? 200;
    if (status === 200 && !log.errors) lane?.learn(laneRequest, context, response.headers.get('content-type'));
    writeHead(res, status, response.headers, cors, cacheFor(req, status, log.errors ?? 0));
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, log: RequestLog): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsHeaders(req.headers.origin);
    if (req.method === 'OPTIONS') return send(res, 204, '', 'text/plain', cors);
    if (config.BENCH_STATS && url.pathname === '/__bench/stats') {
      // The benchmark's counters: statements run on the connection, GraphQL requests served (and how
      // many by the fast lane), memory.
      return send(res, 200, JSON.stringify({ statements: statements(), graphqlRequests, laneAnswers, memory: process.memoryUsage() }), 'application/json');
    }
    if (config.BENCH_STATS && url.pathname === '/__bench/search-cache' && req.method === 'POST') {
      // The benchmark's uncached search scenarios: how many searches to keep (0: rank each afresh).
      const keep = Number(url.searchParams.get('keep') ?? KEPT_SEARCHES);
      if (!Number.isInteger(keep) || keep < 0) return send(res, 400, 'keep must be a whole number, 0 or more\n');
      keepSearches(db.$client, keep);
      return send(res, 204, '');
    }
    if (url.pathname === '/health') return send(res, 200, '{"status":"ok"}', 'application/json', { 'cache-control': 'no-store' });
    if (url.pathname === '/ready') {
      try {
        db.$client.prepare('SELECT 1').get();
        return send(res, 200, '{"status":"ready"}', 'application/json', { 'cache-control': 'no-store' });
      } catch {
        return send(res, 503, '{"status":"database unavailable"}', 'application/json', { 'cache-control': 'no-store' });
      }
    }
    // The Accept header first: a client's GET of /graphql need not have its query string parsed here too.
    const wantsPage = req.method === 'GET' && (url.pathname === '/' || (url.pathname === '/graphql' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query')));
    if (wantsPage) {
      if (!config.PLAYGROUND) return send(res, url.pathname === '/' ? 200 : 404, 'The quote graph: POST GraphQL queries to /graphql. The playground is off (PLAYGROUND=true turns it on).\n');
      return send(res, 200, playgroundHtml(examples), 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
    }
    if (config.PLAYGROUND && url.pathname.startsWith('/playground/')) {
      const asset = readAsset(url.pathname);
      if (asset) return send(res, 200, asset.body, asset.type, { 'cache-control': 'public, max-age=86400' });
    }
    if (url.pathname !== '/graphql') return send(res, 404, 'Not found. The GraphQL endpoint is /graphql.\n');
    graphqlRequests += 1;
    return handleGraphQL(req, res, url, log, cors);
  };

  const httpServer = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const id = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    res.setHeader('x-request-id', id);
    const log: RequestLog = {};
    res.on('finish', () => {
      logger.info(
        {
          requestId: id,
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          operation: log.operationName ?? undefined,
          fastLane: log.fastLane,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          outcome: res.statusCode >= 500 ? 'error' : res.statusCode >= 400 || log.errors ? 'rejected' : 'ok',
          errorCodes: log.codes?.length ? log.codes : undefined,
        },
        'request',
      );
    });
    handle(req, res, log).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return send(res, error.status, JSON.stringify({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] }), 'application/json', { connection: 'close' });
      logger.error({ requestId: id, err: error }, 'unhandled error');
      send(res, 500, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), 'application/json');
    });
  });
  httpServer.requestTimeout = config.REQUEST_TIMEOUT_MS;
  httpServer.headersTimeout = Math.min(config.REQUEST_TIMEOUT_MS, 60_000);

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}/graphql`);
        });
      }),
    close: async () => {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await apollo.stop();
    },
  };
}
