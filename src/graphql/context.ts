import type { AppDb } from '../db/client';
import { authenticate, type Auth } from './auth';

/**
 * Per-request memo of DataLoaders. Modules ask for a loader by key and say how to build it, so the
 * context needs to know no module and every loader lives exactly as long as one request.
 */
export class LoaderRegistry {
  // Made on first use: a compiled request uses no loader.
  private loaders: Map<string, unknown> | undefined;

  /** After a write, so that what the mutation returns is read afresh. */
  clear(): void {
    this.loaders?.clear();
  }

  get<T>(key: string, create: () => T): T {
    this.loaders ??= new Map();
    let loader = this.loaders.get(key) as T | undefined;
    if (loader === undefined) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }
}

export interface Context {
  db: AppDb;
  loaders: LoaderRegistry;
  auth: Auth;
}

export function createContext(db: AppDb, request: { apiToken?: string; authorization?: string } = {}): Context {
  return { db, loaders: new LoaderRegistry(), auth: authenticate(request.apiToken, request.authorization) };
}
