import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

const TOKEN = 'curator-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ apiToken: TOKEN });
});
afterAll(() => app?.close());

const run = (query: string, variables?: Record<string, unknown>) => app.gql(query, variables, AUTH);
const codeOf = (body: { errors?: any[] }) => body.errors?.[0]?.extensions?.code;

const CREATE_ORG = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id slug name country category aliases } }`;

describe('organisations', () => {
  it('creates, updates and deletes, with aliases searchable at once', async () => {
    const created = await run(CREATE_ORG, {
      input: { slug: 'guardia-civil', name: 'الحرس المدني الإسباني', nameEn: 'Guardia Civil', category: 'POLICE', country: 'es', aliases: ['الحرس المدني'] },
    });
    expect(created.errors).toBeUndefined();
    const org = created.data.createOrganisation;
    expect(org).toMatchObject({ slug: 'guardia-civil', country: 'ES', category: 'POLICE', aliases: ['الحرس المدني'] });

    const added = await run(`mutation ($id: ID!) { addAlias(organisationId: $id, alias: "غوارديا سيفيل") { aliases } }`, { id: org.id });
    expect(added.data.addAlias.aliases).toContain('غوارديا سيفيل');
    const found = await app.gql(`{ organisations(filter: { search: "غوارديا" }) { edges { node { slug } } } search(query: "غوارديا", types: [ORGANISATION]) { totalCount } }`);
    expect(found.data.organisations.edges).toEqual([{ node: { slug: 'guardia-civil' } }]);
    expect(found.data.search.totalCount).toBe(1);

    const removed = await run(`mutation ($id: ID!) { removeAlias(organisationId: $id, alias: "غوارديا سيفيل") { aliases } }`, { id: org.id });
    expect(removed.data.removeAlias.aliases).toEqual(['الحرس المدني']);
    expect(codeOf(await run(`mutation ($id: ID!) { removeAlias(organisationId: $id, alias: "غير موجود") { slug } }`, { id: org.id }))).toBe('NOT_FOUND');

    const updated = await run(`mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { nameEn acronym } }`, { input: { id: org.id, acronym: 'GC' } });
    expect(updated.data.updateOrganisation).toEqual({ nameEn: 'Guardia Civil', acronym: 'GC' });
    const deleted = await run(`mutation ($id: ID!) { deleteOrganisation(id: $id) { id } }`, { id: org.id });
    expect(deleted.data.deleteOrganisation.id).toBe(org.id);
    expect((await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: org.id })).data.node).toBeNull();
  });

  it('answers CONFLICT for a duplicate slug, and for removing a speaker', async () => {
    expect(codeOf(await run(CREATE_ORG, { input: { slug: 'dgsn', name: 'اسم' } }))).toBe('CONFLICT');
    const dgsn = (await app.gql(`{ organisation(slug: "dgsn") { id } }`)).data.organisation;
    const refused = await run(`mutation ($id: ID!) { deleteOrganisation(id: $id) { id } }`, { id: dgsn.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toMatch(/speaker of quotes/);
  });

  it('validates: slug format, NFC, trimming, bidi controls (ZWNJ allowed), country codes, lengths', async () => {
    const bad = async (input: object, field: string) => {
      const body = await run(CREATE_ORG, { input: { slug: 'valid-slug', name: 'اسم', ...input } });
      expect(codeOf(body), JSON.stringify(body)).toBe('BAD_USER_INPUT');
      expect((body.errors![0].extensions!.fields as { path: string }[]).map((f) => f.path)).toContain(field);
    };
    await bad({ slug: 'Not A Slug' }, 'slug');
    await bad({ name: 'ا\u0653' }, 'name'); // not NFC: alef + madda above
    await bad({ name: ' اسم' }, 'name');
    await bad({ name: 'اسم\u202Eخفي' }, 'name');
    await bad({ name: 'اسم\u061C' }, 'name');
    await bad({ country: 'XX' }, 'country');
    await bad({ acronym: 'A'.repeat(31) }, 'acronym');
    await bad({ aliases: ['ok', ' padded'] }, 'aliases');
    const zwnj = await run(CREATE_ORG, { input: { slug: 'zwnj-ok', name: 'می\u200Cخواهم' } });
    expect(zwnj.errors).toBeUndefined();
    // The fields create and update share are checked on update too.
    for (const [input, field] of [
      [{ country: 'XX' }, 'country'],
      [{ acronym: 'A'.repeat(31) }, 'acronym'],
      [{ name: ' اسم' }, 'name'],
    ] as const) {
      const body = await run(`mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`, {
        input: { id: zwnj.data.createOrganisation.id, ...input },
      });
      expect(codeOf(body), JSON.stringify(body)).toBe('BAD_USER_INPUT');
      expect((body.errors![0].extensions!.fields as { path: string }[]).map((f) => f.path)).toContain(field);
    }
  });
});

describe('experts', () => {
  it('creates with affiliations, updates, merges and deletes', async () => {
    const a = (await run(`mutation { createExpert(input: { slug: "m-moatadid-dup", name: "م. معتضد", affiliations: ["hespress"] }) { id affiliations { slug } } }`)).data
      .createExpert;
    expect(a.affiliations).toEqual([{ slug: 'hespress' }]);
    const target = (await app.gql(`{ expert(slug: "hicham-moatadid") { id quoteCount } }`)).data.expert;
    // Give the duplicate a quote, then merge it into the real expert.
    const quote = (await app.gql(`{ quotes(first: 1, filter: { speaker: "elbouraq-chadi-abdessalam" }) { edges { node { id } } } }`)).data.quotes.edges[0].node;
    expect(
      (await run(`mutation ($q: ID!) { updateQuote(input: { id: $q, speaker: "m-moatadid-dup" }) { speaker { ... on Expert { slug } } } }`, { q: quote.id })).data.updateQuote
        .speaker.slug,
    ).toBe('m-moatadid-dup');
    expect(codeOf(await run(`mutation ($id: ID!) { deleteExpert(id: $id) { id } }`, { id: a.id }))).toBe('CONFLICT');

    const merged = await run(`mutation ($s: ID!, $t: ID!) { mergeExperts(sourceId: $s, targetId: $t) { slug quoteCount affiliations { slug } } }`, { s: a.id, t: target.id });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeExperts).toEqual({ slug: 'hicham-moatadid', quoteCount: target.quoteCount + 1, affiliations: [{ slug: 'hespress' }] });
    expect((await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: a.id })).data.node).toBeNull();
    expect(codeOf(await run(`mutation ($t: ID!) { mergeExperts(sourceId: $t, targetId: $t) { slug } }`, { t: target.id }))).toBe('BAD_USER_INPUT');

    const updated = await run(`mutation ($id: ID!) { updateExpert(input: { id: $id, nameLatin: "Hicham Moatadid (HM)" }) { nameLatin role } }`, { id: target.id });
    expect(updated.data.updateExpert).toEqual({ nameLatin: 'Hicham Moatadid (HM)', role: 'باحث في الشؤون الاستراتيجية' });
    const lone = (await run(`mutation { createExpert(input: { slug: "lone-person", name: "شخص" }) { id } }`)).data.createExpert;
    expect((await run(`mutation ($id: ID!) { deleteExpert(id: $id) { id } }`, { id: lone.id })).data.deleteExpert.id).toBe(lone.id);
    expect(codeOf(await run(`mutation ($id: ID!) { deleteExpert(id: $id) { id } }`, { id: lone.id }))).toBe('NOT_FOUND');
  });
});

describe('topics', () => {
  it('creates under a parent, refuses cycles and deleting a parent', async () => {
    const child = await run(
      `mutation { createTopic(input: { slug: "ransomware", name: "برامج الفدية", nameEn: "Ransomware", parent: "cybercrime", terms: ["الفدية"] }) { id parent { slug } } }`,
    );
    expect(child.data.createTopic.parent.slug).toBe('cybercrime');
    const cyber = (await app.gql(`{ topic(slug: "cybersecurity") { id } }`)).data.topic;
    const cycle = await run(`mutation ($id: ID!) { updateTopic(input: { id: $id, parent: "ransomware" }) { slug } }`, { id: cyber.id });
    expect(codeOf(cycle)).toBe('BAD_USER_INPUT');
    expect(codeOf(await run(`mutation ($id: ID!) { deleteTopic(id: $id) { id } }`, { id: cyber.id }))).toBe('CONFLICT');
    const root = await run(`mutation ($id: ID!) { updateTopic(input: { id: $id, parent: null, nameEn: "Ransomware attacks" }) { parent { slug } nameEn } }`, {
      id: child.data.createTopic.id,
    });
    expect(root.data.updateTopic).toEqual({ parent: null, nameEn: 'Ransomware attacks' });
    expect((await run(`mutation ($id: ID!) { deleteTopic(id: $id) { id } }`, { id: child.data.createTopic.id })).errors).toBeUndefined();
  });
});

describe('quotes', () => {
  it('fixes text (offsets follow), topics and speaker; deletes', async () => {
    const article = (await app.gql(`{ article(slug: "morocco-denmark-security-talks") { body quotes { edges { node { id text start end } } } } }`)).data.article;
    const quote = article.quotes.edges[0].node;
    const shorter = quote.text.slice(0, 40);
    const fixed = await run(
      `mutation ($id: ID!, $text: String!) { updateQuote(input: { id: $id, text: $text, topics: ["intelligence-sharing"], speaker: "dgst" }) { text start end topics { slug } speaker { ... on Organisation { slug } } } }`,
      { id: quote.id, text: shorter },
    );
    expect(fixed.errors).toBeUndefined();
    const q = fixed.data.updateQuote;
    expect(article.body.slice(q.start, q.end)).toBe(shorter);
    expect(q).toMatchObject({ topics: [{ slug: 'intelligence-sharing' }], speaker: { slug: 'dgst' } });
    const notInBody = await run(`mutation ($id: ID!) { updateQuote(input: { id: $id, text: "نص غير موجود في المقال" }) { text } }`, { id: quote.id });
    expect(codeOf(notInBody)).toBe('BAD_USER_INPUT');
    expect((await run(`mutation ($id: ID!) { deleteQuote(id: $id) { id } }`, { id: quote.id })).data.deleteQuote.id).toBe(quote.id);
    expect(codeOf(await run(`mutation ($id: ID!) { deleteQuote(id: $id) { id } }`, { id: quote.id }))).toBe('NOT_FOUND');
  });

  it('needs the curator token', async () => {
    expect(codeOf(await app.gql(`mutation { deleteQuote(id: "UXVvdGU6MQ") { id } }`))).toBe('UNAUTHENTICATED');
  });
});
