import type { Config } from '../config';

/** What the HTTP server reads of the configuration. */
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
  | 'COMPILE_QUERIES'
>;
