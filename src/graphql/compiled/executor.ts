import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type Database from 'better-sqlite3';
import type { AppDb } from '../../db/client';
import { CATALOGUE_IS_CURRENT, readingCatalogue } from '../../db/catalogue-version';
import { LoaderRegistry, type Context } from '../context';
import { toCursor, toGlobalId, type NodeTypeName } from '../relay';
import { compileOperation, type CompiledOperation } from './compile';
import type { TypeProjection } from './projection';
import { variableCoercer, type Coerce } from './variables';

/** A compiled operation, its document and its statement, prepared on first use on the executor's connection. */
type Plan = CompiledOperation & {
  document: DocumentNode;
  /** The operation's variables as graphql-js coerces them, or null when they do not coerce. */
  coerce: Coerce;
  statement?: Database.Statement;
};

export interface CompiledExecutor {
  /** Apollo's executor: one statement when every field has a projection, the resolvers otherwise. */
  execute(document: DocumentNode, operationName: string | null, variables: Record<string, unknown> | undefined, ctx: Context): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Runs a query as one compiled SQL statement when every field it asks for has a projection, and
 * through graphql-js and the resolvers otherwise. Both give the same answer (test/compiled.test.ts
 * runs each query both ways); the compiled path only skips the per-field work.
 */
export function createExecutor(schema: GraphQLSchema, db: AppDb, projections: Record<string, TypeProjection>, onError: (error: unknown) => void = () => {}): CompiledExecutor {
  const sqlite = db.$client;
  registerSqlFunctions(sqlite);

  // Apollo keeps one parsed document per distinct query text, so the plans live as long as it does.
  const plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();
  const planFor = (document: DocumentNode, operationName: string | null): Plan | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const operation = getOperationAST(document, operationName);
      const compiled = operation && compileOperation(schema, projections, document, operation);
      byName.set(key, compiled ? { ...compiled, document, coerce: variableCoercer(schema, operation.variableDefinitions ?? []) } : null);
    }
    return byName.get(key) ?? null;
  };
  /**
   * The answer's body as `{ data }` in UTF-8, or null when only the resolvers can answer: a bad
   * argument, or a failed statement (logged).
   */
  const body = (plan: Plan, rawVariables: Record<string, unknown> | undefined, ctx: Context): string | null => {
    // Variables that do not coerce: graphql-js reports them. They do not depend on the catalogue, so once for both passes.
    const variables = plan.coerce(rawVariables ?? {});
    if (!variables) return null;
    // First with the kept catalogue values (the topic tree) taken on trust, the statement checking
    // that they are current; if they were not, or the arguments did not bind with them, once more
    // with the version read first.
    for (const trustKept of [true, false]) {
      // What the pass on trust reads stays out of the request's loaders: a stale value must not
      // reach the second pass or the resolvers.
      const passCtx = trustKept ? { ...ctx, loaders: new LoaderRegistry() } : ctx;
      const { value: params, version } = readingCatalogue(db, trustKept, () => bound(plan, variables, passCtx));
      if (!params) {
        if (trustKept) continue;
        return null;
      }
      try {
        plan.statement ??= sqlite.prepare(`SELECT ${plan.data} WHERE ${CATALOGUE_IS_CURRENT}`).pluck();
        const json = plan.statement.get(params, { catalogue: version }) as string | undefined;
        if (json !== undefined) return json;
      } catch (error) {
        // One failing statement would lose the whole answer: the resolvers answer what they can and
        // report, masked, what failed.
        onError(error);
        return null;
      }
    }
    // The catalogue changed again while the statement ran: the resolvers answer.
    return null;
  };

  return {
    execute(document, operationName, rawVariables, ctx) {
      const plan = planFor(document, operationName);
      const run = () => {
        const json = plan && body(plan, rawVariables, ctx);
        if (!plan || json === null) return execute({ schema, document, operationName, variableValues: rawVariables, contextValue: ctx });
        return { data: new CompiledData(json) } as unknown as ExecutionResult;
      };
      // Only a plan with something to read first (a search) waits: the others answer in this tick.
      return plan?.prepare ? plan.prepare(ctx, plan.coerce(rawVariables ?? {}) ?? {}).then(run) : run();
    },
  };
}

/**
 * The `data` of a compiled answer: the JSON text the statement wrote, which stringifyResult (below)
 * writes into the answer as it is, where parsing it and stringifying it again cost a third of a
 * small query's time. Anything else that serialises it gets the same JSON (toJSON).
 */
export class CompiledData {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** Apollo's stringifyResult: a compiled answer's JSON as the statement wrote it, anything else as Apollo writes it. */
export function stringifyResult(result: { data?: unknown; errors?: unknown; extensions?: unknown }): string {
  if (result.data instanceof CompiledData && result.errors === undefined && result.extensions === undefined) return `{"data":${result.data.json}}\n`;
  return `${JSON.stringify(result)}\n`;
}

/** The ids, cursors and out-of-range dates compiled statements make, as SQL functions of a connection. */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('qg_global_id', { deterministic: true }, (type: unknown, id: unknown) => toGlobalId(type as NodeTypeName, Number(id)));
  sqlite.function('qg_cursor', { deterministic: true }, (id: unknown) => (id === null ? null : toCursor(Number(id))));
  sqlite.function('qg_iso_date_time', { deterministic: true }, (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString()));
}

/** The statement's parameters for these coerced variables, or null when an argument is bad: the resolvers then raise the error the client should see. */
function bound(plan: Plan, variables: Record<string, unknown>, ctx: Context): unknown[] | null {
  try {
    return plan.params(ctx, variables);
  } catch {
    return null;
  }
}

/**
 * Apollo Server takes another executor only from a gateway; this one serves our own schema with
 * createExecutor's. Everything before execution (parsing, validation, plugins, formatError) is Apollo's as usual.
 */
export function compiledGateway(schema: GraphQLSchema, compiled: CompiledExecutor): GatewayInterface {
  const executor: GatewayExecutor = async (request) =>
    compiled.execute(request.document, request.operationName, request.request.variables, request.context as Context);
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
