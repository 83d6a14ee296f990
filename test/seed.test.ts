import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../src/db/client';
import { loadSeeds, SEEDS_DIR, type Seeds } from '../src/seed/seeds';
import { seedDatabase } from '../src/seed/load';

const catalogue = loadSeeds();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function freshDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-seed-'));
  dirs.push(dir);
  const opened = openDatabase(path.join(dir, 'q.db'));
  runMigrations(opened.db);
  return opened;
}

function dump(sqlite: ReturnType<typeof freshDb>['sqlite']): Record<string, unknown> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'search_index%' AND name <> 'catalogue_version' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  // catalogue_version is left out: it counts writes (a re-seed rewrites rows as they were), it is no data.
  const rows = Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  // The full-text index by what it finds: its shadow tables' layout may change with every write.
  const match = sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid').pluck();
  const found = Object.fromEntries(['exact: "الامن"', 'stem: "ارهاب"', 'exact: "interpol"'].map((q) => [q, match.all(q)]));
  return { ...rows, search_index: sqlite.prepare('SELECT rowid FROM search_index ORDER BY rowid').pluck().all(), found };
}

describe('seed corpus annotations', () => {
  const [analysis, statement] = catalogue.articles;

  it('keeps the raw articles exactly as given in shared/seeds', () => {
    const shared = path.resolve(SEEDS_DIR, '../../shared/seeds');
    for (const article of catalogue.articles) {
      const ours = fs.readFileSync(path.join(SEEDS_DIR, 'articles', article.rawFile), 'utf8');
      const given = path.join(shared, article.rawFile);
      if (fs.existsSync(given)) expect(ours).toBe(fs.readFileSync(given, 'utf8'));
      expect(article.body).toBe(article.body.normalize('NFC'));
    }
  });

  it('annotates 22 direct quotes in the first article, by two analysts, with exact offsets', () => {
    const direct = analysis.quotes.filter((q) => q.kind === 'DIRECT');
    expect(direct).toHaveLength(22);
    const speakers = new Map<string, number>();
    for (const q of direct) {
      expect(analysis.body.slice(q.start, q.end)).toBe(q.text);
      // Quote marks are outside the text, right around it.
      expect(analysis.body[q.start - 1]).toMatch(/[“«"‘”]/);
      expect(analysis.body[q.end]).toMatch(/[”»"’“]/);
      expect(q.text).not.toMatch(/^[“”«»"]|[“”«»"]$/);
      const slug = q.speaker && 'expert' in q.speaker ? q.speaker.expert : 'none';
      speakers.set(slug, (speakers.get(slug) ?? 0) + 1);
    }
    expect(Object.fromEntries(speakers)).toEqual({ 'hicham-moatadid': 11, 'elbouraq-chadi-abdessalam': 11 });
  });

  it('takes no quoted name and no orphan closing mark for a quote', () => {
    for (const trap of analysis.notQuotes) {
      expect(analysis.body).toContain(trap.text);
      expect(analysis.quotes.some((q) => q.text === trap.text || trap.text.includes(q.text))).toBe(false);
    }
    expect(analysis.notQuotes.map((t) => t.text)).toEqual(expect.arrayContaining(['الإنتربول', 'اليوروبول']));
  });

  it('tags the cybersecurity quote with cybersecurity', () => {
    const cyber = analysis.quotes.filter((q) => q.text.includes('الأمن السيبراني'));
    expect(cyber).toHaveLength(1);
    expect(cyber[0].topics).toContain('cybersecurity');
  });

  it('annotates the police statement of the second article as an INDIRECT quote by the DGSN', () => {
    expect(statement.title).toBe('مباحثات أمنية ترسخ التعاون بين المغرب والدنمارك في مكافحة الجريمة');
    expect(statement.quotes).toHaveLength(1);
    const [q] = statement.quotes;
    expect(q.kind).toBe('INDIRECT');
    expect(q.speaker).toEqual({ organisation: 'dgsn' });
    expect(statement.body.slice(q.start, q.end)).toBe(q.text);
    expect(statement.body.slice(0, q.start)).toContain('ووفق بيان صادر عن المديرية العامة للأمن الوطني');
  });

  it('lists every person each article names', () => {
    expect(analysis.experts).toEqual(['hicham-moatadid', 'elbouraq-chadi-abdessalam']);
    expect(statement.experts).toEqual(['abdellatif-hammouchi', 'michael-worm']);
  });

  it('has the required topic tree', () => {
    const parent = Object.fromEntries(catalogue.topics.map((t) => [t.slug, t.parent]));
    expect(parent).toMatchObject({
      cybersecurity: null,
      cybercrime: 'cybersecurity',
      terrorism: null,
      'organised-crime': null,
      'drug-trafficking': 'organised-crime',
      'human-trafficking': 'organised-crime',
      migration: null,
    });
    expect(Object.keys(parent)).toEqual(expect.arrayContaining(['intelligence-sharing', 'security-diplomacy']));
  });
});

describe('npm run db:seed', () => {
  it('is idempotent: a second run leaves every table exactly as the first', () => {
    const { db, sqlite, close } = freshDb();
    seedDatabase(db, catalogue);
    const first = dump(sqlite);
    expect(first.quotes).toHaveLength(25);
    seedDatabase(db, catalogue);
    expect(dump(sqlite)).toEqual(first);
    close();
  });

  it('runs in one transaction: a bad reference leaves the database untouched', () => {
    const { db, sqlite, close } = freshDb();
    seedDatabase(db, catalogue);
    const before = dump(sqlite);
    const broken: Seeds = structuredClone(catalogue);
    broken.articles[1].quotes[0].speaker = { expert: 'nobody-of-that-name' };
    broken.experts[0].title = 'changed before the failure';
    expect(() => seedDatabase(db, broken)).toThrow(/unknown expert "nobody-of-that-name"/);
    expect(dump(sqlite)).toEqual(before);
    close();
  });
});
