import { asc, eq } from 'drizzle-orm';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { openReadyDatabase } from '../bootstrap';
import { ConfigError, loadConfig } from '../config';
import { articles } from '../db/schema';
import { catalogueFromDb } from '../extract/catalogue';
import { reextractArticle, type ReextractChange } from '../ingest/reextract';

// `npm run reextract -- --article SLUG | --all`: the current extractor over stored articles, one
// transaction each; quotes a curator annotated or edited are kept.
const program = new Command('reextract')
  .description('Run the current extractor over stored articles again, keeping curated quotes.')
  .option('--article <slug...>', 'the articles to read again, by slug')
  .option('--all', 'every stored article')
  .option('--log', 'print a line for each article')
  .parse();
const options = program.opts<{ article?: string[]; all?: boolean; log?: boolean }>();
if (!options.all && !options.article?.length) program.error('say which articles: --article SLUG (one or more) or --all');

function main(): number {
  const config = loadConfig();
  const { db, close } = openReadyDatabase(config.DATABASE_PATH);
  try {
    const wanted = options.all
      ? db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(asc(articles.id)).all()
      : options.article!.map((slug) => {
          const row = db.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.slug, slug)).get();
          if (!row) throw new ConfigError([`--article ${slug}: no stored article has that slug`]);
          return row;
        });
    const catalogue = catalogueFromDb(db);
    const bar = wanted.length > 1 && process.stderr.isTTY && !options.log ? new SingleBar({ stream: process.stderr, format: 'reextract [{bar}] {value}/{total} {slug}' }) : null;
    bar?.start(wanted.length, 0, { slug: '' });
    const changes: ReextractChange[] = [];
    for (const { id, slug } of wanted) {
      const change = reextractArticle(db, id, catalogue);
      changes.push(change);
      if (options.log)
        console.log(
          `${slug}: ${change.skipped ? `skipped, ${change.skipped}` : `+${change.added} -${change.removed} re-attributed ${change.reattributed}, kept ${change.kept}, unlinked ${change.unlinked} people`}`,
        );
      bar?.increment(1, { slug });
    }
    bar?.stop();
    const sum = (pick: (c: ReextractChange) => number) => changes.reduce((n, c) => n + pick(c), 0);
    const skipped = changes.filter((c) => c.skipped);
    for (const c of skipped) console.error(`skipped ${c.slug}: ${c.skipped}`);
    console.error(
      `re-extracted ${changes.length - skipped.length}/${changes.length} articles: ${sum((c) => c.added)} quotes added, ${sum((c) => c.removed)} removed, ` +
        `${sum((c) => c.reattributed)} re-attributed, ${sum((c) => c.kept)} curated kept; ${sum((c) => c.unlinked)} people unlinked, ${sum((c) => c.deletedExperts)} experts deleted`,
    );
    return 0;
  } finally {
    close();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
