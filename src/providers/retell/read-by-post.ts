import type { HttpRequest } from '../../provider.js';

/**
 * A read that the platform takes as a POST (Retell's `/v3/list-calls` and `/v2/list-agents`): it
 * changes nothing, so it is safe to send again. `idempotent: true` tells the transport to retry it
 * as it retries a GET; every other POST is never sent twice.
 */
export interface IdempotentPost extends HttpRequest {
  /** The request is a POST ... */
  method: 'POST';
  /** ... that reads only: retried like a GET. */
  idempotent: true;
}

/** A POST that only reads, marked so that the transport may retry it. */
export function readSentAsPost(path: string, body: unknown, query?: HttpRequest['query']): IdempotentPost {
  return { method: 'POST', path, body, ...(query ? { query } : {}), idempotent: true };
}
