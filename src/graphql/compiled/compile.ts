import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from '../context';
import { tableOf, type FieldProjection, type SqlWriter, type TypeProjection } from './projection';

/**
 * Compiles a query operation into one SQL statement that returns the whole `data` object as JSON,
 * built by SQLite's JSON functions: one statement per request whatever the depth, and no resolver,
 * promise or loader per field. compileOperation returns null for what it does not cover (any field
 * without a projection, directives, mutations); the caller then runs the resolvers.
 */

/** Writes one request's SQL: the bound values of its arguments become `?` parameters. */
export type Emit = (self: string, w: Writer, request: Request) => string;

interface Request {
  ctx: Context;
  variables: Record<string, unknown>;
}

export interface CompiledOperation {
  operation: OperationDefinitionNode;
  /** The statement's text and parameters for these variables; throws when an argument is not one it can bind. */
  emit(ctx: Context, variables: Record<string, unknown>): { sql: string; params: unknown[] };
}

class Writer implements SqlWriter {
  readonly params: unknown[] = [];
  private aliases = 0;
  alias(table: SQLiteTable | 'page'): string {
    return `${table === 'page' ? table : getTableName(table)}_${++this.aliases}`;
  }
  param(value: unknown): string {
    this.params.push(value);
    return '?';
  }
}

/** SQLite's json_object takes 127 arguments by default: at most 63 keys. */
const MAX_KEYS = 63;

export function compileOperation(
  schema: GraphQLSchema,
  projections: Record<string, TypeProjection>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledOperation | null {
  const query = schema.getQueryType();
  if (operation.operation !== 'query' || !query) return null;
  // Nothing to read: graphql-js answers without a statement.
  if (operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const compiler = new Compiler(schema, projections, fragments);
  const root = compiler.object(query, operation.selectionSet);
  if (!root) return null;
  return {
    operation,
    emit(ctx, variables) {
      const w = new Writer();
      const sql = `SELECT ${root('', w, { ctx, variables })}`;
      return { sql, params: w.params };
    },
  };
}

class Compiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly projections: Record<string, TypeProjection>,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  /** The fields a selection set asks of `type`, by response key, through the fragments that apply to it. */
  private collect(type: GraphQLObjectType, set: SelectionSetNode, into = new Map<string, FieldNode>()): Map<string, FieldNode> | null {
    for (const selection of set.selections) {
      // @skip and @include depend on variables: left to the resolvers.
      if (selection.directives?.length) return null;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const seen = into.get(key);
        // The same key twice merges sub-selections in graphql-js; only identical leaves are merged here.
        if (seen && (seen.name.value !== selection.name.value || seen.selectionSet || selection.selectionSet || seen.arguments?.length || selection.arguments?.length)) return null;
        into.set(key, selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
      if (!fragment) return null;
      const condition = fragment.typeCondition?.name.value;
      if (condition && !this.applies(condition, type)) continue;
      if (fragment.directives?.length || !this.collect(type, fragment.selectionSet, into)) return null;
    }
    return into;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** A JSON object of `type` at row alias `self`. */
  object(type: GraphQLObjectType, set: SelectionSetNode | undefined): Emit | null {
    const fields = set && this.collect(type, set);
    if (!fields || fields.size > MAX_KEYS) return null;
    const parts: [string, Emit][] = [];
    for (const [key, node] of fields) {
      const part = this.field(type, node);
      if (!part) return null;
      parts.push([key, part]);
    }
    return (self, w, request) => `json_object(${parts.map(([key, emit]) => `'${key}', ${emit(self, w, request)}`).join(', ')})`;
  }

  private field(type: GraphQLObjectType, node: FieldNode): Emit | null {
    const name = node.name.value;
    if (name === '__typename') return () => `'${type.name}'`;
    const projection = this.projections[type.name]?.[name];
    const def = type.getFields()[name];
    if (!projection || !def) return null;
    const args = (request: Request) => getArgumentValues(def, node, request.variables);
    return this.projected(projection, def, node, args);
  }

  private projected(p: FieldProjection, def: GraphQLField<unknown, unknown>, node: FieldNode, args: (r: Request) => Record<string, unknown>): Emit | null {
    if (p.kind === 'value') return node.selectionSet ? null : (self) => p.sql(self);
    const target = getNamedType(def.type);
    if (p.kind === 'connection') return isObjectType(target) ? this.connection(p, target, node, args) : null;
    if (p.kind === 'union') return this.union(p, node.selectionSet);
    const child = this.typed(p.type, node.selectionSet);
    if (!child) return null;
    // A subquery's result may lose SQLite's JSON subtype: json() marks it as JSON again, so it nests
    // as an object or array, not as a string.
    if (p.kind === 'object') {
      return (self, w, request) => {
        const bound = p.bind?.(args(request), request.ctx);
        const alias = w.alias(p.table);
        return `json((SELECT ${child(alias, w, request)} ${p.from(self, alias, bound, w)}))`;
      };
    }
    return (self, w, request) => {
      const alias = w.alias(p.table);
      const object = child(alias, w, request);
      return `json((SELECT json_group_array(${object} ORDER BY ${p.orderBy(alias)}) ${p.from(self, alias, w)}))`;
    };
  }

  /** CASE over the members: each its own object, with the fragments that apply to its type. */
  private union(p: Extract<FieldProjection, { kind: 'union' }>, set: SelectionSetNode | undefined): Emit | null {
    const members: { when: (self: string) => string; from: (self: string, child: string) => string; table: SQLiteTable; object: Emit }[] = [];
    for (const member of p.members) {
      const object = this.typed(member.type, set);
      if (!object) return null;
      members.push({ ...member, object });
    }
    return (self, w, request) => {
      const arms = members.map((m) => {
        const alias = w.alias(m.table);
        return `WHEN ${m.when(self)} THEN json((SELECT ${m.object(alias, w, request)} ${m.from(self, alias)}))`;
      });
      return `CASE ${arms.join(' ')} END`;
    };
  }

  private typed(name: string, set: SelectionSetNode | undefined): Emit | null {
    const type = this.schema.getType(name);
    return isObjectType(type) ? this.object(type, set) : null;
  }

  /** edges, pageInfo and totalCount of a connection, each a correlated subquery on the same conditions. */
  private connection(p: Extract<FieldProjection, { kind: 'connection' }>, type: GraphQLObjectType, node: FieldNode, args: (r: Request) => Record<string, unknown>): Emit | null {
    const fields = node.selectionSet && this.collect(type, node.selectionSet);
    if (!fields) return null;
    const table = tableOf(p.table);
    type Bound = ReturnType<typeof p.bind>;
    type Part = (self: string, w: Writer, request: Request, bound: Bound) => string;
    // Rows of the page (limit: first) or one more (first + 1, which says whether a next page exists).
    const rows = (self: string, w: Writer, bound: Bound, limit: number, select = '*') => {
      const alias = w.alias(p.table);
      const conditions = p.where(self, alias, bound.filter, w);
      // A list with no other condition gets a keyset bound on its first page too (0), as listPage:
      // an index range, not a scan. A parent's list leaves it out, so the parent's index drives.
      if (bound.afterId !== null || !conditions.length) conditions.push(`${alias}."id" > ${w.param(bound.afterId ?? 0)}`);
      return `SELECT ${select === '*' ? `${alias}.*` : select} FROM ${table} AS ${alias} WHERE ${conditions.join(' AND ')} ORDER BY ${alias}."id" LIMIT ${w.param(limit)}`;
    };
    const edgeType = this.schema.getType(`${p.type}Edge`);
    const pageInfoType = this.schema.getType('PageInfo');
    const parts: [string, Part][] = [];
    for (const [key, field] of fields) {
      const name = field.name.value;
      if (name === '__typename') {
        parts.push([key, () => `'${type.name}'`]);
      } else if (name === 'edges' && isObjectType(edgeType)) {
        const edge = this.edge(edgeType, p.type, field.selectionSet);
        if (!edge) return null;
        parts.push([
          key,
          (self, w, request, bound) => {
            const alias = w.alias('page');
            return `json((SELECT json_group_array(${edge(alias, w, request)} ORDER BY ${alias}."id") FROM (${rows(self, w, bound, bound.first)}) AS ${alias}))`;
          },
        ]);
      } else if (name === 'pageInfo' && isObjectType(pageInfoType)) {
        const info = this.pageInfo(pageInfoType, field.selectionSet, rows);
        if (!info) return null;
        parts.push([key, info]);
      } else if (name === 'totalCount' && !field.selectionSet) {
        parts.push([
          key,
          (self, w, _request, bound) => {
            const alias = w.alias(p.table);
            const conditions = p.where(self, alias, bound.filter, w);
            return `(SELECT count(*) FROM ${table} AS ${alias}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''})`;
          },
        ]);
      } else {
        return null;
      }
    }
    return (self, w, request) => {
      const bound = p.bind(args(request), request.ctx);
      return `json_object(${parts.map(([key, part]) => `'${key}', ${part(self, w, request, bound)}`).join(', ')})`;
    };
  }

  private edge(edgeType: GraphQLObjectType, nodeType: string, set: SelectionSetNode | undefined): Emit | null {
    const fields = set && this.collect(edgeType, set);
    if (!fields) return null;
    const parts: [string, Emit][] = [];
    for (const [key, field] of fields) {
      const name = field.name.value;
      if (name === '__typename') parts.push([key, () => `'${edgeType.name}'`]);
      else if (name === 'cursor') parts.push([key, (self) => `qg_cursor(${self}."id")`]);
      else if (name === 'node') {
        const node = this.typed(nodeType, field.selectionSet);
        if (!node) return null;
        parts.push([key, node]);
      } else return null;
    }
    return (self, w, request) => `json_object(${parts.map(([key, emit]) => `'${key}', ${emit(self, w, request)}`).join(', ')})`;
  }

  private pageInfo(
    type: GraphQLObjectType,
    set: SelectionSetNode | undefined,
    rows: (self: string, w: Writer, bound: { first: number; afterId: number | null; filter?: unknown }, limit: number, select?: string) => string,
  ) {
    const fields = set && this.collect(type, set);
    if (!fields) return null;
    const bool = (condition: string) => `CASE WHEN ${condition} THEN json('true') ELSE json('false') END`;
    type Bound = { first: number; afterId: number | null; filter?: unknown };
    const parts: [string, (self: string, w: Writer, bound: Bound) => string][] = [];
    for (const [key, field] of fields) {
      const name = field.name.value;
      if (name === '__typename') parts.push([key, () => `'${type.name}'`]);
      // A page of none says there is no next page, as toPage does.
      else if (name === 'hasNextPage') parts.push([key, (self, w, b) => bool(b.first === 0 ? '0' : `(SELECT count(*) FROM (${rows(self, w, b, b.first + 1, '1')})) > ${w.param(b.first)}`)]);
      else if (name === 'hasPreviousPage') parts.push([key, (_self, _w, b) => bool(b.afterId !== null ? '1' : '0')]);
      else if (name === 'startCursor' || name === 'endCursor') {
        const pick = name === 'startCursor' ? 'min' : 'max';
        parts.push([key, (self, w, b) => `(SELECT qg_cursor(${pick}(id)) FROM (${rows(self, w, b, b.first)}))`]);
      } else return null;
    }
    return (self: string, w: Writer, _request: Request, bound: Bound) => `json_object(${parts.map(([key, part]) => `'${key}', ${part(self, w, bound)}`).join(', ')})`;
  }
}
