import type http from 'node:http';

// The HTTP layer's plain parts: errors it answers itself, reading a body, writing an answer.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

/** The client went away mid-request (closed the socket, or aborted the body): nothing to answer, nothing wrong here. */
export class ClientAborted extends Error {}

export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `Request body is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `Request body is larger than ${limit} bytes.`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => reject(new ClientAborted()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientAborted());
    });
  });
}

/**
 * A content type's essence (`type/subtype`, lower case), read as RFC 9110 writes it: only spaces
 * and tabs are whitespace around it, so `application/json` followed by U+00A0 is no JSON.
 */
export const mediaType = (header: string | undefined): string | undefined =>
  header
    ?.split(';')[0]
    .replace(/^[ \t]+|[ \t]+$/g, '')
    .toLowerCase();

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** The status and headers of a GraphQL response: Apollo's, then CORS, Vary and caching. */
export function writeHead(res: http.ServerResponse, status: number, headers: Iterable<[string, string]>, cors: Record<string, string>, maxAge: number | false, vary: string): void {
  for (const [key, value] of headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(cors)) res.setHeader(key, value);
  res.setHeader('vary', vary);
  res.setHeader('cache-control', maxAge ? `public, max-age=${maxAge}` : 'no-store');
  res.statusCode = status;
}
