import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { contentHash } from '../src/arabic/normalize';
import { generateArticle as generateArticleText } from '../src/corpus/article-text';
import { openDatabase } from '../src/db/client';
import { catalogueFromDb } from '../src/extract/catalogue';
import { extractArticle } from '../src/extract/extract';
import { Random } from '../src/corpus/random';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FILES = 80;
const KILLS = 20;

/** Runs the ingest CLI and SIGKILLs it after `ms`; resolves with the files it acknowledged as committed. */
function ingestUntilKilled(files: string[], dbPath: string, ms: number, batch: number): Promise<{ acked: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader: SIGKILL must reach the process that writes, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--log', '--batch', String(batch), ...files], {
      env: { ...process.env, DATABASE_PATH: dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was not acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acked = lines.map((l) => l.match(/^committed (\S+) /)?.[1]).filter((f): f is string => !!f);
      resolve({ acked, killed: signal === 'SIGKILL' });
    });
  });
}

it(`loses no acknowledged article and leaves no partial one after ${KILLS} SIGKILLs`, async () => {
  const random = new Random(7);
  const files = Array.from({ length: FILES }, (_, i) => {
    const file = path.join(dir, `article-${String(i).padStart(2, '0')}.txt`);
    const { title, body } = generateArticleText(random, 30);
    fs.writeFileSync(file, `${title}\n${body}\n`);
    return file;
  });
  const dbPath = path.join(dir, 'quotes.db');
  const acknowledged = new Set<string>();
  let killedMidRun = 0;
  for (let k = 0; k < KILLS; k++) {
    // Rotate the order so every run starts on different files; kill between 0.3 s and 1.8 s in,
    // committing article by article or in batches of 8.
    const order = [...files.slice((k * 7) % FILES), ...files.slice(0, (k * 7) % FILES)];
    const run = await ingestUntilKilled(order, dbPath, 300 + random.int(0, 1500), k % 2 ? 8 : 1);
    for (const f of run.acked) acknowledged.add(f);
    if (run.killed) killedMidRun += 1;
  }
  expect(acknowledged.size).toBeGreaterThan(0);
  console.log(`durability: ${killedMidRun}/${KILLS} runs killed mid-run; ${acknowledged.size}/${FILES} files acknowledged`);

  const { db, sqlite, close } = openDatabase(dbPath);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const catalogue = catalogueFromDb(db);
    const stored = sqlite
      .prepare('SELECT a.id, a.title, a.body, a.content_hash AS hash, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes FROM articles a')
      .all() as {
      id: number;
      title: string;
      body: string;
      hash: string;
      quotes: number;
    }[];
    const byHash = new Map(stored.map((a) => [a.hash, a]));
    for (const file of acknowledged) {
      const [title, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
      expect(byHash.has(contentHash(rest.join('\n').trim())), `${file} was acknowledged but is missing`).toBe(true);
      expect(title).toBeTruthy();
    }
    // No partial article: each has every quote its text yields (seeds included).
    for (const a of stored) {
      expect(a.quotes, `article ${a.id}`).toBe(extractArticle({ title: a.title, body: a.body }, catalogue).quotes.length);
    }
    expect(sqlite.prepare('SELECT count(*) AS n FROM search_index WHERE rowid & 3 = 0').get()).toEqual(sqlite.prepare('SELECT count(*) AS n FROM quotes').get());
  } finally {
    close();
  }
}, 180_000);
