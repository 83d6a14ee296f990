/**
 * Arabic text in two forms.
 *
 * - Stored text is NFC and otherwise exactly as given: quotes keep their offsets into it.
 * - The search form folds what readers treat as the same letter, so that «السِّيبراني»,
 *   «السيبرانـــي» and «السيبراني» meet:
 *   harakat (U+064B–U+0652) and the dagger alef (U+0670) are removed, and so is tatweel (U+0640);
 *   أ إ آ ٱ fold to ا, ى to ي, ة to ه, ؤ to و, ئ to ي; Arabic-Indic and Persian digits become 0–9;
 *   bidi controls and zero-width characters are dropped; Latin letters are lower-cased.
 *
 * SQLite's FTS5 unicode61 tokenizer knows none of this and splits words at harakat, so the app
 * computes the search form and indexes that.
 */

import { createHash } from 'node:crypto';

const REMOVED = /[\u064B-\u0652\u0670\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

const FOLD: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ئ': 'ي',
};

function foldChar(c: string): string {
  const folded = FOLD[c];
  if (folded !== undefined) return folded;
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return c.toLowerCase();
}

/** Stored form: Unicode NFC, nothing else changed. */
export function toStored(text: string): string {
  return text.normalize('NFC');
}

/** The search and matching form of `text` (see the module comment). */
export function normalizeArabic(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (!REMOVED.test(c)) out += foldChar(c);
  }
  return out;
}

export interface MappedText {
  /** The search form. */
  text: string;
  /** For each UTF-16 index of `text`, the index in the original string it came from; one extra entry for the end. */
  map: number[];
}

/**
 * The search form of NFC `text`, with a map back to the original offsets, so that a match found in
 * the normalised form can be highlighted in the text as stored.
 */
export function normalizeWithMap(text: string): MappedText {
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const c of text) {
    if (!REMOVED.test(c)) {
      const folded = foldChar(c);
      for (let k = 0; k < folded.length; k++) map.push(i);
      out += folded;
    }
    i += c.length;
  }
  map.push(text.length);
  return { text: out, map };
}

const WORD = /[\p{L}\p{N}]+/gu;

export interface Token {
  /** Search form of the word. */
  norm: string;
  /** Offsets in the text that was tokenised. */
  start: number;
  end: number;
}

/** Words of an already normalised text, split as FTS5's unicode61 tokenizer splits them. */
export function tokenize(normalized: string): Token[] {
  return [...normalized.matchAll(WORD)].map((m) => ({ norm: m[0], start: m.index, end: m.index + m[0].length }));
}

// Proclitics, longest first: conjunctions و ف, prepositions ب ك ل, and the article ال (لل after ل).
const PREFIXES = ['وبال', 'وكال', 'فبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال', 'و', 'ف', 'ب', 'ك', 'ل'];
const MIN_STEM = 2;

/**
 * Light stemming for recall: strips proclitics and the article from a normalised word, keeping at
 * least two letters (so «الأمن» → «امن», «للمغرب» → «مغرب», «وأضاف» → «اضاف»). Exact forms are
 * indexed too and rank higher.
 */
export function lightStem(word: string): string {
  if (!/^[\u0621-\u064A]/.test(word)) return word;
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM + (prefix.length === 1 ? 1 : 0)) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

/** Search form of a text as space-separated words. */
export function searchForm(text: string): string {
  return tokenize(normalizeArabic(text))
    .map((t) => t.norm)
    .join(' ');
}

/** Light-stemmed search form of a text as space-separated words. */
export function stemForm(text: string): string {
  return tokenize(normalizeArabic(text))
    .map((t) => lightStem(t.norm))
    .join(' ');
}

/** Identity of an article's text for de-duplication: SHA-256 of its search form. */
export function contentHash(body: string): string {
  return createHash('sha256').update(searchForm(body)).digest('hex');
}
