import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { openReadyDatabase } from '../bootstrap';
import { generateCorpus } from '../corpus/generate';

// `npm run corpus -- --articles N --db PATH [--seed S]`: a deterministic corpus for benchmarks.
const program = new Command('corpus')
  .description('Generate a deterministic corpus (articles, quotes, experts, organisations) into a database.')
  .requiredOption('--articles <n>', 'how many articles (about 10 quotes each)', (v) => Number.parseInt(v, 10))
  .requiredOption('--db <path>', 'SQLite file (created, migrated and seeded when new)')
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
  .option('--experts <n>', 'how many experts', (v) => Number.parseInt(v, 10), 5000)
  .option('--organisations <n>', 'how many organisations', (v) => Number.parseInt(v, 10), 1000)
  .parse();
const o = program.opts<{ articles: number; db: string; seed: number; experts: number; organisations: number }>();
if (!Number.isInteger(o.articles) || o.articles < 1) program.error('--articles must be a whole number of at least 1');

const started = performance.now();
const opened = openReadyDatabase(o.db);
const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'corpus [{bar}] {value}/{total} articles' }) : null;
bar?.start(o.articles, 0);
try {
  const report = generateCorpus(opened, { ...o, onProgress: (done) => bar?.update(done) });
  bar?.stop();
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const count = (table: string) => (opened.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    ['articles', 'quotes', 'experts', 'organisations', 'organisation_aliases', 'topics', 'quote_topics', 'quote_organisations'].map((t) => [t, count(t)]),
  );
  const size = fs.statSync(o.db).size;
  console.log(`added ${report.articles} articles and ${report.quotes} quotes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`database ${o.db}: ${(size / 2 ** 20).toFixed(1)} MB`);
  console.log(
    `rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
} finally {
  bar?.stop();
  opened.close();
}
