import type { QuoteKind } from '../db/schema';

export interface ExtractInput {
  title: string;
  body: string;
  url?: string | null;
  publishedAt?: Date | null;
  /** Slug, name or alias of the outlet. */
  source?: string | null;
  language?: string;
}

/** What the extractor knows before it reads: the catalogues in the database. */
export interface Catalogue {
  organisations: { slug: string; name: string; nameEn: string | null; acronym: string | null; aliases: string[] }[];
  topics: { slug: string; labelAr: string; terms: string[] }[];
  experts: { slug: string; name: string; title: string | null }[];
}

/** A person as the article presents them; `slug` is set when they are already in the catalogue. */
export interface ExtractedPerson {
  slug: string | null;
  name: string;
  title: string | null;
}

/**
 * Who said a quote: a person; an organisation of the catalogue, by slug; or an institution the
 * catalogue does not hold yet («وزارة الهجرة المغربية», «السلطات الأمنية»), by its name as printed,
 * which ingest adds to the catalogue as an organisation.
 */
export type ExtractedSpeaker = { person: ExtractedPerson } | { organisation: string } | { institution: string };

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  kind: QuoteKind;
  verb: string | null;
  speaker: ExtractedSpeaker | null;
  /** The words the speaker was read from, as printed («المسؤول الأمني», «وزارة الهجرة»); null when the speaker goes on from the quote before. */
  attribution: string | null;
  /** Topic slugs. */
  topics: string[];
  /** Organisation slugs the quote names. */
  organisations: string[];
}

export interface Extraction {
  title: string;
  body: string;
  lede: string;
  language: string;
  url: string | null;
  publishedAt: Date | null;
  source: string | null;
  quotes: ExtractedQuote[];
  /** Every person the article names: speakers and catalogue experts found in the text. */
  people: ExtractedPerson[];
  organisations: string[];
  topics: string[];
}
