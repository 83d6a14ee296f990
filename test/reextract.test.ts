import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { toGlobalId } from '../src/graphql/relay';
import { startTestApp, type TestApp } from './helpers/app';

// Written for this test: a researcher reported and quoted, and a police statement.
const BODY = [
  'قال الخبير الأمني سمير الودغيري، الأستاذ بجامعة محمد الخامس، إن شبكات الجريمة المنظمة باتت تعتمد على العملات الرقمية في تبييض أموالها.',
  'وأضاف الودغيري أن “التعاون الأمني بين دول المتوسط لم يعد خيارا بل ضرورة”.',
  'من جهتها، أكدت المديرية العامة للأمن الوطني، في بلاغ لها، أن مصالحها أوقفت ثلاثة أشخاص يشتبه في انتمائهم إلى شبكة للهجرة السرية.',
].join('\n');

const TOKEN = 'a-long-enough-test-token-0123456789';
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ apiToken: TOKEN });
}, 60_000);
afterAll(() => app?.close());

const auth = { authorization: `Bearer ${TOKEN}` };
const quotesOf = async () =>
  (
    await app.gql(
      '{ article(slug: "reextract-probe") { quotes { edges { node { id position text kind origin attribution speaker { ... on Expert { name } ... on Organisation { slug } } } } } } }',
    )
  ).data.article.quotes.edges.map((e: { node: unknown }) => e.node) as {
    id: string;
    position: number;
    text: string;
    kind: string;
    origin: string;
    attribution: string | null;
    speaker: { name?: string; slug?: string } | null;
  }[];

function reextract(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/reextract.ts', ...args], { env: { ...process.env, DATABASE_PATH: app.dbPath }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

it('npm run reextract reads stored articles again and keeps every curated edit', async () => {
  const ingested = await app.gql(
    'mutation ($input: ArticleInput!) { ingestArticle(input: $input) { slug } }',
    { input: { title: 'reextract probe', body: BODY, url: 'https://example.org/reextract-probe' } },
    auth,
  );
  expect(ingested.errors).toBeUndefined();
  // The slug follows the title.
  expect(ingested.data.ingestArticle.slug).toBe('reextract-probe');
  const first = await quotesOf();
  expect(first.map((q) => [q.kind, q.origin])).toEqual([
    ['INDIRECT', 'EXTRACTED'],
    ['DIRECT', 'EXTRACTED'],
    ['INDIRECT', 'EXTRACTED'],
  ]);
  expect(first[0].attribution).toBe('الخبير الأمني سمير الودغيري');

  // A curator fixes the direct quote's speaker; an older reading had missed the statement and
  // given the reported clause to nobody.
  const edited = await app.gql('mutation ($id: ID!) { updateQuote(input: { id: $id, speaker: null }) { origin } }', { id: first[1].id }, auth);
  expect(edited.data.updateQuote.origin).toBe('CURATED');
  // A person a curator added, and a phrase an older reading stored as a person, both linked to the article.
  const curator = await app.gql('mutation { createExpert(input: { slug: "curated-person", name: "نادية الفاسي" }) { id } }', {}, auth);
  expect(curator.errors).toBeUndefined();
  const { sqlite, close } = openDatabase(app.dbPath);
  try {
    const statement = Number(Buffer.from(first[2].id, 'base64').toString().split(':')[1]);
    const reported = Number(Buffer.from(first[0].id, 'base64').toString().split(':')[1]);
    sqlite.prepare('DELETE FROM quotes WHERE id = ?').run(statement);
    sqlite.prepare('UPDATE quotes SET speaker_expert_id = NULL WHERE id = ?').run(reported);
    const junk = (sqlite.prepare("INSERT INTO experts (slug, name) VALUES ('junk-phrase', 'من جهتها') RETURNING id").get() as { id: number }).id;
    const link = sqlite.prepare('INSERT INTO article_experts (article_id, expert_id) SELECT article_id, ? FROM quotes WHERE id = ?');
    link.run(junk, reported);
    link.run(Number(Buffer.from(curator.data.createExpert.id, 'base64').toString().split(':')[1]), reported);
  } finally {
    close();
  }

  const summary = reextract('--all');
  expect(summary).toMatch(/1 quotes added, 0 removed, 1 re-attributed, \d+ curated kept; 2 people unlinked, 1 experts deleted/);
  // The old reading's phrase is gone; the curator's person stays, no longer named by the article.
  const people = await app.gql(
    '{ junk: expert(slug: "junk-phrase") { name } curated: expert(slug: "curated-person") { name } article(slug: "reextract-probe") { experts { nodes { name } } } }',
  );
  expect(people.data.junk).toBeNull();
  expect(people.data.curated).toEqual({ name: 'نادية الفاسي' });
  expect(people.data.article.experts.nodes.map((e: { name: string }) => e.name)).toEqual(['سمير الودغيري']);
  // Positions follow the text again (ids do not: the curated quote keeps its id, the others are new).
  const after = (await quotesOf()).sort((a, b) => a.position - b.position);
  expect(after.map((q) => q.position)).toEqual([1, 2, 3]);
  expect(after.map((q) => BODY.indexOf(q.text))).toEqual([...after.map((q) => BODY.indexOf(q.text))].sort((a, b) => a - b));
  expect(after[0].speaker?.name).toBe('سمير الودغيري');
  // The curated quote, as the curator left it.
  expect(after[1]).toMatchObject({ id: first[1].id, origin: 'CURATED', speaker: null });
  expect(after[2]).toMatchObject({ kind: 'INDIRECT', speaker: { slug: 'dgsn' } });
  // The seeds' annotations are curated too: a second run changes nothing.
  expect(reextract('--article', 'reextract-probe')).toMatch(/0 quotes added, 0 removed, 0 re-attributed, 1 curated kept/);
  expect((await app.gql(`{ quote(id: "${toGlobalId('Quote', 1)}") { origin } }`)).data.quote.origin).toBe('CURATED');
}, 60_000);
