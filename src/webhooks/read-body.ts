import { WebhookPayloadError } from '../core/errors.js';
import { concatBytes } from './request-parts.js';

// A webhook body is read with a ceiling: a sender that announces more than the limit is refused
// before anything is read, and one that streams more stops being read at the limit. No platform
// sends call events anywhere near 5 MB (a long transcript is a few hundred kB).

/** The default ceiling of a webhook body: 5 MB. */
export const defaultMaxBodyBytes = 5 * 1024 * 1024;

function tooLarge(provider: string | null, limit: number, announced?: number): WebhookPayloadError {
  const size = announced === undefined ? 'more than' : `${announced} bytes, more than`;
  return new WebhookPayloadError(
    `The webhook body is ${size} the ${limit}-byte limit; it was refused without being read whole. ` +
      'No call event is this large: check the sender, or raise maxBodyBytes.',
    { provider, reason: 'body-too-large' },
  );
}

/** Refuses a `content-length` over the limit before anything is read. */
export function checkAnnouncedLength(provider: string | null, contentLength: string | null | undefined, limit: number): void {
  if (contentLength === null || contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return;
  const announced = Number(contentLength.trim());
  if (announced > limit) throw tooLarge(provider, limit, announced);
}

/** The bytes of a stream of chunks, stopping (and refusing) as soon as they pass the limit. */
export async function readChunks(provider: string | null, chunks: AsyncIterable<Uint8Array | string>, limit: number, stop?: () => void): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    total += bytes.length;
    if (total > limit) {
      stop?.();
      throw tooLarge(provider, limit);
    }
    parts.push(bytes);
  }
  return concatBytes(parts);
}

/** The body of a Fetch `Request`, read with the ceiling; the stream is cancelled when it passes it. */
export async function readRequestBody(provider: string | null, request: Request, limit: number): Promise<Uint8Array> {
  checkAnnouncedLength(provider, request.headers.get('content-length'), limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
  return readChunks(provider, chunks, limit, () => {
    reader.cancel().catch(() => {});
  });
}

/** Refuses a body already in memory (the `{ body, headers }` form) that is over the limit. */
export function checkBodySize(provider: string | null, body: string | Uint8Array, limit: number): void {
  // A string's UTF-8 length is at most three bytes per UTF-16 unit: measured exactly only when close.
  const length = typeof body === 'string' ? (body.length * 3 <= limit ? body.length : new TextEncoder().encode(body).length) : body.length;
  if (length > limit) throw tooLarge(provider, limit, length);
}
