import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * Refuses, before anything runs, a request whose operationName names no operation of its document
 * (or that names none where the document has several). Apollo leaves that to graphql-js's execute,
 * so its own hooks and a gateway's executor saw no operation: the cost limit skipped it and the
 * compiled executor ran the document's only operation, a mutation over GET included.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (operation) return;
          const named = request.operationName;
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          const message =
            named == null
              ? `The document has ${operations} operations: say which to run with operationName.`
              : `Unknown operation named "${named.length > 100 ? `${named.slice(0, 100)}…` : named}": operationName must be the name of an operation in the document${operations === 1 ? ', or left out' : ''}.`;
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
