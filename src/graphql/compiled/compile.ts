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
import { ADDED } from '../relay';
import { connectionFacets, pagedConnection, rankedConnection } from './connections';
import { jsonArray, jsonObject, MAX_KEYS, orNull, type Emit, type Emitters } from './json';
import type { FieldProjection, TypeProjection } from './projection';
import { UNBOUND, Writer } from './writer';

/**
 * Compiles a query operation into one SQL expression whose value is the whole `data` object as JSON
 * text: one statement per request whatever the depth, and no resolver, promise or loader per
 * field. The text is written once per shape of the variables; a request only binds its arguments.
 * compileOperation returns null for what it does not cover (introspection, mutations, a field that
 * resolves in JavaScript); graphql-js then runs the resolvers. The SQL writer is writer.ts, the
 * JSON it writes json.ts, connections connections.ts.
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

class Compiler implements Emitters {
  constructor(
    readonly schema: GraphQLSchema,
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
        into.set(
          key,
          seen?.selectionSet && selection.selectionSet
            ? { ...seen, selectionSet: { ...seen.selectionSet, selections: [...seen.selectionSet.selections, ...selection.selectionSet.selections] } }
            : selection,
        );
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
  fields(type: GraphQLObjectType, set: SelectionSetNode | undefined, field: (name: string, node: FieldNode) => Emit | null): Emit | null {
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

  typed(name: string, set: SelectionSetNode | undefined): Emit | null {
    const type = this.schema.getType(name);
    if (!isObjectType(type)) return null;
    // For a resolver, the row itself: graphql-js resolves its fields on it.
    if (this.rowRefs) return (self) => `concat('{"__row":', ${self}."id", ',"__typename":"${name}"}')`;
    return this.object(type, set);
  }

  /** A field's JSON; for a list's projection under a facets field (`facets`), the list's groups instead of a page. */
  field(p: FieldProjection, def: GraphQLField<unknown, unknown>, node: FieldNode, facets = false): Emit | null {
    // Arguments written as literals are the same in every request: coerced once, on first use.
    let literal: Record<string, unknown> | undefined;
    const variable = node.arguments?.some((a) => usesVariables(a.value)) ?? false;
    const args = variable ? (variables: Record<string, unknown>) => getArgumentValues(def, node, variables) : () => (literal ??= Object.freeze(getArgumentValues(def, node, {})));
    // A list's bound (list-bound.ts), from `first` where the field takes one.
    const limitOf = (w: Writer) => w.slot((_ctx, variables) => listLimit(def, args(variables)));
    switch (p.kind) {
      case 'value':
        return node.selectionSet ? null : (self) => `json_quote(${p.sql(self)})`;
      case 'json': {
        if (node.selectionSet || listLimit(def, {}) === null) return null;
        return (self, w) =>
          p.sql(
            self,
            limitOf(w).param((n) => n),
          );
      }
      case 'connection': {
        const type = getNamedType(def.type);
        const shaped = this.shaped(def, node);
        if (!isObjectType(type) || !shaped) return null;
        const order = shaped.orderBy == null ? ADDED : p.orders?.[shaped.orderBy as string];
        if (!order) throw new Error(`${def.name}: no order declared for ${String(shaped.orderBy)}`);
        if (facets) return connectionFacets(this, p, type, node, args);
        const shape = { order, backward: shaped.last != null, after: shaped.after != null, before: shaped.before != null };
        return pagedConnection(this, p, type, node, args, shape);
      }
      case 'facets':
        return this.field(p.of, def, node, true);
      case 'chosen': {
        // The shape's arguments: which filter fields are set chooses the text.
        const shaped = this.shaped(def, node);
        const chosen = shaped && p.choose(shaped);
        return chosen && this.field(chosen, def, node, facets);
      }
      case 'ranked': {
        const type = getNamedType(def.type);
        return isObjectType(type) ? rankedConnection(this, p, type, node, args) : null;
      }
      case 'union':
        return this.union(p, node.selectionSet);
      case 'switch': {
        const arms = p.arms.map((arm) => this.field(arm, def, node, facets));
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

  /** The field's arguments for this shape's variables (which are set, and enum values); null when they do not coerce (the resolvers report them). */
  private shaped(def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> | null {
    try {
      return getArgumentValues(def, node, this.variables);
    } catch {
      return null;
    }
  }

  /**
   * An object of `type` made in JavaScript, not a row: the JSON text `value(self)` holds it, with
   * its fields by name. Lists of such objects are read with json_each, in their order.
   */
  plain(type: GraphQLObjectType, set: SelectionSetNode | undefined, value: (self: string) => string): Emit | null {
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
}
