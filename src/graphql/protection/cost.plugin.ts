import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, getVariableValues, isListType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
// The CommonJS build: its ESM build imports graphql/index.mjs, a second graphql next to the one
// Apollo and type-graphql load.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { listLimit } from '../list-bound';
import { DEFAULT_PAGE_SIZE } from '../relay';

const INTROSPECTION_LIST_WEIGHT = 5;
/** A field's own cost where it is not 1 (a long text), in its extensions. */
export const FIELD_COST = 'cost';

/**
 * The cost of a field: 1, plus its children times the items it may return — `first` or `last` (or the
 * default page size) for a connection, the field's declared bound for a list (list-bound.ts).
 * Nested pages multiply.
 */
const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  if (getNamedType(type).name.endsWith('Connection')) {
    const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
    return 1 + Math.max(size, 1) * childComplexity;
  }
  // A connection's edges were counted by `first` already.
  if (isListType(type) && !parent.name.endsWith('Connection')) {
    // Introspection's lists (types, fields…) are graphql-js's own: a schema's worth of items.
    if (parent.name.startsWith('__')) return 1 + INTROSPECTION_LIST_WEIGHT * childComplexity;
    const limit = listLimitOrNull(field, args);
    if (limit === null) throw new Error(`${parent.name}.${field.name} is a list with no declared bound (Bounded in list-bound.ts)`);
    return 1 + Math.max(limit, 1) * childComplexity;
  }
  const own = field.extensions?.[FIELD_COST];
  return (typeof own === 'number' ? own : 1) + childComplexity;
};

/** The list's bound; a bad `first` is the resolver's to report, so it counts as the field's largest. */
function listLimitOrNull(field: Parameters<ComplexityEstimator>[0]['field'], args: Record<string, unknown>): number | null {
  try {
    return listLimit(field, args);
  } catch {
    return listLimit(field, {});
  }
}

type Document = Parameters<typeof getComplexity>[0]['query'];

const COSTS_PER_DOCUMENT = 100;

/**
 * The cost of an operation, remembered per parsed document (Apollo hands the same document object
 * to every request with the same query text) and per the values of its variables as coerced to
 * their declared types: every value is in the key, and an undeclared or malformed variable never
 * reaches it. Null when the variables do not coerce: execution refuses them before any field runs,
 * with a 400 naming the variable, and nothing is remembered.
 */
export function operationCosts(schema: GraphQLSchema) {
  const byDocument = new WeakMap<Document, Map<string, number>>();
  return (document: Document, operation: OperationDefinitionNode, variables: Record<string, unknown>): number | null => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return null;
    let costs = byDocument.get(document);
    if (!costs) byDocument.set(document, (costs = new Map()));
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(coerced.coerced)}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      // graphql-query-complexity coerces the raw values itself, as execution will.
      cost = getComplexity({ schema, query: document, variables, operationName: operation.name?.value, estimators: [estimator] });
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
        async didResolveOperation({ request, document, schema, operation }) {
          // No operation: operationResolutionPlugin refuses the request.
          if (!operation) return;
          if (cached?.schema !== schema) cached = { schema, cost: operationCosts(schema) };
          const cost = cached.cost(document, operation, request.variables ?? {});
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(`The query would cost ${cost} (a page of n items costs n times its fields); the limit is ${maxCost}. Ask for smaller pages or fewer fields.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
