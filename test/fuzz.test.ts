import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches } from '../src/arabic/highlight';
import { normalizeWithMap } from '../src/arabic/normalize';
import { parseSearchQuery, SearchSyntaxError, toFtsMatch } from '../src/arabic/search-query';
import { catalogueFromSeeds } from '../src/seed/seeds';
import { extractArticle } from '../src/extract/extract';
import { loadSeeds } from '../src/seed/seeds';

const catalogue = catalogueFromSeeds(loadSeeds(), { withExperts: true });

// Text built from what trips extractors: quote marks of every kind, Arabic words and clitics,
// harakat, tatweel, bidi controls, commas, colons, newlines, and any other Unicode.
const pieces = fc.oneof(
  fc.constantFrom('“', '”', '«', '»', '"', '‘', '’', '„', ':', '،', ',', '.', '؟', '\n', ' ', ' ', 'ـ', '\u064E', '\u0651', '\u200F', '\u202B'),
  fc.constantFrom(
    'قال',
    'وأضاف',
    'إن',
    'أن',
    'المصرح عينه',
    'الباحث ذاته',
    'مؤكدا',
    'لافتا إلى أن',
    'هشام معتضد',
    'معتضد',
    'الإنتربول',
    'لهسبريس',
    'ووفق بيان صادر عن',
    'المديرية العامة للأمن الوطني',
    'الأمن السيبراني',
    'بينما شددت',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const bodies = fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join(''));

describe('extractor fuzz', () => {
  it('never throws and never produces an offset that lies (random Unicode bodies)', () => {
    fc.assert(
      fc.property(bodies, (raw) => {
        const result = extractArticle({ title: 'عنوان', body: raw }, catalogue);
        let previousStart = -1;
        for (const [i, q] of result.quotes.entries()) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(result.body.length);
          expect(result.body.slice(q.start, q.end)).toBe(q.text);
          expect(q.start).toBeGreaterThanOrEqual(previousStart);
          previousStart = q.start;
          // Quotes never cross: one that overlaps another is a quote in marks inside reported speech.
          for (const other of result.quotes.slice(0, i)) {
            if (other.end <= q.start) continue;
            expect([other.kind, q.kind]).toEqual(['INDIRECT', 'DIRECT']);
            expect(q.end).toBeLessThanOrEqual(other.end);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('search fuzz', () => {
  it('turns any input into a safe FTS expression or a syntax error, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        try {
          const match = toFtsMatch(parseSearchQuery(input));
          if (match !== null) expect(match).toMatch(/^((\(exact: "[\p{L}\p{N} ]+"\* OR stem: "[\p{L}\p{N} ]+"\*\)|stem: "[\p{L}\p{N} ]+")( AND )?)+$/u);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchSyntaxError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('maps every highlight back inside the original text', () => {
    fc.assert(
      fc.property(bodies, fc.constantFrom('الأمن', 'قال', 'السيبر*', '"الأمن السيبراني"'), (text, query) => {
        expect(normalizeWithMap(text).map).toHaveLength(normalizeWithMap(text).text.length + 1);
        for (const r of findMatches(text, parseSearchQuery(query))) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.end).toBeGreaterThan(r.start);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
