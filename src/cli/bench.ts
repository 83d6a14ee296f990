import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { freePort, start, stop, waitHealthy } from '../bench/harness';
import { prepareServer } from '../bench/start-command';
import { operationHash, persistedQuery } from '../graphql/protection/persisted';
import { toGlobalId } from '../graphql/relay';

// `npm run bench -- --db PATH [--json OUT]`: the real server (production config) under autocannon,
// scenario by scenario, beside a raw node:http + better-sqlite3 handler for S2 in the same run.
const program = new Command('bench')
  .requiredOption('--db <path>', 'a database made by `npm run corpus` (or the seeded data/quotes.db)')
  .option('--json <file>', 'also write the results as JSON')
  .option('--duration <s>', 'seconds per scenario', Number.parseFloat, 10)
  .option('--warmup <s>', 'seconds of warm-up per scenario', Number.parseFloat, 2)
  .option('--connections <n>', 'concurrent connections', (v) => Number.parseInt(v, 10), 10)
  .option('--rounds <n>', 'split each scenario into this many runs, taken in turn with the others; figures are medians over rounds', (v) => Number.parseInt(v, 10), 3)
  .option('--smoke', 'a few seconds in all: checks that the harness works, measures nothing')
  .option('--only <prefixes>', 'run only the scenarios whose names start with one of these, comma-separated (e.g. S2,S4)')
  .option('--cpu-prof <dir>', 'write a V8 CPU profile of the GraphQL server to this folder (open it in Chrome DevTools)')
  .parse();
const opts = program.opts<{ db: string; json?: string; duration: number; warmup: number; connections: number; rounds: number; smoke?: boolean; only?: string; cpuProf?: string }>();
if (opts.smoke) Object.assign(opts, { duration: 0.4, warmup: 0, rounds: 1 });
if (!(opts.rounds >= 1)) program.error('--rounds must be 1 or more');
if (!fs.existsSync(opts.db)) program.error(`--db ${opts.db} does not exist; make one with npm run corpus -- --articles N --db ${opts.db}`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// utime + stime of a process, in ms (the kernel counts them in USER_HZ ticks, 100 a second on Linux).
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const peakRss = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) * 1024;

// What to ask for: the most quoted expert and one quoted once, from the database itself.
const reader = new Database(opts.db, { readonly: true });
const bySpeaker = reader
  .prepare('SELECT speaker_expert_id AS id, count(*) AS n FROM quotes WHERE speaker_expert_id IS NOT NULL GROUP BY speaker_expert_id ORDER BY n DESC')
  .all() as { id: number; n: number }[];
const counts = {
  quotes: (reader.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n,
  articles: (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
};
reader.close();
const heavy = bySpeaker[0];
const rare = bySpeaker.at(-1)!;

const S2 = `query S2($id: ID!) { expert(id: $id) { name quotes(first: 10, topic: "cybersecurity") { edges { node { text article { title } organisations { name } } } } } }`;
const gql = (query: string, variables: object = {}) => JSON.stringify({ query, variables });
// S2 as a client with persisted queries sends it: a GET naming the operation by hash, as the raw handler is asked.
const S2_PERSISTED = persistedQuery(operationHash(S2));
const byHash = (variables: object) => `/graphql?${new URLSearchParams({ operationName: 'S2', variables: JSON.stringify(variables), extensions: JSON.stringify(S2_PERSISTED) })}`;
interface Scenario {
  name: string;
  target: 'graphql' | 'raw';
  body?: string;
  /** A GET of this path; without it, a POST of `body` to /graphql. */
  path?: string;
  unique?: boolean;
  /** Instead of --connections: one connection measures latency without queueing. */
  connections?: number;
  /** Searches ranked afresh on every request: the server keeps none while this scenario runs. */
  uncached?: boolean;
}
// S7: the mission question as a generated client asks it, with the filter and page size in variables.
const S7 = `query S7($f: QuoteFilter, $first: Int) { quotes(first: $first, filter: $f) { totalCount edges { node { text speaker { ... on Expert { name } } article { title publishedAt } } } } }`;
const S7_PERSISTED = persistedQuery(operationHash(S7));
const s7Variables = (expertId: number) => ({ f: { topic: 'cybersecurity', speaker: toGlobalId('Expert', expertId) }, first: 10 });
const S7_BY_HASH = (expertId: number) =>
  `/graphql?${new URLSearchParams({ operationName: 'S7', variables: JSON.stringify(s7Variables(expertId)), extensions: JSON.stringify(S7_PERSISTED) })}`;
const S4_SEARCH = gql('{ search(query: "الأمن السيبراني", first: 20) { edges { node { ... on Quote { text } ... on Article { title } } } } }');
const S4_FILTERED = gql('{ quotes(first: 20, filter: { topic: "cybersecurity", search: "الهجمات" }) { edges { node { text } } } }');
const allScenarios: Scenario[] = [
  // What the stack costs before any resolver or SQL runs: HTTP, Apollo's pipeline, serialisation.
  { name: 'S0 floor, { __typename }', target: 'graphql', body: gql('{ __typename }') },
  { name: 'S1 lookup', target: 'graphql', body: gql('query S1($id: ID!) { expert(id: $id) { name role } }', { id: toGlobalId('Expert', heavy.id) }) },
  { name: `S2 mission, heavy (${heavy.n} quotes)`, target: 'graphql', body: gql(S2, { id: toGlobalId('Expert', heavy.id) }) },
  { name: `S2 raw handler, heavy`, target: 'raw', path: `/?expert=${heavy.id}` },
  { name: `S2 by hash (GET), heavy`, target: 'graphql', path: byHash({ id: toGlobalId('Expert', heavy.id) }) },
  { name: `S2 mission, rare (${rare.n} quotes)`, target: 'graphql', body: gql(S2, { id: toGlobalId('Expert', rare.id) }) },
  { name: `S2 raw handler, rare`, target: 'raw', path: `/?expert=${rare.id}` },
  { name: `S2 by hash (GET), rare`, target: 'graphql', path: byHash({ id: toGlobalId('Expert', rare.id) }) },
  { name: 'S3 wide, per-parent pages', target: 'graphql', body: gql('{ experts(first: 50) { edges { node { quotes(first: 5) { edges { node { text topics { slug } } } } } } } }') },
  { name: 'S4 search', target: 'graphql', body: S4_SEARCH },
  { name: 'S4 search, 1 connection', target: 'graphql', body: S4_SEARCH, connections: 1 },
  { name: 'S4 search ranked afresh', target: 'graphql', body: S4_SEARCH, uncached: true },
  { name: 'S4 search ranked afresh, 1 connection', target: 'graphql', body: S4_SEARCH, connections: 1, uncached: true },
  { name: 'S4 filtered quotes', target: 'graphql', body: S4_FILTERED },
  { name: 'S4 filtered quotes, 1 connection', target: 'graphql', body: S4_FILTERED, connections: 1 },
  {
    name: 'S5 big page',
    target: 'graphql',
    body: gql(
      '{ quotes(first: 100) { edges { node { text speaker { ... on Expert { name } ... on Organisation { name } } article { title } topics { slug } organisations { name } } } } }',
    ),
  },
  { name: `S7 typed client (variables, POST), heavy`, target: 'graphql', body: gql(S7, s7Variables(heavy.id)) },
  { name: `S7 typed client by hash (GET), heavy`, target: 'graphql', path: S7_BY_HASH(heavy.id) },
  { name: `S7 raw handler, heavy`, target: 'raw', path: `/typed?expert=${heavy.id}` },
  { name: 'S6 uncached parse (S2)', target: 'graphql', body: gql(S2, { id: toGlobalId('Expert', heavy.id) }), unique: true },
  // A news front end (examples/news.ts): an expert's latest quotes, the feed, a topic page from its end, a speaker's facets.
  {
    name: 'S8 latest quotes, heavy',
    target: 'graphql',
    body: gql(
      'query ($id: ID!) { expert(id: $id) { name quotes(first: 10, orderBy: NEWEST_FIRST) { pageInfo { hasNextPage endCursor } nodes { text article { title publishedAt } } } } }',
      {
        id: toGlobalId('Expert', heavy.id),
      },
    ),
  },
  { name: 'S8 feed', target: 'graphql', body: gql('{ articles(first: 20) { pageInfo { hasNextPage endCursor } nodes { title publishedAt source { name } } } }') },
  {
    name: 'S8 topic page, last',
    target: 'graphql',
    body: gql('{ topic(slug: "cybersecurity") { quotes(last: 20) { pageInfo { hasPreviousPage startCursor } nodes { text } } } }'),
  },
  {
    name: 'S8 facets, heavy speaker',
    target: 'graphql',
    body: gql('query ($id: String!) { quoteFacets(filter: { speaker: $id }) { topics { value count } months { value count } outlets { value count } } }', {
      id: toGlobalId('Expert', heavy.id),
    }),
  },
];

const only = opts.only
  ?.split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const scenarios = only ? allScenarios.filter((s) => only.some((p) => s.name.startsWith(p))) : allScenarios;
if (!scenarios.length) program.error(`--only ${opts.only} matches no scenario; they are ${allScenarios.map((s) => s.name.split(' ')[0]).join(', ')}`);

interface Ratio {
  median: number;
  min: number;
  max: number;
}

interface Result {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statementsPerRequest: number | null;
  /** The CPU time the serving process spent per request (median over rounds), in µs: unlike req/s, not shared with the load generator. */
  cpuPerRequest: number;
  /** The GraphQL server's resident memory right after this scenario's runs (the largest over rounds). */
  rssAfter: number;
  non2xx: number;
  errors: number;
}

async function main(): Promise<void> {
  const [gqlPort, rawPort] = [await freePort(), await freePort()];
  // The server runs as npm start runs it: the bundle, built first.
  const serverArgs = prepareServer('bench-server');
  const started = performance.now();
  const server = start([...(opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProf] : []), ...serverArgs], {
    NODE_ENV: 'production',
    DATABASE_PATH: opts.db,
    PORT: String(gqlPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  let raw: ChildProcess | undefined;
  try {
    await waitHealthy(`http://127.0.0.1:${gqlPort}/ready`, server);
    const coldStart = (performance.now() - started) / 1000;
    // A client registers a persisted query once, its hash with its text; the GET scenarios then send the hash alone.
    const registered = await fetch(`http://127.0.0.1:${gqlPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: S2, variables: { id: toGlobalId('Expert', rare.id) }, extensions: S2_PERSISTED }),
    });
    if (!registered.ok) throw new Error(`registering S2 as a persisted query failed: ${registered.status} ${await registered.text()}`);
    const registeredS7 = await fetch(`http://127.0.0.1:${gqlPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: S7, variables: s7Variables(rare.id), extensions: S7_PERSISTED }),
    });
    if (!registeredS7.ok) throw new Error(`registering S7 as a persisted query failed: ${registeredS7.status} ${await registeredS7.text()}`);
    // Only now: the raw handler's own start would take a core from the server's cold start.
    raw = start(['--import', 'tsx', 'src/bench/raw-server.ts', opts.db, String(rawPort)]);
    await waitHealthy(`http://127.0.0.1:${rawPort}/health`, raw);
    const stats = async () => (await (await fetch(`http://127.0.0.1:${gqlPort}/__bench/stats`)).json()) as { statements: number; memory: NodeJS.MemoryUsage };

    // Scenarios take turns, round by round, so that a noisy minute on this shared machine spreads
    // over all of them (and over the raw handler) instead of landing on one.
    const runs = new Map<Scenario, { rps: number[]; cpu: number[]; p50: number[]; p99: number[]; failed: number; statements: number; requests: number; rss: number }>();
    let n = 0;
    const run = (s: Scenario, duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${s.target === 'graphql' ? gqlPort : rawPort}${s.path ?? '/graphql'}`,
        connections: s.connections ?? opts.connections,
        duration,
        method: s.path ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: s.body,
        // S6: a new query text each time, so no parse or validation is cached.
        requests: s.unique ? [{ setupRequest: (req) => ({ ...req, body: s.body!.replace('query S2', `query S2_${n++}`) }) }] : undefined,
      });
    /** 0 for the uncached scenarios; none for the server's own number. */
    const keepSearches = async (keep?: number) => {
      const response = await fetch(`http://127.0.0.1:${gqlPort}/__bench/search-cache${keep === undefined ? '' : `?keep=${keep}`}`, { method: 'POST' });
      if (!response.ok) throw new Error(`setting the search cache failed: ${response.status}`);
    };
    for (let round = 0; round < opts.rounds; round++) {
      for (const s of scenarios) {
        if (s.uncached) await keepSearches(0);
        if (round === 0 && opts.warmup > 0) await run(s, opts.warmup);
        const before = s.target === 'graphql' ? await stats() : null;
        const pid = (s.target === 'graphql' ? server : raw!).pid!;
        const cpuBefore = cpuMs(pid);
        const r = await run(s, opts.duration / opts.rounds);
        const cpuUsed = cpuMs(pid) - cpuBefore;
        const after = s.target === 'graphql' ? await stats() : null;
        const m = runs.get(s) ?? { rps: [], cpu: [], p50: [], p99: [], failed: 0, statements: 0, requests: 0, rss: 0 };
        m.rps.push(r.requests.average);
        m.cpu.push((1000 * cpuUsed) / Math.max(1, r.requests.total));
        m.p50.push(r.latency.p50);
        m.p99.push(r.latency.p99);
        m.failed += r.non2xx + r.errors;
        if (before && after) {
          m.statements += after.statements - before.statements;
          m.requests += r.requests.total;
        }
        m.rss = Math.max(m.rss, (after ?? (await stats())).memory.rss);
        runs.set(s, m);
        if (s.uncached) await keepSearches();
      }
    }
    const results: Result[] = scenarios.map((s) => {
      const m = runs.get(s)!;
      return {
        scenario: s.name,
        requestsPerSecond: median(m.rps),
        cpuPerRequest: median(m.cpu),
        p50: median(m.p50),
        p99: median(m.p99),
        statementsPerRequest: s.target === 'graphql' ? m.statements / Math.max(1, m.requests) : null,
        non2xx: m.failed,
        errors: 0,
        rssAfter: m.rss,
      };
    });
    const rss = peakRss(server.pid!);
    // A ratio per round, GraphQL's run against the raw run a few seconds later, then the median:
    // two runs that close share the machine's mood, where medians taken apart do not.
    // Throughput is GraphQL's req/s over raw's; CPU is raw's CPU per request over GraphQL's, so
    // that above 1 means GraphQL ahead in both.
    const ratio = (a: string, b: string, metric: 'rps' | 'cpu'): Ratio | null => {
      const [x, y] = [scenarios.find((s) => s.name.startsWith(a)), scenarios.find((s) => s.name.startsWith(b))];
      if (!x || !y) return null;
      const [xs, ys] = [runs.get(x)![metric], runs.get(y)![metric]];
      const perRound = xs.map((v, i) => (metric === 'rps' ? v / ys[i] : ys[i] / v)).filter(Number.isFinite);
      return perRound.length ? { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) } : null;
    };
    const ratios = {
      heavy: ratio('S2 mission, heavy', 'S2 raw handler, heavy', 'rps'),
      rare: ratio('S2 mission, rare', 'S2 raw handler, rare', 'rps'),
      cpuHeavy: ratio('S2 mission, heavy', 'S2 raw handler, heavy', 'cpu'),
      cpuRare: ratio('S2 mission, rare', 'S2 raw handler, rare', 'cpu'),
      heavyByHash: ratio('S2 by hash (GET), heavy', 'S2 raw handler, heavy', 'rps'),
      rareByHash: ratio('S2 by hash (GET), rare', 'S2 raw handler, rare', 'rps'),
      cpuHeavyByHash: ratio('S2 by hash (GET), heavy', 'S2 raw handler, heavy', 'cpu'),
      cpuRareByHash: ratio('S2 by hash (GET), rare', 'S2 raw handler, rare', 'cpu'),
      floor: ratio('S0 floor', 'S2 raw handler, heavy', 'rps'),
      typed: ratio('S7 typed client (variables', 'S7 raw handler', 'rps'),
      typedByHash: ratio('S7 typed client by hash', 'S7 raw handler', 'rps'),
      cpuTyped: ratio('S7 typed client (variables', 'S7 raw handler', 'cpu'),
    };

    console.log(
      `database ${opts.db}: ${counts.articles} articles, ${counts.quotes} quotes; ${os.cpus().length} cores; ${opts.connections} connections (unless named), ${opts.duration} s per scenario in ${opts.rounds} rounds, medians`,
    );
    console.log(`cold start (spawn to /ready): ${coldStart.toFixed(2)} s; peak RSS of the GraphQL server: ${(rss / 2 ** 20).toFixed(0)} MB`);
    console.log('| scenario | req/s | p50 ms | p99 ms | server CPU µs/request | SQL statements/request | server RSS after, MB | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const rssMb = (r.rssAfter / 2 ** 20).toFixed(0);
      console.log(
        `| ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuPerRequest.toFixed(0)} | ${r.statementsPerRequest?.toFixed(1) ?? '—'} | ${rssMb} | ${r.non2xx + r.errors} |`,
      );
    }
    const show = (r: Ratio | null) => (r ? `${r.median.toFixed(2)} (rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '—');
    if (ratios.heavy || ratios.rare) {
      console.log(`S2, GraphQL against raw, the median of per-round ratios (the range over rounds):`);
      console.log(`- throughput, GraphQL / raw: heavy ${show(ratios.heavy)}, rare ${show(ratios.rare)}`);
      console.log(`- server CPU per request, raw / GraphQL: heavy ${show(ratios.cpuHeavy)}, rare ${show(ratios.cpuRare)}`);
    }
    if (ratios.heavyByHash || ratios.rareByHash) {
      console.log(`S2 by hash over GET (a persisted query, asked as the raw handler is), against raw:`);
      console.log(`- throughput, GraphQL / raw: heavy ${show(ratios.heavyByHash)}, rare ${show(ratios.rareByHash)}`);
      console.log(`- server CPU per request, raw / GraphQL: heavy ${show(ratios.cpuHeavyByHash)}, rare ${show(ratios.cpuRareByHash)}`);
    }
    if (ratios.typed || ratios.typedByHash) {
      console.log(`S7, a typed client's filtered quotes (variables), against raw:`);
      console.log(`- throughput, GraphQL / raw: POST ${show(ratios.typed)}, by hash (GET) ${show(ratios.typedByHash)}`);
      console.log(`- server CPU per request, raw / GraphQL: POST ${show(ratios.cpuTyped)}`);
    }
    if (ratios.floor) console.log(`- the floor (S0, no resolver) / raw S2 heavy: ${show(ratios.floor)}`);
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ db: opts.db, counts, coldStart, peakRss: rss, ratios, results }, null, 2));
    const failed = results.filter((r) => r.non2xx + r.errors > 0);
    if (failed.length) {
      console.error(`requests failed in: ${failed.map((r) => r.scenario).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([stop(server), ...(raw ? [stop(raw)] : [])]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
