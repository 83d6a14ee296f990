import { Arg, ID, Query, Resolver } from 'type-graphql';
import { bySql, nodeTable, Sql, tableOf, type FieldProjection } from '../../graphql/compiled/projection';
import { badUserInput } from '../../graphql/errors';
import { Node } from '../../graphql/node';
import { NODE_TYPES, parseGlobalId, type NodeTypeName } from '../../graphql/relay';

/** The node an id names: its type chooses the table, its number the row. */
function parsed(id: unknown): { type: NodeTypeName; id: number } {
  const ref = parseGlobalId(id as string);
  if (!ref) throw badUserInput(`id: "${String(id)}" is not an id issued by this API.`, 'id');
  return ref;
}

const byType = (type: NodeTypeName): FieldProjection => ({
  kind: 'object',
  type,
  table: nodeTable(type),
  bind: (args) => parsed(args.id).id,
  from: (_self, child, id) => `FROM ${tableOf(nodeTable(type))} AS ${child} WHERE ${child}."id" = ${id.param((v) => v)}`,
});

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Refetches any object by its global id; null when it no longer exists.' })
  // Chosen when compiled, once every type has declared its table.
  @Sql({ kind: 'chosen', choose: () => ({ kind: 'switch', on: (args) => NODE_TYPES.indexOf(parsed(args.id).type), arms: NODE_TYPES.map(byType) }) })
  node(@Arg('id', () => ID, { description: "A global id, as any object's id field gives it." }) _id: string): never {
    return bySql();
  }
}
