import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFromSeeds } from '../src/seed/seeds';
import { evaluate, goldFromFixtures } from '../src/extract/evaluate';
import { goldFromSeeds } from '../src/seed/gold';
import { extractArticle } from '../src/extract/extract';
import { findMarkedSpans } from '../src/extract/marks';
import { loadSeeds } from '../src/seed/seeds';

const seeds = loadSeeds();
const catalogue = catalogueFromSeeds(seeds, { withExperts: false });
const parents = new Map(seeds.topics.map((t) => [t.slug, t.parent]));
const spans = (body: string) => findMarkedSpans(body).map((s) => body.slice(s.start, s.end));

describe('quote marks', () => {
  it('reads “…”, «…», "…" and nested ‘…’ without their marks', () => {
    expect(spans('قال: “أ ب ‘ج’ د” ثم «هـ و» ثم "ز ح"')).toEqual(['أ ب ‘ج’ د', 'هـ و', 'ز ح']);
  });

  it('takes ” as an opening mark when a word follows it, and ignores a closing mark with no opening', () => {
    expect(spans('مع “الإنتربول” و”اليوروبول”، كما أن الأمر انتهى”. ثم')).toEqual(['الإنتربول', 'اليوروبول']);
  });

  it('runs a quote on into the next paragraph, or cuts it where the next paragraph re-opens', () => {
    expect(spans('قال “أول السطر\nوآخره”.')).toEqual(['أول السطر\nوآخره']);
    const reopened = findMarkedSpans('قال «الأول.\n«والثاني».');
    expect(reopened.map((s) => s.continued)).toEqual([false, true]);
  });

  it('closes a quote whose closing mark is missing at its paragraph end', () => {
    const [span] = findMarkedSpans('قال “بلا نهاية\nفقرة أخرى بلا علامات.');
    expect(span).toMatchObject({ unclosed: true });
  });
});

describe('the extractor on the seed articles (gold: seeds/articles/*.json)', () => {
  const [analysis, statement] = seeds.articles;
  const result = extractArticle({ title: analysis.title, body: analysis.body }, catalogue);

  it('finds all 22 direct quotes and the 2 reported statements, with their exact offsets and the right speaker', () => {
    const names = new Map(seeds.experts.map((e) => [e.slug, e.name]));
    expect(result.quotes).toHaveLength(24);
    expect(result.quotes.filter((q) => q.kind === 'DIRECT')).toHaveLength(22);
    result.quotes.forEach((q, i) => {
      const gold = analysis.quotes[i];
      expect([q.start, q.end, q.kind]).toEqual([gold.start, gold.end, gold.kind]);
      expect(analysis.body.slice(q.start, q.end)).toBe(q.text);
      const goldName = gold.speaker && 'expert' in gold.speaker ? names.get(gold.speaker.expert) : null;
      expect(q.speaker && 'person' in q.speaker ? q.speaker.person.name : null).toBe(goldName);
    });
  });

  it('takes no quoted name for a quote', () => {
    for (const trap of analysis.notQuotes) expect(result.quotes.some((q) => q.text === trap.text)).toBe(false);
  });

  it('tags the cybersecurity quote cybersecurity, and names the organisations', () => {
    const cyber = result.quotes.find((q) => q.text.includes('الأمن السيبراني'));
    expect(cyber?.topics).toContain('cybersecurity');
    expect(result.organisations).toEqual(expect.arrayContaining(['dgsn', 'dgst', 'interpol', 'europol', 'hespress']));
  });

  it('reads the police statement of the second article as an INDIRECT quote by the DGSN', () => {
    const second = extractArticle({ title: statement.title, body: statement.body }, catalogue);
    expect(second.quotes).toHaveLength(1);
    const [gold] = statement.quotes;
    expect(second.quotes[0]).toMatchObject({ kind: 'INDIRECT', start: gold.start, end: gold.end, speaker: { organisation: 'dgsn' } });
  });

  it('is deterministic', () => {
    expect(extractArticle({ title: analysis.title, body: analysis.body }, catalogue)).toEqual(result);
  });
});

describe('npm run eval targets on the annotated fixtures', () => {
  it('score perfectly on direct and reported quotes and speakers, with no junk speaker', () => {
    const scores = evaluate(goldFromFixtures(path.resolve(__dirname, 'fixtures')), catalogue, parents);
    expect(scores.articles.length).toBeGreaterThanOrEqual(9);
    for (const kind of ['DIRECT', 'INDIRECT'] as const) {
      expect(scores.byKind[kind].gold, kind).toBeGreaterThan(0);
      expect([scores.byKind[kind].precision, scores.byKind[kind].recall], kind).toEqual([1, 1]);
    }
    expect(scores.speakerAccuracy).toBe(1);
    expect(scores.junkSpeakers).toBe(0);
    expect(scores.namesTakenForQuotes).toBe(0);
  });

  it('the seeds score perfectly on quotes and speakers', () => {
    const scores = evaluate(goldFromSeeds(seeds), catalogue, parents);
    expect([scores.precision, scores.recall, scores.speakerAccuracy]).toEqual([1, 1, 1]);
  });
});

describe('the extractor’s place', () => {
  it('imports nothing from src/seed: the seeds depend on it, not the other way', () => {
    const dir = path.resolve(__dirname, '../src/extract');
    for (const file of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/seed\//);
    }
  });
});
