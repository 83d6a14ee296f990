import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it('examples/client.ts runs the mission query with the generated types and prints the quote', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/client.ts', app.url]);
  expect(stdout).toContain('هشام معتضد');
  expect(stdout).toContain('الأمن السيبراني');
  expect(stdout).toMatch(/\[cybersecurity/);
});
