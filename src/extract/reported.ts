import type { AnalysedText } from './gazetteer';
import { NARRATOR_VERBS, PARTICIPLE_FORMS, verbForm } from './lexicon';
import type { MarkedSpan } from './marks';

/**
 * Reported speech: a verb of saying, its subject and asides, a complementiser (أن، إن، بأن، أنه…),
 * then what was said, to the sentence's end, the paragraph's end, or the next attribution
 * («مضيفا أن», «، فيما أوضح أن»). A verb with a noun object and no complementiser («أشاد بـ»,
 * «شدد على ضرورة») reports no statement. Finds the clauses; the extractor attributes them.
 */

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

/** The complementiser after word `verb`, within its sentence, with no quote mark or colon between. */
function complementiserAfter(text: AnalysedText, body: string, verb: number, quotes: MarkedSpan[]): number | null {
  const sentenceEnd = nextBoundary(body, text.endOf(verb), quotes);
  for (let w = verb + 1; w < text.tokens.length && w <= verb + MAX_LEAD_WORDS; w++) {
    if (text.startOf(w) >= sentenceEnd) return null;
    const between = body.slice(text.endOf(w - 1), text.startOf(w));
    if (/[:：]/u.test(between)) return null;
    if (quotes.some((q) => q.start >= text.endOf(verb) && q.start <= text.startOf(w))) return null;
    const norm = text.tokens[w].norm;
    if (COMPLEMENTISERS.has(norm)) return w;
    // Another verb of saying first: the complementiser is that verb's.
    if (w > verb + 1 && verbForm(norm) && !PREPOSITIONS.has(norm)) return null;
  }
  return null;
}

/** The first sentence end or paragraph end at or after `from`, outside quote marks. */
function nextBoundary(body: string, from: number, quotes: MarkedSpan[]): number {
  for (let i = from; i < body.length; i++) {
    const c = body[i];
    if (!SENTENCE_END.test(c)) continue;
    if (c === '.' && /\d/u.test(body[i - 1] ?? '') && /\d/u.test(body[i + 1] ?? '')) continue;
    if (c !== '\n' && quotes.some((q) => q.start <= i && i < q.end)) continue;
    return i;
  }
  return body.length;
}

/** Where a new attribution starts inside [from, to): a verb or participle of saying with its complementiser, and the connector before it. */
function nextAttribution(text: AnalysedText, body: string, from: number, to: number, quotes: MarkedSpan[]): number | null {
  for (let w = text.wordAt(from); w < text.tokens.length && text.startOf(w) < to; w++) {
    if (!verbForm(text.tokens[w].norm)) continue;
    const cue = complementiserAfter(text, body, w, quotes);
    if (cue === null || cue > w + 4) continue;
    let first = w;
    while (first > text.wordAt(from) && CONNECTORS.has(text.tokens[first - 1].norm)) first--;
    return text.startOf(first);
  }
  return null;
}

const trimEnd = (body: string, start: number, end: number) => {
  while (end > start && /[\s،,؛;:.]/u.test(body[end - 1])) end--;
  return end;
};

export function findReportedClauses(text: AnalysedText, body: string, quotes: MarkedSpan[]): ReportedClause[] {
  const clauses: ReportedClause[] = [];
  for (let w = 0; w < text.tokens.length; w++) {
    const verb = verbForm(text.tokens[w].norm);
    if (!verb || NARRATOR_VERBS.has(verb)) continue;
    // Inside a quote, a verb is the speaker's words, not an attribution.
    if (quotes.some((q) => q.start <= text.startOf(w) && text.startOf(w) < q.end)) continue;
    const cue = complementiserAfter(text, body, w, quotes);
    if (cue === null) continue;
    let start = text.endOf(cue);
    while (start < body.length && /[ \t]/u.test(body[start])) start++;
    // What follows is a quote in marks: the direct quote is the statement.
    const firstQuote = quotes.find((q) => q.start - 1 >= start && q.start - 1 < nextBoundary(body, start, quotes));
    const sentenceEnd = nextBoundary(body, start, quotes);
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
