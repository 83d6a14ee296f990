import { afterAll, beforeAll, expect } from 'vitest';
import { openReadyDatabase } from '../../src/bootstrap';
import { generateCorpus } from '../../src/corpus/generate';
import { startTestApp, type TestApp } from './app';

// The compiled executor must answer exactly what the resolvers answer, byte for byte (key order
// included), and answer the queries it covers in one statement. Two servers over the same
// generated corpus: one compiles, one always runs the resolvers.

export let compiled: TestApp;
export let resolvers: TestApp;
const prepare = (dbPath: string) => {
  const db = openReadyDatabase(dbPath);
  generateCorpus(db, { articles: 80, seed: 11, experts: 25, organisations: 12 });
  db.close();
};
/** Starts the two servers for the calling test file. */
export function twoServers(): void {
  beforeAll(async () => {
    [compiled, resolvers] = await Promise.all([startTestApp({ prepare }), startTestApp({ prepare, config: { COMPILE_QUERIES: false } })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([compiled?.close(), resolvers?.close()]);
  });
}

/** The compiled server's body for the query, and the SQL it ran for it. */
export async function onCompiled(query: string, variables: Record<string, unknown> = {}) {
  compiled.counter.log = [];
  const body = await compiled.gql(query, variables);
  const all = compiled.counter.log.map((s) => s.sql);
  compiled.counter.log = null;
  // The catalogue's version, which a request reads once when it binds a topic (Context.catalogueVersion).
  const versionReads = all.filter((s) => s.startsWith('SELECT version FROM catalogue_version')).length;
  expect(versionReads, query).toBeLessThanOrEqual(1);
  // What binding the arguments reads: a slug's id, and the topic tree after the catalogue changed.
  const argumentReads = all.filter((s) => /^select "id" from "\w+" where "\w+"\."slug" = \?$/.test(s) || /^select .* from "topics"$/.test(s));
  return { body, versionReads, argumentReads, statements: all.filter((s) => !s.startsWith('SELECT version FROM catalogue_version') && !argumentReads.includes(s)) };
}

export async function both(query: string, variables: Record<string, unknown> = {}) {
  const { body, statements } = await onCompiled(query, variables);
  const expected = await resolvers.gql(query, variables);
  expect(JSON.stringify(body)).toBe(JSON.stringify(expected));
  // A compiled statement writes the whole data object, so its text opens with the object's first key.
  return { body, statements, compiledOnce: statements.filter((s) => s.startsWith(`SELECT concat('{"`)).length === 1 };
}

/**
 * The parameters SQLite's planner could read. A plan made with a bound LIMIT or keyset value is
 * made again at every run after new bindings; a parameter behind a unary plus is opaque to it.
 */
export const plannerVisibleParameters = (sql: string) => sql.replace(/'[^']*'|"[^"]*"/g, '').match(/(?<!\+)\?/g) ?? [];
