import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { both, plannerVisibleParameters, twoServers } from './helpers/both';
import { randomQuery, type Pick } from './helpers/selections';

// The differential check of compiled.test.ts over random operations: random selections, arguments
// as literals or as variables of random shapes, random filter subsets, @include and @skip.
twoServers();

describe('any selection, with its arguments as literals or as variables of any shape', () => {
  it('answers as the resolvers do, in one statement', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (choices) => {
        let i = 0;
        const pick: Pick = (items) => items[choices[i++ % choices.length] % items.length];
        const { query, variables } = randomQuery(pick);
        const { body, statements, compiledOnce } = await both(query, variables);
        expect(body.errors, query).toBeUndefined();
        expect(compiledOnce, query).toBe(true);
        expect(statements, query).toHaveLength(1);
        expect(plannerVisibleParameters(statements[0]), query).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
