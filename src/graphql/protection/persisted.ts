import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';

/** The hash that names an operation's text in Apollo's persisted-query protocol and in the allowlist: its sha256, in hex. */
export const operationHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The request extensions with which a client names an operation by its hash. */
export const persistedQuery = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

/** The allowlist `npm run codegen` writes: sha256 of each operation's text → the text, keyed by the bare hex. */
export function readManifest(file: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_MANIFEST ${file} cannot be read as JSON: ${(error as Error).message}. Run npm run codegen.`);
  }
  if (!raw || typeof raw !== 'object') throw new Error(`PERSISTED_MANIFEST ${file} must map hashes to operations.`);
  // Keys as the client preset writes them: `sha256:<hex>` (preset 6) or the bare hex (preset 4).
  return new Map(Object.entries(raw as Record<string, string>).map(([key, text]) => [key.replace(/^sha256:/, ''), text]));
}

/**
 * The persisted-query store when only the allowlist may run: it answers the manifest's
 * operations by hash and never learns new ones (automatic persisted queries register nothing).
 */
export function manifestCache(manifest: Map<string, string>): KeyValueCache<string> {
  return {
    // Apollo prefixes its keys ("apq:<sha256>").
    get: async (key) => manifest.get(key.replace(/^apq:/, '')),
    set: async () => {},
    delete: async () => {},
  };
}

/** Refuses any operation that is not in the allowlist, whether sent by hash or as text. */
export function persistedOnlyPlugin(manifest: Map<string, string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (!manifest.has(queryHash)) {
            throw new GraphQLError('This server runs only the operations its clients were generated with (PERSISTED_ONLY=true); send one of those, by its sha256 hash.', {
              extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
