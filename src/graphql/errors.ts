import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

// Codes whose messages were written for the client; anything else is masked.
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/**
 * Keeps the errors we raised on purpose and GraphQL's own validation errors; masks everything else
 * (SQLite and driver errors carry SQL text) behind INTERNAL_SERVER_ERROR with an error id, and hands
 * the cause to `report` under that id, so that the log line and the client's answer meet. Never
 * sends a stack trace.
 */
export function errorFormatter(report: (error: unknown, errorId: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const raisedOnPurpose = original instanceof GraphQLError || !(original instanceof Error);
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && raisedOnPurpose) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const masked = internalError();
    report(original, masked.extensions.errorId);
    return { ...masked, locations: formatted.locations, path: formatted.path };
  };
}

/** What a client is told of a failure on our side: no cause, and an id the log line with the cause carries too. */
export function internalError() {
  const errorId = randomUUID();
  return { message: `Internal server error (error id ${errorId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
}
