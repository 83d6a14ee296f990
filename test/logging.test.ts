import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../src/app';
import { configWith } from '../src/config';

const TOKEN = 'secret-token-that-must-not-leak';
const lines: Record<string, unknown>[] = [];
let app: RunningApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-log-'));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  app = await startApp(configWith({ DATABASE_PATH: path.join(dir, 'q.db'), PORT: 0, API_TOKEN: TOKEN }), { logger });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('logs one JSON line per request with its id, operation, duration and outcome, and never the token', async () => {
  await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-request-id': 'req-42' },
    body: JSON.stringify({ query: 'query TopicList { topics { slug } }' }),
  });
  await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ok = lines.find((l) => l.requestId === 'req-42');
  expect(ok).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', operation: 'TopicList', status: 200, outcome: 'ok' });
  expect(typeof ok?.durationMs).toBe('number');
  const rejected = lines.find((l) => l.msg === 'request' && l.status === 400);
  expect(rejected).toMatchObject({ outcome: 'rejected', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
  expect(JSON.stringify(lines)).not.toContain(TOKEN);
});
