import type { DocumentNode } from 'graphql';
import type { Context } from '../context';
import type { CompiledExecutor, Plan } from './executor';

/** What the lane reads of an HTTP request: the method, two headers and the parsed body. */
export interface LaneRequest {
  method: string | undefined;
  contentType: string | undefined;
  accept: string | undefined;
  body: unknown;
}

export interface LaneAnswer {
  contentType: string;
  body: string;
  /** What the request log names the operation, as the logging plugin would. */
  operationName: string | null;
}

type Costs = (document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined) => number;

// As many operations as Apollo keeps parsed and validated; a client app sends a few dozen.
const OPERATIONS = 1000;
// Distinct Accept headers: a handful of client libraries.
const ACCEPT_HEADERS = 100;

interface Operation {
  key: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The operation a POST asks for, read as Apollo reads it; null for anything the lane leaves to Apollo. */
function operationOf(request: LaneRequest): Operation | null {
  // Apollo's CSRF rule lets a JSON POST through; other content types, GET and batches take its path.
  if (request.method !== 'POST' || request.contentType?.split(';')[0].trim().toLowerCase() !== 'application/json') return null;
  if (!isRecord(request.body)) return null;
  const { query, operationName, variables, extensions } = request.body;
  // Persisted queries (extensions.persistedQuery) are Apollo's to resolve and check.
  if (typeof query !== 'string' || extensions != null) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (variables != null && !isRecord(variables)) return null;
  return { key: `${operationName ?? ''}\u0000${query}`, operationName: operationName ?? undefined, variables: variables ?? undefined };
}

function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  if (!map.has(key) && map.size >= limit) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/**
 * Answers a repeated compiled query without Apollo's request pipeline.
 *
 * Apollo answers the first request for a query text. When the compiled statement made that answer
 * with no error, the text had passed everything Apollo checks of a text (parsing, validation with
 * the depth and count rules, the persisted-only allowlist), and those depend on the text alone, so
 * the lane remembers it, with the content type Apollo chose for the request's Accept header. The
 * next request with the same text, operation name and Accept header is answered here. The lane
 * checks the cost limit again, because variables change the cost. It binds the variables and runs
 * the statement, and writes the statement's JSON as it comes, where Apollo would parse it and
 * stringify it again. Anything else goes to Apollo: a bad argument, a failed statement, a cost over
 * the limit, an unknown Accept header. The answer is the same bytes either way (test/fast-lane.test.ts).
 * What it skips per request is Apollo's own work: hashing the text, negotiating the content type,
 * the plugin hooks, the result's serialisation.
 */
export function createFastLane(executor: CompiledExecutor, costs: Costs, maxCost: number) {
  const operations = new Map<string, Plan>();
  const contentTypes = new Map<string, string>();
  return {
    /** After Apollo answered `request` with status 200 and the given content type. */
    learn(request: LaneRequest, ctx: Context, contentType: string | undefined): void {
      const plan = executor.servedBy(ctx);
      const operation = plan && contentType && operationOf(request);
      if (!operation) return;
      remember(operations, operation.key, plan, OPERATIONS);
      remember(contentTypes, request.accept ?? '', contentType, ACCEPT_HEADERS);
    },

    /** The whole response to `request`, or null when Apollo should answer it. */
    answer(request: LaneRequest, ctx: Context): LaneAnswer | null {
      const operation = operationOf(request);
      const plan = operation && operations.get(operation.key);
      const contentType = contentTypes.get(request.accept ?? '');
      if (!operation || !plan || !contentType) return null;
      if (costs(plan.document, operation.variables ?? {}, operation.operationName) > maxCost) return null;
      const data = executor.dataJson(plan, operation.variables, ctx);
      if (data === null) return null;
      // Apollo's serialisation of { data }: JSON.stringify of the result, then a newline.
      return { contentType, body: `{"data":${data}}\n`, operationName: plan.operation.name?.value ?? operation.operationName ?? null };
    },
  };
}
