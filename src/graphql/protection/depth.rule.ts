import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Rejects operations nested deeper than `maxDepth` fields. Fragments are followed (a cycle stops
 * the walk: NoFragmentCycles reports it). Inside introspection, `ofType` does not count, so that
 * GraphiQL's own introspection query passes while `types { fields { type { fields …` does not.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (set: SelectionSetNode, depth: number, introspection: boolean, seen: Set<string>): number => {
      let max = depth;
      for (const sel of set.selections) {
        if (max > maxDepth) return max;
        if (sel.kind === Kind.FIELD) {
          const inIntrospection = introspection || sel.name.value.startsWith('__');
          const counts = !(inIntrospection && sel.name.value === 'ofType');
          const next = depth + (counts ? 1 : 0);
          max = Math.max(max, sel.selectionSet ? depthOf(sel.selectionSet, next, inIntrospection, seen) : next);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(sel.selectionSet, depth, introspection, seen));
        } else {
          const fragment = fragments.get(sel.name.value);
          if (fragment && !seen.has(fragment.name.value)) {
            max = Math.max(max, depthOf(fragment.selectionSet, depth, introspection, new Set([...seen, fragment.name.value])));
          }
        }
      }
      return max;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, 0, false, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `The query is nested ${depth > maxDepth + 1 ? 'more than ' : ''}${Math.min(depth, maxDepth + 1)} levels deep; the limit is ${maxDepth}. Split it into several queries.`,
              {
                nodes: [node],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' },
              },
            ),
          );
        }
      },
    };
  };
}
