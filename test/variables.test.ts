import fc from 'fast-check';
import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { variableCoercer } from '../src/graphql/compiled/variables';

// The compiled executor coerces a plan's variables with variableCoercer instead of graphql-js's
// getVariableValues on every request. Both must agree on every value: the same coerced variables,
// and a refusal (null) exactly where graphql-js reports an error.

const schema = buildSchema(`
  scalar Custom
  input Filter { topic: String }
  type Query { f(id: ID, s: String, i: Int, x: Float, b: Boolean, c: Custom, l: [Int], o: Filter): Int }
`);

const TYPES = ['ID', 'ID!', 'String', 'String!', 'Int', 'Int!', 'Float', 'Float!', 'Boolean', 'Boolean!', 'Custom', '[Int]', 'Filter', 'Int = 3'];
const values = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.integer(),
  // The edges, weighted so that every run meets them.
  { arbitrary: fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 1.5, Number.NaN, Infinity, 0, -0), weight: 4 },
  fc.double(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.record({ topic: fc.string() }),
);

const definitionsOf = (types: string[]) => {
  const query = `query Q(${types.map((t, i) => `$v${i}: ${t}`).join(', ')}) { __typename }`;
  return (parse(query).definitions[0] as OperationDefinitionNode).variableDefinitions!;
};

describe('variableCoercer', () => {
  it('agrees with getVariableValues on every value of every built-in scalar and on what it hands over', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...TYPES), values), { minLength: 1, maxLength: 3 }), (vars) => {
        const definitions = definitionsOf(vars.map(([type]) => type));
        const raw: Record<string, unknown> = {};
        vars.forEach(([, value], i) => {
          if (value !== undefined) raw[`v${i}`] = value;
        });
        const expected = getVariableValues(schema, definitions, raw);
        const actual = variableCoercer(schema, definitions)(raw);
        if (expected.errors) expect(actual).toBeNull();
        else expect(actual).toStrictEqual(expected.coerced);
      }),
      { numRuns: 3000 },
    );
  });

  it('coerces an integer ID to its string, keeps an explicit null and leaves an absent variable out', () => {
    const coerce = variableCoercer(schema, definitionsOf(['ID!', 'String', 'Int']));
    expect(coerce({ v0: 7, v1: null })).toStrictEqual({ v0: '7', v1: null });
    expect(coerce({ v0: 7 })).toStrictEqual({ v0: '7' });
    expect(coerce({ v0: null })).toBeNull();
    expect(coerce({ v0: 'x', v2: 2 ** 31 })).toBeNull();
  });
});
