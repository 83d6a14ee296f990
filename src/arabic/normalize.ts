/**
 * Arabic text in two forms.
 *
 * - Stored text is NFC and otherwise exactly as given: quotes keep their offsets into it.
 * - The search form folds what readers treat as the same letter, so that «السِّيبراني»,
 *   «السيبرانـــي» and «السيبراني» meet:
 *   harakat (U+064B–U+0652) and the dagger alef (U+0670) are removed, and so is tatweel (U+0640);
 *   أ إ آ ٱ fold to ا, ى to ي, ة to ه, ؤ to و, ئ to ي; the Persian forms ی ک ھ ہ ە to ي ك ه, and the
 *   Maghreb's ڭ and گ to ك; Arabic-Indic and Persian digits become 0–9;
 *   bidi controls and zero-width characters are dropped; Latin letters are lower-cased.
 *
 * SQLite's FTS5 unicode61 tokenizer knows none of this and splits words at harakat, so the app
 * computes the search form and indexes that.
 */

import { createHash } from 'node:crypto';

// What the search form drops, and what it folds, by UTF-16 code unit: one table lookup per
// character keeps normalisation cheap enough to run inside every indexing trigger.
const DROP = new Uint8Array(0x10000);
for (let c = 0x064b; c <= 0x0652; c++) DROP[c] = 1; // harakat
for (const c of [0x0670, 0x0640, 0x061c, 0xfeff]) DROP[c] = 1; // dagger alef, tatweel, Arabic letter mark, BOM
for (let c = 0x200b; c <= 0x200f; c++) DROP[c] = 1; // zero-width characters, LRM, RLM
for (let c = 0x202a; c <= 0x202e; c++) DROP[c] = 1; // bidi embeddings and overrides
for (let c = 0x2066; c <= 0x2069; c++) DROP[c] = 1; // bidi isolates

const FOLD = new Map<number, string>([
  [0x0623, 'ا'], // أ
  [0x0625, 'ا'], // إ
  [0x0622, 'ا'], // آ
  [0x0671, 'ا'], // ٱ
  [0x0649, 'ي'], // ى
  [0x0629, 'ه'], // ة
  [0x0624, 'و'], // ؤ
  [0x0626, 'ي'], // ئ
  // Persian and Urdu forms that keyboards and copied text put in Arabic words.
  [0x06cc, 'ي'], // ی
  [0x06a9, 'ك'], // ک
  [0x06be, 'ه'], // ھ
  [0x06c1, 'ه'], // ہ
  [0x06d5, 'ه'], // ە
  // The Maghreb's g (الحراڭة), written ك as often.
  [0x06ad, 'ك'], // ڭ
  [0x06af, 'ك'], // گ
]);
for (let d = 0; d <= 9; d++) {
  FOLD.set(0x0660 + d, String(d)); // Arabic-Indic digits
  FOLD.set(0x06f0 + d, String(d)); // Persian digits
}

/** The folded form of one UTF-16 code unit ('' when dropped). */
function foldUnit(code: number, unit: string): string {
  if (DROP[code]) return '';
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : unit;
  return FOLD.get(code) ?? (code < 0x0600 || code > 0x06ff ? unit.toLowerCase() : unit);
}

/** Stored form: Unicode NFC, nothing else changed. */
export function toStored(text: string): string {
  return text.normalize('NFC');
}

/** The search and matching form of `text` (see the module comment). */
export function normalizeArabic(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < nfc.length; i++) out += foldUnit(nfc.charCodeAt(i), nfc[i]);
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
  for (let i = 0; i < text.length; i++) {
    const folded = foldUnit(text.charCodeAt(i), text[i]);
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
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

/**
 * The search forms a person's name is written in: «عبد اللطيف» and «عبداللطيف», «أبو بكر» and
 * «أبوبكر» are one name, spaced or not. The first is the name's own search form.
 */
export function nameForms(name: string): string[] {
  const form = searchForm(name);
  const joined = form.replace(/(^| )(عبد|ابو) (?=\S)/gu, '$1$2');
  const spaced = form.replace(/(^| )(عبد|ابو)(?=ال\S)/gu, '$1$2 ');
  return [...new Set([form, joined, spaced])];
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
