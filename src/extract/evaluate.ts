import fs from 'node:fs';
import path from 'node:path';
import { normalizeArabic } from '../arabic/normalize';
import type { Catalogue as SeedCatalogue } from '../seed/catalogue';
import { extractArticle } from './extract';
import type { Catalogue, ExtractedQuote, ExtractedSpeaker } from './types';

/** Who said a gold quote: a person's name, an organisation's slug, or nobody named. */
export type GoldSpeaker = { name: string } | { organisation: string } | null;

export interface GoldArticle {
  id: string;
  title: string;
  body: string;
  quotes: { text: string; start: number; end: number; kind: string; speaker: GoldSpeaker; topics: string[] }[];
  notQuotes: string[];
}

export interface ArticleScore {
  id: string;
  gold: number;
  predicted: number;
  matched: number;
  speakerCorrect: number;
  topicGold: number;
  topicFound: number;
  namesTakenForQuotes: number;
  errors: string[];
}

export interface Scores {
  articles: ArticleScore[];
  precision: number;
  recall: number;
  speakerAccuracy: number;
  topicRecall: number;
  namesTakenForQuotes: number;
}

/** Seed articles as gold, with speakers named as printed. */
export function goldFromSeeds(seeds: SeedCatalogue): GoldArticle[] {
  const names = new Map(seeds.experts.map((e) => [e.slug, e.name]));
  return seeds.articles.map((a) => ({
    id: `seeds/${a.slug}`,
    title: a.title,
    body: a.body,
    quotes: a.quotes.map((q) => ({
      ...q,
      speaker: q.speaker === null ? null : 'expert' in q.speaker ? { name: names.get(q.speaker.expert) ?? q.speaker.expert } : q.speaker,
    })),
    notQuotes: a.notQuotes.map((n) => n.text),
  }));
}

interface FixtureFile {
  title: string;
  paragraphs: string[];
  quotes: { text: string; kind: string; speaker: GoldSpeaker; topics: string[] }[];
  notQuotes: string[];
}

/** Annotated fixtures: offsets are found from the text, which must occur exactly once. */
export function goldFromFixtures(dir: string): GoldArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const fixture = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as FixtureFile;
      const body = fixture.paragraphs.join('\n').normalize('NFC');
      return {
        id: `fixtures/${file}`,
        title: fixture.title,
        body,
        notQuotes: fixture.notQuotes,
        quotes: fixture.quotes.map((q) => {
          const text = q.text.normalize('NFC');
          const start = body.indexOf(text);
          if (start < 0 || body.indexOf(text, start + 1) >= 0) throw new Error(`${file}: quote must occur exactly once: ${text.slice(0, 40)}`);
          return { ...q, text, start, end: start + text.length };
        }),
      };
    });
}

const sameName = (a: string, b: string) => normalizeArabic(a).replace(/\s+/g, ' ').trim() === normalizeArabic(b).replace(/\s+/g, ' ').trim();

function speakerMatches(gold: GoldSpeaker, predicted: ExtractedSpeaker | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  if ('organisation' in gold) return 'organisation' in predicted && predicted.organisation === gold.organisation;
  return 'person' in predicted && sameName(predicted.person.name, gold.name);
}

const describe = (s: ExtractedSpeaker | GoldSpeaker) =>
  s === null ? 'nobody' : 'organisation' in s ? s.organisation : 'person' in s ? s.person.name : s.name;

/**
 * Scores the extractor against gold articles. A quote counts when its offsets are exactly the
 * gold ones; a topic counts when the predicted topics include it or one of its subtopics.
 */
export function evaluate(gold: GoldArticle[], catalogue: Catalogue, parents: Map<string, string | null>): Scores {
  const covers = (goldTopic: string, predicted: string[]) =>
    predicted.some((t) => {
      for (let cur: string | null | undefined = t; cur; cur = parents.get(cur)) if (cur === goldTopic) return true;
      return false;
    });
  const articles = gold.map((article): ArticleScore => {
    const result = extractArticle({ title: article.title, body: article.body }, catalogue);
    if (result.body !== article.body) throw new Error(`${article.id}: the body must be given trimmed and NFC`);
    const byOffsets = new Map<string, ExtractedQuote>(result.quotes.map((q) => [`${q.start}:${q.end}`, q]));
    const score: ArticleScore = {
      id: article.id,
      gold: article.quotes.length,
      predicted: result.quotes.length,
      matched: 0,
      speakerCorrect: 0,
      topicGold: 0,
      topicFound: 0,
      namesTakenForQuotes: result.quotes.filter((q) => article.notQuotes.includes(q.text)).length,
      errors: [],
    };
    for (const q of article.quotes) {
      const p = byOffsets.get(`${q.start}:${q.end}`);
      if (!p) {
        score.errors.push(`missed: ${q.text.slice(0, 50)}`);
        continue;
      }
      score.matched += 1;
      if (speakerMatches(q.speaker, p.speaker)) score.speakerCorrect += 1;
      else score.errors.push(`speaker: ${describe(p.speaker)} instead of ${describe(q.speaker)}: ${q.text.slice(0, 40)}`);
      score.topicGold += q.topics.length;
      score.topicFound += q.topics.filter((t) => covers(t, p.topics)).length;
    }
    const goldOffsets = new Set(article.quotes.map((q) => `${q.start}:${q.end}`));
    for (const p of result.quotes) if (!goldOffsets.has(`${p.start}:${p.end}`)) score.errors.push(`extra: ${p.text.slice(0, 50)}`);
    return score;
  });
  const sum = (f: (a: ArticleScore) => number) => articles.reduce((n, a) => n + f(a), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    articles,
    precision: ratio(sum((a) => a.matched), sum((a) => a.predicted)),
    recall: ratio(sum((a) => a.matched), sum((a) => a.gold)),
    speakerAccuracy: ratio(sum((a) => a.speakerCorrect), sum((a) => a.matched)),
    topicRecall: ratio(sum((a) => a.topicFound), sum((a) => a.topicGold)),
    namesTakenForQuotes: sum((a) => a.namesTakenForQuotes),
  };
}
