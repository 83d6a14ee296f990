import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** What a request proved about itself: mutations need the curator token. */
export interface Auth {
  readonly tokenConfigured: boolean;
  readonly presented: string | null;
  readonly valid: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Reads `Authorization: Bearer <token>` and compares it with API_TOKEN in constant time. */
export function authenticate(apiToken: string | undefined, authorization: string | undefined): Auth {
  const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;
  // Comparing digests keeps the time independent of where, or whether, the lengths differ.
  const valid = !!apiToken && presented !== null && timingSafeEqual(digest(presented), digest(apiToken));
  return { tokenConfigured: !!apiToken, presented, valid };
}

/** Fails unless the request carries the curator token. */
export function requireCurator(auth: Auth): void {
  if (!auth.tokenConfigured) {
    throw new GraphQLError(
      'Mutations are disabled on this server: set API_TOKEN (16 characters or more) in its environment and restart it, then send Authorization: Bearer <API_TOKEN>.',
      { extensions: { code: 'UNAUTHENTICATED' } },
    );
  }
  if (auth.presented === null) {
    throw new GraphQLError('This mutation needs the header Authorization: Bearer <API_TOKEN>.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (!auth.valid) {
    throw new GraphQLError('The bearer token is not valid for this server.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
}
