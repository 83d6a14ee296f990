import { serverAudits, type Audit } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';

let dev: TestApp;
let prod: TestApp;
beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestApp(), startTestApp({ config: { NODE_ENV: 'production', PLAYGROUND: false, INTROSPECTION: false } })]);
});
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

// Audits whose probe query reads `__type(…)`: they fail in production, where introspection is off.
// Listed by id, so any other failure shows.
const NEEDS_INTROSPECTION = new Set<string>([
  'BF61', // MUST accept utf-8 encoded request
  '28B9', // MUST allow map {variables} parameter when accepting application/json
]);

const audits = serverAudits({ url: () => dev.url });
const isMust = (audit: Audit) => audit.name.startsWith('MUST');

async function run(url: string) {
  const results = [];
  for (const audit of serverAudits({ url })) results.push({ audit, result: await audit.fn() });
  return results;
}

describe('GraphQL over HTTP (graphql-http serverAudits), default config', () => {
  it(`has about 60 audits`, () => {
    expect(audits.length).toBeGreaterThan(50);
  });

  it.each(audits.filter(isMust).map((a) => [`${a.id} ${a.name}`, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, result.status === 'ok' ? '' : result.reason).toBe('ok');
  });

  it('reports how the SHOULD and MAY audits fare', async () => {
    const results = await run(dev.url);
    const notOk = results.filter(({ audit, result }) => !isMust(audit) && result.status !== 'ok');
    console.log(
      `graphql-http audits: ${results.length} run, ${results.filter((r) => r.result.status === 'ok').length} ok; not ok (SHOULD/MAY): ${notOk.map(({ audit }) => audit.id).join(', ') || 'none'}`,
    );
    expect(results.filter(({ audit, result }) => isMust(audit) && result.status !== 'ok')).toEqual([]);
  });
});

describe('production config: only audits that need introspection may fail', () => {
  it('no MUST audit fails but those listed as needing introspection', async () => {
    const failed = (await run(prod.url)).filter(({ audit, result }) => isMust(audit) && result.status !== 'ok').map(({ audit }) => audit.id);
    expect(failed.filter((id) => !NEEDS_INTROSPECTION.has(id))).toEqual([]);
    // And they fail for that reason only: with introspection on, the production config passes them.
    const withIntrospection = await startTestApp({ config: { NODE_ENV: 'production', PLAYGROUND: false, INTROSPECTION: true } });
    try {
      const stillFailing = (await run(withIntrospection.url)).filter(({ audit, result }) => isMust(audit) && result.status !== 'ok');
      expect(stillFailing.map(({ audit }) => audit.id)).toEqual([]);
    } finally {
      await withIntrospection.close();
    }
  });
});
