import { badUserInput } from '../../graphql/errors';
import type { ExtractInput } from '../../extract/types';
import type { ArticleInput } from './ingest.input';

export const MAX_TITLE = 500;
export const MAX_BODY = 200_000;

/** Checks an article input field by field; the error names the field and the limit. */
export function validateArticleInput(input: ArticleInput): ExtractInput {
  const title = input.title.normalize('NFC').trim();
  const body = input.body.normalize('NFC').trim();
  if (!title) throw badUserInput('input.title: give the article’s headline.', 'input.title');
  if (title.length > MAX_TITLE) throw badUserInput(`input.title: at most ${MAX_TITLE} characters.`, 'input.title');
  if (!body) throw badUserInput('input.body: give the article’s text.', 'input.body');
  if (body.length > MAX_BODY) throw badUserInput(`input.body: at most ${MAX_BODY} characters.`, 'input.body');
  let url: string | null = null;
  if (input.url != null) {
    const parsed = URL.canParse(input.url) ? new URL(input.url) : null;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || input.url.length > 2048) {
      throw badUserInput('input.url: give an absolute http(s) URL of at most 2048 characters.', 'input.url');
    }
    url = parsed.href;
  }
  const language = input.language ?? 'ar';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    throw badUserInput('input.language: give a BCP 47 tag such as "ar" or "ar-MA".', 'input.language');
  }
  return { title, body, url, publishedAt: input.publishedAt ?? null, source: input.source ?? null, language };
}
