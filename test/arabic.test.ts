import { describe, expect, it } from 'vitest';
import { findMatches, markHighlights, snippet } from '../src/arabic/highlight';
import { contentHash, lightStem, normalizeArabic, normalizeWithMap, searchForm, tokenize } from '../src/arabic/normalize';
import { parseSearchQuery, SearchSyntaxError, toFtsMatch } from '../src/arabic/search-query';

describe('normalizeArabic', () => {
  it('removes harakat, the dagger alef and tatweel', () => {
    expect(normalizeArabic('السِّيبراني')).toBe('السيبراني');
    expect(normalizeArabic('السيبرانـــي')).toBe('السيبراني');
    expect(normalizeArabic('هٰذا')).toBe('هذا');
    expect(normalizeArabic('وعيًا متقدمًا')).toBe('وعيا متقدما');
  });

  it('folds hamza forms, alef maqsura and ta marbuta', () => {
    expect(normalizeArabic('الإنتربول')).toBe(normalizeArabic('الأنتربول'));
    expect(normalizeArabic('آمن ٱلله')).toBe('امن الله');
    expect(normalizeArabic('مستوى')).toBe('مستوي');
    expect(normalizeArabic('المنظمة')).toBe('المنظمه');
    expect(normalizeArabic('مؤسسة رئيس')).toBe('موسسه رييس');
  });

  it('folds the Persian letter forms and the Maghreb’s g into the Arabic ones', () => {
    expect(normalizeArabic('الأمن السیبرانی')).toBe(normalizeArabic('الأمن السيبراني'));
    expect(normalizeArabic('الکوکایین')).toBe(normalizeArabic('الكوكايين'));
    expect(normalizeArabic('الھجرة')).toBe(normalizeArabic('الهجرة'));
    expect(normalizeArabic('الحراڭة')).toBe(normalizeArabic('الحراكة'));
  });

  it('maps Arabic-Indic and Persian digits to 0–9 and lower-cases Latin', () => {
    expect(normalizeArabic('عام ٢٠٢٥ و۱۹۹۹ Interpol')).toBe('عام 2025 و1999 interpol');
  });

  it('drops bidi controls and zero-width characters', () => {
    expect(normalizeArabic('\u202Bالأمن\u202C\u200F \u200Bالوطني\u2066\u2069\uFEFF\u061C')).toBe('الامن الوطني');
  });

  it('applies NFC first', () => {
    expect(normalizeArabic('\u0627\u0653')).toBe('ا'); // alef + madda above composes to آ
  });

  it('maps every normalised character back to its place in the original', () => {
    const original = 'الأمنُ السِّيبرانـي';
    const { text, map } = normalizeWithMap(original);
    expect(text).toBe('الامن السيبراني');
    expect(map).toHaveLength(text.length + 1);
    const [, second] = tokenize(text);
    expect(original.slice(map[second.start], map[second.end])).toBe('السِّيبرانـي');
  });
});

describe('lightStem', () => {
  it.each([
    ['الامن', 'امن'],
    ['للامن', 'امن'],
    ['والهجره', 'هجره'],
    ['بالبشر', 'بشر'],
    ['لهسبريس', 'هسبريس'],
    ['كشريك', 'شريك'],
    ['لكم', 'لكم'],
    ['من', 'من'],
    ['interpol', 'interpol'],
  ])('%s → %s', (word, stem) => expect(lightStem(word)).toBe(stem));
});

describe('search syntax', () => {
  it('parses words, phrases in any quote marks and prefixes', () => {
    expect(parseSearchQuery('الأمن "الجريمة المنظمة" «تبادل المعلومات» السيبر*')).toEqual([
      { words: ['الامن'], prefix: false },
      { words: ['الجريمه', 'المنظمه'], prefix: false },
      { words: ['تبادل', 'المعلومات'], prefix: false },
      { words: ['السيبر'], prefix: true },
    ]);
  });

  it('never passes FTS5 syntax through: operators and NEAR( are plain words, punctuation is nothing', () => {
    expect(toFtsMatch(parseSearchQuery('NEAR( a OR b) AND -c:*'))).toBe('stem: "near" AND stem: "a" AND stem: "or" AND stem: "b" AND stem: "and" AND stem: "c"');
    expect(toFtsMatch(parseSearchQuery('؟!،.()*'))).toBeNull();
  });

  it('refuses an unbalanced quote mark', () => {
    expect(() => parseSearchQuery('"الأمن')).toThrow(SearchSyntaxError);
    expect(() => parseSearchQuery('«الأمن')).toThrow(/unbalanced quote mark/);
  });
});

describe('snippets', () => {
  it('highlights the original text, diacritics and all, for a normalised match', () => {
    const text = 'أما الثانية فتتركز على الأمنِ السِّيبراني، باعتباره جبهة جديدة';
    const [range] = findMatches(text, parseSearchQuery('السيبراني'));
    expect(text.slice(range.start, range.end)).toBe('السِّيبراني');
    expect(markHighlights({ text, highlights: [range] })).toContain('<mark>السِّيبراني</mark>');
  });

  it('matches a phrase across its words and clitic forms of a word', () => {
    const text = 'تعزيز التعاون مع الإنتربول وللإنتربول دور';
    const ranges = findMatches(text, parseSearchQuery('"التعاون مع" الأنتربول'));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['التعاون مع', 'الإنتربول', 'وللإنتربول']);
  });

  it('cuts long texts around the first match at word boundaries', () => {
    const long = `${'كلمة '.repeat(100)}الهدف ${'نص '.repeat(100)}`;
    const s = snippet(long, parseSearchQuery('الهدف'), 120);
    expect(s.text.length).toBeLessThanOrEqual(122);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.slice(s.highlights[0].start, s.highlights[0].end)).toBe('الهدف');
  });
});

it('contentHash ignores diacritics and spacing but not words', () => {
  expect(contentHash('الأمنُ  السِّيبراني')).toBe(contentHash('الامن السيبراني'));
  expect(contentHash('الأمن السيبراني')).not.toBe(contentHash('الأمن الوطني'));
  expect(searchForm('  الأمن، الوطني!')).toBe('الامن الوطني');
});
