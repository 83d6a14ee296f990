import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve('test/artifacts');

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.`);
  app = await startTestApp({ config: { PLAYGROUND: true } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('runs the mission example offline in GraphiQL and shows a quote', async () => {
  const origin = new URL(app.url).origin;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(`${origin}/`);
  await page.locator('.graphiql-query-editor').waitFor({ timeout: 20_000 });
  // The first tab is the mission query, preloaded from examples/01-mission.graphql.
  // biome-ignore lint/performance/useDomNodeTextContent: the text the editor shows, not its DOM's.
  await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('MissionQuotes');
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response');
  // biome-ignore lint/performance/useDomNodeTextContent: the text the result pane shows.
  await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('الأولوية الأولى');

  // Schema docs and the headers editor are there.
  expect(await page.locator('[aria-label="Show Documentation Explorer"]').count()).toBe(1);
  expect(await page.getByText('Headers', { exact: true }).count()).toBe(1);

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(4);
}, 60_000);

it('answers a browser’s GET on /graphql with the playground too', async () => {
  const res = await fetch(app.url, { headers: { accept: 'text/html' } });
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(await res.text()).toContain('/playground/graphiql.js');
});
