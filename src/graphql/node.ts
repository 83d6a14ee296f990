import 'reflect-metadata';
import { Field, FieldResolver, ID, InterfaceType, Resolver, Root } from 'type-graphql';
import { toGlobalId, type NodeTypeName } from './relay';

/** A database row handed to GraphQL, tagged with the object type it resolves as. */
export type Tagged<T, N extends NodeTypeName = NodeTypeName> = T & { readonly __typename: N };

export function tag<T extends object, N extends NodeTypeName>(typename: N, row: T): Tagged<T, N> {
  return Object.assign(row, { __typename: typename });
}

@InterfaceType({
  description: 'An object with a global id, refetchable with Query.node(id:).',
  resolveType: (value: Tagged<object>) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; stable across restarts.' })
  id!: string;
}

// Object types implementing Node do not redeclare `id`, so this resolver serves all of them.
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID)
  id(@Root() node: Tagged<{ id: number }>): string {
    return toGlobalId(node.__typename, node.id);
  }
}
