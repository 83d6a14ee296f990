import type { DocumentNode } from 'graphql';
import type { Context } from '../context';
import type { CompiledExecutor, Plan } from './executor';

/** What the lane reads of an HTTP request: the method, a few headers, the query string and the parsed body. */
export interface LaneRequest {
  method: string | undefined;
  contentType: string | undefined;
  accept: string | undefined;
  /** Whether `x-apollo-operation-name` or `apollo-require-preflight` is set: either lets a GET past Apollo's CSRF rule. */
  preflight: boolean;
  /** The URL's query string (with its `?`), where a GET carries the operation. */
  search: string;
  body: unknown;
}

export interface LaneAnswer {
  contentType: string;
  body: Buffer;
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
const essence = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();
const GET_FIELDS = ['query', 'operationName', 'variables', 'extensions'] as const;

/** The request's query, operationName, variables and extensions, where Apollo would read them; null where it would refuse the request. */
function fieldsOf(request: LaneRequest): Record<string, unknown> | null {
  const type = request.contentType === undefined ? undefined : essence(request.contentType);
  // A JSON POST passes Apollo's CSRF rule; other content types and batches take its path.
  if (request.method === 'POST') return type === 'application/json' && isRecord(request.body) ? request.body : null;
  if (request.method !== 'GET') return null;
  // A GET may carry no content type but JSON, and needs one, or a preflight header, to pass the CSRF rule.
  if (type === undefined ? !request.preflight : type !== 'application/json') return null;
  const params = new URLSearchParams(request.search);
  const fields: Record<string, unknown> = {};
  for (const name of GET_FIELDS) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    if (!values.length) continue;
    if (name === 'variables' || name === 'extensions') {
      try {
        fields[name] = JSON.parse(values[0]);
      } catch {
        return null;
      }
      if (!isRecord(fields[name])) return null;
    } else {
      fields[name] = values[0];
    }
  }
  return fields;
}

/**
 * The sha256 hash of a request that names its operation by hash alone (automatic persisted
 * queries, or PERSISTED_ONLY's allowlist); undefined when it sends no extensions; null for any
 * other extensions, which Apollo handles (a hash sent with its text is checked, once, by Apollo).
 */
function persistedHash(extensions: unknown, query: unknown): string | undefined | null {
  if (extensions == null) return undefined;
  if (!isRecord(extensions) || query != null || Object.keys(extensions).length !== 1) return null;
  const persisted = extensions.persistedQuery;
  return isRecord(persisted) && persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/** The operation a request asks for, read as Apollo reads it; null for anything the lane leaves to Apollo. */
function operationOf(request: LaneRequest): Operation | null {
  const fields = fieldsOf(request);
  if (!fields) return null;
  const { query, operationName, variables, extensions } = fields;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (variables != null && !isRecord(variables)) return null;
  const hash = persistedHash(extensions, query);
  if (hash === null) return null;
  if (hash === undefined && typeof query !== 'string') return null;
  // A hash stands for one text: Apollo checked it against the text when it was registered, or it is the allowlist's.
  const operation = hash === undefined ? `q${query as string}` : `h${hash}`;
  return { key: `${request.method}\u0000${operationName ?? ''}\u0000${operation}`, operationName: operationName ?? undefined, variables: variables ?? undefined };
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
 * next request with the same method, text (or persisted-query hash), operation name and Accept
 * header is answered here, by POST or GET, as Apollo reads either. A hash Apollo has since evicted
 * from its automatic persisted queries is still answered: it names the same text. The lane
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
      const body = executor.body(plan, operation.variables, ctx);
      if (body === null) return null;
      return { contentType, body, operationName: plan.operation.name?.value ?? operation.operationName ?? null };
    },
  };
}
