import { inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isObjectType, type FieldNode, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type Database from 'better-sqlite3';
import type { AppDb } from '../../db/client';
import type { Context } from '../context';
import { tag } from '../node';
import type { NodeTypeName } from '../relay';
import { compileField, type CompiledOperation } from './compile';
import { MAX_SHAPES, planShape } from './executor';
import { boundTable, declaredSql, schemaProjections, tableOf, type TypeProjection } from './projection';

/**
 * The resolvers of the fields declared with @Sql, derived from their projections: for one parent
 * row (or the root), the field's statement is the compiled executor's text for that field alone,
 * with the objects below it read back as rows, on which graphql-js goes on. One statement per
 * field and parent, and no loader: this path serves mutations' answers and the operations the
 * compiler leaves (a bad argument, whose error then sits at its own field).
 */
export function attachSqlResolvers(schema: GraphQLSchema): void {
  const projections = schemaProjections(schema);
  const tables = new Map<string, SQLiteTable>();
  for (const type of Object.values(schema.getTypeMap())) {
    const table = isObjectType(type) ? boundTable(type.extensions) : undefined;
    if (table) tables.set(type.name, table);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (declaredSql(field.extensions)) field.resolve = sqlResolver(schema, projections, tables, type);
    }
  }
}

type FieldPlan = CompiledOperation & { statements: WeakMap<AppDb, Database.Statement> };

function sqlResolver(
  schema: GraphQLSchema,
  projections: Record<string, TypeProjection>,
  tables: Map<string, SQLiteTable>,
  parentType: GraphQLObjectType,
): GraphQLFieldResolver<unknown, Context> {
  // Plans per field node and shape of the variables, as long as the document lives.
  const plans = new WeakMap<FieldNode, Map<string, FieldPlan | null>>();
  const parentTable = tables.get(parentType.name);
  const isRoot = parentType === schema.getQueryType();
  if (!parentTable && !isRoot) throw new Error(`${parentType.name} has fields declared with @Sql but no @SqlTable`);

  const planFor = (info: GraphQLResolveInfo): FieldPlan => {
    const node = info.fieldNodes[0];
    let byShape = plans.get(node);
    if (!byShape) plans.set(node, (byShape = new Map()));
    const key = planShape(info.schema, info.operation, info.variableValues);
    let plan = byShape.get(key);
    if (plan === undefined) {
      // Every node of the field, merged as graphql-js merges them.
      const merged: FieldNode = {
        ...node,
        selectionSet: node.selectionSet && { ...node.selectionSet, selections: info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []) },
      };
      const compiled = compileField(
        schema,
        projections,
        { fragments: new Map(Object.entries(info.fragments)), operation: info.operation },
        parentType,
        merged,
        info.variableValues,
      );
      plan = compiled && { ...compiled, statements: new WeakMap() };
      if (byShape.size >= MAX_SHAPES) byShape.delete(byShape.keys().next().value!);
      byShape.set(key, plan);
    }
    if (!plan) throw new Error(`${parentType.name}.${info.fieldName}: its @Sql projection does not compile for this selection`);
    return plan;
  };

  return async (parent, _args, ctx, info) => {
    const plan = planFor(info);
    await plan.prepare?.(ctx, info.variableValues);
    // Throws the field's own argument errors, which graphql-js reports at this field.
    const params = plan.params(ctx, info.variableValues);
    let statement = plan.statements.get(ctx.db);
    if (!statement) {
      const from = isRoot ? '' : ` FROM ${tableOf(parentTable!)} AS self WHERE self."id" = ?`;
      statement = ctx.db.$client.prepare(`SELECT ${plan.data}${from}`).pluck();
      plan.statements.set(ctx.db, statement);
    }
    const json = statement.get(isRoot ? params : [...params, (parent as { id: number }).id]) as string | undefined;
    return json === undefined ? null : withRows(ctx, tables, JSON.parse(json));
  };
}

type RowRef = { __row: number; __typename: NodeTypeName };
const isRowRef = (value: unknown): value is RowRef => typeof value === 'object' && value !== null && '__row' in value;

/** The value with each row reference replaced by its row, read by id: one statement per type. */
function withRows(ctx: Context, tables: Map<string, SQLiteTable>, value: unknown): unknown {
  const wanted = new Map<NodeTypeName, Set<number>>();
  const collect = (v: unknown): void => {
    if (isRowRef(v)) {
      let ids = wanted.get(v.__typename);
      if (!ids) wanted.set(v.__typename, (ids = new Set()));
      ids.add(v.__row);
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(collect);
  };
  collect(value);
  const rows = new Map<string, unknown>();
  for (const [typename, ids] of wanted) {
    const table = tables.get(typename) as SQLiteTable & { id: SQLiteColumn };
    for (const row of ctx.db
      .select()
      .from(table)
      .where(inArray(table.id, [...ids]))
      .all() as { id: number }[])
      rows.set(`${typename}:${row.id}`, tag(typename, row));
  }
  const replace = (v: unknown): unknown => {
    if (isRowRef(v)) return rows.get(`${v.__typename}:${v.__row}`) ?? null;
    // A row gone since the statement ran is left out of its list.
    if (Array.isArray(v)) return v.flatMap((x) => (isRowRef(x) && !rows.has(`${x.__typename}:${x.__row}`) ? [] : [replace(x)]));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]));
    return v;
  };
  return replace(value);
}
