import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { listLimit } from '../src/graphql/list-bound';
import { MAX_PAGE_SIZE } from '../src/graphql/relay';
import { getSchema } from '../src/graphql/schema';

it('every list field in the schema declares its bound (Bounded), but a connection’s edges and nodes, which `first` bounds', async () => {
  const schema = await getSchema();
  const unbounded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) continue;
      const limit = listLimit(field, {});
      if (limit === null || limit > 1000) unbounded.push(`${type.name}.${field.name}`);
      // A list whose length follows the data takes `first`, at most a page.
      if (field.args.some((a) => a.name === 'first')) expect(limit, `${type.name}.${field.name}`).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    }
  }
  expect(unbounded).toEqual([]);
});

it('lists whose length follows the data take first', async () => {
  const schema = await getSchema();
  for (const [type, field] of [
    ['Topic', 'experts'],
    ['Expert', 'articles'],
    ['Organisation', 'experts'],
    ['Article', 'experts'],
  ]) {
    const def = (schema.getType(type) as GraphQLObjectType).getFields()[field];
    expect(
      def.args.map((a) => a.name),
      `${type}.${field}`,
    ).toContain('first');
    expect(getNamedType(def.type).name).toBeTruthy();
  }
});
