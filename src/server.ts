import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { AppDb } from './db/client';
import { createContext } from './graphql/context';
import { internalError } from './graphql/errors';
import { startApollo } from './http/apollo';
import { cacheFor, corsHeaders, etagOf, notModified, VARY } from './http/cors';
import { postedDocument, searchWithDocument } from './http/document-id';
import { ClientAborted, HttpError, mediaType, readBody, send, writeHead } from './http/messages';
import { logged, REQUEST_LOG, type RequestLog } from './http/request-log';
import type { ServerConfig } from './http/server-config';
import type { Logger } from './logger';
import { closeSearchRanker, searchRanker } from './modules/search/search.pool';
import { loadExamples } from './playground/examples';
import { playgroundHtml, readAsset } from './playground/page';

export type { ServerConfig } from './http/server-config';

export interface AppServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** Routes served before the app's own (the benchmark's counters): true when one answered the request. */
export type ExtraRoutes = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;

/**
 * The HTTP server: health and readiness, the playground, and /graphql through Apollo (src/http/apollo.ts),
 * with body limits, CORS, caching headers and one log line per request.
 */
export async function createServer(schema: GraphQLSchema, db: AppDb, config: ServerConfig, logger: Logger, options: { routes?: ExtraRoutes } = {}): Promise<AppServer> {
  // Searches rank in a worker thread, each within its budget (search.pool.ts).
  searchRanker(db.$client, config.SEARCH_BUDGET_MS);
  const apollo = await startApollo(schema, db, config, logger);
  const examples = config.PLAYGROUND ? loadExamples() : [];

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
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: searchWithDocument(url), body: postedDocument(body) },
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
    const maxAge = cacheFor(config, req, status, log.errors ?? 0);
    writeHead(res, status, response.headers, cors, maxAge, VARY);
    if (response.body.kind === 'complete') {
      if (maxAge) {
        // A cacheable answer carries its validator; a client that holds it gets 304 and no body.
        const etag = etagOf(response.body.string);
        res.setHeader('etag', etag);
        if (notModified(req, etag)) {
          res.statusCode = 304;
          res.removeHeader('content-length');
          res.end();
          return;
        }
      }
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, log: RequestLog): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsHeaders(config, req.headers.origin);
    if (req.method === 'OPTIONS') return send(res, 204, '', 'text/plain', cors);
    if (options.routes && (await options.routes(req, res, url))) return;
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
    const wantsPage =
      req.method === 'GET' && (url.pathname === '/' || (url.pathname === '/graphql' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query')));
    if (wantsPage) {
      if (!config.PLAYGROUND)
        return send(res, url.pathname === '/' ? 200 : 404, 'The quote graph: POST GraphQL queries to /graphql. The playground is off (PLAYGROUND=true turns it on).\n');
      return send(res, 200, playgroundHtml(examples), 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
    }
    if (config.PLAYGROUND && url.pathname.startsWith('/playground/')) {
      const asset = readAsset(url.pathname);
      if (asset) return send(res, 200, asset.body, asset.type, { 'cache-control': 'public, max-age=86400' });
    }
    if (url.pathname !== '/graphql') return send(res, 404, 'Not found. The GraphQL endpoint is /graphql.\n', 'text/plain; charset=utf-8', cors);
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
      // CORS headers on errors too: a browser would otherwise report a CORS failure instead of the error.
      const cors = corsHeaders(config, req.headers.origin);
      if (error instanceof HttpError)
        return send(res, error.status, JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }), 'application/json', {
          connection: 'close',
          ...cors,
        });
      const masked = internalError();
      logger.error({ requestId: id, errorId: masked.extensions.errorId, err: error }, 'unhandled error');
      send(res, 500, JSON.stringify({ errors: [masked] }), 'application/json', cors);
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
