import type http from 'node:http';
import type { ServerConfig } from './server-config';

/** The CORS headers for a request from `origin`: none when the origin is not allowed. */
export function corsHeaders(config: ServerConfig, origin: string | undefined): Record<string, string> {
  if (!origin || !(config.CORS_ORIGINS.includes('*') || config.CORS_ORIGINS.includes(origin))) return {};
  return {
    'access-control-allow-origin': config.CORS_ORIGINS.includes('*') ? '*' : origin,
    'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** Public reads over GET may be cached by a CDN for this many seconds; anything with a token or an error may not. */
export const cacheFor = (config: ServerConfig, req: http.IncomingMessage, status: number, errors: number): number | false =>
  req.method === 'GET' && status === 200 && !errors && !req.headers.authorization && config.CACHE_MAX_AGE > 0 && config.CACHE_MAX_AGE;
