import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { JAVASCRIPT_FIELDS } from '../src/graphql/compiled/javascript-fields';
import { schemaProjections } from '../src/graphql/compiled/projection';
import { getSchema } from '../src/graphql/schema';

// Parts of a connection or of facets, which the list's own projection writes.
const CONNECTION_PARTS = /(?:Connection|Edge|Facets)$|^(?:PageInfo|Snippet|TextRange|FacetBucket)$/;

it('every read field reads as SQL, or is on the short list of fields that must resolve in JavaScript', async () => {
  const schema = await getSchema();
  const projections = schemaProjections(schema);
  const seen = new Set<string>();
  const missing: string[] = [];
  const walk = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      const inJavaScript = JAVASCRIPT_FIELDS[name] ?? JAVASCRIPT_FIELDS[`${type.name}.*`];
      if (!projections[type.name]?.[field.name] && !inJavaScript && !CONNECTION_PARTS.test(type.name)) missing.push(name);
      const target = getNamedType(field.type);
      const members = isObjectType(target) ? [target] : 'getTypes' in target ? (target as { getTypes(): readonly GraphQLObjectType[] }).getTypes() : [];
      for (const member of members) walk(member);
    }
  };
  walk(schema.getQueryType()!);
  for (const type of Object.values(schema.getTypeMap())) if (isObjectType(type) && schema.isSubType(schema.getType('Node') as never, type)) walk(type);
  expect(missing).toEqual([]);
  // The list stays short, and every entry says why.
  expect(Object.keys(JAVASCRIPT_FIELDS).length).toBeLessThanOrEqual(6);
  for (const why of Object.values(JAVASCRIPT_FIELDS)) expect(why.length).toBeGreaterThan(20);
  expect(seen.size).toBeGreaterThan(10);
});
