import { lightStem, normalizeArabic, tokenize } from './normalize';

/**
 * The search syntax people type, parsed by us so that their input never reaches FTS5 as syntax:
 * words (all must match, in any form: exact or light-stemmed), "a phrase" in any quote marks
 * ("…", “…”, «…»), and a trailing * for a prefix (السيبر*). Everything else is punctuation.
 */

export interface SearchTerm {
  /** Search-form words; more than one for a phrase. */
  words: string[];
  prefix: boolean;
}

export class SearchSyntaxError extends Error {}

const OPENERS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '”', '”': '”' };
const CLOSERS = new Set(['"', '”', '»']);
export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;

function wordsOf(text: string): SearchTerm[] {
  const normalized = normalizeArabic(text);
  // A * right after a word makes it a prefix; elsewhere it is punctuation.
  return tokenize(normalized).map((t) => ({ words: [t.norm], prefix: normalized[t.end] === '*' }));
}

export function parseSearchQuery(input: string): SearchTerm[] {
  if (input.length > MAX_QUERY_LENGTH) throw new SearchSyntaxError(`search is limited to ${MAX_QUERY_LENGTH} characters`);
  const terms: SearchTerm[] = [];
  let rest = input;
  while (rest.length > 0) {
    const open = [...rest].findIndex((c) => c in OPENERS);
    if (open < 0) {
      terms.push(...wordsOf(rest));
      break;
    }
    const chars = [...rest];
    terms.push(...wordsOf(chars.slice(0, open).join('')));
    const afterOpen = chars.slice(open + 1);
    const close = afterOpen.findIndex((c) => CLOSERS.has(c));
    if (close < 0) {
      throw new SearchSyntaxError(`unbalanced quote mark ${chars[open]}: close the phrase, or remove the mark`);
    }
    const phrase = tokenize(normalizeArabic(afterOpen.slice(0, close).join(''))).map((t) => t.norm);
    if (phrase.length) terms.push({ words: phrase, prefix: false });
    rest = afterOpen.slice(close + 1).join('');
  }
  if (terms.length > MAX_TERMS) throw new SearchSyntaxError(`search takes at most ${MAX_TERMS} words`);
  return terms;
}

// Tokens are letters and digits only, so quoting them in FTS5 strings is safe by construction.
const quoted = (words: string[]) => `"${words.join(' ')}"`;

/** The two FTS5 phrases a term matches by: its exact search form, or its light-stemmed form. */
export function termPhrases(term: SearchTerm): { exact: string; stem: string } {
  const star = term.prefix ? '*' : '';
  return { exact: `exact: ${quoted(term.words)}${star}`, stem: `stem: ${quoted(term.words.map(lightStem))}${star}` };
}

/**
 * The FTS5 MATCH expression for parsed terms, or null when there is nothing to search for. Each
 * term must match its exact search form or its light-stemmed form; ranking weighs exact higher.
 * The stem column is the exact column stemmed word by word, so a whole word's exact form implies its
 * stemmed one and the stemmed phrase alone finds the same rows, at about half the cost of the OR.
 * A prefix does not imply it («وال*» is not stemmed, «والامن» is, to «امن»), so a prefix keeps both.
 */
export function toFtsMatch(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      const { exact, stem } = termPhrases(t);
      return t.prefix ? `(${exact} OR ${stem})` : stem;
    })
    .join(' AND ');
}
