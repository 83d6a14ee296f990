import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { ServerConfig } from './server-config';

/** Headers a browser client may send beyond the simple ones: its request id, and Apollo's client name and version. */
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id, apollographql-client-name, apollographql-client-version';

/**
 * The CORS headers for a request from `origin`, on every answer (an error's too, or a browser
 * reports a CORS failure instead of it): none when the origin is not allowed. The request id can
 * be read back by the client.
 */
export function corsHeaders(config: ServerConfig, origin: string | undefined): Record<string, string> {
  if (!origin || !(config.CORS_ORIGINS.includes('*') || config.CORS_ORIGINS.includes(origin))) return {};
  return {
    'access-control-allow-origin': config.CORS_ORIGINS.includes('*') ? '*' : origin,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-expose-headers': 'x-request-id',
    'access-control-max-age': '600',
  };
}

/** What a GraphQL answer varies by: the Accept header chooses its media type, the Origin its CORS headers. */
export const VARY = 'accept, origin';

/** Public reads over GET may be cached by a CDN for this many seconds; anything with a token or an error may not. */
export const cacheFor = (config: ServerConfig, req: http.IncomingMessage, status: number, errors: number): number | false =>
  req.method === 'GET' && status === 200 && !errors && !req.headers.authorization && config.CACHE_MAX_AGE > 0 && config.CACHE_MAX_AGE;

/** A strong validator for a cacheable answer: the hash of its bytes. */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether the client's If-None-Match names this ETag (or any, with *). */
export function notModified(req: http.IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
