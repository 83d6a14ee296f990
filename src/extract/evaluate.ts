import fs from 'node:fs';
import path from 'node:path';
import { normalizeArabic } from '../arabic/normalize';
import { extractArticle } from './extract';
import type { Catalogue, ExtractedQuote, ExtractedSpeaker } from './types';

/**
 * Who said a gold quote: a person's name, an organisation's slug, an organisation by the name the
 * article gives it (real press names bodies the catalogue may not hold), or nobody named.
 */
export type GoldSpeaker = { name: string } | { organisation: string } | { organisationName: string } | null;

export interface GoldArticle {
  id: string;
  title: string;
  body: string;
  quotes: { text: string; start: number; end: number; kind: string; speaker: GoldSpeaker; topics: string[] }[];
  notQuotes: string[];
  /** Every person the article names, where the annotation lists them: a speaker outside it is a junk expert. */
  people?: string[];
}

/** Gold, predicted and matched statements of one kind. */
export interface KindCount {
  gold: number;
  predicted: number;
  matched: number;
}

export interface ArticleScore {
  id: string;
  gold: number;
  predicted: number;
  matched: number;
  byKind: Record<'DIRECT' | 'INDIRECT', KindCount>;
  /** Speakers stored as people whose name is no person the article names. */
  junkSpeakers: string[];
  /** Each gold statement's pattern, and whether it was found. */
  patterns: { pattern: string; found: boolean; text: string }[];
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
  byKind: Record<'DIRECT' | 'INDIRECT', KindCount & { precision: number; recall: number }>;
  junkSpeakers: number;
  speakerAccuracy: number;
  topicRecall: number;
  namesTakenForQuotes: number;
}

interface FixtureFile {
  title: string;
  paragraphs: string[];
  quotes: { text: string; kind: string; speaker: GoldSpeaker; topics: string[] }[];
  notQuotes: string[];
  /** Every person the article names, where the fixture lists them (traps for the name gate). */
  people?: string[];
}

/** Every `*.json` file of a folder, parsed, in name order. */
function jsonFiles<T>(dir: string): [file: string, content: T][] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => [file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T]);
}

/** Annotated fixtures: offsets are found from the text, which must occur exactly once. */
export function goldFromFixtures(dir: string): GoldArticle[] {
  return jsonFiles<FixtureFile>(dir).map(([file, fixture]) => {
    const body = fixture.paragraphs.join('\n').normalize('NFC');
    return {
      id: `fixtures/${file}`,
      title: fixture.title,
      body,
      notQuotes: fixture.notQuotes,
      people: fixture.people,
      quotes: fixture.quotes.map((q) => {
        const text = q.text.normalize('NFC');
        const start = body.indexOf(text);
        if (start < 0 || body.indexOf(text, start + 1) >= 0) throw new Error(`${file}: quote must occur exactly once: ${text.slice(0, 40)}`);
        return { ...q, text, start, end: start + text.length };
      }),
    };
  });
}

interface DevSetFile {
  title: string;
  body: string;
  expected: {
    quotes: { text: string; kind: string; speaker: string | null; speakerType?: 'person' | 'organisation'; topics: string[] }[];
    notQuotes?: string[];
    experts?: { name: string; title?: string | null }[];
  };
}

/**
 * A folder in the real-press format (../shared/eval-real-dev/README.md): the body as published,
 * each quote's text an exact substring of it, found in order.
 */
export function goldFromDir(dir: string): GoldArticle[] {
  return jsonFiles<DevSetFile>(dir).map(([file, article]) => {
    if (typeof article.body !== 'string' || !Array.isArray(article.expected?.quotes)) {
      throw new Error(`${path.join(dir, file)} is not in the real-press format (a \`body\` and \`expected.quotes\`); a folder like test/fixtures goes to --fixtures`);
    }
    // As the extractor stores it: NFC, Windows line ends folded, trimmed.
    const body = article.body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    let from = 0;
    const quotes = article.expected.quotes.map((q) => {
      const text = q.text.normalize('NFC');
      let start = body.indexOf(text, from);
      if (start < 0) start = body.indexOf(text);
      if (start < 0) throw new Error(`${file}: quote not found in the body: ${text.slice(0, 40)}`);
      from = start + 1;
      const speaker: GoldSpeaker = q.speaker === null ? null : q.speakerType === 'organisation' ? { organisationName: q.speaker } : { name: q.speaker };
      return { text, start, end: start + text.length, kind: q.kind, speaker, topics: q.topics };
    });
    const people = [
      ...(article.expected.experts ?? []).map((e) => e.name),
      ...article.expected.quotes.filter((q) => q.speaker && q.speakerType !== 'organisation').map((q) => q.speaker!),
    ];
    return { id: path.basename(file), title: article.title, body, quotes, notQuotes: article.expected.notQuotes ?? [], people };
  });
}

/**
 * The shape of a gold statement, for the table of misses: what stands before it (a colon, a verb
 * and its complementiser, a participle that chains it, an attribution by source) and its kind.
 */
export function patternOf(body: string, quote: { start: number; end: number; kind: string }): string {
  const before = normalizeArabic(body.slice(Math.max(0, quote.start - 80), quote.start)).replace(/\s+/g, ' ');
  const paragraphStart = quote.start === 0 || /\n\s*\S?$/u.test(body.slice(Math.max(0, quote.start - 3), quote.start));
  const direct = quote.kind === 'DIRECT';
  const tail = before.split(/[.!?؟]/).at(-1) ?? '';
  if (direct) {
    if (/:\s*\S?\s*$/u.test(body.slice(Math.max(0, quote.start - 4), quote.start))) return 'DIRECT after a colon';
    if (paragraphStart) return 'DIRECT at a paragraph start';
    if (/(?:^|\s)(?:ان|انه|بان)\s*\S?\s*$/u.test(before)) return 'DIRECT after a verb and أن/إن';
    if (/\S\s*$/u.test(tail) && /(?:مضيفا|مشيرا|موضحا|مبرزا|مبينا|مؤكدا|مشددا|لافتا|قايلا)\S*\s+\S?\s*$/u.test(before)) return 'DIRECT after a participle';
    return 'DIRECT inside a sentence';
  }
  if (/(?:مضيفا|مشيرا|موضحا|مبرزا|مبينا|مؤكدا|مشددا|لافتا|معتبرا|منبها)\S*(?:\s+(?:الي|علي))?\s+(?:ان|انه|انها|بان)\s*$/u.test(before))
    return 'INDIRECT after a participle (مضيفا أن)';
  if (/(?:وفق|حسب|بحسب|وفقا)\s/u.test(tail)) return 'INDIRECT by source (وفق/حسب)';
  if (/(?:ان|انه|انها|بان|اني)\s*$/u.test(before)) return 'INDIRECT after a verb and أن/إن';
  return 'INDIRECT, other';
}

/** A name without its ranks and honorifics, in search form: «اللواء محمد الدخيسي» → «محمد الدخيسي». */
const RANKS = new Set(
  ['اللواء', 'العميد', 'العقيد', 'المقدم', 'الجنرال', 'الدكتور', 'الدكتوره', 'السيد', 'السيده', 'البروفيسور', 'الاستاذ', 'الاستاذه', 'الشيخ', 'الحاج', 'د'].map(normalizeArabic),
);
const bareName = (name: string) =>
  normalizeArabic(name)
    .split(/\s+/)
    .filter((w) => w && !RANKS.has(w))
    .join(' ');

const sameName = (a: string, b: string) => normalizeArabic(a).replace(/\s+/g, ' ').trim() === normalizeArabic(b).replace(/\s+/g, ' ').trim();

function speakerMatches(gold: GoldSpeaker, predicted: ExtractedSpeaker | null, organisationNamed: (name: string) => string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  if ('organisation' in gold) return 'organisation' in predicted && predicted.organisation === gold.organisation;
  if ('organisationName' in gold) {
    if ('institution' in predicted) return normalizeArabic(predicted.institution) === normalizeArabic(gold.organisationName);
    return 'organisation' in predicted && organisationNamed(gold.organisationName) === predicted.organisation;
  }
  return 'person' in predicted && (sameName(predicted.person.name, gold.name) || bareName(predicted.person.name) === bareName(gold.name));
}

const describe = (s: ExtractedSpeaker | GoldSpeaker) =>
  s === null
    ? 'nobody'
    : 'organisation' in s
      ? s.organisation
      : 'organisationName' in s
        ? s.organisationName
        : 'institution' in s
          ? s.institution
          : 'person' in s
            ? s.person.name
            : s.name;

/**
 * Scores the extractor against gold articles. A quote counts when its offsets are exactly the
 * gold ones; a topic counts when the predicted topics include it or one of its subtopics.
 */
export function evaluate(gold: GoldArticle[], catalogue: Catalogue, parents: Map<string, string | null>): Scores {
  // The catalogue organisation a printed name stands for: its name, or an alias the name starts with.
  const organisationNamed = (name: string): string | null => {
    const key = normalizeArabic(name);
    const org = catalogue.organisations.find((o) => [o.name, o.nameEn, o.acronym, ...o.aliases].some((n) => n && normalizeArabic(n) === key));
    return org?.slug ?? null;
  };
  const covers = (goldTopic: string, predicted: string[]) =>
    predicted.some((t) => {
      for (let cur: string | null | undefined = t; cur; cur = parents.get(cur)) if (cur === goldTopic) return true;
      return false;
    });
  const articles = gold.map((article): ArticleScore => {
    const result = extractArticle({ title: article.title, body: article.body }, catalogue);
    if (result.body !== article.body) throw new Error(`${article.id}: the body must be given trimmed and NFC`);
    const byOffsets = new Map<string, ExtractedQuote>(result.quotes.map((q) => [`${q.start}:${q.end}`, q]));
    const kindCount = (kind: string): KindCount => ({
      gold: article.quotes.filter((q) => q.kind === kind).length,
      predicted: result.quotes.filter((q) => q.kind === kind).length,
      matched: 0,
    });
    const people = article.people?.map(bareName);
    const score: ArticleScore = {
      id: article.id,
      gold: article.quotes.length,
      predicted: result.quotes.length,
      matched: 0,
      byKind: { DIRECT: kindCount('DIRECT'), INDIRECT: kindCount('INDIRECT') },
      junkSpeakers: people
        ? result.quotes.flatMap((q) => (q.speaker && 'person' in q.speaker && !people.includes(bareName(q.speaker.person.name)) ? [q.speaker.person.name] : []))
        : [],
      patterns: [],
      speakerCorrect: 0,
      topicGold: 0,
      topicFound: 0,
      namesTakenForQuotes: result.quotes.filter((q) => article.notQuotes.includes(q.text)).length,
      errors: [],
    };
    for (const q of article.quotes) {
      const found = byOffsets.get(`${q.start}:${q.end}`);
      const p = found && found.kind === q.kind ? found : undefined;
      score.patterns.push({ pattern: patternOf(article.body, q), found: !!p, text: q.text });
      if (!p) {
        score.errors.push(`missed ${q.kind}${found ? ` (found as ${found.kind})` : ''}: ${q.text.slice(0, 50)}`);
        continue;
      }
      score.matched += 1;
      score.byKind[q.kind as 'DIRECT' | 'INDIRECT'].matched += 1;
      if (speakerMatches(q.speaker, p.speaker, organisationNamed)) score.speakerCorrect += 1;
      else score.errors.push(`speaker: ${describe(p.speaker)} instead of ${describe(q.speaker)}: ${q.text.slice(0, 40)}`);
      score.topicGold += q.topics.length;
      score.topicFound += q.topics.filter((t) => covers(t, p.topics)).length;
    }
    const goldOffsets = new Set(article.quotes.map((q) => `${q.start}:${q.end}`));
    for (const p of result.quotes) if (!goldOffsets.has(`${p.start}:${p.end}`)) score.errors.push(`extra ${p.kind}: ${p.text.slice(0, 50)}`);
    for (const name of new Set(score.junkSpeakers)) score.errors.push(`junk speaker: ${name}`);
    return score;
  });
  const sum = (f: (a: ArticleScore) => number) => articles.reduce((n, a) => n + f(a), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const kind = (k: 'DIRECT' | 'INDIRECT') => {
    const count = { gold: sum((a) => a.byKind[k].gold), predicted: sum((a) => a.byKind[k].predicted), matched: sum((a) => a.byKind[k].matched) };
    return { ...count, precision: ratio(count.matched, count.predicted), recall: ratio(count.matched, count.gold) };
  };
  return {
    articles,
    precision: ratio(
      sum((a) => a.matched),
      sum((a) => a.predicted),
    ),
    recall: ratio(
      sum((a) => a.matched),
      sum((a) => a.gold),
    ),
    byKind: { DIRECT: kind('DIRECT'), INDIRECT: kind('INDIRECT') },
    junkSpeakers: sum((a) => new Set(a.junkSpeakers).size),
    speakerAccuracy: ratio(
      sum((a) => a.speakerCorrect),
      sum((a) => a.matched),
    ),
    topicRecall: ratio(
      sum((a) => a.topicFound),
      sum((a) => a.topicGold),
    ),
    namesTakenForQuotes: sum((a) => a.namesTakenForQuotes),
  };
}
