import {
  getVariableValues,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  isNonNullType,
  typeFromAST,
  type GraphQLType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';

export type Coerce = (raw: Record<string, unknown>) => Record<string, unknown> | null;
type Scalar = (value: unknown) => unknown;

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);
/** A built-in scalar's value as graphql-js coerces it, or undefined when only graphql-js can say (it may refuse it). */
const SCALARS = new Map<GraphQLType, Scalar>([
  [GraphQLString, (v) => (typeof v === 'string' ? v : undefined)],
  [GraphQLID, (v) => (typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : undefined)],
  [GraphQLBoolean, (v) => (typeof v === 'boolean' ? v : undefined)],
  [GraphQLInt, (v) => (Number.isInteger(v) && (v as number) <= INT_MAX && (v as number) >= INT_MIN ? v : undefined)],
  [GraphQLFloat, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)],
]);

/**
 * The coercion of an operation's variables, made once per plan: graphql-js's getVariableValues
 * walks each definition's type and builds its error machinery on every request (S2's `$id`:
 * 1.4–1.7 µs in a warm loop, against 0.2 µs here; BENCHMARKS.md). Variables of built-in scalar
 * types with no default, the usual `$id: ID!`, are checked directly; anything else (a default, a
 * list, an input object, a custom scalar, a value of the wrong kind) goes to getVariableValues,
 * and so does every error.
 */
export function variableCoercer(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[]): Coerce {
  const full: Coerce = (raw) => {
    const coerced = getVariableValues(schema, definitions, raw);
    return coerced.errors ? null : coerced.coerced;
  };
  const checks: { name: string; required: boolean; scalar: Scalar }[] = [];
  for (const definition of definitions) {
    const type = typeFromAST(schema, definition.type);
    const scalar = type && !definition.defaultValue ? SCALARS.get(isNonNullType(type) ? type.ofType : type) : undefined;
    if (!type || !scalar) return full;
    checks.push({ name: definition.variable.name.value, required: isNonNullType(type), scalar });
  }
  return (raw) => {
    const coerced: Record<string, unknown> = {};
    for (const { name, required, scalar } of checks) {
      const value = raw[name];
      if (value == null) {
        if (required) return full(raw);
        // graphql-js keeps an explicit null and leaves an absent variable out.
        if (value === null) coerced[name] = null;
        continue;
      }
      const ok = scalar(value);
      if (ok === undefined) return full(raw);
      coerced[name] = ok;
    }
    return coerced;
  };
}
