import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDb } from '../src/db/client';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

// At least 2,000 cases per mutation (FUZZ_RUNS to change it): never a 500, only the documented
// error codes, and a mutation that fails commits nothing.
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const TOKEN = 'fuzz-token-0123456789abcdef';
const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN']);

let app: TestApp;
let reader: OpenedDb;
beforeAll(async () => {
  app = await startTestApp({ apiToken: TOKEN });
  reader = openDatabase(app.dbPath, { readonly: true });
});
afterAll(async () => {
  reader?.close();
  await app?.close();
});

// Text that trips validators and SQL alike.
const text = fc.oneof(
  fc.constantFrom('', ' ', 'الإنتربول', ' مسافة', 'نص\u202Eمعكوس', 'می\u200Cخواهم', 'ا\u0653', "'; DROP TABLE quotes; --", '%_\\', 'a'.repeat(600)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const slug = fc.oneof(fc.constantFrom('dgsn', 'hicham-moatadid', 'cybersecurity', 'new-slug', 'Bad Slug', ''), fc.stringMatching(/^[a-z0-9-]{1,12}$/), text);
const id = (type: 'Expert' | 'Organisation' | 'Topic' | 'Quote') =>
  fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n) => toGlobalId(type, n)),
    fc.integer({ min: 1, max: 5 }).map((n) => toGlobalId('Article', n)),
    text,
    fc.constant('UXVvdGU6MA'),
  );
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const MUTATIONS: [string, string, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    'createExpert',
    'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { id } }',
    fc.record({ input: fc.record({ slug, name: text, nameLatin: maybe(text), role: maybe(text), affiliations: maybe(fc.array(slug, { maxLength: 3 })) }) }),
  ],
  [
    'updateExpert',
    'mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { id } }',
    fc.record({ input: fc.record({ id: id('Expert'), slug: maybe(slug), name: maybe(text), role: maybe(text), affiliations: maybe(fc.array(slug, { maxLength: 3 })) }) }),
  ],
  ['deleteExpert', 'mutation ($id: ID!) { deleteExpert(id: $id) { id } }', fc.record({ id: id('Expert') })],
  ['mergeExperts', 'mutation ($s: ID!, $t: ID!) { mergeExperts(sourceId: $s, targetId: $t) { id } }', fc.record({ s: id('Expert'), t: id('Expert') })],
  [
    'createOrganisation',
    'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    fc.record({
      input: fc.record({
        slug,
        name: text,
        acronym: maybe(text),
        country: maybe(fc.oneof(fc.constantFrom('MA', 'ma', 'XX', 'FR'), text)),
        aliases: maybe(fc.array(text, { maxLength: 3 })),
      }),
    }),
  ],
  [
    'updateOrganisation',
    'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
    fc.record({ input: fc.record({ id: id('Organisation'), slug: maybe(slug), name: maybe(text), country: maybe(text) }) }),
  ],
  ['deleteOrganisation', 'mutation ($id: ID!) { deleteOrganisation(id: $id) { id } }', fc.record({ id: id('Organisation') })],
  ['addAlias', 'mutation ($o: ID!, $a: String!) { addAlias(organisationId: $o, alias: $a) { id } }', fc.record({ o: id('Organisation'), a: text })],
  [
    'removeAlias',
    'mutation ($o: ID!, $a: String!) { removeAlias(organisationId: $o, alias: $a) { id } }',
    fc.record({ o: id('Organisation'), a: fc.oneof(text, fc.constant('الإنتربول')) }),
  ],
  [
    'createTopic',
    'mutation ($input: CreateTopicInput!) { createTopic(input: $input) { id } }',
    fc.record({ input: fc.record({ slug, name: text, nameEn: text, parent: maybe(fc.option(slug, { nil: null })), terms: maybe(fc.array(text, { maxLength: 3 })) }) }),
  ],
  [
    'updateTopic',
    'mutation ($input: UpdateTopicInput!) { updateTopic(input: $input) { id } }',
    fc.record({ input: fc.record({ id: id('Topic'), slug: maybe(slug), name: maybe(text), parent: maybe(fc.option(fc.oneof(slug, id('Topic')), { nil: null })) }) }),
  ],
  ['deleteTopic', 'mutation ($id: ID!) { deleteTopic(id: $id) { id } }', fc.record({ id: id('Topic') })],
  [
    'updateQuote',
    'mutation ($input: UpdateQuoteInput!) { updateQuote(input: $input) { id } }',
    fc.record({
      input: fc.record({
        id: id('Quote'),
        text: maybe(fc.oneof(text, fc.constant('المغرب'))),
        speaker: maybe(fc.option(fc.oneof(slug, id('Expert'), id('Organisation')), { nil: null })),
        topics: maybe(fc.array(slug, { maxLength: 3 })),
      }),
    }),
  ],
  ['deleteQuote', 'mutation ($id: ID!) { deleteQuote(id: $id) { id } }', fc.record({ id: id('Quote') })],
];

const dataVersion = () => reader.sqlite.pragma('data_version', { simple: true }) as number;

describe(`mutation fuzz (${RUNS} cases each)`, () => {
  it.each(MUTATIONS)(
    '%s',
    async (_name, query, variables) => {
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const before = dataVersion();
          const res = await fetch(app.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ query, variables: vars }),
          });
          expect(res.status).toBeLessThan(500);
          const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (body.errors?.length) {
            for (const e of body.errors) expect(CODES.has(String(e.extensions?.code)), JSON.stringify(e)).toBe(true);
            // A failed mutation wrote nothing: no commit reached the database.
            expect(dataVersion()).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
    300_000,
  );

  it('leaves a consistent database', () => {
    expect(reader.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reader.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
