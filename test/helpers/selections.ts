import { toGlobalId } from '../../src/graphql/relay';

// Random selections over the fields the projections cover, for the property tests of the compiled
// executor.
export type Pick = <T>(items: readonly T[]) => T;
const TOPICS = ['cybersecurity', 'terrorism', 'organised-crime'];
// 'first': a list whose length follows the data, which takes `first` (list-bound.ts).
const FIELDS: Record<string, { leaves: string[]; links: [string, string, 'one' | 'list' | 'first' | 'quotes'][] }> = {
  Expert: {
    leaves: ['id', 'slug', 'name', 'nameLatin', 'title', 'quoteCount', '__typename'],
    links: [['affiliations', 'Organisation', 'list'], ['quotes', 'Quote', 'quotes'], ['articles', 'Article', 'first'], ['topics', 'Topic', 'list']],
  },
  Quote: {
    leaves: ['id', 'text', 'kind', 'verb', 'start', 'end', 'position'],
    links: [['article', 'Article', 'one'], ['organisations', 'Organisation', 'list'], ['topics', 'Topic', 'list'], ['speaker', 'Speaker', 'one']],
  },
  Article: {
    leaves: ['id', 'slug', 'title', 'lede', 'language', 'url', 'publishedAt'],
    links: [['source', 'Organisation', 'one'], ['experts', 'Expert', 'first'], ['organisations', 'Organisation', 'list'], ['topics', 'Topic', 'list'], ['quotes', 'Quote', 'quotes']],
  },
  Organisation: { leaves: ['id', 'slug', 'name', 'nameEn', 'acronym', 'kind', 'country', 'aliases'], links: [['experts', 'Expert', 'first'], ['statements', 'Quote', 'quotes']] },
  Topic: { leaves: ['id', 'slug', 'labelAr', 'labelEn'], links: [['parent', 'Topic', 'one'], ['children', 'Topic', 'list'], ['experts', 'Expert', 'first']] },
};

function selection(type: string, depth: number, pick: Pick): string {
  if (type === 'Speaker') return `__typename ... on Expert { ${selection('Expert', depth, pick)} } ... on Organisation { name kind }`;
  const { leaves, links } = FIELDS[type];
  const fields = [pick(leaves), pick(leaves)];
  if (depth < 3) {
    const [name, target, kind] = pick(links);
    const inner = selection(target, depth + 1, pick);
    if (kind === 'first') fields.push(`${name}${pick(['', '(first: 1)', '(first: 3)'])} { ${inner} }`);
    else if (kind !== 'quotes') fields.push(`${name} { ${inner} }`);
    else {
      const topic = name !== 'statements' && pick([true, false]) ? `, topic: "${pick(TOPICS)}"` : '';
      fields.push(`${name}(first: ${pick([0, 1, 3])}${topic}) { ${pick(['totalCount', 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }', ''])} edges { cursor node { ${inner} } } }`);
    }
  }
  return fields.join(' ');
}

export function randomQuery(pick: Pick): string {
  const root = pick(['experts', 'quotes', 'articles', 'organisations', 'expert', 'topics']);
  // Every topic, then one list below it: the whole tree three deep costs past the limit (200 × 20 × 20).
  if (root === 'topics') return `{ topics { ${selection('Topic', 2, pick)} } }`;
  if (root === 'expert') return `{ expert(id: "${toGlobalId('Expert', pick([1, 2, 3, 7]))}") { ${selection('Expert', 1, pick)} } }`;
  const type = { experts: 'Expert', quotes: 'Quote', articles: 'Article', organisations: 'Organisation' }[root]!;
  return `{ ${root}(first: ${pick([2, 5])}) { edges { node { ${selection(type, 1, pick)} } } } }`;
}
