import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ExtractInput } from '../extract/types';

const JsonArticle = z.object({
  title: z.string().trim().min(1, 'give a title'),
  body: z.string().trim().min(1, 'give a body'),
  url: z.string().url().nullish(),
  publishedAt: z.iso.datetime({ offset: true }).or(z.iso.date()).nullish(),
  source: z.string().nullish(),
  language: z.string().nullish(),
});

export class InputFileError extends Error {}

/**
 * Reads one article file: `.json` in the ingestArticle input shape, or `.txt`/`.md` whose first
 * line is the title (a leading `#` is dropped) and the rest the body.
 */
export function readArticleFile(file: string): ExtractInput {
  const ext = path.extname(file).toLowerCase();
  const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new InputFileError(`not valid JSON: ${(error as Error).message}`);
    }
    const parsed = JsonArticle.safeParse(json);
    if (!parsed.success) {
      throw new InputFileError(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
    }
    const a = parsed.data;
    return { ...a, publishedAt: a.publishedAt ? new Date(a.publishedAt) : null, language: a.language ?? 'ar' };
  }
  if (ext === '.txt' || ext === '.md') {
    const text = raw.replace(/\r\n?/g, '\n');
    const newline = text.indexOf('\n');
    const title = (newline < 0 ? text : text.slice(0, newline)).replace(/^#+\s*/, '').trim();
    const body = newline < 0 ? '' : text.slice(newline + 1).trim();
    if (!title || !body) throw new InputFileError('the first line is the title and the body follows it: both are needed');
    return { title, body };
  }
  throw new InputFileError('use .json, .txt or .md');
}
