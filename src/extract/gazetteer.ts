import { lightStem, normalizeWithMap, tokenize, type Token } from '../arabic/normalize';

/**
 * Finds catalogue phrases (organisation aliases, topic terms, people's names) in text, comparing
 * light-stemmed search forms word by word, so «للمديرية العامة للأمن الوطني» matches the alias
 * «المديرية العامة للأمن الوطني» and «لهسبريس» matches «هسبريس».
 */

// Endings a phrase's last word may take in the text: «الإرهاب» also finds «الإرهابية».
const SUFFIXES = ['', 'ي', 'يه', 'يين', 'يون', 'ين', 'ون', 'ات', 'ه', 'ها', 'هم', 'ان', 'يا'];
const MIN_SUFFIXED_STEM = 4;

export interface GazetteerEntry<T> {
  value: T;
  stems: string[];
}

export interface GazetteerMatch<T> {
  value: T;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Word indexes in the analysed text. */
  firstWord: number;
  lastWord: number;
}

export function phraseStems(phrase: string): string[] {
  return tokenize(normalizeWithMap(phrase.normalize('NFC')).text).map((t) => lightStem(t.norm));
}

export class Gazetteer<T> {
  private readonly byFirst = new Map<string, GazetteerEntry<T>[]>();

  constructor(entries: { phrase: string; value: T }[]) {
    for (const { phrase, value } of entries) {
      const stems = phraseStems(phrase);
      if (stems.length === 0) continue;
      const list = this.byFirst.get(stems[0]) ?? [];
      list.push({ value, stems });
      this.byFirst.set(stems[0], list);
    }
    // Longest phrases first, so «المديرية العامة للأمن الوطني» wins over «الأمن الوطني».
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  private static wordMatches(entryStem: string, stem: string, last: boolean): boolean {
    if (entryStem === stem) return true;
    if (!last || entryStem.length < MIN_SUFFIXED_STEM || !stem.startsWith(entryStem)) return false;
    return SUFFIXES.includes(stem.slice(entryStem.length));
  }

  /** Leftmost-longest, non-overlapping matches. */
  find(text: AnalysedText, from = 0, to = text.tokens.length): GazetteerMatch<T>[] {
    const matches: GazetteerMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      const candidates = [...(this.byFirst.get(text.stems[i]) ?? []), ...this.prefixCandidates(text.stems[i])];
      let found: GazetteerEntry<T> | undefined;
      for (const entry of candidates) {
        const n = entry.stems.length;
        if (i + n > to) continue;
        if (entry.stems.every((s, k) => Gazetteer.wordMatches(s, text.stems[i + k], k === n - 1))) {
          found = entry;
          break;
        }
      }
      if (found) {
        const last = i + found.stems.length - 1;
        matches.push({ value: found.value, start: text.startOf(i), end: text.endOf(last), firstWord: i, lastWord: last });
        i = last;
      }
    }
    return matches;
  }

  // One-word entries may match a suffixed form whose stem is not a key of byFirst.
  private prefixCandidates(stem: string): GazetteerEntry<T>[] {
    for (let cut = 1; cut <= 3 && stem.length - cut >= MIN_SUFFIXED_STEM; cut++) {
      const list = this.byFirst.get(stem.slice(0, stem.length - cut));
      if (list) return list.filter((e) => e.stems.length === 1);
    }
    return [];
  }
}

/** A text analysed once: its words in search form, their stems, and their offsets in the original. */
export class AnalysedText {
  readonly tokens: Token[];
  readonly stems: string[];
  private readonly map: number[];

  constructor(readonly original: string) {
    const { text, map } = normalizeWithMap(original);
    this.map = map;
    this.tokens = tokenize(text);
    this.stems = this.tokens.map((t) => lightStem(t.norm));
  }

  startOf(word: number): number {
    return this.map[this.tokens[word].start];
  }

  endOf(word: number): number {
    return this.map[this.tokens[word].end];
  }

  /** Index of the first word starting at or after `offset` (an original offset). */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.startOf(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
