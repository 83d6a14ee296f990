import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType, Kind, type GraphQLSchema } from 'graphql';
// The CommonJS build: its ESM build imports graphql/index.mjs, a second graphql next to the one
// Apollo and type-graphql load.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { DEFAULT_PAGE_SIZE } from '../relay';

// A plain list (Article.topics, Expert.affiliations…) counts as this many items.
const LIST_WEIGHT = 5;

/**
 * The cost of a field: 1, plus its children times the items it may return — `first` (or the
 * default page size) for a connection, a fixed weight for a plain list. Nested pages multiply.
 */
const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  if (getNamedType(type).name.endsWith('Connection')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.max(first, 1) * childComplexity;
  }
  // A connection's edges were counted by `first` already.
  if (isListType(type) && !parent.name.endsWith('Connection')) return 1 + LIST_WEIGHT * childComplexity;
  return 1 + childComplexity;
};

type Document = Parameters<typeof getComplexity>[0]['query'];

export function queryCost(schema: GraphQLSchema, document: Document, variables: Record<string, unknown> = {}, operationName?: string): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  } catch (error) {
    // Variables that do not coerce: execution refuses them before any field runs, with Apollo's
    // BAD_USER_INPUT and a 400 that say which variable is wrong, so there is nothing to weigh.
    // Thrown from here, the error had no code and went out masked, as a 500.
    if (error instanceof GraphQLError && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) return 0;
    throw error;
  }
}

const COSTS_PER_DOCUMENT = 100;

/**
 * The cost of an operation, remembered per parsed document (Apollo hands the same document object
 * to every request with the same query text) and per the variables that can change it. Strings
 * are left out of the key: only numbers (`first`) and booleans (@skip/@include) reach the
 * estimate, so the mission query costs one walk however many expert ids it is asked with.
 */
export function operationCosts(schema: GraphQLSchema) {
  const byDocument = new WeakMap<Document, Map<string, number>>();
  return (document: Document, variables: Record<string, unknown>, operationName: string | undefined): number => {
    let costs = byDocument.get(document);
    if (!costs) byDocument.set(document, (costs = new Map()));
    // Strings never change the cost, and variables are often only strings (ids, slugs): no stringify then.
    const counted = Object.values(variables).every((value) => typeof value === 'string')
      ? '{}'
      : JSON.stringify(variables, (_key, value: unknown) => (typeof value === 'string' ? undefined : value));
    const key = `${operationName ?? ''}\u0000${counted}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = queryCost(schema, document, variables, operationName);
      if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
      costs.set(key, cost);
    }
    return cost;
  };
}

/** Refuses, before execution, an operation whose cost (with its variables) exceeds `maxCost`. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  let cached: { schema: GraphQLSchema; cost: ReturnType<typeof operationCosts> } | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          if (cached?.schema !== schema) cached = { schema, cost: operationCosts(schema) };
          const cost = cached.cost(document, request.variables ?? {}, request.operationName ?? undefined);
          if (cost > maxCost) {
            throw new GraphQLError(
              `The query would cost ${cost} (a page of n items costs n times its fields); the limit is ${maxCost}. Ask for smaller pages or fewer fields.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
