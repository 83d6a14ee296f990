import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getOperationAST,
  getVariableValues,
  isEnumType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import type Database from 'better-sqlite3';
import type { AppDb } from '../../db/client';
import type { Context } from '../context';
import { toCursor, toGlobalId, type NodeTypeName } from '../relay';
import { compileOperation, type CompiledOperation } from './compile';
import { schemaProjections } from './projection';

/** A compiled operation, and its statement, prepared on first use on the executor's connection. */
type Plan = CompiledOperation & { statement?: Database.Statement };

/** Plans kept per document: one per operation and shape of its variables, the oldest dropped first. */
export const MAX_SHAPES = 16;

export interface CompiledExecutor {
  /** Apollo's executor: one statement when every field has a projection, the resolvers otherwise. */
  execute(document: DocumentNode, operationName: string | null, variables: Record<string, unknown> | undefined, ctx: Context): ExecutionResult | Promise<ExecutionResult>;
}

/**
 * What the text of a statement may depend on in a request's variables: which are set (recursively,
 * in input objects) and the booleans (@skip, @include). Lists count as set, whatever they hold.
 */
export function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return 'a';
  if (typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${k}:${shapeOf(record[k])}`)
      .join(',')}}`;
  }
  return '1';
}

/**
 * The shape of an operation's variables (shapeOf), with the values of those declared as an enum
 * (an orderBy): an order is the statement's text.
 */
export function planShape(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): string {
  let names = enumVariables.get(operation);
  if (!names) {
    names = (operation.variableDefinitions ?? []).filter((d) => isEnumType(typeFromAST(schema, getNamedTypeNode(d.type)))).map((d) => d.variable.name.value);
    enumVariables.set(operation, names);
  }
  const shape = shapeOf(variables);
  return names.length ? `${shape} ${names.map((name) => `${name}=${String(variables[name] ?? '-')}`).join(' ')}` : shape;
}

/** Each operation's variables declared as an enum, read once per parsed document (Apollo keeps the document). */
const enumVariables = new WeakMap<OperationDefinitionNode, string[]>();

/** The named type under a variable's list and non-null wrappers. */
const getNamedTypeNode = (type: TypeNode): NamedTypeNode => (type.kind === Kind.NAMED_TYPE ? type : getNamedTypeNode(type.type));

/**
 * Runs a query as one compiled SQL statement when every field it asks for has a projection, and
 * through graphql-js and the fields' resolvers (which run the same projections) otherwise. Both
 * give the same answer (test/compiled.test.ts runs each query both ways).
 */
export function createExecutor(schema: GraphQLSchema, db: AppDb, onError: (error: unknown) => void = () => {}): CompiledExecutor {
  const sqlite = db.$client;
  const projections = schemaProjections(schema);

  // Apollo keeps one parsed document per distinct query text, so the plans live as long as it does.
  const plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();
  const planFor = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Plan | null => {
    let byShape = plans.get(document);
    if (!byShape) plans.set(document, (byShape = new Map()));
    const key = `${operation.name?.value ?? ''} ${planShape(schema, operation, variables)}`;
    let plan = byShape.get(key);
    if (plan === undefined) {
      plan = compileOperation(schema, projections, document, operation, variables);
      if (byShape.size >= MAX_SHAPES) byShape.delete(byShape.keys().next().value!);
      byShape.set(key, plan);
    }
    return plan;
  };
  /** The answer's `data` as JSON text, or null when the resolvers must answer: a bad argument, or a failed statement (logged). */
  const data = (plan: Plan, variables: Record<string, unknown>, ctx: Context): string | null => {
    let params: unknown[];
    try {
      params = plan.params(ctx, variables);
    } catch {
      // The resolvers raise the error at its field, and answer the fields beside it.
      return null;
    }
    try {
      plan.statement ??= sqlite.prepare(`SELECT ${plan.data}`).pluck();
      return plan.statement.get(params) as string;
    } catch (error) {
      // One failing statement would lose the whole answer: the resolvers answer what they can and
      // report, masked, what failed.
      onError(error);
      return null;
    }
  };

  return {
    execute(document, operationName, rawVariables, ctx) {
      const operation = getOperationAST(document, operationName);
      const coerced = operation && getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
      const variables = coerced && !coerced.errors ? coerced.coerced : null;
      const plan = operation && variables && planFor(document, operation, variables);
      const run = () => {
        const json = plan ? data(plan, variables!, ctx) : null;
        if (json === null) return execute({ schema, document, operationName, variableValues: rawVariables, contextValue: ctx });
        return { data: new CompiledData(json) } as unknown as ExecutionResult;
      };
      // Only a plan with something to read first (a search) waits: the others answer in this tick.
      return plan?.prepare ? plan.prepare(ctx, variables!).then(run) : run();
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
  // (type, id) in id order; (type, id, order, key) in another order.
  sqlite.function('qg_cursor', { deterministic: true, varargs: true }, (type: unknown, id: unknown, order?: unknown, key?: unknown) =>
    id === null ? null : toCursor(type as NodeTypeName, Number(id), order as string | undefined, key as number | string | null | undefined),
  );
  sqlite.function('qg_iso_date_time', { deterministic: true }, (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString()));
}

/**
 * Apollo Server takes another executor only from a gateway; this one serves our own schema with
 * createExecutor's. Everything before execution (parsing, validation, plugins, formatError) is Apollo's as usual.
 */
export function compiledGateway(schema: GraphQLSchema, compiled: CompiledExecutor): GatewayInterface {
  const executor: GatewayExecutor = async (request) => compiled.execute(request.document, request.operationName, request.request.variables, request.context as Context);
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
