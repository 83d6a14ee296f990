import fs from 'node:fs';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { freePort, start, stop, waitHealthy } from '../bench/harness';
import { prepareServer } from '../bench/start-command';

// `npm run bench:abuse -- --db PATH`: a cheap query's latency alone, then while one client loops
// the costliest searches the server accepts (each different, so no kept ranking answers it).
const program = new Command('bench:abuse')
  .requiredOption('--db <path>', 'a database made by `npm run corpus`')
  .option('--duration <s>', 'seconds of each measurement', Number.parseFloat, 10)
  .option('--connections <n>', 'connections asking the cheap query', (v) => Number.parseInt(v, 10), 2)
  .parse();
const opts = program.opts<{ db: string; duration: number; connections: number }>();
if (!fs.existsSync(opts.db)) program.error(`--db ${opts.db} does not exist; make one with npm run corpus -- --articles N --db ${opts.db}`);

// The widest a search may be (SEARCH_LIMITS): two three-letter prefixes of the commonest words and
// common function words, changed on every request.
const PREFIXES = ['الا*', 'وال*', 'الم*', 'بال*', 'الت*', 'الع*', 'الس*', 'للا*'];
const WORDS = ['في', 'من', 'على', 'الى', 'عن', 'ان', 'التي', 'الذي', 'مع', 'هذا', 'كان', 'بين'];
const widest = (n: number) => [PREFIXES[n % 8], PREFIXES[(n * 3 + 1) % 8], ...[0, 1, 2, 3].map((k) => WORDS[(n * (2 * k + 1) + k * 3) % 12])].join(' ');
const CHEAP = JSON.stringify({ query: '{ topics { slug name } }' });

async function main(): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const server = start(prepareServer(), { NODE_ENV: 'production', DATABASE_PATH: opts.db, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/ready`, server);
    const cheap = () => autocannon({ url, connections: opts.connections, duration: opts.duration, method: 'POST', headers: { 'content-type': 'application/json' }, body: CHEAP });
    await autocannon({ url, connections: opts.connections, duration: 1, method: 'POST', headers: { 'content-type': 'application/json' }, body: CHEAP });
    const alone = await cheap();

    let running = true;
    const searches = { n: 0, refused: 0, slowest: 0 };
    const loop = (async () => {
      while (running) {
        const started = performance.now();
        const query = `{ search(query: ${JSON.stringify(widest(searches.n++))}) { totalCount edges { node { __typename } } } }`;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        if ((await res.text()).includes('"errors"')) searches.refused += 1;
        searches.slowest = Math.max(searches.slowest, performance.now() - started);
      }
    })();
    const beside = await cheap();
    running = false;
    await loop;

    console.log(`database ${opts.db}; the cheap query at ${opts.connections} connections for ${opts.duration} s`);
    console.log('| cheap query | req/s | p50 ms | p99 ms | max ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, r] of [
      ['alone', alone],
      ['beside the search loop', beside],
    ] as const) {
      console.log(`| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} |`);
    }
    console.log(`search loop: ${searches.n} searches, ${searches.refused} refused or over budget, the slowest answered in ${searches.slowest.toFixed(0)} ms`);
  } finally {
    await stop(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
