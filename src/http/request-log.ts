import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';

/** A client's string as logged: at most this many characters (an operation name can be any length). */
const LOGGED_CHARACTERS = 200;
export const logged = (value: string | null | undefined) => (value && value.length > LOGGED_CHARACTERS ? `${value.slice(0, LOGGED_CHARACTERS)}…` : (value ?? undefined));

/** What the request log line says about the GraphQL part: filled in by a plugin, read by the HTTP layer. */
export interface RequestLog {
  operationName?: string | null;
  errors?: number;
  codes?: string[];
}

export const REQUEST_LOG = Symbol('requestLog');

export function loggingPlugin(): ApolloServerPlugin<Context> {
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
