import { lightStem, normalizeWithMap, tokenize } from './normalize';
import type { SearchTerm } from './search-query';

export interface TextRange {
  start: number;
  end: number;
}

/** Where the terms match in `original`, as offsets into `original` itself (found in its search form). */
export function findMatches(original: string, terms: SearchTerm[]): TextRange[] {
  const { text, map } = normalizeWithMap(original);
  const tokens = tokenize(text);
  const stems = tokens.map((t) => lightStem(t.norm));
  const wordMatches = (i: number, word: string, prefix: boolean) =>
    prefix ? tokens[i].norm.startsWith(word) || stems[i].startsWith(lightStem(word)) : tokens[i].norm === word || stems[i] === lightStem(word);
  const ranges: TextRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const term of terms) {
      const n = term.words.length;
      if (i + n > tokens.length) continue;
      const all = term.words.every((w, k) => wordMatches(i + k, w, term.prefix && k === n - 1));
      if (all) ranges.push({ start: map[tokens[i].start], end: map[tokens[i + n - 1].end] });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge overlaps so highlights never nest.
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export interface Snippet {
  text: string;
  highlights: TextRange[];
}

/**
 * A window of `original` around its first match, cut at word boundaries, with the matches'
 * offsets relative to the window. Short texts are returned whole.
 */
export function snippet(original: string, terms: SearchTerm[], maxLength = 240): Snippet {
  const matches = findMatches(original, terms);
  if (original.length <= maxLength) return { text: original, highlights: matches };
  const first = matches[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 4));
  if (start > 0) {
    const space = original.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(original.length, start + maxLength);
  if (end < original.length) {
    const space = original.lastIndexOf(' ', end);
    end = space > first ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < original.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${original.slice(start, end)}${suffix}`,
    highlights: matches.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start + shift, end: m.end + shift })),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The snippet as HTML-escaped text with <mark> around each highlight. */
export function markHighlights({ text, highlights }: Snippet): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += `${escapeHtml(text.slice(at, h.start))}<mark>${escapeHtml(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  return out + escapeHtml(text.slice(at));
}
