import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { configWith, type Config } from '../../src/config';
import type { Logger } from '../../src/logger';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp extends RunningApp {
  dir: string;
  dbPath: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Runs a query and returns how many SQL statements the server executed for it. */
  countStatements(query: string, variables?: Record<string, unknown>): Promise<{ statements: number; body: GraphQLResponse }>;
}

/** A real server on a free loopback port, over a fresh seeded database in a temp folder. */
export async function startTestApp(options: { apiToken?: string; config?: Partial<Config>; prepare?: (dbPath: string) => void; logger?: Logger } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-graph-'));
  const dbPath = path.join(dir, 'quotes.db');
  options.prepare?.(dbPath);
  const config = configWith({ DATABASE_PATH: dbPath, PORT: 0, HOST: '127.0.0.1', API_TOKEN: options.apiToken, LOG_LEVEL: 'silent', ...options.config });
  const app = await startApp(config, { countStatements: true, logger: options.logger });
  const gql = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };
  return {
    ...app,
    dir,
    dbPath,
    gql,
    countStatements: async (query, variables) => {
      const before = app.statements();
      const body = await gql(query, variables);
      return { statements: app.statements() - before, body };
    },
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
