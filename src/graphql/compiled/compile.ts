import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Context } from '../context';
import { listLimit } from '../list-bound';
import { tableOf, type Bound, type FieldProjection, type PageBound, type RankedPage, type SqlWriter, type TypeProjection } from './projection';

/**
 * Compiles a query operation into one SQL expression whose value is the whole `data` object as JSON
 * text: one statement per request whatever the depth, and no resolver,
 * promise or loader per field. The text is written once; a request only binds its arguments.
 * compileOperation returns null for what it does not cover (a field without a projection,
 * directives, mutations); the caller then runs the resolvers.
 */

export interface CompiledOperation {
  operation: OperationDefinitionNode;
  /** An SQL expression, never NULL, for the JSON text of the operation's `data`; the caller writes the statement around it. */
  data: string;
  /** The statement's parameters for these variables; throws when an argument does not bind. */
  params(ctx: Context, variables: Record<string, unknown>): unknown[];
  /**
   * What must be read before params() can bind, off the event loop (a search's ranking); a failure
   * is left for params() to meet, as the resolvers then report it.
   */
  prepare: ((ctx: Context, variables: Record<string, unknown>) => Promise<void>) | null;
}

/** A request's arguments after bind(): one slot per field with arguments, in document order. */
type Slots = unknown[];
type Param = (slots: Slots) => unknown;
type Binder<B = unknown> = (ctx: Context, variables: Record<string, unknown>) => B;

/** Writes the text once: aliases, and `?` parameters that read a request's slots. */
class Writer implements SqlWriter {
  readonly params: Param[] = [];
  readonly binders: Binder[] = [];
  readonly preparers: Binder<Promise<unknown>>[] = [];
  private aliases = 0;

  alias(table: SQLiteTable | 'page' | 'list'): string {
    return `${typeof table === 'string' ? table : getTableName(table)}_${++this.aliases}`;
  }

  param(read: Param): string {
    this.params.push(read);
    // `+?`, not `?`: SQLite's planner reads a bound LIMIT or keyset value, and a statement whose
    // plan read one is prepared again at every run after new bindings (two thirds of S2's time).
    // Behind a unary plus the value is opaque, so the plan is made once, as the text is.
    return '+?';
  }

  /** A slot for one field's bind(); its `param` reads what bind returned in that request. */
  slot<B>(binder: Binder<B>): Bound<B> {
    const index = this.binders.push(binder) - 1;
    return { param: (pick) => this.param((slots) => pick(slots[index] as B)) };
  }
}

/** What a projection without bind() is given: writing a parameter from it is a mistake in the projection. */
const UNBOUND: Bound<never> = {
  param: () => {
    throw new Error('a projection without bind() has no bound value to write');
  },
};

/**
 * Writes SQL for the JSON text of a value of the row at alias `self`, never NULL. The text is built
 * by concatenation, with json_quote for each scalar (the escaping json_object does): a nested
 * object's text is copied into its parent's, where json_object would parse it again at every level
 * of nesting (the same bytes; S3's statement 1,226 → 1,006 µs and S5's 754 → 634 µs).
 */
type Emit = (self: string, w: Writer) => string;

/** SQLite's functions take 127 arguments by default: an object of n keys is 2n + 1 of concat's. */
const MAX_KEYS = 63;

// Keys are response keys and type names, GraphQL names ([_A-Za-z][_0-9A-Za-z]*) by the parser's
// rules, so they are safe inside SQL and JSON quotes.
const jsonObject = (parts: [string, string][]) =>
  parts.length ? `concat(${parts.map(([key, value], i) => `'${i ? ',' : '{'}"${key}":', ${value}`).join(', ')}, '}')` : `'{}'`;
/**
 * The JSON array of `item` over the rows of `from`, a subquery that orders them; [] for none.
 * group_concat takes rows as they come, and SQLite keeps a FROM subquery's ORDER BY when the outer
 * query aggregates with anything but count, min or max (select.c). `group_concat(… ORDER BY …)`
 * opened a sorter for every list, a sixth of S2's statement (test/compiled.test.ts checks the order).
 */
const jsonArray = (item: string, from: string) => `concat('[', (SELECT group_concat(${item}, ',') ${from}), ']')`;
/** A JSON value, or null where it is NULL (a subquery that finds no row, a CASE without a match). */
const orNull = (value: string) => `coalesce((${value}), 'null')`;
const jsonBool = (condition: string) => `CASE WHEN ${condition} THEN 'true' ELSE 'false' END`;

/**
 * Compiles a query operation for variables of one shape (which input fields are set, the values
 * of @skip and @include): the text depends on the shape, never on the values.
 */
export function compileOperation(
  schema: GraphQLSchema,
  projections: Record<string, TypeProjection>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CompiledOperation | null {
  const query = schema.getQueryType();
  if (operation.operation !== 'query' || !query) return null;
  // Nothing to read: graphql-js answers without a statement.
  if (operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return null;
  const root = new Compiler(schema, projections, fragmentsOf(document), variables, false).object(query, operation.selectionSet);
  if (!root) return null;
  return written(operation, root);
}

/**
 * One field of `parentType` as SQL for one parent row at alias `self` (or the root), for its
 * resolver: objects below it are written as row references (`{"__row": id, "__typename": …}`),
 * which the resolver reads as rows, and the other keys by field name, as graphql-js reads them.
 */
export function compileField(
  schema: GraphQLSchema,
  projections: Record<string, TypeProjection>,
  document: { fragments: Map<string, FragmentDefinitionNode>; operation: OperationDefinitionNode },
  parentType: GraphQLObjectType,
  node: FieldNode,
  variables: Record<string, unknown>,
): CompiledOperation | null {
  const projection = projections[parentType.name]?.[node.name.value];
  const def = parentType.getFields()[node.name.value];
  if (!projection || !def) return null;
  const emit = new Compiler(schema, projections, document.fragments, variables, true).field(projection, def, node);
  return emit && written(document.operation, (self, w) => emit(self, w));
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

function written(operation: OperationDefinitionNode, root: (self: string, w: Writer) => string): CompiledOperation {
  const w = new Writer();
  const data = root('self', w);
  const { params, binders, preparers } = w;
  return {
    operation,
    data,
    prepare: preparers.length
      ? async (ctx, variables) => {
          await Promise.allSettled(preparers.map((prepare) => prepare(ctx, variables)));
        }
      : null,
    params(ctx, variables) {
      // Every bind runs, used or not: it is also where the resolvers' argument checks run.
      const slots = binders.map((bind) => bind(ctx, variables));
      return params.map((read) => read(slots));
    },
  };
}

/** Whether a value is, or holds in a list or an object, a variable. (graphql's isConstValueNode takes `[1, $x]` for a constant.) */
function usesVariables(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(usesVariables);
  return value.kind === Kind.OBJECT && value.fields.some((f) => usesVariables(f.value));
}

/**
 * A connection's emitter that takes its page's slot anew each time it is written, before its
 * fields (which all read that slot): the same field in two places binds twice.
 */
const pageFirst = (emit: Emit, takeSlot: (w: Writer) => void): Emit => (self, w) => {
  takeSlot(w);
  return emit(self, w);
};

class Compiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly projections: Record<string, TypeProjection>,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    /** The variables of the shape being compiled: for @skip, @include and a filter's choice of text. */
    private readonly variables: Record<string, unknown>,
    /** For a resolver: objects below the field are row references, and keys are field names. */
    private readonly rowRefs: boolean,
  ) {}

  /** Whether @skip and @include keep a selection, for this shape's values. */
  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }

  /**
   * The fields a selection set asks of `type`, by response key (by field name for a resolver),
   * through the fragments that apply to it; the sub-selections of one key merged, as graphql-js does.
   */
  private collect(type: GraphQLObjectType, set: SelectionSetNode, into = new Map<string, FieldNode>()): Map<string, FieldNode> | null {
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = this.rowRefs ? selection.name.value : (selection.alias?.value ?? selection.name.value);
        const seen = into.get(key);
        if (seen && seen.name.value !== selection.name.value) return null;
        into.set(key, seen?.selectionSet && selection.selectionSet ? { ...seen, selectionSet: { ...seen.selectionSet, selections: [...seen.selectionSet.selections, ...selection.selectionSet.selections] } } : selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
      if (!fragment) return null;
      const condition = fragment.typeCondition?.name.value;
      if (condition && !this.applies(condition, type)) continue;
      if (!this.collect(type, fragment.selectionSet, into)) return null;
    }
    return into;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** Compiles each field of a selection on `type` with `field`; null when any one does not compile. */
  private fields(type: GraphQLObjectType, set: SelectionSetNode | undefined, field: (name: string, node: FieldNode) => Emit | null): Emit | null {
    const fields = set && this.collect(type, set);
    if (!fields || fields.size > MAX_KEYS) return null;
    const parts: [string, Emit][] = [];
    for (const [key, node] of fields) {
      const name = node.name.value;
      const part = name === '__typename' ? () => `'"${type.name}"'` : field(name, node);
      if (!part) return null;
      parts.push([key, part]);
    }
    return (self, w) => jsonObject(parts.map(([key, emit]) => [key, emit(self, w)]));
  }

  /** A JSON object of `type` at row alias `self`. */
  object(type: GraphQLObjectType, set: SelectionSetNode | undefined): Emit | null {
    return this.fields(type, set, (name, node) => {
      const projection = this.projections[type.name]?.[name];
      const def = type.getFields()[name];
      return projection && def ? this.field(projection, def, node) : null;
    });
  }

  private typed(name: string, set: SelectionSetNode | undefined): Emit | null {
    const type = this.schema.getType(name);
    if (!isObjectType(type)) return null;
    // For a resolver, the row itself: graphql-js resolves its fields on it.
    if (this.rowRefs) return (self) => `concat('{"__row":', ${self}."id", ',"__typename":"${name}"}')`;
    return this.object(type, set);
  }

  field(p: FieldProjection, def: GraphQLField<unknown, unknown>, node: FieldNode): Emit | null {
    // Arguments written as literals are the same in every request: coerced once, on first use.
    let literal: Record<string, unknown> | undefined;
    const variable = node.arguments?.some((a) => usesVariables(a.value)) ?? false;
    const args = variable
      ? (variables: Record<string, unknown>) => getArgumentValues(def, node, variables)
      : () => (literal ??= Object.freeze(getArgumentValues(def, node, {})));
    // A list's bound (list-bound.ts), from `first` where the field takes one.
    const limitOf = (w: Writer) => w.slot((_ctx, variables) => listLimit(def, args(variables)));
    switch (p.kind) {
      case 'value':
        return node.selectionSet ? null : (self) => `json_quote(${p.sql(self)})`;
      case 'json': {
        if (node.selectionSet || listLimit(def, {}) === null) return null;
        return (self, w) => p.sql(self, limitOf(w).param((n) => n));
      }
      case 'connection': {
        const type = getNamedType(def.type);
        return isObjectType(type) ? this.connection(p, type, node, args) : null;
      }
      case 'chosen': {
        // The shape's arguments: which filter fields are set chooses the text.
        let shaped: Record<string, unknown>;
        try {
          shaped = getArgumentValues(def, node, this.variables);
        } catch {
          // Arguments that do not coerce: the resolvers report them.
          return null;
        }
        const chosen = p.choose(shaped);
        return chosen && this.field(chosen, def, node);
      }
      case 'ranked': {
        const type = getNamedType(def.type);
        return isObjectType(type) ? this.ranked(p, type, node, args) : null;
      }
      case 'union':
        return this.union(p, node.selectionSet);
      case 'switch': {
        const arms = p.arms.map((arm) => this.field(arm, def, node));
        if (arms.some((arm) => !arm)) return null;
        return (self, w) => {
          const on = w.slot((ctx, variables) => p.on(args(variables), ctx));
          return `CASE ${on.param((i) => i)} ${arms.map((arm, i) => `WHEN ${i} THEN (${arm!(self, w)})`).join(' ')} END`;
        };
      }
      case 'object': {
        const child = this.typed(p.type, node.selectionSet);
        if (!child) return null;
        const bind = p.bind;
        return (self, w) => {
          // Only a field with arguments takes a slot: the others bind nothing per request.
          const bound = bind ? w.slot((ctx, variables) => bind(args(variables), ctx)) : UNBOUND;
          const alias = w.alias(p.table);
          return orNull(`SELECT ${child(alias, w)} ${p.from(self, alias, bound)}`);
        };
      }
      case 'list': {
        const child = this.typed(p.type, node.selectionSet);
        if (!child || listLimit(def, {}) === null) return null;
        return (self, w) => {
          // The ordered rows under a name of their own: a plan then reads `SCAN list_n` for the
          // subquery and names the table it searches inside.
          const [rows, list] = [w.alias(p.table), w.alias('list')];
          return jsonArray(child(list, w), `FROM (SELECT ${rows}.* ${p.rows(self, rows, w)} LIMIT ${limitOf(w).param((n) => n)}) AS ${list}`);
        };
      }
    }
  }

  /**
   * An object of `type` made in JavaScript, not a row: the JSON text `value(self)` holds it, with
   * its fields by name. Lists of such objects are read with json_each, in their order.
   */
  private plain(type: GraphQLObjectType, set: SelectionSetNode | undefined, value: (self: string) => string): Emit | null {
    return this.fields(type, set, (name, node) => {
      const def = type.getFields()[name];
      const at = (self: string) => `${value(self)} -> '$.${name}'`;
      if (!node.selectionSet) return (self) => `coalesce(${at(self)}, 'null')`;
      const named = getNamedType(def.type);
      const item = isObjectType(named) ? this.plain(named, node.selectionSet, (j) => `${j}.value`) : null;
      if (!item) return null;
      return (self, w) => {
        const j = w.alias('list');
        return jsonArray(item(j, w), `FROM (SELECT value FROM json_each(${at(self)}) LIMIT ${listLimit(def, {}) ?? -1}) AS ${j}`);
      };
    });
  }

  /** CASE over the members: each its own object, with the fragments that apply to its type. */
  private union(p: Extract<FieldProjection, { kind: 'union' }>, set: SelectionSetNode | undefined): Emit | null {
    const members: (Extract<FieldProjection, { kind: 'union' }>['members'][number] & { object: Emit })[] = [];
    for (const member of p.members) {
      const object = this.typed(member.type, set);
      if (!object) return null;
      members.push({ ...member, object });
    }
    return (self, w) => {
      const arms = members.map((m) => {
        const alias = w.alias(m.table);
        return `WHEN ${m.when(self)} THEN (SELECT ${m.object(alias, w)} ${m.from(self, alias)})`;
      });
      return orNull(`CASE ${arms.join(' ')} END`);
    };
  }

  /** edges, pageInfo and totalCount of a page chosen in JavaScript: the hits bound as JSON, read with json_each in their order. */
  private ranked(
    p: Extract<FieldProjection, { kind: 'ranked' }>,
    type: GraphQLObjectType,
    node: FieldNode,
    args: (variables: Record<string, unknown>) => Record<string, unknown>,
  ): Emit | null {
    let bound: Bound<RankedPage> | undefined;
    const wants = { total: false, snippet: false };
    const page = (w: Writer) => (bound ??= w.slot((ctx, variables) => p.bind(args(variables), ctx)));
    // The hits whose row still exists, in their order, as a subquery: columns position, kind, id, cursor and score.
    const hits = (w: Writer) => {
      const [raw, hit] = [w.alias('list'), w.alias('page')];
      const exists = p.members.map((m) => {
        const row = w.alias(m.table);
        return `WHEN ${m.code} THEN EXISTS (SELECT 1 FROM ${tableOf(m.table)} AS ${row} WHERE ${row}."id" = ${hit}.id)`;
      });
      const columns = [...['kind', 'id', 'cursor', 'score'].map((c) => `${raw}.value ->> '${c}' AS ${c}`), `${raw}.value -> 'snippet' AS snippet`].join(', ');
      const json = page(w).param((b) => b.hits);
      return `SELECT ${hit}.* FROM (SELECT ${raw}.key AS position, ${columns} FROM json_each(${json}) AS ${raw}) AS ${hit} WHERE CASE ${hit}.kind ${exists.join(' ')} ELSE 0 END ORDER BY ${hit}.position`;
    };

    const edges = type.getFields().edges;
    const edgeType = edges && getNamedType(edges.type);
    const pageInfoType = this.schema.getType('PageInfo');
    const emit = this.fields(type, node.selectionSet, (name, field) => {
      if (name === 'edges' && isObjectType(edgeType)) {
        const edge = this.fields(edgeType, field.selectionSet, (edgeField, edgeNode) => {
          if (edgeField === 'cursor') return (self) => `json_quote(${self}.cursor)`;
          // Already JSON text, as graphql-js would write the Float.
          if (edgeField === 'score') return (self) => `${self}.score`;
          const snippetType = edgeField === 'snippet' ? getNamedType(edgeType.getFields().snippet.type) : null;
          if (isObjectType(snippetType)) {
            wants.snippet = true;
            return this.plain(snippetType, edgeNode.selectionSet, (self) => `${self}.snippet`);
          }
          if (edgeField !== 'node') return null;
          const members = p.members.map((m) => ({ ...m, object: this.typed(m.type, edgeNode.selectionSet) }));
          if (members.some((m) => !m.object)) return null;
          return (self, w) => {
            const arms = members.map((m) => {
              const alias = w.alias(m.table);
              return `WHEN ${m.code} THEN (SELECT ${m.object!(alias, w)} FROM ${tableOf(m.table)} AS ${alias} WHERE ${alias}."id" = ${self}.id)`;
            });
            return orNull(`CASE ${self}.kind ${arms.join(' ')} END`);
          };
        });
        if (!edge) return null;
        return (_self, w) => {
          const hit = w.alias('page');
          return jsonArray(edge(hit, w), `FROM (${hits(w)}) AS ${hit}`);
        };
      }
      if (name === 'pageInfo' && isObjectType(pageInfoType)) {
        return this.fields(pageInfoType, field.selectionSet, (info) => {
          switch (info) {
            case 'hasNextPage':
            case 'hasPreviousPage':
              return (_self, w) => jsonBool(page(w).param((b) => (b[info] ? 1 : 0)));
            case 'startCursor':
            case 'endCursor':
              return (_self, w) => {
                const hit = w.alias('page');
                return `json_quote((SELECT ${hit}.cursor FROM (${hits(w)}) AS ${hit} ORDER BY ${hit}.position ${info === 'startCursor' ? 'ASC' : 'DESC'} LIMIT 1))`;
              };
            default:
              return null;
          }
        });
      }
      if (name === 'totalCount' && !field.selectionSet) {
        wants.total = true;
        return (_self, w) => `json_quote(CAST(${page(w).param((b) => b.totalCount())} AS INTEGER))`;
      }
      return null;
    });
    return emit && pageFirst(emit, (w) => {
      bound = undefined;
      page(w);
      w.preparers.push((ctx, variables) => p.prepare(args(variables), ctx, wants));
    });
  }

  /** edges, pageInfo and totalCount of a connection, each a correlated subquery on the same conditions. */
  private connection(
    p: Extract<FieldProjection, { kind: 'connection' }>,
    type: GraphQLObjectType,
    node: FieldNode,
    args: (variables: Record<string, unknown>) => Record<string, unknown>,
  ): Emit | null {
    const table = tableOf(p.table);
    // The page's rows (limit `first`), or one more (`first` + 1, which says whether a next page
    // exists). The keyset bound is there on every page (0 on the first), as listPage pages.
    const from = (alias: string) => (p.via ? p.via.from(alias) : `${table} AS ${alias}`);
    const rows = (self: string, w: Writer, bound: Bound<PageBound>, extra: 0 | 1, select = '*') => {
      const alias = w.alias(p.table);
      // Parameters are numbered in the order they are written: the page's conditions, then its keyset bound.
      const conditions = p.where(self, alias, bound);
      const afterId = bound.param((b) => b.afterId ?? 0);
      conditions.push(p.via ? p.via.after(alias, afterId) : `${alias}."id" > ${afterId}`);
      const order = p.via ? p.via.order(alias) : `${alias}."id"`;
      return `SELECT ${select === '*' ? `${alias}.*` : select} FROM ${from(alias)} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ${bound.param((b) => b.first + extra)}`;
    };
    // Written first, so that every part of this connection reads the same slot.
    let bound: Bound<PageBound> | undefined;
    const page = (w: Writer) => (bound ??= w.slot((ctx, variables) => p.bind(args(variables), ctx)));

    const edgeType = this.schema.getType(`${p.type}Edge`);
    const pageInfoType = this.schema.getType('PageInfo');
    const emit = this.fields(type, node.selectionSet, (name, field) => {
      if (name === 'edges' && isObjectType(edgeType)) {
        const edge = this.fields(edgeType, field.selectionSet, (edgeField, edgeNode) => {
          if (edgeField === 'cursor') return (self) => `json_quote(qg_cursor(${self}."id"))`;
          return edgeField === 'node' ? this.typed(p.type, edgeNode.selectionSet) : null;
        });
        if (!edge) return null;
        return (self, w) => {
          const alias = w.alias('page');
          return jsonArray(edge(alias, w), `FROM (${rows(self, w, page(w), 0)}) AS ${alias}`);
        };
      }
      if (name === 'pageInfo' && isObjectType(pageInfoType)) {
        return this.fields(pageInfoType, field.selectionSet, (info) => {
          switch (info) {
            // A page of none says there is no next page, as toPage does.
            case 'hasNextPage':
              return (self, w) => {
                const b = page(w);
                return jsonBool(`${b.param((v) => v.first)} > 0 AND (SELECT count(*) FROM (${rows(self, w, b, 1, '1')})) > ${b.param((v) => v.first)}`);
              };
            case 'hasPreviousPage':
              return (_self, w) => jsonBool(page(w).param((v) => (v.afterId !== null ? 1 : 0)));
            case 'startCursor':
            case 'endCursor':
              return (self, w) => `json_quote((SELECT qg_cursor(${info === 'startCursor' ? 'min' : 'max'}(id)) FROM (${rows(self, w, page(w), 0)})))`;
            default:
              return null;
          }
        });
      }
      if (name === 'totalCount' && !field.selectionSet) {
        return (self, w) => {
          const alias = w.alias(p.table);
          const conditions = p.where(self, alias, page(w));
          return `(SELECT count(*) FROM ${from(alias)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''})`;
        };
      }
      return null;
    });
    return emit && pageFirst(emit, (w) => {
      bound = undefined;
      page(w);
    });
  }
}
