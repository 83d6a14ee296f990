import { HttpError } from './messages';

/**
 * The GraphQL-over-HTTP persisted-document form (`documentId: "sha256:<hex>"`, in a POST body or a
 * GET's query string), as Apollo's persisted-query extension names the same operation: one
 * protocol reaches Apollo, whatever the client sends.
 */
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

function hashOf(documentId: unknown): string {
  const match = typeof documentId === 'string' ? DOCUMENT_ID.exec(documentId) : null;
  if (!match) throw new HttpError(400, 'documentId must be "sha256:" followed by the 64 hex digits of the operation\'s sha256 hash.');
  return match[1];
}

const withHash = (extensions: unknown, hash: string) => ({ ...(typeof extensions === 'object' && extensions ? extensions : {}), persistedQuery: { version: 1, sha256Hash: hash } });

/** A POST body with `documentId` as Apollo reads it; any other body as it is. */
export function postedDocument(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('documentId' in body)) return body;
  const { documentId, ...rest } = body as Record<string, unknown>;
  return { ...rest, extensions: withHash(rest.extensions, hashOf(documentId)) };
}

/** A GET's query string with `documentId` as Apollo reads it; any other as it is. */
export function searchWithDocument(url: URL): string {
  const documentId = url.searchParams.get('documentId');
  if (documentId === null) return url.search;
  const params = new URLSearchParams(url.search);
  params.delete('documentId');
  let extensions: unknown = {};
  try {
    extensions = JSON.parse(params.get('extensions') ?? '{}');
  } catch {
    throw new HttpError(400, 'extensions must be JSON.');
  }
  params.set('extensions', JSON.stringify(withHash(extensions, hashOf(documentId))));
  return `?${params}`;
}
