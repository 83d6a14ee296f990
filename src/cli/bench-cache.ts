import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { openDatabase } from '../db/client';
import { Random } from '../corpus/random';

// `npm run bench:cache -- --db PATH`: what SQLite's page cache size does to lookups spread over
// the whole archive (the harness repeats the same queries, which stay cached at any size). Runs
// the same random article lookups at SQLite's default cache and at DB_CACHE_MB's default.
const program = new Command('bench:cache')
  .requiredOption('--db <path>', 'a database made by `npm run corpus`')
  .option('--lookups <n>', 'batches of ten random article ids', (v) => Number.parseInt(v, 10), 5000)
  .option('--sizes <mb>', 'cache sizes to compare, in MiB, comma-separated', '2,64')
  .parse();
const opts = program.opts<{ db: string; lookups: number; sizes: string }>();
if (!fs.existsSync(opts.db)) program.error(`--db ${opts.db} does not exist; make one with npm run corpus -- --articles N --db ${opts.db}`);
const sizes = opts.sizes.split(',').map(Number);
if (sizes.some((s) => !(s > 0))) program.error('--sizes takes positive numbers of MiB, e.g. 2,64');

const results: { mb: number; ms: number }[] = [];
for (const mb of sizes) {
  const { sqlite, close } = openDatabase(opts.db, { readonly: true, cacheMb: mb });
  const maxId = (sqlite.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n;
  // Same ids for every size: one seed.
  const random = new Random(7);
  const batches = Array.from({ length: opts.lookups }, () => JSON.stringify(Array.from({ length: 10 }, () => 1 + Math.floor(random.next() * maxId))));
  const lookup = sqlite.prepare('SELECT id, title, lede FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  // One pass to warm the cache to its size, then the measured pass.
  for (const ids of batches) lookup.all(ids);
  const started = performance.now();
  for (const ids of batches) lookup.all(ids);
  results.push({ mb, ms: (performance.now() - started) / batches.length });
  close();
}
const base = results[0];
for (const r of results) console.log(`cache ${r.mb} MiB: ${r.ms.toFixed(3)} ms per ten random articles (${(base.ms / r.ms).toFixed(2)}× the ${base.mb} MiB figure)`);
