import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { expect, it } from 'vitest';
import { getSchema } from '../src/graphql/schema';

// GraphiQL and generated clients show these descriptions; a field without one is a question a
// front-end developer has to ask.
it('describes every type, field, argument and enum value', async () => {
  const schema = await getSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  expect(missing).toEqual([]);
});

// One name for one thing across types: a client selecting the same field on each member of a union
// or interface (a search result's name, its title) must be able to, which GraphQL refuses when the
// field's type differs between members (Article.title String! beside Expert.title String).
it('gives a field name one type on every member of a union or interface', async () => {
  const schema = await getSchema();
  const clashes: string[] = [];
  for (const abstract of Object.values(schema.getTypeMap())) {
    if (abstract.name.startsWith('__') || !(isUnionType(abstract) || isInterfaceType(abstract))) continue;
    const types = new Map<string, string>();
    for (const member of schema.getPossibleTypes(abstract)) {
      for (const field of Object.values(member.getFields())) {
        const seen = types.get(field.name);
        if (seen && seen !== String(field.type)) clashes.push(`${abstract.name}: ${member.name}.${field.name} is ${field.type}, elsewhere ${seen}`);
        types.set(field.name, seen ?? String(field.type));
      }
    }
  }
  expect(clashes).toEqual([]);
});

it('names things one way: name/nameEn for localised names, speaker for who said it, orderBy for order', async () => {
  const schema = await getSchema();
  const names = Object.values(schema.getTypeMap()).flatMap((type) =>
    isObjectType(type) || isInputObjectType(type) ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
  expect(names.filter((n) => /\.(label\w*|title)$/.test(n) && !/^(Article|ArticleInput|ExtractionPreview|FacetBucket)\./.test(n))).toEqual([]);
  expect(names).toEqual(
    expect.arrayContaining([
      'Topic.name',
      'Topic.nameEn',
      'Organisation.name',
      'Organisation.nameEn',
      'Expert.name',
      'Expert.role',
      'ArticleFilter.speaker',
      'QuoteFilter.speaker',
    ]),
  );
});
