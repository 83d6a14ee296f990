import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { AppDb } from '../db/client';
import { compiledGateway, createExecutor, registerSqlFunctions, stringifyResult } from '../graphql/compiled/executor';
import { createContext, type Context } from '../graphql/context';
import { errorFormatter } from '../graphql/errors';
import { costLimitPlugin } from '../graphql/protection/cost.plugin';
import { countLimitsRule } from '../graphql/protection/counts.rule';
import { depthLimitRule } from '../graphql/protection/depth.rule';
import { operationResolutionPlugin } from '../graphql/protection/operation.plugin';
import { manifestCache, persistedOnlyPlugin, readManifest } from '../graphql/protection/persisted';
import type { Logger } from '../logger';
import { loggingPlugin } from './request-log';
import type { ServerConfig } from './server-config';

/** Distinct operations kept parsed and validated; a client app sends a few dozen. */
const DOCUMENT_CACHE_ENTRIES = 1000;

/**
 * Apollo Server as every request meets it: the compiled executor inside it (one SQL statement per
 * query, src/graphql/compiled), its protections, persisted queries and error masking. Started, and
 * warmed up, before the HTTP server listens.
 */
export async function startApollo(schema: GraphQLSchema, db: AppDb, config: ServerConfig, logger: Logger): Promise<ApolloServer<Context>> {
  const production = config.NODE_ENV === 'production';
  const manifest = config.PERSISTED_ONLY ? readManifest(config.PERSISTED_MANIFEST) : null;
  const compiledQueryFailed = (err: unknown) => logger.error({ err }, 'compiled query failed; answered through the resolvers');
  // The SQL functions every statement of the read path may call, compiled or through the resolvers.
  registerSqlFunctions(db.$client);
  const executor = config.COMPILE_QUERIES ? createExecutor(schema, db, compiledQueryFailed) : null;
  const apollo = new ApolloServer<Context>({
    // Queries run as one SQL statement; mutations, and a query with a bad argument, through graphql-js
    // and the resolvers made from the same SQL. Off: always graphql-js.
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
    // Apollo's landing pages load from a CDN; the playground is served from our own files.
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
  await apollo.start();
  await warmUp(apollo, db, config);
  return apollo;
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
