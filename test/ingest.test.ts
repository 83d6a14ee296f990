import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { storeExtraction } from '../src/ingest/store';
import type { Extraction } from '../src/extract/types';
import { startTestApp, type TestApp } from './helpers/app';

const TOKEN = 'test-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };

const INGEST = `mutation ($input: ArticleInput!) {
  ingestArticle(input: $input) {
    id slug title source { slug } experts { nodes { name role } } organisations { slug } topics { slug }
    quotes(first: 100) { totalCount edges { node { text kind verb start end speaker { __typename ... on Expert { name role } ... on Organisation { slug } } topics { slug } } } }
  }
}`;

const ARTICLE = {
  title: 'خبراء: الأمن السيبراني أولوية للمغرب',
  url: 'https://example.org/cyber-1',
  source: 'هسبريس',
  publishedAt: '2026-01-15T08:00:00Z',
  body: [
    'تتزايد التحديات الرقمية التي تواجه المؤسسات المغربية.',
    'وقالت سلمى بنعلي، أستاذة الأمن المعلوماتي، إن “الهجمات الإلكترونية على البنيات التحتية تضاعفت خلال السنة الماضية”، مضيفة أن “التعاون مع الإنتربول أصبح ضروريا”.',
    'ووفق بيان صادر عن المديرية العامة للأمن الوطني، تم تفكيك شبكة للقرصنة كانت تستهدف حسابات بنكية بعدة مدن مغربية.',
  ].join('\n'),
};

let app: TestApp;
let locked: TestApp;
beforeAll(async () => {
  [app, locked] = await Promise.all([startTestApp({ apiToken: TOKEN }), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([app?.close(), locked?.close()]);
});

describe('auth', () => {
  it('refuses every mutation when API_TOKEN is not set, saying how to set it', async () => {
    const { errors } = await locked.gql(INGEST, { input: ARTICLE }, AUTH);
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toMatch(/set API_TOKEN/);
  });

  it('refuses a missing or wrong bearer token', async () => {
    const missing = await app.gql(INGEST, { input: ARTICLE });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(missing.errors?.[0].message).toMatch(/Authorization: Bearer/);
    const wrong = await app.gql(INGEST, { input: ARTICLE }, { authorization: `Bearer ${TOKEN}x` });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/not valid/) });
  });
});

describe('Mutation.ingestArticle', () => {
  it('returns the article with its quotes, speakers, organisations and topics', async () => {
    const { data, errors } = await app.gql(INGEST, { input: ARTICLE }, AUTH);
    expect(errors).toBeUndefined();
    const article = data.ingestArticle;
    expect(article.source).toEqual({ slug: 'hespress' });
    expect(article.quotes.totalCount).toBe(3);
    const quotes = article.quotes.edges.map((e: any) => e.node);
    expect(quotes[0]).toMatchObject({ kind: 'DIRECT', verb: 'قالت', speaker: { __typename: 'Expert', name: 'سلمى بنعلي', role: 'أستاذة الأمن المعلوماتي' } });
    expect(quotes[0].topics.map((t: any) => t.slug)).toContain('cybersecurity');
    expect(quotes[1]).toMatchObject({ verb: 'مضيفة', speaker: { name: 'سلمى بنعلي' } });
    expect(quotes[2]).toMatchObject({ kind: 'INDIRECT', speaker: { __typename: 'Organisation', slug: 'dgsn' } });
    expect(article.organisations.map((o: any) => o.slug)).toEqual(expect.arrayContaining(['interpol', 'dgsn', 'hespress']));
    expect(article.experts.nodes.map((e: any) => e.name)).toEqual(['سلمى بنعلي']);
  });

  it('is idempotent: the same URL or the same text updates the article, never duplicates it', async () => {
    const count = async () => (await app.gql(`{ articles { totalCount } quotes { totalCount } experts { totalCount } }`)).data;
    const first = await app.gql(INGEST, { input: { ...ARTICLE, url: 'https://example.org/idem' } }, AUTH);
    const before = await count();
    const again = await app.gql(INGEST, { input: { ...ARTICLE, url: 'https://example.org/idem', title: 'عنوان معدل' } }, AUTH);
    expect(again.data.ingestArticle.id).toBe(first.data.ingestArticle.id);
    expect(again.data.ingestArticle.title).toBe('عنوان معدل');
    // Without a URL, the same text in another written form (diacritics) is the same article.
    const noUrl = { ...ARTICLE, url: null, body: `${ARTICLE.body}\nفقرة أخرى.` };
    const a = await app.gql(INGEST, { input: noUrl }, AUTH);
    const b = await app.gql(INGEST, { input: { ...noUrl, body: noUrl.body.replace('التحديات', 'التَّحديات') } }, AUTH);
    expect(b.data.ingestArticle.id).toBe(a.data.ingestArticle.id);
    const after = await count();
    expect(after.articles.totalCount).toBe(before.articles.totalCount + 1);
    expect(after.experts.totalCount).toBe(before.experts.totalCount);
  });

  it('makes new quotes searchable in the same write', async () => {
    await app.gql(
      INGEST,
      { input: { ...ARTICLE, url: 'https://example.org/search', body: 'وقال كريم العلوي، باحث، إن “الفدية الرقمية تهدد المستشفيات المغربية بشكل متزايد”.' } },
      AUTH,
    );
    const { data } = await app.gql(`{ search(query: "المستشفيات", types: [QUOTE]) { totalCount edges { node { ... on Quote { text } } } } }`);
    expect(data.search.totalCount).toBe(1);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const bad = async (input: object, field: string) => {
      const { errors } = await app.gql(INGEST, { input: { ...ARTICLE, ...input } }, AUTH);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
    };
    await bad({ title: '   ' }, 'input.title');
    await bad({ body: '' }, 'input.body');
    await bad({ url: 'ftp://x' }, 'input.url');
    await bad({ language: 'arabic!' }, 'input.language');
    await bad({ source: 'no-such-outlet' }, 'input.source');
  });
});

describe('Query.extractArticle', () => {
  it('previews the extraction without saving anything, and needs no token', async () => {
    const before = (await app.gql(`{ articles { totalCount } }`)).data.articles.totalCount;
    const { data, errors } = await app.gql(
      `query ($input: ArticleInput!) { extractArticle(input: $input) { quotes { text position speaker { name role expert { slug } organisation { slug } } topics { slug } } people { name } organisations { slug } } }`,
      { input: { title: 't', body: 'وقال هشام معتضد، باحث، إن “الأمن السيبراني تحد كبير للدول الإفريقية اليوم”.' } },
    );
    expect(errors).toBeUndefined();
    expect(data.extractArticle.quotes[0]).toMatchObject({
      position: 1,
      speaker: { name: 'هشام معتضد', expert: { slug: 'hicham-moatadid' }, organisation: null },
      topics: [{ slug: 'cybersecurity' }],
    });
    expect((await app.gql(`{ articles { totalCount } }`)).data.articles.totalCount).toBe(before);
  });

  it('reads with the catalogue as it is now: an alias added or removed counts from the next article on', async () => {
    // The catalogue is kept between requests, so this fails if a change does not reach it.
    const preview = async () =>
      (
        await app.gql(`query ($input: ArticleInput!) { extractArticle(input: $input) { organisations { slug } } }`, {
          input: { title: 't', body: 'وأعلنت وكالة الحراسة الرقمية المغربية عن خطة جديدة لحماية المؤسسات.' },
        })
      ).data.extractArticle.organisations.map((o: { slug: string }) => o.slug);
    const alias = (op: 'addAlias' | 'removeAlias') =>
      app.gql(`mutation ($id: ID!, $alias: String!) { ${op}(organisationId: $id, alias: $alias) { slug } }`, { id: dgst, alias: 'وكالة الحراسة الرقمية' }, AUTH);
    const dgst = (await app.gql(`{ organisation(slug: "dgst") { id } }`)).data.organisation.id;
    expect(await preview()).not.toContain('dgst');
    expect((await alias('addAlias')).errors).toBeUndefined();
    expect(await preview()).toContain('dgst');
    expect((await alias('removeAlias')).errors).toBeUndefined();
    expect(await preview()).not.toContain('dgst');
  });
});

describe('storeExtraction', () => {
  it('writes nothing when it fails part-way', () => {
    const { db, sqlite, close } = openDatabase(app.dbPath);
    const counts = () => sqlite.prepare('SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM quotes) q, (SELECT count(*) FROM experts) e').get();
    const before = counts();
    const broken: Extraction = {
      title: 'مقال',
      body: 'نص “اقتباس طويل بما يكفي ليكون اقتباسا” آخر',
      lede: 'نص',
      language: 'ar',
      url: null,
      publishedAt: null,
      source: null,
      people: [{ slug: null, name: 'شخص جديد تماما', title: null }],
      organisations: [],
      topics: [],
      // The second quote names a topic the catalogue does not have: the store fails after writing the first.
      quotes: [
        { text: 'اقتباس طويل بما يكفي ليكون اقتباسا', start: 4, end: 37, kind: 'DIRECT', verb: null, speaker: null, attribution: null, topics: [], organisations: [] },
        { text: 'آخر', start: 39, end: 42, kind: 'DIRECT', verb: null, speaker: null, attribution: null, topics: ['no-such-topic'], organisations: [] },
      ],
    };
    expect(() => storeExtraction(db, broken)).toThrow(/no-such-topic/);
    expect(counts()).toEqual(before);
    close();
  });
});

describe('the name gate through ingestArticle', () => {
  it('creates an expert for every named person, and none for institutions, unnamed officials or words of the sentence', async () => {
    const traps = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/junk-traps.json'), 'utf8')) as { title: string; paragraphs: string[]; people: string[] };
    const app = await startTestApp({ apiToken: 'a-long-enough-test-token-0123456789' });
    try {
      const before = (await app.gql('{ experts(first: 100) { edges { node { name } } } }')).data.experts.edges.length;
      const res = await app.gql(
        'mutation ($input: ArticleInput!) { ingestArticle(input: $input) { experts { nodes { name } } quotes(first: 20) { edges { node { kind attribution speaker { __typename } } } } } }',
        { input: { title: traps.title, body: traps.paragraphs.join('\n') } },
        { authorization: 'Bearer a-long-enough-test-token-0123456789' },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.ingestArticle.experts.nodes.map((e: { name: string }) => e.name)).toEqual(traps.people);
      const all = (await app.gql('{ experts(first: 100) { edges { node { name } } } }')).data.experts.edges;
      expect(all.length - before).toBe(traps.people.length);
      // Institutions speak as organisations, added to the catalogue; an unnamed official is nobody,
      // and the statement keeps the words it was read from.
      type Node = { speaker: { __typename: string } | null; attribution: string | null };
      const nodes: Node[] = res.data.ingestArticle.quotes.edges.map((e: { node: Node }) => e.node);
      expect(nodes.filter((n) => n.speaker?.__typename === 'Organisation').map((n) => n.attribution)).toEqual(['وزارة الداخلية', 'السلطات الأمنية']);
      expect(nodes.filter((n) => !n.speaker).map((n) => n.attribution)).toContain('مسؤول بالوزارة');
      const created = (await app.gql('{ organisations(first: 100, filter: { category: OTHER }) { edges { node { name } } } }')).data.organisations.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
      expect(created).toEqual(expect.arrayContaining(['وزارة الداخلية', 'السلطات الأمنية']));
    } finally {
      await app.close();
    }
  });
});

describe('one person, two spellings', () => {
  it('«عبد اللطيف» and «عبداللطيف» in two articles are one expert', async () => {
    const ingest = (body: string, url: string) =>
      app.gql(`mutation ($input: ArticleInput!) { ingestArticle(input: $input) { experts { nodes { slug name } } } }`, { input: { title: 'مقال عن الهجرة', url, body } }, AUTH);
    const first = await ingest('وقال الباحث عبد اللطيف المرابط، أستاذ علم الاجتماع، إن شبكات التهريب تستغل هشاشة الشباب في المدن الساحلية.', 'https://example.org/spelling-1');
    const second = await ingest('وأوضح الباحث عبداللطيف المرابط أن الهجرة السرية تراجعت بعد تشديد المراقبة على السواحل الشمالية.', 'https://example.org/spelling-2');
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const [a] = first.data.ingestArticle.experts.nodes;
    const [b] = second.data.ingestArticle.experts.nodes;
    expect(a.name).toBe('عبد اللطيف المرابط');
    expect(b.slug).toBe(a.slug);
  });
});
