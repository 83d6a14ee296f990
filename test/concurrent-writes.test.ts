import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { contentHash } from '../src/arabic/normalize';
import { generateArticle } from '../src/corpus/article-text';
import { Random } from '../src/corpus/random';
import { openDatabase } from '../src/db/client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-concurrent-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FILES = 150;

// Another process commits a small write every few milliseconds, as a server taking curators'
// edits does, for as long as the ingest runs.
const WRITER = `
import { openDatabase } from './src/db/client.ts';
const { sqlite } = openDatabase(process.argv[1]);
let n = 0;
const insert = sqlite.prepare("INSERT INTO topics (slug, label_ar, label_en) VALUES (?, 'موضوع', 'Probe')");
const write = sqlite.transaction(() => { sqlite.prepare('SELECT count(*) FROM topics').get(); insert.run('probe-' + n++); });
setInterval(() => write.immediate(), 3);
process.on('SIGTERM', () => { console.log(n); process.exit(0); });
`;

function run(args: string[], env: Record<string, string> = {}): { done: Promise<{ code: number | null; out: string; err: string }>; kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err }))),
    kill: () => child.kill('SIGTERM'),
  };
}

it('npm run ingest stores every article while another process writes', async () => {
  const random = new Random(11);
  const files = Array.from({ length: FILES }, (_, i) => {
    const file = path.join(dir, `article-${i}.txt`);
    const { title, body } = generateArticle(random, 20);
    fs.writeFileSync(file, `${title}\n${body}\n`);
    return file;
  });
  const dbPath = path.join(dir, 'quotes.db');
  // Migrated and seeded first, by an ingest of nothing new.
  expect((await run(['src/cli/ingest.ts', '--dry-run', files[0]], { DATABASE_PATH: dbPath }).done).code).toBe(0);

  const writer = run(['--input-type=module', '-e', WRITER, dbPath], {});
  await new Promise((resolve) => setTimeout(resolve, 500));
  // One article a commit: the most commits, so the most chances to collide.
  const ingest = await run(['src/cli/ingest.ts', '--batch', '1', ...files], { DATABASE_PATH: dbPath }).done;
  writer.kill();
  const writes = Number((await writer.done).out.trim());
  console.log(`concurrent writes: ${writes} commits by the other process during the ingest`);
  expect(writes).toBeGreaterThan(0);
  expect(ingest.err).not.toMatch(/locked|busy/i);
  expect(ingest.code).toBe(0);

  const { sqlite, close } = openDatabase(dbPath);
  try {
    const hashes = new Set(sqlite.prepare('SELECT content_hash FROM articles').pluck().all() as string[]);
    for (const file of files) {
      const body = fs.readFileSync(file, 'utf8').split('\n').slice(1).join('\n').trim();
      expect(hashes.has(contentHash(body)), `${file} is missing`).toBe(true);
    }
  } finally {
    close();
  }
}, 120_000);
