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
/**
 * What one search may ask of the index, each phrase a doclist or more to read. A prefix reads the
 * doclist of every word it starts: «ا*» is nearly the whole index (7 s for six of them on 10k
 * articles), three letters stay within a common word's cost.
 */
export const SEARCH_LIMITS = { words: 12, prefixes: 2, prefixLetters: 3 } as const;

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
  const words = terms.reduce((n, t) => n + t.words.length, 0);
  if (words > SEARCH_LIMITS.words) throw new SearchSyntaxError(`search takes at most ${SEARCH_LIMITS.words} words, phrases included`);
  const prefixes = terms.filter((t) => t.prefix);
  if (prefixes.length > SEARCH_LIMITS.prefixes) throw new SearchSyntaxError(`search takes at most ${SEARCH_LIMITS.prefixes} prefixes (words ending in *)`);
  const short = prefixes.find((t) => [...t.words[0]].length < SEARCH_LIMITS.prefixLetters);
  if (short) throw new SearchSyntaxError(`a prefix needs at least ${SEARCH_LIMITS.prefixLetters} letters before the * («${short.words[0]}*» has fewer)`);
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
