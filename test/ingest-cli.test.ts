import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { MAX_TITLE } from '../src/ingest/article';

// npm run ingest checks a file as ingestArticle checks its input (src/ingest/article.ts): the same
// rules, each failure naming its field, and the good files land beside the bad ones.
it('npm run ingest refuses what ingestArticle refuses, naming the field, and stores the rest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  const body = 'وقال الباحث سمير الودغيري إن شبكات التهريب باتت تعتمد على قوارب سريعة في عبور المضيق.';
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const files = [
    write('good.json', { title: 'شبكات التهريب', body, url: 'https://example.org/good' }),
    write('long-title.json', { title: 'ع'.repeat(MAX_TITLE + 1), body }),
    write('bad-url.json', { title: 'عنوان', body, url: 'ftp://example.org/x' }),
    write('bad-source.json', { title: 'عنوان آخر', body, source: 'no-such-outlet' }),
    write('good.txt', `# عنوان نصي\n${body} وأضاف أن المراقبة تعززت على طول السواحل الشمالية.`),
  ];
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...files], { env: { ...process.env, DATABASE_PATH: path.join(dir, 'q.db') }, encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`long-title.json: title: at most ${MAX_TITLE} characters.`);
  expect(run.stderr).toContain('bad-url.json: url: give an absolute http(s) URL');
  expect(run.stderr).toContain('bad-source.json: source: no organisation is called "no-such-outlet"');
  expect(run.stderr).toMatch(/ingested 2\/5 files: 2 new articles/);
}, 60_000);
