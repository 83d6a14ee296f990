import { z } from 'zod';
import type { AppDb } from '../db/client';
import { catalogueFromDb } from '../extract/catalogue';
import { extractArticle } from '../extract/extract';
import type { ExtractInput, Extraction } from '../extract/types';

export const MAX_TITLE = 500;
export const MAX_BODY = 200_000;

/** A field of an article to ingest that is wrong, and what to change: ingestArticle and npm run ingest say it each their way. */
export class ArticleInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const URL_RULE = 'give an absolute http(s) URL of at most 2048 characters.';
const text = z.string().transform((s) => s.normalize('NFC').trim());

/** An article to ingest, as ingestArticle and npm run ingest both take it: one set of rules. */
const ArticleSchema = z.object({
  title: text.pipe(z.string().min(1, 'give the article’s headline.').max(MAX_TITLE, `at most ${MAX_TITLE} characters.`)),
  body: text.pipe(z.string().min(1, 'give the article’s text.').max(MAX_BODY, `at most ${MAX_BODY} characters.`)),
  url: z
    .string()
    .max(2048, URL_RULE)
    .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), URL_RULE)
    .transform((u) => new URL(u).href)
    .nullish(),
  publishedAt: z.union([z.date(), z.iso.datetime({ offset: true }).transform((d) => new Date(d)), z.iso.date().transform((d) => new Date(d))]).nullish(),
  source: z.string().nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'give a BCP 47 tag such as "ar" or "ar-MA".')
    .nullish(),
});

/** Checks an article field by field; ArticleInputError names the first wrong field and its limit. */
export function parseArticle(input: unknown): ExtractInput {
  const parsed = ArticleSchema.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ArticleInputError(String(issue.path[0] ?? 'article'), issue.message);
  }
  const a = parsed.data;
  return { title: a.title, body: a.body, url: a.url ?? null, publishedAt: a.publishedAt ?? null, source: a.source ?? null, language: a.language ?? 'ar' };
}

/** Reads an article with the catalogue as the database holds it now; a source the catalogue does not know is an error. */
export function readArticle(db: AppDb, input: unknown): Extraction {
  const article = parseArticle(input);
  const extraction = extractArticle(article, catalogueFromDb(db));
  if (article.source && !extraction.source) {
    throw new ArticleInputError('source', `no organisation is called "${article.source}"; use an organisation slug or alias, e.g. "hespress".`);
  }
  return extraction;
}
