import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ORGANISATION_KINDS, QUOTE_KINDS } from '../db/schema';
import { firstParagraph } from '../extract/paragraphs';
import type { Catalogue as ExtractionCatalogue } from '../extract/types';
import { fromRoot } from '../paths';

export const SEEDS_DIR = fromRoot('seeds');

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase latin letters, digits and single hyphens');

const OrganisationSeed = z.object({
  slug,
  name: z.string().min(1),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  aliases: z.array(z.string().min(1)),
});

const ExpertSeed = z.object({
  slug,
  name: z.string().min(1),
  nameLatin: z.string().nullable(),
  title: z.string().nullable(),
  affiliations: z.array(slug),
});

const TopicSeed = z.object({
  slug,
  labelAr: z.string().min(1),
  labelEn: z.string().min(1),
  parent: slug.nullable(),
  lexicon: z.array(z.string().min(1)),
});

const QuoteAnnotation = z.object({
  position: z.number().int().positive(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  kind: z.enum(QUOTE_KINDS),
  verb: z.string().nullable(),
  speaker: z.union([z.object({ expert: slug }), z.object({ organisation: slug })]).nullable(),
  topics: z.array(slug),
  organisations: z.array(slug),
});

const ArticleSeed = z.object({
  slug,
  rawFile: z.string(),
  titleFromFirstLine: z.boolean(),
  title: z.string().optional(),
  source: slug.nullable(),
  language: z.string().default('ar'),
  url: z.string().url().nullable(),
  publishedAt: z.string().date().nullable(),
  topics: z.array(slug),
  experts: z.array(slug),
  organisations: z.array(slug),
  notQuotes: z.array(z.object({ text: z.string(), why: z.string() })),
  quotes: z.array(QuoteAnnotation),
});

export type OrganisationSeed = z.infer<typeof OrganisationSeed>;
export type ExpertSeed = z.infer<typeof ExpertSeed>;
export type TopicSeed = z.infer<typeof TopicSeed>;
export type QuoteAnnotation = z.infer<typeof QuoteAnnotation>;

/** An annotated seed article with its title and body cut from the raw text, as stored. */
export interface SeedArticle extends Omit<z.infer<typeof ArticleSeed>, 'title'> {
  title: string;
  lede: string;
  body: string;
}

/** What seeds/ holds: the hand-checked catalogue (organisations, experts, topics) and the articles annotated with it. */
export interface Seeds {
  organisations: OrganisationSeed[];
  experts: ExpertSeed[];
  topics: TopicSeed[];
  articles: SeedArticle[];
}

function readJson<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path.relative(process.cwd(), file)} is not a valid seed file: ${where}`);
  }
  return parsed.data;
}

/** Splits raw article text the way ingest does: an optional first-line title, then the body. */
export function splitRawArticle(raw: string, titleFromFirstLine: boolean): { title: string | null; body: string } {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  if (!titleFromFirstLine) return { title: null, body: text.trim() };
  const newline = text.indexOf('\n');
  const title = (newline < 0 ? text : text.slice(0, newline)).trim();
  return { title, body: newline < 0 ? '' : text.slice(newline + 1).trim() };
}

function loadArticle(dir: string, file: string): SeedArticle {
  const meta = readJson(ArticleSeed, path.join(dir, file));
  const raw = fs.readFileSync(path.join(dir, meta.rawFile), 'utf8');
  const { title, body } = splitRawArticle(raw, meta.titleFromFirstLine);
  const finalTitle = title ?? meta.title;
  if (!finalTitle) throw new Error(`${file}: give a "title" or set "titleFromFirstLine"`);
  meta.quotes.forEach((q, i) => {
    if (q.position !== i + 1) throw new Error(`${file}: quote positions must run 1, 2, 3… in order (found ${q.position} at #${i + 1})`);
    if (body.slice(q.start, q.end) !== q.text) {
      throw new Error(`${file}: quote ${q.position} does not match body.slice(${q.start}, ${q.end})`);
    }
  });
  return { ...meta, title: finalTitle, lede: firstParagraph(body), body };
}

export function loadSeeds(dir: string = SEEDS_DIR): Seeds {
  const articlesDir = path.join(dir, 'articles');
  return {
    organisations: readJson(z.array(OrganisationSeed), path.join(dir, 'organisations.json')),
    experts: readJson(z.array(ExpertSeed), path.join(dir, 'experts.json')),
    topics: readJson(z.array(TopicSeed), path.join(dir, 'topics.json')),
    articles: fs
      .readdirSync(articlesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => loadArticle(articlesDir, f)),
  };
}

/** The catalogue the extractor reads, from the seed files: for evaluation without a database. */
export function catalogueFromSeeds(seeds: Seeds, options: { withExperts: boolean }): ExtractionCatalogue {
  return {
    organisations: seeds.organisations,
    topics: seeds.topics.map((t) => ({ slug: t.slug, labelAr: t.labelAr, terms: t.lexicon })),
    experts: options.withExperts ? seeds.experts : [],
  };
}
