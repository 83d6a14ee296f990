import { readCatalogueVersion } from '../db/catalogue-version';
import type { AppDb } from '../db/client';
import { authenticate, type Auth } from './auth';

/** Values a request makes once and reads again (a search page read ahead of its statement), by key. */
export class RequestMemo {
  private values: Map<string, unknown> | undefined;

  /** After a write, so that what the request reads next is read afresh. */
  clear(): void {
    this.values?.clear();
  }

  get<T>(key: string, create: () => T): T {
    this.values ??= new Map();
    let value = this.values.get(key) as T | undefined;
    if (value === undefined) {
      value = create();
      this.values.set(key, value);
    }
    return value;
  }
}

export interface Context {
  db: AppDb;
  memo: RequestMemo;
  auth: Auth;
  /** The catalogue's version (catalogue-version.ts), read once a request, and again after it writes. */
  catalogueVersion(): number;
  /** After a write: what the request reads next is read afresh. */
  wrote(): void;
}

export function createContext(db: AppDb, request: { apiToken?: string; authorization?: string } = {}): Context {
  let version: number | undefined;
  const memo = new RequestMemo();
  return {
    db,
    memo,
    auth: authenticate(request.apiToken, request.authorization),
    catalogueVersion: () => (version ??= readCatalogueVersion(db)),
    wrote: () => {
      version = undefined;
      memo.clear();
    },
  };
}
