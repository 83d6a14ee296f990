import 'reflect-metadata';
import { Field, FieldResolver, ID, InterfaceType, Resolver, Root } from 'type-graphql';
import { toGlobalId, type NodeTypeName } from './relay';

/** A database row handed to GraphQL, tagged with the object type it resolves as. */
export type Tagged<T, N extends NodeTypeName = NodeTypeName> = T & { readonly __typename: N };

const prototypes = new Map<NodeTypeName, object>();

/**
 * Tags a row as `typename`. The row comes back as an instance of that type's class (see
 * registerNodeType): type-graphql copies every root that is not one into a new instance, once
 * per field resolver it runs on it.
 */
export function tag<T extends object, N extends NodeTypeName>(typename: N, row: T): Tagged<T, N> {
  const prototype = prototypes.get(typename);
  const tagged = prototype ? Object.assign(Object.create(prototype) as T, row) : row;
  return Object.assign(tagged, { __typename: typename });
}

@InterfaceType({
  description: 'An object with a global id, refetchable with Query.node(id:).',
  resolveType: (value: Tagged<object>) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; stable across restarts.' })
  id!: string;
}

/**
 * Declares the class of an object type that implements Node, for tag(). Its prototype chain gets
 * Node's too: the id resolver is declared on the interface, and type-graphql checks its roots
 * against Node.
 */
export function registerNodeType(typename: NodeTypeName, type: abstract new () => object): void {
  Object.setPrototypeOf(type.prototype, Node.prototype);
  prototypes.set(typename, type.prototype);
}

// Object types implementing Node do not redeclare `id`, so this resolver serves all of them.
@Resolver(() => Node)
export class NodeIdResolver {
  @FieldResolver(() => ID)
  id(@Root() node: Tagged<{ id: number }>): string {
    return toGlobalId(node.__typename, node.id);
  }
}
