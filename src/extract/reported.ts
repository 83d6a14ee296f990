import { normalizeArabic } from '../arabic/normalize';
import type { AnalysedText } from './gazetteer';
import { NARRATOR_VERBS, PARTICIPLE_FORMS, verbForm } from './lexicon';
import type { MarkedSpan } from './marks';

/**
 * Reported speech: a verb of saying, its subject and asides, a complementiser (أن، إن، بأن، أنه…),
 * then what was said, to the sentence's end, the paragraph's end, or the next attribution
 * («مضيفا أن», «، فيما أوضح أن»). A verb with a noun object and no complementiser («أشاد بـ»,
 * «شدد على ضرورة») reports no statement. Finds the clauses; the extractor attributes them.
 */

/** Words that attribute by source: «حسب نفس المصدر»، «وفق بيان…»، «حسبما ورد في بيان…». */
const SOURCE_LEADS = new Set(['حسب', 'بحسب', 'وحسب', 'وبحسب', 'وفق', 'ووفق', 'وفقا', 'ووفقا', 'حسبما', 'وحسبما', 'طبقا', 'وطبقا']);

export interface ReportedClause {
  /** The words said: from after the complementiser to before the clause's end, trimmed. */
  start: number;
  end: number;
  /** Word index of the verb (or participle) of saying. */
  verbWord: number;
  /** Offset of the complementiser: the speaker is named between the verb and it, or before the verb. */
  cue: number;
  /** A participle («مضيفا أن») chains a new statement by the speaker of the one before. */
  chained: boolean;
  /** Attributed by source instead of a verb: the source's words («نفس المصدر», «بيان للقيادة…»). */
  source?: { start: number; end: number };
}

/**
 * Statements attributed by their source rather than a verb: «حسب نفس المصدر، …» before the
 * sentence, or «…، حسبما ورد في بيان للقيادة العامة» after it. The statement is the rest of the
 * sentence; its speaker is whoever the source names.
 */
export function findSourcedClauses(text: AnalysedText, body: string, quotes: MarkedSpan[]): ReportedClause[] {
  const clauses: ReportedClause[] = [];
  const inQuote = (offset: number) => quotes.some((q) => q.start <= offset && offset < q.end);
  for (let w = 0; w < text.tokens.length; w++) {
    if (!SOURCE_LEADS.has(text.tokens[w].norm) || inQuote(text.startOf(w))) continue;
    const sentenceFrom = sentenceStartBefore(body, text.startOf(w));
    const sentenceTo = nextBoundary(body, text.endOf(w), quotes);
    const before = body.slice(sentenceFrom, text.startOf(w));
    if (/^\s*$/u.test(before)) {
      // Leading: «حسب SOURCE، CLAUSE».
      const comma = body.slice(text.endOf(w), sentenceTo).search(/[،,]/u);
      if (comma < 0) continue;
      const sourceEnd = text.endOf(w) + comma;
      let start = sourceEnd + 1;
      while (start < sentenceTo && /\s/u.test(body[start])) start++;
      const end = trimEnd(body, start, nextAttribution(text, body, start, sentenceTo, quotes) ?? sentenceTo);
      if (text.wordAt(end) - text.wordAt(start) >= MIN_WORDS)
        clauses.push({ start, end, verbWord: w, cue: text.startOf(w), chained: false, source: { start: text.endOf(w), end: sourceEnd } });
    } else if (/[،,]\s*$/u.test(before) && sourceRunsToEnd(text, body, w, sentenceTo)) {
      // Trailing: «CLAUSE، حسب SOURCE.»
      const start = sentenceFrom + (before.match(/^\s*/u)?.[0].length ?? 0);
      const end = trimEnd(body, start, text.startOf(w));
      if (text.wordAt(end) - text.wordAt(start) >= MIN_WORDS)
        clauses.push({ start, end, verbWord: w, cue: text.startOf(w), chained: false, source: { start: text.endOf(w), end: sentenceTo } });
    }
  }
  return clauses;
}

/** Nouns of a source: after «حسب», what names it («حسبما ورد، أمس، في بيان…»). */
const SOURCE_NOUNS = /(?:^|\s)(?:ال|ل|لل|ب)?(?:بيان|بلاغ|مصدر|مصادر|تقرير|معطيات|إحصائيات|احصائيات|أرقام|وكالة|صحيفة|موقع)/u;

/** Whether the source after word `lead` runs to the sentence's end: its last part still names it, so no statement follows in the sentence. */
function sourceRunsToEnd(text: AnalysedText, body: string, lead: number, sentenceTo: number): boolean {
  const parts = body.slice(text.endOf(lead), sentenceTo).split(/[،,]/u);
  return parts.length === 1 || SOURCE_NOUNS.test(parts.at(-1)!);
}

function sentenceStartBefore(body: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (SENTENCE_END.test(body[i])) return i + 1;
  return 0;
}

/** Complementisers, in search form: أن، إن، أنّ، بأن، with an attached pronoun, and the press's «اأن». */
const COMPLEMENTISERS = new Set(['ان', 'بان', 'انه', 'انها', 'انهم', 'بانه', 'بانها', 'اان']);
/** Words that may stand between the verb and its complementiser without being its subject. */
const PREPOSITIONS = new Set(['الي', 'علي', 'عن', 'قوله']);
/** Connectors before a new attribution inside a sentence: «، فيما أوضح أن», «كما أكد أن». */
const CONNECTORS = new Set(['فيما', 'كما', 'بينما', 'و']);
const SENTENCE_END = /[.!?؟\n]/u;
/** The most words between a verb and its complementiser (a name, a title, an aside or two). */
const MAX_LEAD_WORDS = 30;
/** The fewest words a statement has: fewer is a fragment, not a report. */
const MIN_WORDS = 3;

/** Each word's verb of saying (verbForm), worked out once per text. */
const verbsOf = new WeakMap<AnalysedText, (string | null)[]>();
export function verbAt(text: AnalysedText, w: number): string | null {
  let verbs = verbsOf.get(text);
  if (!verbs) verbsOf.set(text, (verbs = text.tokens.map((t) => verbForm(t.norm))));
  return verbs[w];
}

/** The complementiser after word `verb`, within its sentence, with no quote mark or colon between. */
function complementiserAfter(text: AnalysedText, body: string, verb: number, quotes: MarkedSpan[]): number | null {
  const from = text.endOf(verb);
  const sentenceEnd = nextBoundary(body, from, quotes);
  // The first quote that opens after the verb: the complementiser must come before it.
  const quoteAt = quotes.find((q) => q.start >= from)?.start ?? Infinity;
  for (let w = verb + 1; w < text.tokens.length && w <= verb + MAX_LEAD_WORDS; w++) {
    const start = text.startOf(w);
    if (start >= sentenceEnd || quoteAt <= start) return null;
    const norm = text.tokens[w].norm;
    // «قال فلان: إنه …» is reported too: a colon right before the complementiser, not before the words.
    if (COMPLEMENTISERS.has(norm)) return w;
    for (let i = text.endOf(w - 1); i < start; i++) if (body[i] === ':' || body[i] === '：') return null;
    // Another verb of saying first: the complementiser is that verb's.
    if (w > verb + 1 && verbAt(text, w) && !PREPOSITIONS.has(norm)) return null;
  }
  return null;
}

/** Every sentence end and paragraph end of a text, outside quote marks, in order: found once per article. */
const boundariesOf = new WeakMap<MarkedSpan[], number[]>();

function boundaries(body: string, quotes: MarkedSpan[]): number[] {
  let found = boundariesOf.get(quotes);
  if (found) return found;
  found = [];
  let q = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '؟' && c !== '\n') continue;
    if (c === '.' && /\d/u.test(body[i - 1] ?? '') && /\d/u.test(body[i + 1] ?? '')) continue;
    while (q < quotes.length && quotes[q].end <= i) q++;
    if (c !== '\n' && quotes.slice(q).some((span) => span.start <= i && i < span.end)) continue;
    found.push(i);
  }
  boundariesOf.set(quotes, found);
  return found;
}

/** The first sentence end or paragraph end at or after `from`, outside quote marks. */
function nextBoundary(body: string, from: number, quotes: MarkedSpan[]): number {
  const all = boundaries(body, quotes);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < all.length ? all[lo] : body.length;
}

/** Where a new attribution starts inside [from, to): a verb or participle of saying with its complementiser, and the connector before it. */
function nextAttribution(text: AnalysedText, body: string, from: number, to: number, quotes: MarkedSpan[]): number | null {
  for (let w = text.wordAt(from); w < text.tokens.length && text.startOf(w) < to; w++) {
    if (!verbAt(text, w)) continue;
    const cue = complementiserAfter(text, body, w, quotes);
    if (cue === null || cue > w + 4) continue;
    let first = w;
    // «…، التي أكدت أن»: a relative pronoun before the verb starts the new attribution too.
    while (first > text.wordAt(from) && (CONNECTORS.has(text.tokens[first - 1].norm) || RELATIVE_PRONOUNS.has(text.tokens[first - 1].norm))) first--;
    return text.startOf(first);
  }
  return null;
}

const RELATIVE_PRONOUNS = new Set(['التي', 'الذي', 'الذين'].map(normalizeArabic));

const trimEnd = (body: string, start: number, end: number) => {
  while (end > start && /[\s،,؛;:.]/u.test(body[end - 1])) end--;
  return end;
};

export function findReportedClauses(text: AnalysedText, body: string, quotes: MarkedSpan[]): ReportedClause[] {
  const clauses: ReportedClause[] = [];
  for (let w = 0; w < text.tokens.length; w++) {
    const verb = verbAt(text, w);
    if (!verb || NARRATOR_VERBS.has(verb)) continue;
    // Inside a quote, a verb is the speaker's words, not an attribution.
    if (quotes.some((q) => q.start <= text.startOf(w) && text.startOf(w) < q.end)) continue;
    const cue = complementiserAfter(text, body, w, quotes);
    if (cue === null) continue;
    let start = text.endOf(cue);
    // «محذرا من"أنها …"»: the complementiser opens the quote; the quote is the statement.
    if (quotes.some((q) => q.start <= start && start < q.end)) continue;
    while (start < body.length && /[ \t]/u.test(body[start])) start++;
    const sentenceEnd = nextBoundary(body, start, quotes);
    // A quote in marks within the clause: the direct quote may be the whole statement.
    const firstQuote = quotes.find((q) => q.start - 1 >= start && q.start - 1 < sentenceEnd);
    const attribution = nextAttribution(text, body, start, sentenceEnd, quotes);
    const end = trimEnd(body, start, attribution ?? sentenceEnd);
    if (end <= start) continue;
    if (firstQuote) {
      // Only a connector or a one-word subject outside the marks: the direct quote alone.
      let outside = 0;
      for (let k = text.wordAt(start); k < text.wordAt(firstQuote.start - 1); k++) if (!COMPLEMENTISERS.has(text.tokens[k].norm)) outside++;
      if (outside <= 1) continue;
    }
    if (text.wordAt(end) - text.wordAt(start) < MIN_WORDS) continue;
    clauses.push({ start, end, verbWord: w, cue: text.startOf(cue), chained: PARTICIPLE_FORMS.has(verb) });
    // The clause's own verbs are read as new attributions only from its end on.
    w = Math.max(w, text.wordAt(end) - 1);
  }
  return clauses;
}
