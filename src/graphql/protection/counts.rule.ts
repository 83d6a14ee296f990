import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

// Longer text belongs in variables (an article body for ingestArticle, say), not in the query.
export const MAX_STRING_LITERAL = 100_000;

/** Rejects documents with more than `maxAliases` aliases or `maxDirectives` directives in all, or a huge string literal. */
export function countLimitsRule(maxAliases: number, maxDirectives: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    return {
      StringValue(node) {
        if (node.value.length > MAX_STRING_LITERAL) {
          context.reportError(
            new GraphQLError(`A string in the query is ${node.value.length} characters long; the limit is ${MAX_STRING_LITERAL}. Pass long text as a variable.`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'string' },
            }),
          );
        }
      },
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
