import path from 'node:path';
import { Command } from 'commander';
import { catalogueFromSeeds } from '../seed/seeds';
import { evaluate, goldFromDir, goldFromFixtures, type GoldArticle, type Scores } from '../extract/evaluate';
import { goldFromSeeds } from '../seed/gold';
import { loadSeeds, SEEDS_DIR } from '../seed/seeds';

// `npm run eval [-- --dir DIR]`: precision and recall by kind, speaker accuracy, topic recall and
// junk speakers on annotated articles, with a table of misses by pattern.
const program = new Command('eval')
  .description('Score the extractor against annotated articles: the seeds and test/fixtures, or a folder in the real-press format.')
  .option('--dir <dir>', 'a folder in the real-press format (../shared/eval-real-dev/README.md) instead of the seeds and fixtures')
  .option('--fixtures <dir>', 'folder of annotated articles in the fixtures format', path.resolve(SEEDS_DIR, '../test/fixtures'))
  .option('-v, --verbose', 'list every miss, extra, wrong speaker and junk speaker')
  .option('--json', 'print the scores as JSON')
  .parse();
const options = program.opts<{ dir?: string; fixtures: string; verbose?: boolean; json?: boolean }>();

const seeds = loadSeeds();
// The extractor starts from the organisation and topic catalogues only: every person is new to it.
const catalogue = catalogueFromSeeds(seeds, { withExperts: false });
const parents = new Map(seeds.topics.map((t) => [t.slug, t.parent]));
/** A folder's gold, or a one-line error naming the file that does not read. */
function gold(read: () => GoldArticle[]): GoldArticle[] {
  try {
    return read();
  } catch (error) {
    return program.error(`eval: ${(error as Error).message}`);
  }
}
const sets: [string, Scores][] = options.dir
  ? [
      [
        options.dir,
        evaluate(
          gold(() => goldFromDir(options.dir!)),
          catalogue,
          parents,
        ),
      ],
    ]
  : [
      ['seeds', evaluate(goldFromSeeds(seeds), catalogue, parents)],
      [
        'test/fixtures',
        evaluate(
          gold(() => goldFromFixtures(options.fixtures)),
          catalogue,
          parents,
        ),
      ],
    ];

const pct = (x: number) => x.toFixed(2);
if (options.json) {
  console.log(JSON.stringify(Object.fromEntries(sets), null, 2));
} else {
  for (const [name, s] of sets) {
    const articles = s.articles.length;
    const speakers = s.articles.reduce((n, a) => n + a.speakerCorrect, 0);
    const matched = s.articles.reduce((n, a) => n + a.matched, 0);
    console.log(`${name}: ${articles} articles, ${s.byKind.DIRECT.gold} direct and ${s.byKind.INDIRECT.gold} reported statements`);
    console.log('| | gold | found | right | precision | recall |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const kind of ['DIRECT', 'INDIRECT'] as const) {
      const k = s.byKind[kind];
      console.log(`| ${kind} | ${k.gold} | ${k.predicted} | ${k.matched} | ${pct(k.precision)} | ${pct(k.recall)} |`);
    }
    console.log(`speaker right, of the statements found: ${pct(s.speakerAccuracy)} (${speakers}/${matched})`);
    console.log(`topics right, of the statements found: ${pct(s.topicRecall)}`);
    console.log(`junk speakers: ${s.junkSpeakers}; names taken for quotes: ${s.namesTakenForQuotes}`);
    const byPattern = new Map<string, { gold: number; found: number }>();
    for (const p of s.articles.flatMap((a) => a.patterns)) {
      const row = byPattern.get(p.pattern) ?? { gold: 0, found: 0 };
      row.gold += 1;
      if (p.found) row.found += 1;
      byPattern.set(p.pattern, row);
    }
    console.log('| pattern | gold | found | missed |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [pattern, row] of [...byPattern].sort((a, b) => b[1].gold - b[1].found - (a[1].gold - a[1].found))) {
      console.log(`| ${pattern} | ${row.gold} | ${row.found} | ${row.gold - row.found} |`);
    }
    if (options.verbose) for (const a of s.articles) for (const e of a.errors) console.log(`  ${a.id}: ${e}`);
    console.log('');
  }
}
