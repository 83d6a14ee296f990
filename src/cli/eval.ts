import path from 'node:path';
import { Command } from 'commander';
import { catalogueFromSeeds } from '../extract/catalogue';
import { evaluate, goldFromFixtures, goldFromSeeds, type Scores } from '../extract/evaluate';
import { loadCatalogue, SEEDS_DIR } from '../seed/catalogue';

// `npm run eval`: quote precision and recall, speaker accuracy and topic recall on annotated articles.
const program = new Command('eval')
  .description('Score the extractor against the annotated seeds and test/fixtures.')
  .option('--fixtures <dir>', 'folder of annotated articles', path.resolve(SEEDS_DIR, '../test/fixtures'))
  .option('-v, --verbose', 'list every miss, extra and wrong speaker')
  .option('--json', 'print the scores as JSON')
  .parse();
const options = program.opts<{ fixtures: string; verbose?: boolean; json?: boolean }>();

const seeds = loadCatalogue();
// The extractor starts from the organisation and topic catalogues only: every person is new to it.
const catalogue = catalogueFromSeeds(seeds, { withExperts: false });
const parents = new Map(seeds.topics.map((t) => [t.slug, t.parent]));
const sets: [string, Scores][] = [
  ['seeds', evaluate(goldFromSeeds(seeds), catalogue, parents)],
  ['test/fixtures', evaluate(goldFromFixtures(options.fixtures), catalogue, parents)],
];

if (options.json) {
  console.log(JSON.stringify(Object.fromEntries(sets), null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  for (const [name, s] of sets) {
    const quotes = s.articles.reduce((n, a) => n + a.gold, 0);
    console.log(
      `${name.padEnd(18)} articles ${String(s.articles.length).padStart(2)}  quotes ${String(quotes).padStart(3)}  ` +
        `precision ${pct(s.precision)}  recall ${pct(s.recall)}  speaker ${pct(s.speakerAccuracy)}  ` +
        `topic recall ${pct(s.topicRecall)}  names taken for quotes ${s.namesTakenForQuotes}`,
    );
    if (options.verbose) for (const a of s.articles) for (const e of a.errors) console.log(`  ${a.id}: ${e}`);
  }
}
