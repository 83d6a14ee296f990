import fs from 'node:fs';
import path from 'node:path';

export class InputFileError extends Error {}

/**
 * Reads one article file as the fields of an article (checked by parseArticle, as ingestArticle's
 * input is): `.json` in the ingestArticle input shape, or `.txt`/`.md` whose first line is the
 * title (a leading `#` is dropped) and the rest the body.
 */
export function readArticleFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (ext === '.json') {
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new InputFileError(`not valid JSON: ${(error as Error).message}`);
    }
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
