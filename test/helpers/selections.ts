import { toGlobalId } from '../../src/graphql/relay';

// Random operations over the schema's read fields, for the property tests of the compiled executor:
// random selections, and arguments written as literals or as variables of random shapes, the way
// generated clients send them.
export type Pick = <T>(items: readonly T[]) => T;
const TOPICS = ['cybersecurity', 'terrorism', 'organised-crime'];
// 'quotes': a quote page that may take a topic; 'page': a connection paged by first and after alone.
type Link = [field: string, type: string, kind: 'one' | 'list' | 'quotes' | 'page'];
const FIELDS: Record<string, { leaves: string[]; links: Link[] }> = {
  Expert: {
    leaves: ['id', 'slug', 'name', 'nameLatin', 'role', 'quoteCount', '__typename'],
    links: [
      ['affiliations', 'Organisation', 'list'],
      ['quotes', 'Quote', 'quotes'],
      ['articles', 'Article', 'page'],
      ['topics', 'Topic', 'list'],
    ],
  },
  Quote: {
    leaves: ['id', 'text', 'kind', 'verb', 'start', 'end', 'position', 'origin', 'attribution'],
    links: [
      ['article', 'Article', 'one'],
      ['organisations', 'Organisation', 'list'],
      ['topics', 'Topic', 'list'],
      ['speaker', 'Speaker', 'one'],
    ],
  },
  Article: {
    leaves: ['id', 'slug', 'title', 'lede', 'language', 'url', 'publishedAt'],
    links: [
      ['source', 'Organisation', 'one'],
      ['experts', 'Expert', 'page'],
      ['organisations', 'Organisation', 'list'],
      ['topics', 'Topic', 'list'],
      ['quotes', 'Quote', 'quotes'],
    ],
  },
  Organisation: {
    leaves: ['id', 'slug', 'name', 'nameEn', 'acronym', 'category', 'country', 'aliases'],
    links: [
      ['experts', 'Expert', 'page'],
      ['statements', 'Quote', 'page'],
      ['articles', 'Article', 'page'],
    ],
  },
  Topic: {
    leaves: ['id', 'slug', 'name', 'nameEn'],
    links: [
      ['parent', 'Topic', 'one'],
      ['children', 'Topic', 'list'],
      ['experts', 'Expert', 'page'],
      ['quotes', 'Quote', 'page'],
    ],
  },
};

/** Filters of the root lists, each field with a few values that find something and some that find nothing. */
const FILTERS: Record<string, { input: string; fields: Record<string, unknown[]> }> = {
  quotes: {
    input: 'QuoteFilter',
    fields: {
      topic: TOPICS,
      speaker: [toGlobalId('Expert', 1), toGlobalId('Expert', 2), 'hicham-moatadid'],
      kind: ['DIRECT', 'INDIRECT'],
      search: ['الأمن', 'التعاون', 'لا-يوجد'],
      publishedAfter: ['2020-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
      publishedBefore: ['2026-01-01T00:00:00.000Z'],
    },
  },
  articles: {
    input: 'ArticleFilter',
    fields: { topic: TOPICS, speaker: [toGlobalId('Expert', 1), toGlobalId('Organisation', 2)], search: ['الأمن'], publishedAfter: ['2020-01-01T00:00:00.000Z'] },
  },
  experts: { input: 'ExpertFilter', fields: { topic: TOPICS, search: ['باحث', 'هشام'] } },
  organisations: { input: 'OrganisationFilter', fields: { category: ['POLICE', 'MEDIA_OUTLET'], search: ['الأمن'] } },
};

/** A random operation: its text and its variables. */
export interface RandomOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** Writes each argument as a literal or as a variable, as `pick` decides. */
class Arguments {
  readonly definitions: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(private readonly pick: Pick) {}

  arg(name: string, type: string, value: unknown): string {
    if (this.pick([true, false])) return `${name}: ${literal(value)}`;
    const variable = `v${this.definitions.length}`;
    this.definitions.push(`$${variable}: ${type}`);
    // A variable may also be sent as null, or left out: a shape of its own.
    this.variables[variable] = value;
    return `${name}: $${variable}`;
  }

  /** A variable of type Boolean! for @include or @skip. */
  flag(): string {
    const variable = `v${this.definitions.length}`;
    this.definitions.push(`$${variable}: Boolean!`);
    this.variables[variable] = this.pick([true, false]);
    return `$${variable}`;
  }
}

/** Each root list's orderBy enum and its values. */
const ORDERS: Record<string, [string, string[]]> = {
  quotes: ['QuoteOrder', ['ADDED', 'NEWEST_FIRST', 'OLDEST_FIRST']],
  articles: ['ArticleOrder', ['NEWEST_FIRST', 'OLDEST_FIRST', 'ADDED']],
  experts: ['ExpertOrder', ['ADDED', 'NAME', 'MOST_QUOTED']],
  organisations: ['OrganisationOrder', ['ADDED', 'NAME', 'MOST_QUOTED']],
};

/** A page's size, forwards (first) or backwards (last), and sometimes an order. */
function pageArgs(list: string, sizes: number[], pick: Pick, args: Arguments): string {
  const size = args.arg(pick(['first', 'last']), 'Int', pick(sizes));
  const order = ORDERS[list];
  return order && pick([true, false]) ? `${size}, ${args.arg('orderBy', order[0], pick(order[1]))}` : size;
}

function literal(value: unknown): string {
  // An enum value (an order) is written bare.
  if (typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value)) return value;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${/^[A-Z_]+$/.test(String(v)) ? v : JSON.stringify(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function selection(type: string, depth: number, pick: Pick, args: Arguments): string {
  if (type === 'Speaker') return `__typename ... on Expert { ${selection('Expert', depth, pick, args)} } ... on Organisation { name category }`;
  const { leaves, links } = FIELDS[type];
  const fields = [pick(leaves), pick(leaves)];
  if (pick([false, false, false, true])) fields.push(`${pick(leaves)} @${pick(['include', 'skip'])}(if: ${args.flag()})`);
  if (depth < 3) {
    const [name, target, kind] = pick(links);
    const inner = selection(target, depth + 1, pick, args);
    const page = () =>
      `${pick(['totalCount', 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }', ''])} ${pick([`edges { cursor node { ${inner} } }`, `nodes { ${inner} }`])}`;
    if (kind === 'page') fields.push(`${name}(${pageArgs(name, [0, 1, 3], pick, args)}) { ${page()} }`);
    else if (kind === 'quotes') {
      const topic = pick([true, false]) ? `, ${args.arg('topic', 'TopicRef', pick(TOPICS))}` : '';
      fields.push(`${name}(${pageArgs('quotes', [0, 1, 3], pick, args)}${topic}) { ${page()} }`);
    } else fields.push(`${name} { ${inner} }`);
  }
  return fields.join(' ');
}

/** A filter with a random subset of its fields set. */
function randomFilter(root: string, pick: Pick): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(FILTERS[root].fields)) if (pick([true, false, false])) filter[field] = pick(values);
  return filter;
}

export function randomQuery(pick: Pick): RandomOperation {
  const args = new Arguments(pick);
  const root = pick(['experts', 'quotes', 'articles', 'organisations', 'expert', 'topics', 'quotes']);
  let body: string;
  // Every topic, then one list below it: the whole tree three deep costs past the limit (200 × 20 × 20).
  if (root === 'topics') body = `topics { ${selection('Topic', 2, pick, args)} }`;
  else if (root === 'expert') body = `expert(${args.arg('id', 'ID', toGlobalId('Expert', pick([1, 2, 3, 7])))}) { ${selection('Expert', 1, pick, args)} }`;
  else {
    const type = { experts: 'Expert', quotes: 'Quote', articles: 'Article', organisations: 'Organisation' }[root]!;
    const filter = randomFilter(root, pick);
    const filtered = Object.keys(filter).length ? `, ${args.arg('filter', FILTERS[root].input, filter)}` : '';
    body = `${root}(${pageArgs(root, [2, 5], pick, args)}${filtered}) { totalCount edges { node { ${selection(type, 1, pick, args)} } } }`;
  }
  const definitions = args.definitions.length ? `(${args.definitions.join(', ')})` : '';
  return { query: `query${definitions} { ${body} }`, variables: args.variables };
}
