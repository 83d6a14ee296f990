import { normalizeArabic } from './normalize';

// A plain romanisation for slugs (not for display): one Latin letter or digraph per Arabic letter.
const LATIN: Record<string, string> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'ou',
  ي: 'i',
  ء: '',
  پ: 'p',
  ڤ: 'v',
  گ: 'g',
  چ: 'ch',
};

/** A slug from Arabic or Latin text: «هشام معتضد» → "hsham-matdd". May be empty. */
export function slugify(text: string, maxWords = 6): string {
  return normalizeArabic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, maxWords)
    .map((word) => [...word].map((c) => LATIN[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join(''))
    .filter(Boolean)
    .join('-')
    .replace(/-+/g, '-');
}
