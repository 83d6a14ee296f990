import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap';
import { generateCorpus } from '../src/corpus/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-corpus-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(name: string, seed: number) {
  const opened = openReadyDatabase(path.join(dir, name));
  generateCorpus(opened, { articles: 300, seed, experts: 500, organisations: 100 });
  return opened;
}

describe('npm run corpus', () => {
  const a = build('a.db', 7);
  const b = build('b.db', 7);
  afterAll(() => {
    a.close();
    b.close();
  });

  it('writes quotes whose offsets hold in their article body', () => {
    const wrong = a.sqlite
      .prepare('SELECT count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id WHERE substr(a.body, q.start + 1, q."end" - q.start) <> q.text')
      .get();
    expect(wrong).toEqual({ n: 0 });
    expect((a.sqlite.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n).toBeGreaterThan(300 * 6);
  });

  it('is deterministic: the same seed gives the same rows', () => {
    const rows = (db: typeof a) =>
      db.sqlite.prepare('SELECT q.text, q.start, q.speaker_expert_id, a.title FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id').all();
    expect(rows(b)).toEqual(rows(a));
  });

  it('skews popularity: the most quoted expert far above the median', () => {
    const counts = a.sqlite.prepare('SELECT count(*) AS n FROM quotes WHERE speaker_expert_id IS NOT NULL GROUP BY speaker_expert_id ORDER BY n DESC').pluck().all() as number[];
    expect(counts[0]).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]);
  });

  it('indexes everything for search and leaves the triggers in place', () => {
    const indexed = a.sqlite.prepare('SELECT count(*) AS n FROM search_index WHERE rowid & 3 = 0').get();
    expect(indexed).toEqual(a.sqlite.prepare('SELECT count(*) AS n FROM quotes').get());
    const triggers = a.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get() as { n: number };
    // 14 keep the search index, 15 the catalogue version (migrations 0002 and 0005).
    expect(triggers.n).toBe(34);
    const hits = a.sqlite.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH \'exact: "السيبراني"\'').get() as { n: number };
    expect(hits.n).toBeGreaterThan(0);
  });

  it('leaves the search index merged into one segment, so a match walks one doclist a term', () => {
    // FTS5's idx table holds a row per leaf page of each segment.
    const segments = a.sqlite.prepare('SELECT count(DISTINCT segid) FROM search_index_idx').pluck().get();
    expect(segments).toBe(1);
  });
});
