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
import { compiledGateway, createExecutor, registerSqlFunctions, stringifyResult } from './graphql/compiled/executor';
import { errorFormatter, internalError } from './graphql/errors';
import { costLimitPlugin } from './graphql/protection/cost.plugin';
import { operationResolutionPlugin } from './graphql/protection/operation.plugin';
import { countLimitsRule } from './graphql/protection/counts.rule';
import { depthLimitRule } from './graphql/protection/depth.rule';
import { manifestCache, persistedOnlyPlugin, readManifest } from './graphql/protection/persisted';
import type { Logger } from './logger';
import { KEPT_SEARCHES } from './modules/search/search.cache';
import { closeSearchRanker, searchRanker } from './modules/search/search.pool';
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
  | 'MAX_RESPONSE_BYTES'
  | 'REQUEST_TIMEOUT_MS'
  | 'SEARCH_BUDGET_MS'
  | 'ALLOW_BATCHING'
  | 'CACHE_MAX_AGE'
  | 'PERSISTED_ONLY'
  | 'PERSISTED_MANIFEST'
  | 'BENCH_STATS'
  | 'COMPILE_QUERIES'
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
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

/** The client went away mid-request (closed the socket, or aborted the body): nothing to answer, nothing wrong here. */
class ClientAborted extends Error {}

/** A client's string as logged: at most this many characters (an operation name can be any length). */
const LOGGED_CHARACTERS = 200;
const logged = (value: string | null | undefined) => (value && value.length > LOGGED_CHARACTERS ? `${value.slice(0, LOGGED_CHARACTERS)}…` : (value ?? undefined));

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
    req.on('error', () => reject(new ClientAborted()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientAborted());
    });
  });
}

/**
 * A content type's essence (`type/subtype`, lower case), read as RFC 9110 writes it: only spaces
 * and tabs are whitespace around it, so `application/json` followed by U+00A0 is no JSON.
 */
const mediaType = (header: string | undefined): string | undefined => header?.split(';')[0].replace(/^[ \t]+|[ \t]+$/g, '').toLowerCase();

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** The status and headers of a GraphQL response: Apollo's, then CORS and caching. */
function writeHead(res: http.ServerResponse, status: number, headers: Iterable<[string, string]>, cors: Record<string, string>, maxAge: number | false): void {
  for (const [key, value] of headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(cors)) res.setHeader(key, value);
  res.setHeader('cache-control', maxAge ? `public, max-age=${maxAge}` : 'no-store');
  res.statusCode = status;
}

/** What the request log line says about the GraphQL part: filled in by a plugin, read by the HTTP layer. */
interface RequestLog {
  operationName?: string | null;
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

/**
 * Runs a query, and one the depth limit refuses, through Apollo before the server listens: the
 * first request otherwise pays for loading and compiling the pipeline's code paths (about 70 ms
 * against 10 warm), and a refused request must be cheap from the first one on.
 */
async function warmUp(apollo: ApolloServer<Context>, db: AppDb, config: ServerConfig): Promise<void> {
  const tooDeep = `{ topics { ${'children { '.repeat(config.MAX_DEPTH + 1)}slug${' }'.repeat(config.MAX_DEPTH + 1)} } }`;
  for (const query of ['{ topics { slug } }', tooDeep]) {
    await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
      context: async () => createContext(db, { apiToken: config.API_TOKEN, authorization: undefined }),
    });
  }
}

/** Distinct operations kept parsed and validated; a client app sends a few dozen. */
const DOCUMENT_CACHE_ENTRIES = 1000;

export async function createServer(schema: GraphQLSchema, db: AppDb, config: ServerConfig, logger: Logger, statements: () => number = () => 0): Promise<AppServer> {
  const production = config.NODE_ENV === 'production';
  const manifest = config.PERSISTED_ONLY ? readManifest(config.PERSISTED_MANIFEST) : null;
  const compiledQueryFailed = (err: unknown) => logger.error({ err }, 'compiled query failed; answered through the resolvers');
  // The SQL functions every statement of the read path may call, compiled or through the resolvers.
  registerSqlFunctions(db.$client);
  const executor = config.COMPILE_QUERIES ? createExecutor(schema, db, compiledQueryFailed) : null;
  const apollo = new ApolloServer<Context>({
    // Queries whose every field has a projection run as one SQL statement; the rest, and every
    // mutation, through the resolvers (src/graphql/compiled). Off: always the resolvers.
    ...(executor ? { gateway: compiledGateway(schema, executor) } : { schema }),
    stringifyResult,
    formatError: errorFormatter((err, errorId) => logger.error({ err, errorId }, 'internal error')),
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
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Both would wrap every field resolver in a hook (willResolveField); we set Cache-Control
      // ourselves and are not a federated subgraph.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // First: the plugins after it may assume the request names an operation of its document.
      operationResolutionPlugin(),
      costLimitPlugin(config.MAX_COST),
      loggingPlugin(),
      ...(manifest ? [persistedOnlyPlugin(manifest)] : []),
    ],
  });
  // Searches rank in a worker thread, each within its budget (search.pool.ts).
  searchRanker(db.$client, config.SEARCH_BUDGET_MS);
  await apollo.start();
  await warmUp(apollo, db, config);
  const examples = config.PLAYGROUND ? loadExamples() : [];
  let graphqlRequests = 0;

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
    let body: unknown;
    if (req.method === 'POST') {
      if (mediaType(req.headers['content-type']) !== 'application/json') {
        throw new HttpError(415, 'POST a JSON body with content-type: application/json.');
      }
      const raw = await readBody(req, config.MAX_BODY_BYTES);
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'Request body is not valid JSON.');
      }
    }
    const context = createContext(db, { apiToken: config.API_TOKEN, authorization: req.headers.authorization });
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
    if (response.body.kind === 'complete' && Buffer.byteLength(response.body.string) > config.MAX_RESPONSE_BYTES) {
      // The last line of defence behind the cost limit: an answer this large is refused, not sent.
      log.codes = ['RESPONSE_TOO_LARGE'];
      throw new HttpError(
        400,
        `The answer would be larger than ${config.MAX_RESPONSE_BYTES} bytes (MAX_RESPONSE_BYTES). Ask for smaller pages or fewer fields.`,
        'RESPONSE_TOO_LARGE',
      );
    }
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
      // The benchmark's counters: statements run on the connection, GraphQL requests served, memory.
      return send(res, 200, JSON.stringify({ statements: statements(), graphqlRequests, memory: process.memoryUsage() }), 'application/json');
    }
    if (config.BENCH_STATS && url.pathname === '/__bench/search-cache' && req.method === 'POST') {
      // The benchmark's uncached search scenarios: how many searches to keep (0: rank each afresh).
      const keep = Number(url.searchParams.get('keep') ?? KEPT_SEARCHES);
      if (!Number.isInteger(keep) || keep < 0) return send(res, 400, 'keep must be a whole number, 0 or more\n');
      await searchRanker(db.$client).keep(keep);
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

  // Node checks for requests past their timeouts every connectionsCheckingInterval (30 s by default):
  // a slow or silent client would hold its socket that long past REQUEST_TIMEOUT_MS.
  const httpServer = http.createServer({ connectionsCheckingInterval: Math.min(1000, config.REQUEST_TIMEOUT_MS) }, (req, res) => {
    const started = process.hrtime.bigint();
    const id = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    res.setHeader('x-request-id', id);
    const log: RequestLog = {};
    res.on('finish', () => {
      logger.info(
        {
          requestId: id,
          method: req.method,
          path: logged((req.url ?? '').split('?')[0]),
          operation: logged(log.operationName),
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          outcome: res.statusCode >= 500 ? 'error' : res.statusCode >= 400 || log.errors ? 'rejected' : 'ok',
          errorCodes: log.codes?.length ? log.codes : undefined,
        },
        'request',
      );
    });
    handle(req, res, log).catch((error: unknown) => {
      if (error instanceof ClientAborted) {
        logger.debug({ requestId: id }, 'client went away mid-request');
        return res.destroy();
      }
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return send(res, error.status, JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }), 'application/json', { connection: 'close' });
      const masked = internalError();
      logger.error({ requestId: id, errorId: masked.extensions.errorId, err: error }, 'unhandled error');
      send(res, 500, JSON.stringify({ errors: [masked] }), 'application/json');
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
      await closeSearchRanker(db.$client);
    },
  };
}
