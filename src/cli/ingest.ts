import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { openReadyDatabase } from '../bootstrap';
import { ArticleInputError, readArticle } from '../ingest/article';
import { InputFileError, readArticleFile } from '../ingest/files';
import { storeExtraction, type StoredArticle } from '../ingest/store';
import { isBusy, writeTransaction } from '../db/write';
import type { Extraction } from '../extract/types';

// `npm run ingest -- FILE...`: read raw articles into DATABASE_PATH, one transaction per article.
const program = new Command('ingest')
  .description('Extract quotes, speakers, organisations and topics from articles and store them.')
  .argument('<files...>', '.json (title, body, url?, publishedAt?, source?, language?) or .txt/.md (first line = title)')
  .option('--json', 'print what was extracted from each file, as JSON lines')
  .option('--dry-run', 'extract only; write nothing')
  .option('--log', 'print a line for each article once it is committed')
  .option('--batch <n>', 'articles per commit; each still lands whole or not at all', (v) => Number.parseInt(v, 10), 32)
  .parse();
const options = program.opts<{ json?: boolean; dryRun?: boolean; log?: boolean; batch: number }>();
const files = program.args;

function main(): number {
  const config = loadConfig();
  const { db, sqlite, close } = openReadyDatabase(config.DATABASE_PATH);
  const summary = { created: 0, updated: 0, quotes: 0, newExperts: 0, failed: 0 };
  const failures: string[] = [];
  // A progress bar for many files on a terminal; never mixed into --json output.
  const bar = files.length > 1 && process.stderr.isTTY && !options.log ? new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}' }) : null;
  try {
    bar?.start(files.length, 0, { file: '' });
    const fail = (file: string, error: unknown) => {
      summary.failed += 1;
      failures.push(`${file}: ${error instanceof InputFileError || error instanceof ArticleInputError ? error.message : String(error)}`);
    };
    // Several articles share a commit (commits dominate the cost of small writes); each article
    // is its own savepoint inside it, so a failing one rolls back alone and a crash loses only
    // the commit in flight, none of whose articles were acknowledged.
    for (let i = 0; i < files.length; i += Math.max(1, options.batch)) {
      const chunk = files.slice(i, i + Math.max(1, options.batch));
      const read: { file: string; extraction: Extraction }[] = [];
      for (const file of chunk) {
        try {
          const extraction = readArticle(db, readArticleFile(file));
          if (options.json) console.log(JSON.stringify({ file, ...extraction }));
          read.push({ file, extraction });
        } catch (error) {
          fail(file, error);
        }
      }
      const committed: string[] = [];
      if (!options.dryRun) {
        // What the batch stored, counted only once it has committed: a batch retried after BUSY starts afresh.
        let outcomes: ({ file: string; stored: StoredArticle } | { file: string; error: unknown })[];
        try {
          outcomes = writeTransaction(sqlite, () =>
            read.map(({ file, extraction }) => {
              try {
                return { file, stored: storeExtraction(db, extraction) };
              } catch (error) {
                // Busy is the whole batch's to retry, not this article's failure.
                if (isBusy(error)) throw error;
                return { file, error };
              }
            }),
          );
        } catch (error) {
          // Still locked out after every retry: none of the batch landed, and each file says so.
          outcomes = read.map(({ file }) => ({ file, error }));
        }
        for (const outcome of outcomes) {
          if ('error' in outcome) {
            fail(outcome.file, outcome.error);
            continue;
          }
          const { stored } = outcome;
          summary[stored.created ? 'created' : 'updated'] += 1;
          summary.newExperts += stored.newExperts;
          summary.quotes += stored.quotes;
          committed.push(`committed ${outcome.file} article=${stored.articleId} quotes=${stored.quotes}`);
        }
      }
      // A dry run stores nothing: it reports the quotes it found.
      if (options.dryRun) summary.quotes += read.reduce((n, r) => n + r.extraction.quotes.length, 0);
      if (options.log) for (const line of committed) console.log(line);
      bar?.increment(chunk.length, { file: path.basename(chunk.at(-1)!) });
    }
  } finally {
    bar?.stop();
    close();
  }
  for (const f of failures) console.error(`failed ${f}`);
  const verb = options.dryRun ? 'read' : 'ingested';
  console.error(
    `${verb} ${files.length - summary.failed}/${files.length} files: ${summary.created} new articles, ${summary.updated} updated, ` +
      `${summary.quotes} quotes, ${summary.newExperts} new experts${summary.failed ? `, ${summary.failed} failed` : ''}`,
  );
  return summary.failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
