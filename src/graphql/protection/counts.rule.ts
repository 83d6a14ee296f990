import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** Rejects documents with more than `maxAliases` aliases or `maxDirectives` directives in all. */
export function countLimitsRule(maxAliases: number, maxDirectives: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Directive() {
        directives += 1;
      },
      Document: {
        leave(node) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The query uses ${aliases} aliases; the limit is ${maxAliases}.`, {
                nodes: [node],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' },
              }),
            );
          }
          if (directives > maxDirectives) {
            context.reportError(
              new GraphQLError(`The query uses ${directives} directives; the limit is ${maxDirectives}.`, {
                nodes: [node],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives' },
              }),
            );
          }
        },
      },
    };
  };
}
